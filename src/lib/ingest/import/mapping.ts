/**
 * The keeper's column mapping: for a header the importer could not place, the schema column (and unit) it holds.
 * The same JSON is remembered by the browser's mapping step and taken by the CLI (`--mapping file.json`).
 */
import { TABLES, type TableName } from '../../schema/schema';
import type { PointCrs } from './headers';

export interface ColumnMapping {
	version: 1;
	/** `column` is a schema column, or `point` / `point-lat-first` for longitude and latitude in one cell; `crs`
	 * says the coordinates' system where the header does not (`gcj02` for 高德, `bd09` for 百度). */
	columns: { table: TableName; header: string; column: string; unit?: string; crs?: PointCrs }[];
}

const PAIRS = ['point', 'point-lat-first'];
const CRSS = ['wgs84', 'gcj02', 'bd09'];

export type MappingResult = { ok: true; mapping: ColumnMapping } | { ok: false; zh: string; en: string };

/** Checks a mapping read from JSON: version 1, known tables and columns. */
export function parseMapping(json: unknown): MappingResult {
	const m = json as Partial<ColumnMapping> | null;
	if (!m || m.version !== 1 || !Array.isArray(m.columns))
		return {
			ok: false,
			zh: '映射文件应为 {"version":1,"columns":[…]}',
			en: 'expected {"version":1,"columns":[…]}'
		};
	for (const c of m.columns) {
		const table = TABLES.find((t) => t.name === c?.table);
		if (!table || typeof c.header !== 'string')
			return { ok: false, zh: `未知的表：${String(c?.table)}`, en: `unknown table: ${String(c?.table)}` };
		if (c.crs !== undefined && !CRSS.includes(c.crs))
			return {
				ok: false,
				zh: `未知的坐标系 ${String(c.crs)}（应为 wgs84、gcj02 或 bd09）`,
				en: `unknown crs ${String(c.crs)} (expected wgs84, gcj02 or bd09)`
			};
		const pair = table.name === 'communities' && PAIRS.includes(c.column);
		if (!pair && !table.columns.some((col) => col.name === c.column))
			return {
				ok: false,
				zh: `表「${table.zh}」没有列 ${String(c.column)}`,
				en: `table ${table.name} has no column ${String(c.column)}`
			};
	}
	return { ok: true, mapping: m as ColumnMapping };
}
