/**
 * The keeper's column mapping in the browser: the choices for a table's unplaced columns (target column, unit),
 * remembered in localStorage and written as the JSON file the CLI takes (`npm run data -- --mapping file.json`).
 * Every way in goes through the importer's `parseMapping`; a stored mapping it refuses is left untouched.
 */
import type { PointCrs } from './import/headers';
import { parseMapping, type ColumnMapping } from './import/mapping';
import { TABLES, type TableName } from '../schema/schema';

const KEY = 'yueqing-renovation.data.mapping';

export type MappingEntry = ColumnMapping['columns'][number];

export const EMPTY_MAPPING: ColumnMapping = { version: 1, columns: [] };

/** Units a keeper may say a column is written in, by the schema column's unit (what the importer converts). */
const UNIT_CHOICES: Record<string, readonly string[]> = {
	'㎡': ['㎡', '万平方米'],
	元: ['元', '万元', '千元', '亿元']
};

export interface TargetChoice {
	column: string;
	zh: string;
	unit?: string;
	units: readonly string[];
	/** Longitude, latitude or both in one cell: the keeper may say the coordinates' system (高德 is GCJ-02). */
	crs?: boolean;
}

/** The coordinate systems a keeper may declare for a point column (the importer converts GCJ-02 and BD-09). */
export const CRS_CHOICES: readonly { code: PointCrs; zh: string; en: string }[] = [
	{ code: 'wgs84', zh: 'WGS84 / CGCS2000（GPS、天地图）', en: 'WGS84 / CGCS2000 (GPS, Tianditu)' },
	{ code: 'gcj02', zh: '高德、腾讯（GCJ-02）', en: 'AMap, Tencent (GCJ-02)' },
	{ code: 'bd09', zh: '百度（BD-09）', en: 'Baidu (BD-09)' }
];

/** The columns an unplaced header of `table` may be mapped to, with their units, in the schema's order; for
 * communities also longitude and latitude in one cell (`point`, `point-lat-first`). */
export function targetsFor(table: TableName): TargetChoice[] {
	const t = TABLES.find((x) => x.name === table)!;
	const columns: TargetChoice[] = t.columns.map((c) => ({
		column: c.name,
		zh: c.zh,
		unit: c.unit,
		units: (c.unit && UNIT_CHOICES[c.unit]) || [],
		...(c.unit === '°' ? { crs: true } : {})
	}));
	if (table !== 'communities') return columns;
	const at = columns.findIndex((c) => c.column === 'lat') + 1;
	return [
		...columns.slice(0, at),
		{ column: 'point', zh: '经纬度（一格中，经度在前）', units: [], crs: true },
		{ column: 'point-lat-first', zh: '纬经度（一格中，纬度在前）', units: [], crs: true },
		...columns.slice(at)
	];
}

/** The mapping with the choice for (table, header) set, or removed when `column` is empty. */
export function withChoice(
	m: ColumnMapping,
	table: TableName,
	header: string,
	column: string,
	unit?: string,
	crs?: PointCrs
): ColumnMapping {
	const others = m.columns.filter((c) => !(c.table === table && c.header === header));
	if (!column) return { version: 1, columns: others };
	const entry: MappingEntry = {
		table,
		header,
		column,
		...(unit ? { unit } : {}),
		...(crs && crs !== 'wgs84' ? { crs } : {})
	};
	return { version: 1, columns: [...others, entry] };
}

export function choiceOf(m: ColumnMapping, table: TableName, header: string): MappingEntry | undefined {
	return m.columns.find((c) => c.table === table && c.header === header);
}

/** The mapping remembered in this browser, or the empty one (a stored entry that cannot be read is reported). */
export function loadMapping(storage: Pick<Storage, 'getItem'>): {
	mapping: ColumnMapping;
	problem?: string;
} {
	const text = storage.getItem(KEY);
	if (!text) return { mapping: EMPTY_MAPPING };
	try {
		const r = parseMapping(JSON.parse(text));
		if (r.ok) return { mapping: r.mapping };
		return { mapping: EMPTY_MAPPING, problem: `${r.zh} / ${r.en}` };
	} catch {
		return { mapping: EMPTY_MAPPING, problem: '保存的列映射无法读取 / the saved mapping cannot be read' };
	}
}

export function saveMapping(storage: Pick<Storage, 'setItem'>, m: ColumnMapping): void {
	storage.setItem(KEY, mappingJson(m));
}

/** The mapping file for the CLI, stable (sorted) so it diffs well. */
export function mappingJson(m: ColumnMapping): string {
	const columns = [...m.columns].sort(
		(a, b) => a.table.localeCompare(b.table) || a.header.localeCompare(b.header)
	);
	return JSON.stringify({ version: 1, columns }, null, '\t') + '\n';
}
