/**
 * What an import would change: the communities it adds, changes (field by field) and removes, against the data
 * loaded now. Pure (no DOM, no DuckDB): the workbench shows it and the office server reuses it.
 */
import type { CommunityRow } from '../schema/rows';
import { table } from '../schema/schema';

/** One field whose value differs, under the schema's column name, with both values as stored. */
export interface FieldChange {
	column: string;
	before: unknown;
	after: unknown;
}

export interface ChangedCommunity {
	id: string;
	name: string;
	fields: FieldChange[];
}

export interface CommunityDiff {
	added: CommunityRow[];
	changed: ChangedCommunity[];
	removed: CommunityRow[];
	unchanged: number;
}

/** A row as stored (a CommunityRow, or a row read back from DuckDB). */
type Comparable = object;
const field = (r: Comparable, column: string): unknown => (r as Record<string, unknown>)[column];

/** The columns compared, in the schema's order (so the diff reads like the ledger). */
const COLUMNS = table('communities').columns.map((c) => c.name);

/**
 * Relative tolerance for numbers: values that went through Parquet and DuckDB as DOUBLE and back (e.g. 12.3 万㎡ read
 * as 123000 ㎡) must not show as changed for a last-bit difference. Far below any figure a ledger holds.
 */
const NUMBER_TOLERANCE = 1e-9;

function normalise(v: unknown): unknown {
	if (v === undefined || v === '') return null;
	if (typeof v === 'bigint') return Number(v);
	if (v instanceof Date) return v.toISOString().slice(0, 10);
	return v;
}

/** Whether two stored values are the same value (null, '' and undefined are all "empty"). */
export function sameValue(a: unknown, b: unknown): boolean {
	const x = normalise(a);
	const y = normalise(b);
	if (typeof x === 'number' && typeof y === 'number') {
		if (x === y) return true;
		return Math.abs(x - y) <= NUMBER_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
	}
	return x === y;
}

/** The date columns (计划开工时间): the loaded rows give them as epoch milliseconds (DuckDB's DATE), an import as text. */
const DATE_COLUMNS = new Set(
	table('communities')
		.columns.filter((c) => c.type === 'date')
		.map((c) => c.name)
);

/** A column's value as compared: a date column's epoch milliseconds as its `YYYY-MM-DD`. */
function valueOf(r: Comparable, column: string): unknown {
	const v = field(r, column);
	return DATE_COLUMNS.has(column) && typeof v === 'number' ? new Date(v).toISOString().slice(0, 10) : v;
}

/** The fields of `after` that differ from `before`, in schema order. */
export function changedFields(before: Comparable, after: Comparable): FieldChange[] {
	const out: FieldChange[] = [];
	for (const column of COLUMNS) {
		const b = valueOf(before, column);
		const a = valueOf(after, column);
		if (!sameValue(b, a)) out.push({ column, before: normalise(b), after: normalise(a) });
	}
	return out;
}

/** Compares communities by id: `before` is what is loaded now, `after` what the import would load. */
export function diffCommunities(
	before: readonly Comparable[],
	after: readonly CommunityRow[]
): CommunityDiff {
	const old = new Map(before.map((r) => [String(field(r, 'id')), r]));
	const seen = new Set<string>();
	const added: CommunityRow[] = [];
	const changed: ChangedCommunity[] = [];
	let unchanged = 0;
	for (const row of after) {
		seen.add(row.id);
		const prior = old.get(row.id);
		if (!prior) {
			added.push(row);
			continue;
		}
		const fields = changedFields(prior, row);
		if (fields.length) changed.push({ id: row.id, name: row.name, fields });
		else unchanged++;
	}
	const removed = before
		.filter((r) => !seen.has(String(field(r, 'id'))))
		.map((r) => r as unknown as CommunityRow);
	return { added, changed, removed, unchanged };
}
