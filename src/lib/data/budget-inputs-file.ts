/**
 * budget-inputs.arrow (written by the data build and the /data workbench's export): every input of the budget
 * simulator's verdicts — the rows `budget/inputs.ts` reads through SQL — as compact Arrow columns the page reads without DuckDB-WASM.
 * One Arrow IPC file per table, in INPUT_TABLES order, behind a small header (table count, then each byte length,
 * little-endian u32). Repeated text (towns, kinds, stages, dates) is dictionary-encoded; the child tables name
 * their community by its row in `communities` (Int32), not by its id.
 */
import {
	Bool,
	Dictionary,
	Float64,
	Int16,
	Int32,
	Int8,
	Table,
	tableFromIPC,
	tableToIPC,
	Utf8,
	vectorFromArray,
	type DataType,
	type Vector
} from 'apache-arrow';
import type { Dataset } from './rows';

/** The tables the engine's `communityStatus` reads (contacts play no part in a verdict). */
export type VerdictInputs = Omit<Dataset, 'contacts'>;

export const INPUT_TABLES = ['towns', 'communities', 'works', 'votes', 'funds', 'stage_events'] as const;

/** The file's name in a data release (static/data, the /data export zip, the office server's releases). */
export const INPUTS_FILE = 'budget-inputs.arrow';

/** How a column is stored: plain text, dictionary text, a double, a whole number, a flag, or a community's row. */
type Kind = 'text' | 'dict' | 'num' | 'int' | 'bool' | 'ref' | 'none';

const COLUMNS: { readonly [T in keyof VerdictInputs]: Readonly<Record<string, Kind>> } = {
	towns: { code: 'text', name: 'text', kind: 'dict', central: 'bool', seat_lon: 'num', seat_lat: 'num' },
	communities: {
		id: 'text',
		name: 'text',
		town_code: 'dict',
		address: 'text',
		lon: 'num',
		lat: 'num',
		completion_year: 'int',
		building_area: 'num',
		garage_area: 'num',
		households: 'int',
		owners: 'int',
		exclusive_area: 'num',
		buildings: 'int',
		housing_type: 'dict',
		in_shantytown_plan: 'bool',
		expropriation_year: 'int',
		facilities_deficient: 'bool',
		strong_will: 'bool',
		property_management: 'dict',
		satisfaction: 'num',
		notes: 'none' // internal notes play no part in a verdict (the SQL reads NULL too)
	},
	works: { community_id: 'ref', item_id: 'dict', estimated_cost: 'num', final_cost: 'num' },
	votes: {
		community_id: 'ref',
		kind: 'dict',
		date: 'dict',
		total_owners: 'int',
		total_area: 'num',
		participating_owners: 'int',
		participating_area: 'num',
		agree_owners: 'int',
		agree_area: 'num'
	},
	funds: { community_id: 'ref', date: 'dict', source: 'dict', amount: 'num' },
	stage_events: { community_id: 'ref', stage: 'dict', date: 'dict' }
};

/** A dictionary's index as narrow as its number of distinct values allows (kinds and items: one byte). */
const dictionary = (values: readonly unknown[]) => {
	const n = new Set(values).size;
	return new Dictionary(new Utf8(), n <= 127 ? new Int8() : n <= 32_767 ? new Int16() : new Int32());
};

const TYPE: Record<Exclude<Kind, 'none' | 'dict'>, () => DataType> = {
	text: () => new Utf8(),
	num: () => new Float64(),
	int: () => new Int32(),
	bool: () => new Bool(),
	ref: () => new Int32()
};

type Row = Record<string, unknown>;

function column(
	table: string,
	name: string,
	kind: Exclude<Kind, 'none'>,
	rows: readonly Row[],
	index: Map<string, number>
) {
	const values = rows.map((r, i) => {
		const v = r[name] ?? null;
		if (kind === 'ref') {
			const at = index.get(v as string);
			if (at === undefined)
				throw new Error(`budget-inputs: ${table} row ${i + 1}: ${name} ${String(v)} is no community`);
			return at;
		}
		if (kind === 'int' && v !== null && !Number.isInteger(v))
			throw new Error(`budget-inputs: ${table} row ${i + 1}: ${name} ${String(v)} is not a whole number`);
		return v;
	});
	return vectorFromArray(values, kind === 'dict' ? dictionary(values) : TYPE[kind]());
}

/** The verdicts' inputs as budget-inputs.arrow's bytes. */
export function budgetInputsArrow(inputs: VerdictInputs): Uint8Array {
	const index = new Map(inputs.communities.map((c, i) => [c.id, i]));
	const parts = INPUT_TABLES.map((t) => {
		const rows = inputs[t] as unknown as Row[];
		const vectors: Record<string, Vector> = {};
		for (const [name, kind] of Object.entries(COLUMNS[t]))
			if (kind !== 'none') vectors[name] = column(t, name, kind, rows, index);
		return tableToIPC(new Table(vectors), 'file');
	});
	const head = new DataView(new ArrayBuffer(4 * (parts.length + 1)));
	head.setUint32(0, parts.length, true);
	parts.forEach((p, i) => head.setUint32(4 * (i + 1), p.byteLength, true));
	const out = new Uint8Array(head.byteLength + parts.reduce((n, p) => n + p.byteLength, 0));
	out.set(new Uint8Array(head.buffer), 0);
	let at = head.byteLength;
	for (const p of parts) {
		out.set(p, at);
		at += p.byteLength;
	}
	return out;
}

/** Reads budget-inputs.arrow back into the row types of rows.ts (what `readInputs` gives through SQL). */
export function readBudgetInputs(bytes: Uint8Array): VerdictInputs {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const count = view.getUint32(0, true);
	if (count !== INPUT_TABLES.length)
		throw new Error(
			`budget-inputs.arrow: ${count} tables, expected ${INPUT_TABLES.length} (an older build?)`
		);
	let at = 4 * (count + 1);
	const out: Partial<Record<keyof VerdictInputs, Row[]>> = {};
	let ids: string[] = [];
	INPUT_TABLES.forEach((t, k) => {
		const length = view.getUint32(4 * (k + 1), true);
		const table = tableFromIPC(bytes.subarray(at, at + length));
		at += length;
		const cols = Object.entries(COLUMNS[t]).map(([name, kind]) => ({
			name,
			kind,
			vector: kind === 'none' ? null : table.getChild(name)
		}));
		const rows: Row[] = new Array<Row>(table.numRows);
		for (let i = 0; i < table.numRows; i++) {
			const row: Row = {};
			for (const c of cols) {
				const v: unknown = c.vector ? c.vector.get(i) : null;
				row[c.name] = c.kind === 'ref' ? ids[v as number] : (v ?? null);
			}
			rows[i] = row;
		}
		if (t === 'communities') ids = rows.map((r) => r.id as string);
		out[t] = rows;
	});
	return out as unknown as VerdictInputs;
}
