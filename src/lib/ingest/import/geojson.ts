/**
 * GeoJSON (with or without a BOM): town boundaries (`code`/`区划代码`, or the official layers' `XZQDM`/`XZQMC`,
 * 12-digit codes cut to 9) or community points. Coordinates in a projected CGCS2000 CRS the file declares are
 * converted to longitude/latitude with proj4; any other declared CRS is refused by name.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import proj4 from 'proj4';
import type { Problem } from '../problems';
import type { Grid } from './grid';
import { resolveTown, type TownName } from './towns';

/**
 * A projection from `def` to longitude/latitude (WGS84), each coordinate rounded to 1e-8° (about 1 mm): the last
 * digits of proj4's arithmetic differ between JavaScript engines (Node and Chromium gave 28.101300000000005 and
 * 28.1013 for one Gauss-Krüger point), and a ledger's point means nothing below a millimetre.
 */
export function toLonLat(def: string): (p: Position) => [number, number] {
	const to = proj4(def, 'EPSG:4326');
	const r = (v: number) => Math.round(v * 1e8) / 1e8;
	return (p) => {
		const [lon, lat] = to.forward([p[0]!, p[1]!]);
		return [r(lon!), r(lat!)];
	};
}

/** CRSs the importer converts (EPSG code → proj4 definition, from the EPSG registry). */
const KNOWN_CRS: Record<string, { name: string; def?: string }> = {
	'4326': { name: 'WGS 84' },
	'4490': { name: 'CGCS2000' }, // geographic; differs from WGS 84 by centimetres
	'4549': {
		name: 'CGCS2000 / 3-degree Gauss-Kruger CM 120E',
		def: '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs'
	},
	'4528': {
		name: 'CGCS2000 / 3-degree Gauss-Kruger zone 40',
		def: '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs'
	}
};

export interface GeoRead {
	townRegions?: FeatureCollection;
	points?: Grid;
}

function declaredCrs(fc: { crs?: { properties?: { name?: string } } }): string | undefined {
	return fc.crs?.properties?.name;
}

function mapCoordinates(g: Geometry, f: (p: Position) => Position): Geometry {
	const deep = (c: unknown): unknown =>
		typeof (c as number[])[0] === 'number' ? f(c as Position) : (c as unknown[]).map(deep);
	if (g.type === 'GeometryCollection')
		return { ...g, geometries: g.geometries.map((x) => mapCoordinates(x, f)) };
	return { ...g, coordinates: deep(g.coordinates) } as Geometry;
}

export function readGeojson(
	file: string,
	text: string,
	problems: Problem[],
	towns: readonly TownName[]
): GeoRead | undefined {
	const fail = (zh: string, en: string, kind = 'geojson') => {
		problems.push({ file, row: 0, kind, zh, en, level: 'error' });
		return undefined;
	};
	let fc: FeatureCollection & { crs?: { properties?: { name?: string } } };
	try {
		fc = JSON.parse(text.replace(/^\ufeff/, '')) as typeof fc;
	} catch (e) {
		return fail('不是有效的GeoJSON', `not valid GeoJSON: ${(e as Error).message}`);
	}
	if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features) || fc.features.length === 0)
		return fail('GeoJSON应为包含要素的FeatureCollection', 'expected a FeatureCollection with features');
	const crs = declaredCrs(fc);
	if (crs) {
		const epsg = /EPSG:{1,2}(\d+)$/i.exec(crs)?.[1] ?? (/CRS84$/i.test(crs) ? '4326' : undefined);
		const known = epsg ? KNOWN_CRS[epsg] : undefined;
		if (!known)
			return fail(
				`不支持的坐标系 ${crs}：请转换为WGS84或CGCS2000经纬度（EPSG:4326/4490），或CGCS2000 3度带（EPSG:4549、4528）`,
				`unsupported CRS ${crs}: convert to WGS 84 or CGCS2000 longitude/latitude (EPSG:4326/4490) or CGCS2000 3-degree zones (EPSG:4549, 4528)`,
				'crs'
			);
		if (known.def) {
			const to = toLonLat(known.def);
			fc.features = fc.features.map((f) => ({
				...f,
				geometry: f.geometry && mapCoordinates(f.geometry, to)
			}));
			problems.push({
				file,
				row: 0,
				kind: 'crs',
				zh: `坐标已从 ${known.name}（${crs}）转换为经纬度`,
				en: `coordinates converted from ${known.name} (${crs}) to longitude/latitude`,
				level: 'notice'
			});
		}
	} else {
		const first = fc.features.find((f) => f.geometry)?.geometry;
		let probe: Position | undefined;
		if (first) mapCoordinates(first, (p) => ((probe ??= p), p));
		if (probe && (Math.abs(probe[0]!) > 180 || Math.abs(probe[1]!) > 90))
			return fail(
				`坐标像是投影坐标（米，如 ${probe[0]}, ${probe[1]}），但文件未声明坐标系（crs），无法换算`,
				`coordinates look projected (metres, e.g. ${probe[0]}, ${probe[1]}) but the file declares no CRS`,
				'crs'
			);
	}
	return readFeatures(file, fc, problems, towns);
}

/**
 * Features in WGS84 (a GeoJSON file's, a shapefile's, a KML's) as the importer's input: all polygons are town
 * boundaries (their code from `code`, `区划代码` or `XZQDM`, 12-digit codes cut to 9, else from a name that is a
 * town's), all points are a layer of community points (a grid of their properties and lon/lat). A mix is refused.
 */
export function readFeatures(
	file: string,
	fc: FeatureCollection,
	problems: Problem[],
	towns: readonly TownName[]
): GeoRead | undefined {
	const fail = (zh: string, en: string, kind = 'geojson') => {
		problems.push({ file, row: 0, kind, zh, en, level: 'error' });
		return undefined;
	};
	const kinds = new Set(fc.features.map((f) => f.geometry?.type));
	if ([...kinds].every((k) => k === 'Polygon' || k === 'MultiPolygon')) {
		const named: string[] = [];
		fc.features.forEach((f: Feature, i) => {
			const props = f.properties ?? {};
			let code = props.code ?? props['区划代码'] ?? props.XZQDM ?? props.xzqdm;
			const name = props.name ?? props.XZQMC ?? props.xzqmc ?? props['名称'];
			if (code === undefined && name !== undefined) {
				const t = resolveTown(String(name), towns);
				if (t.ok === true) {
					code = t.code;
					named.push(String(name));
				}
			}
			if (code === undefined) {
				problems.push({
					file,
					row: i + 1,
					column: 'code',
					zh: '乡镇街道边界缺少区划代码属性（code、区划代码或 XZQDM），名称也不是乡镇街道名',
					en: 'town boundary feature has no code property (code, 区划代码 or XZQDM), and no town name',
					level: 'error'
				});
				return;
			}
			code = String(code).trim();
			if (/^\d{12}$/.test(code) && code.endsWith('000')) code = code.slice(0, 9);
			f.properties = { ...props, code, ...(name !== undefined ? { name: String(name) } : {}) };
		});
		if (named.length > 0)
			problems.push({
				file,
				row: 0,
				kind: 'town-mapped',
				zh: `${named.length}个边界没有区划代码，按名称对应乡镇街道（如「${named[0]}」）`,
				en: `${named.length} boundaries without a code matched to towns by name (e.g. "${named[0]}")`,
				level: 'notice'
			});
		return { townRegions: fc };
	}
	if ([...kinds].every((k) => k === 'Point')) {
		const header = [
			...new Set(
				fc.features.flatMap((f) => Object.keys(f.properties ?? {})).filter((k) => k !== 'lon' && k !== 'lat')
			)
		];
		const rows = fc.features.map((f) => {
			const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
			return [...header.map((h) => String(f.properties?.[h] ?? '')), String(lon), String(lat)];
		});
		return {
			points: {
				file,
				table: 'communities',
				layer: 'points',
				rows: [[...header, 'lon', 'lat'], ...rows],
				rowNumbers: [0, ...rows.map((_, i) => i + 1)],
				bad: new Map()
			}
		};
	}
	return fail(
		'图层应全为乡镇街道面（带区划代码）或全为小区点',
		'expected all town polygons (with a code) or all community points'
	);
}
