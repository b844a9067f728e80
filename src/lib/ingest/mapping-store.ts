/**
 * The keeper's column mapping in the browser: the choices for a table's unplaced columns (target column, unit),
 * remembered in localStorage and written as the JSON file the CLI takes (`npm run data -- --mapping file.json`).
 * Every way in goes through the importer's `parseMapping`; a stored mapping it refuses is left untouched.
 */
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
}

/** The columns an unplaced header of `table` may be mapped to, with their units, in the schema's order. */
export function targetsFor(table: TableName): TargetChoice[] {
	const t = TABLES.find((x) => x.name === table)!;
	return t.columns.map((c) => ({
		column: c.name,
		zh: c.zh,
		unit: c.unit,
		units: (c.unit && UNIT_CHOICES[c.unit]) || []
	}));
}

/** The mapping with the choice for (table, header) set, or removed when `column` is empty. */
export function withChoice(
	m: ColumnMapping,
	table: TableName,
	header: string,
	column: string,
	unit?: string
): ColumnMapping {
	const others = m.columns.filter((c) => !(c.table === table && c.header === header));
	if (!column) return { version: 1, columns: others };
	const entry: MappingEntry = unit ? { table, header, column, unit } : { table, header, column };
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
