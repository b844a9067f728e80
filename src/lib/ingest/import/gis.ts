/**
 * GIS layers as offices keep them, into GeoJSON features in WGS84 longitude/latitude:
 * - ESRI Shapefiles, zipped or as the .shp with its sidecars: geometry by `shpjs` (parseShp), attributes by its
 *   dBase reader (parsedbf) in the encoding the .cpg names, else the dBase language byte, else detected (UTF-8 if
 *   every text decodes as UTF-8, else GBK/GB18030 — what Chinese ArcGIS and QGIS write). The CRS is the .prj's:
 *   WGS 84 and CGCS2000 longitude/latitude are taken as they are (they differ by centimetres), CGCS2000
 *   Gauss-Krüger zones are projected back with proj4; any other CRS is refused by name. A part missing (.shp, .dbf)
 *   is refused naming it.
 * - KML and KMZ from 奥维互动地图 or Google Earth: placemarks by `@tmcw/togeojson` over `@xmldom/xmldom` (a Web
 *   Worker has no DOMParser), with their ExtendedData as properties.
 * What the features are (town polygons, community points) is decided by geojson.ts, as for a GeoJSON file.
 */
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import proj4 from 'proj4';
import { parseDbf, parseShp } from 'shpjs';
import type { Problem } from '../problems';
import { toLonLat } from './geojson';

/** The parts of a shapefile a reader needs or uses, by extension. */
export const SHAPEFILE_PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg'] as const;
/** Other sidecars ArcGIS and QGIS write beside them (spatial indexes, metadata): not read, never a problem. */
const OTHER_SIDECARS = /\.(sbn|sbx|qix|fix|qmd|atx|ain|aih|mxs|ixs|shp\.xml)$/i;

export const isShapefilePart = (name: string) =>
	new RegExp(`\\.(${SHAPEFILE_PARTS.join('|')})$`, 'i').test(name) || OTHER_SIDECARS.test(name);

/** A zip's entry names, without inflating anything. */
export function zipEntries(bytes: Uint8Array): string[] | undefined {
	const names: string[] = [];
	try {
		unzipSync(bytes, {
			filter: (f) => {
				names.push(f.name);
				return false;
			}
		});
	} catch {
		return undefined;
	}
	return names;
}

/** A zip's files (folders and macOS `__MACOSX` copies left out), by name. */
export function unzipFiles(bytes: Uint8Array): { name: string; bytes: Uint8Array }[] {
	const files = unzipSync(bytes, { filter: (f) => !f.name.endsWith('/') && !f.name.includes('__MACOSX') });
	return Object.entries(files).map(([name, b]) => ({ name: zipName(name), bytes: b }));
}

/** Zip entry names written by Chinese Windows are GBK without the UTF-8 flag; fflate reads them as Latin-1. */
function zipName(name: string): string {
	if (!/[\u0080-\u00ff]/.test(name)) return name;
	const bytes = Uint8Array.from(name, (c) => c.charCodeAt(0) & 0xff);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return new TextDecoder('gb18030').decode(bytes);
	}
}

export interface Layer {
	/** The layer's name as the keeper knows it (`小区点位.shp`, `旧改小区.kml`). */
	file: string;
	features: FeatureCollection;
}

const base = (name: string) => name.replace(/\.[^.]+$/, '');
const ext = (name: string) => /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
const text = (b: Uint8Array) =>
	new TextDecoder()
		.decode(b)
		.replace(/^\ufeff/, '')
		.trim();

/** dBase language driver ids of the Chinese code pages (GBK, Big5). */
const LANGUAGE_DRIVERS: Record<number, string> = { 0x4d: 'gbk', 0x7a: 'gbk', 0x4e: 'big5', 0x78: 'big5' };

/** The .dbf's text encoding: the .cpg's, else the language byte's, else UTF-8 when every byte decodes as UTF-8,
 * else GBK; and how it was known (for the notice). */
function dbfEncoding(
	dbf: Uint8Array,
	cpg?: Uint8Array
): { encoding: string; how: 'cpg' | 'ldid' | 'detected' } {
	if (cpg) {
		const name = text(cpg).toLowerCase();
		const fixed = /^(ansi\s*)?936$|^cp936$|^gb2312$/.test(name)
			? 'gbk'
			: /^(utf-?8|65001)$/.test(name)
				? 'utf-8'
				: name;
		try {
			new TextDecoder(fixed);
			return { encoding: fixed, how: 'cpg' };
		} catch {
			// an unknown name: detect as if there were none
		}
	}
	const ldid = LANGUAGE_DRIVERS[dbf[29] ?? 0];
	if (ldid) return { encoding: ldid, how: 'ldid' };
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(32));
		return { encoding: 'utf-8', how: 'detected' };
	} catch {
		return { encoding: 'gbk', how: 'detected' };
	}
}

/** A .prj's CRS as the importer takes it: a proj4 definition to project from, none for longitude/latitude, or
 * a refusal naming it. */
function prjCrs(prj: string): { ok: true; from?: string; name: string } | { ok: false; name: string } {
	const name = /^(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS)\["([^"]+)"/i.exec(prj)?.[1] ?? prj.slice(0, 60);
	const datum = /DATUM\["([^"]+)"/i.exec(prj)?.[1] ?? '';
	const china2000 = /2000|CGCS/i.test(datum) || /CGCS\s*2000|China.*2000/i.test(prj);
	const wgs84 = /WGS_?\s?1984|WGS\s?84/i.test(datum);
	if (/^GEOG/i.test(prj.trim())) return wgs84 || china2000 ? { ok: true, name } : { ok: false, name };
	if (/^PROJ/i.test(prj.trim()) && china2000 && /Transverse_Mercator|Gauss/i.test(prj)) {
		try {
			proj4(prj, 'EPSG:4326');
			return { ok: true, from: prj, name };
		} catch {
			return { ok: false, name };
		}
	}
	return { ok: false, name };
}

function mapPositions(g: Geometry, f: (p: number[]) => number[]): Geometry {
	const deep = (c: unknown): unknown =>
		typeof (c as number[])[0] === 'number' ? f(c as number[]) : (c as unknown[]).map(deep);
	if (g.type === 'GeometryCollection')
		return { ...g, geometries: g.geometries.map((x) => mapPositions(x, f)) };
	return { ...g, coordinates: deep(g.coordinates) } as Geometry;
}

/**
 * Shapefile layers from the parts given (loose files, or a zip's entries): one layer per .shp. A .dbf, .prj or
 * .cpg without its .shp, and a .shp without its .dbf, is refused naming the missing part.
 */
export function readShapefiles(
	parts: { name: string; bytes: Uint8Array }[],
	where: string | undefined,
	problems: Problem[]
): Layer[] {
	const groups = new Map<string, Map<string, Uint8Array>>();
	for (const p of parts) {
		if (OTHER_SIDECARS.test(p.name)) continue;
		const key = base(p.name);
		if (!groups.has(key)) groups.set(key, new Map());
		groups.get(key)!.set(ext(p.name), p.bytes);
	}
	const layers: Layer[] = [];
	const inside = where ? `（${where} 中）` : '';
	const insideEn = where ? ` (in ${where})` : '';
	for (const [name, group] of groups) {
		const fail = (zh: string, en: string, kind = 'shapefile') =>
			problems.push({ file: where ?? `${name}.shp`, row: 0, kind, zh, en, level: 'error' });
		const shortName = name.split('/').pop()!;
		if (!group.has('shp')) {
			const have = [...group.keys()].map((e) => `${shortName}.${e}`).join('、');
			fail(
				`缺少 ${shortName}.shp${inside}：有 ${have}，但没有图形文件，无法读取这个图层`,
				`${shortName}.shp is missing${insideEn}: ${have} given without the shapes; the layer cannot be read`,
				'shapefile-part'
			);
			continue;
		}
		if (!group.has('dbf')) {
			fail(
				`缺少 ${shortName}.dbf${inside}：Shapefile 的属性（编号、名称）在 .dbf 中，请把 .shp、.shx、.dbf、.prj、.cpg 一起导入（或打包成一个 .zip）`,
				`${shortName}.dbf is missing${insideEn}: a shapefile's attributes are in its .dbf; import the .shp, .shx, .dbf, .prj and .cpg together (or as one .zip)`,
				'shapefile-part'
			);
			continue;
		}
		const prjBytes = group.get('prj');
		const crs = prjBytes ? prjCrs(text(prjBytes)) : undefined;
		if (crs && !crs.ok) {
			fail(
				`不支持的坐标系「${crs.name}」（${shortName}.prj）：请转换为WGS84或CGCS2000经纬度，或CGCS2000高斯-克吕格投影`,
				`unsupported coordinate system "${crs.name}" (${shortName}.prj): convert to WGS 84 or CGCS2000 longitude/latitude, or a CGCS2000 Gauss-Krüger projection`,
				'crs'
			);
			continue;
		}
		let geometries: (Geometry | null)[];
		let records: Record<string, unknown>[];
		const enc = dbfEncoding(group.get('dbf')!, group.get('cpg'));
		try {
			geometries = parseShp(group.get('shp')!) as (Geometry | null)[];
			records = parseDbf(group.get('dbf')!, enc.encoding) as Record<string, unknown>[];
		} catch (e) {
			fail(
				`无法读取 Shapefile ${shortName}：文件可能已损坏（${(e as Error).message}）`,
				`cannot read the shapefile ${shortName}: damaged? (${(e as Error).message})`
			);
			continue;
		}
		if (records.length !== geometries.length) {
			fail(
				`${shortName}.shp 有${geometries.length}个图形，${shortName}.dbf 却有${records.length}行属性：两个文件不是同一个图层`,
				`${shortName}.shp has ${geometries.length} shapes but ${shortName}.dbf ${records.length} records: not one layer`
			);
			continue;
		}
		const to = crs?.ok && crs.from ? toLonLat(crs.from) : undefined;
		const features: Feature[] = geometries.map((g, i) => ({
			type: 'Feature',
			geometry: g && to ? mapPositions(g, to) : (g as Geometry),
			properties: cleanRecord(records[i]!)
		}));
		// from a zip, the zip is the file the keeper gave (its problems sort with it)
		const file = where ?? `${shortName}.shp`;
		const encodingName = enc.encoding === 'gbk' ? 'GBK' : enc.encoding.toUpperCase();
		problems.push({
			file,
			row: 0,
			kind: 'shapefile',
			zh: `已读取 Shapefile 图层「${shortName}」${inside}：${features.length}个要素；属性按${encodingName}读取（${enc.how === 'cpg' ? `${shortName}.cpg 所写` : enc.how === 'ldid' ? '.dbf 的语言标记' : '自动识别'}）；坐标系${crs ? `「${crs.name}」${to ? '，已换算为经纬度' : ''}` : '未给出（没有 .prj），按经纬度读取'}`,
			en: `shapefile layer "${shortName}" read${insideEn}: ${features.length} feature(s); attributes read as ${encodingName} (${enc.how === 'cpg' ? `as ${shortName}.cpg says` : enc.how === 'ldid' ? "the .dbf's language byte" : 'detected'}); CRS ${crs ? `"${crs.name}"${to ? ', converted to longitude/latitude' : ''}` : 'not given (no .prj): read as longitude/latitude'}`,
			level: 'notice'
		});
		layers.push({ file, features: { type: 'FeatureCollection', features } });
	}
	return layers;
}

/** A dBase record's values as the importer reads cells: text, numbers as written, dates as YYYY-MM-DD, empty
 * numbers (NaN) empty. */
function cleanRecord(r: Record<string, unknown>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(r)) {
		const key = k.replace(/\0/g, '').trim();
		if (v instanceof Date)
			out[key] = Number.isNaN(v.getTime())
				? ''
				: `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
		else if (typeof v === 'number') out[key] = Number.isFinite(v) ? String(v) : '';
		else if (typeof v === 'boolean') out[key] = v ? '是' : '否';
		else out[key] = String(v ?? '').trim();
	}
	return out;
}

/** togeojson's styling properties: not the office's data. */
const KML_STYLE =
	/^(styleUrl|styleHash|styleMap|stroke|stroke-opacity|stroke-width|fill|fill-opacity|icon|icon-.*|label-.*|visibility|timestamp|description)$/;

/** A KML document's placemarks, their ExtendedData as properties (the placemark's <name> as `name`). */
export function readKml(file: string, xml: string, problems: Problem[]): Layer | undefined {
	const errors: string[] = [];
	const doc = new DOMParser({
		onError: (level, message) => {
			if (level !== 'warning') errors.push(message);
		}
	}).parseFromString(xml, 'text/xml');
	if (errors.length > 0 || !doc.getElementsByTagName('kml').length) {
		problems.push({
			file,
			row: 0,
			kind: 'kml',
			zh: `不是有效的KML文件${errors[0] ? `（${errors[0]}）` : ''}`,
			en: `not a valid KML file${errors[0] ? ` (${errors[0]})` : ''}`,
			level: 'error'
		});
		return undefined;
	}
	const fc = kml(doc as unknown as Document) as FeatureCollection;
	const features = fc.features
		.filter((f) => f.geometry)
		.map((f) => ({
			...f,
			properties: Object.fromEntries(
				Object.entries(f.properties ?? {})
					.filter(([k]) => !KML_STYLE.test(k))
					.map(([k, v]) => [k, typeof v === 'string' ? v.trim() : String(v ?? '')])
			)
		}));
	problems.push({
		file,
		row: 0,
		kind: 'kml',
		zh: `已读取KML：${features.length}个地标`,
		en: `KML read: ${features.length} placemark(s)`,
		level: 'notice'
	});
	return { file, features: { type: 'FeatureCollection', features } };
}
