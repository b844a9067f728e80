/// <reference lib="webworker" />
// The importer off the page's thread: reading a workbook of thousands of rows never freezes the workbench.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { importFiles } from '$lib/ingest/import/index';
import type { ImportResult, InputFile } from '$lib/ingest/import/types';
import type { ColumnMapping } from '$lib/ingest/import/mapping';
import type { TownRow } from '$lib/schema/rows';
import { makeLocate } from '$lib/geo/locate';

export interface ImportRequest {
	id: number;
	files: InputFile[];
	towns: TownRow[];
	/** 乐清's outline (boundary.geojson), for "inside 乐清?"; null when it could not be loaded. */
	outline: Feature<Polygon | MultiPolygon> | null;
	mapping: ColumnMapping;
	crs: 'wgs84' | 'gcj02';
}

export type ImportReply = { id: number; result: ImportResult } | { id: number; error: string };

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
	const { id, files, towns, outline, mapping, crs } = e.data;
	try {
		const result = await importFiles(files, {
			defaultTowns: towns,
			locate: outline ? makeLocate(outline) : undefined,
			outline: outline ?? undefined,
			mapping,
			crs,
			allowMissingPoint: true
		});
		self.postMessage({ id, result } satisfies ImportReply);
	} catch (err) {
		self.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies ImportReply);
	}
};
