// The two functions of shpjs 6 the importer uses (src/lib/ingest/import/gis.ts); the package ships no types and
// @types/shpjs describes its version 3.
declare module 'shpjs' {
	import type { Geometry } from 'geojson';
	/** A .shp's shapes (null for a null shape), projected from `prj` (WKT) to WGS 84 when given. */
	export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string): (Geometry | null)[];
	/** A .dbf's records, text decoded with `encoding` (a TextDecoder label). */
	export function parseDbf(
		dbf: ArrayBuffer | ArrayBufferView,
		encoding?: string
	): Record<string, string | number | boolean | Date>[];
}
