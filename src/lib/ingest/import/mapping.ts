/**
 * The keeper's column mapping: for a header the importer could not place, the schema column (and unit) it holds.
 * The same JSON is remembered by the browser's mapping step and taken by the CLI (`--mapping file.json`).
 */
import { TABLES, type TableName } from '../../schema/schema';

export interface ColumnMapping {
	version: 1;
	columns: { table: TableName; header: string; column: string; unit?: string }[];
}

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
		if (!table.columns.some((col) => col.name === c.column))
			return {
				ok: false,
				zh: `表「${table.zh}」没有列 ${String(c.column)}`,
				en: `table ${table.name} has no column ${String(c.column)}`
			};
	}
	return { ok: true, mapping: m as ColumnMapping };
}
