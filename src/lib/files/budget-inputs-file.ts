/**
 * budget-inputs.arrow (written by the data build and the /data workbench's export): every input of the budget
 * simulator's verdicts — the rows `budget/inputs.ts` reads through SQL — as compact Arrow columns the page reads without DuckDB-WASM.
 * One Arrow IPC file per table, in INPUT_TABLES order, behind a small header (table count, then each byte length,
 * little-endian u32). Repeated text (towns, kinds, stages, dates) is dictionary-encoded; the child tables name
 * their community by its row in `communities` (Int32), not by its id.
 */
import {
	Bool,
	Data,
	DataType,
	Dictionary,
	Float64,
	Int16,
	Int32,
	Int8,
	Table,
	Uint32,
	tableFromIPC,
	tableToIPC,
	Utf8,
	type Vector
} from 'apache-arrow';
import { vectorOf } from '../util/arrow-vector';
import type { Dataset } from '../schema/rows';

/** The tables the engine's `communityStatus` reads (contacts play no part in a verdict). */
export type VerdictInputs = Omit<Dataset, 'contacts'>;

export const INPUT_TABLES = ['towns', 'communities', 'works', 'votes', 'funds', 'stage_events'] as const;

/** The file's name in a data release (static/data, the /data export zip, the office server's releases). */
export const INPUTS_FILE = 'budget-inputs.arrow';

/**
 * How a column is stored: plain text, dictionary text, a double, an amount of money (whole fen in a Uint32 when
 * every value is exactly that, else a double), a whole number, a flag, or a community's row.
 */
type Kind = 'text' | 'dict' | 'num' | 'money' | 'int' | 'bool' | 'ref' | 'none';

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
	works: { community_id: 'ref', item_id: 'dict', estimated_cost: 'money', final_cost: 'money' },
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

/** Whole fen that read back exactly as the yuan written (under 2³² fen), or null: the column stays a double. */
const fenOf = (values: readonly unknown[]): number[] | null => {
	const out: number[] = [];
	for (const v of values) {
		if (v === null) {
			out.push(v as unknown as number);
			continue;
		}
		const fen = Math.round((v as number) * 100);
		if (!(fen >= 0 && fen < 2 ** 32 && fen / 100 === v)) return null;
		out.push(fen);
	}
	return out;
};

const TYPE: Record<Exclude<Kind, 'none' | 'dict' | 'money'>, () => DataType> = {
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
	if (kind === 'money') {
		const fen = fenOf(values);
		return fen ? vectorOf(fen, new Uint32()) : vectorOf(values, new Float64());
	}
	return vectorOf(values, kind === 'dict' ? dictionary(values) : TYPE[kind]());
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

/** 1 where the chunk's row `i` holds a value (no bitmap: all do). */
const validity = (data: Data) => {
	const bits = data.nullCount > 0 ? data.nullBitmap : undefined;
	const offset = data.offset;
	return bits ? (i: number) => ((bits[(offset + i) >> 3]! >> ((offset + i) & 7)) & 1) === 1 : () => true;
};

/**
 * One column's values in row order, read from the chunks' buffers (typed arrays, dictionary indexes, UTF-8
 * offsets) rather than cell by cell through `Vector.get`: at 300k communities that is seconds against a second.
 */
function readColumn(vector: Vector, kind: Exclude<Kind, 'none'>, ids: readonly string[]): unknown[] {
	const out = new Array<unknown>(vector.length);
	const utf8 = new TextDecoder();
	let at = 0;
	for (const data of vector.data as Data[]) {
		const n = data.length;
		const valid = validity(data);
		const values = data.values as ArrayLike<number> & { subarray?: unknown };
		let cell: (i: number) => unknown;
		if (DataType.isDictionary(data.type)) {
			const words = [...(data.dictionary as Vector)] as unknown[];
			cell = (i) => words[values[i]!];
		} else if (DataType.isUtf8(data.type)) {
			const offsets = data.valueOffsets as Int32Array;
			const bytes = data.values as Uint8Array;
			cell = (i) => utf8.decode(bytes.subarray(offsets[i]!, offsets[i + 1]!));
		} else if (DataType.isBool(data.type)) {
			const bits = data.values as Uint8Array;
			const offset = data.offset;
			cell = (i) => ((bits[(offset + i) >> 3]! >> ((offset + i) & 7)) & 1) === 1;
		} else if (kind === 'ref') cell = (i) => ids[values[i]!];
		else if (kind === 'money' && DataType.isInt(data.type)) cell = (i) => values[i]! / 100;
		else cell = (i) => values[i];
		for (let i = 0; i < n; i++) out[at + i] = valid(i) ? cell(i) : null;
		at += n;
	}
	return out;
}

type Columns = Record<string, unknown[]>;
/* eslint-disable @typescript-eslint/no-explicit-any -- a column's cells are the row type's by the file's COLUMNS */
const at = (c: Columns, name: string, i: number): any => c[name]![i];
/**
 * Each table's row, built as one object literal (a fixed shape: millions of rows at 300k communities, so no key
 * added one by one); the fields are the row types of rows.ts, type-checked here.
 */
const ROW: { readonly [T in keyof VerdictInputs]: (c: Columns, i: number) => VerdictInputs[T][number] } = {
	towns: (c, i) => ({
		code: at(c, 'code', i),
		name: at(c, 'name', i),
		kind: at(c, 'kind', i),
		central: at(c, 'central', i),
		seat_lon: at(c, 'seat_lon', i),
		seat_lat: at(c, 'seat_lat', i)
	}),
	communities: (c, i) => ({
		id: at(c, 'id', i),
		name: at(c, 'name', i),
		town_code: at(c, 'town_code', i),
		address: at(c, 'address', i),
		lon: at(c, 'lon', i),
		lat: at(c, 'lat', i),
		completion_year: at(c, 'completion_year', i),
		building_area: at(c, 'building_area', i),
		garage_area: at(c, 'garage_area', i),
		households: at(c, 'households', i),
		owners: at(c, 'owners', i),
		exclusive_area: at(c, 'exclusive_area', i),
		buildings: at(c, 'buildings', i),
		housing_type: at(c, 'housing_type', i),
		in_shantytown_plan: at(c, 'in_shantytown_plan', i),
		expropriation_year: at(c, 'expropriation_year', i),
		facilities_deficient: at(c, 'facilities_deficient', i),
		strong_will: at(c, 'strong_will', i),
		property_management: at(c, 'property_management', i),
		satisfaction: at(c, 'satisfaction', i),
		notes: null // not in the file: internal notes play no part in a verdict
	}),
	works: (c, i) => ({
		community_id: at(c, 'community_id', i),
		item_id: at(c, 'item_id', i),
		estimated_cost: at(c, 'estimated_cost', i),
		final_cost: at(c, 'final_cost', i)
	}),
	votes: (c, i) => ({
		community_id: at(c, 'community_id', i),
		kind: at(c, 'kind', i),
		date: at(c, 'date', i),
		total_owners: at(c, 'total_owners', i),
		total_area: at(c, 'total_area', i),
		participating_owners: at(c, 'participating_owners', i),
		participating_area: at(c, 'participating_area', i),
		agree_owners: at(c, 'agree_owners', i),
		agree_area: at(c, 'agree_area', i)
	}),
	funds: (c, i) => ({
		community_id: at(c, 'community_id', i),
		date: at(c, 'date', i),
		source: at(c, 'source', i),
		amount: at(c, 'amount', i)
	}),
	stage_events: (c, i) => ({
		community_id: at(c, 'community_id', i),
		stage: at(c, 'stage', i),
		date: at(c, 'date', i)
	})
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Reads budget-inputs.arrow back into the row types of rows.ts (what `readInputs` gives through SQL). */
export function readBudgetInputs(bytes: Uint8Array): VerdictInputs {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const count = view.getUint32(0, true);
	if (count !== INPUT_TABLES.length)
		throw new Error(
			`budget-inputs.arrow: ${count} tables, expected ${INPUT_TABLES.length} (an older build?)`
		);
	let offset = 4 * (count + 1);
	const out: Partial<Record<keyof VerdictInputs, unknown[]>> = {};
	let ids: string[] = [];
	INPUT_TABLES.forEach((t, k) => {
		const length = view.getUint32(4 * (k + 1), true);
		const table = tableFromIPC(bytes.subarray(offset, offset + length));
		offset += length;
		const columns: Columns = {};
		for (const [name, kind] of Object.entries(COLUMNS[t])) {
			if (kind === 'none') continue;
			const vector = table.getChild(name);
			if (!vector) throw new Error(`budget-inputs.arrow: ${t} has no column ${name} (an older build?)`);
			columns[name] = readColumn(vector, kind, ids);
		}
		const row = ROW[t];
		const rows = new Array<unknown>(table.numRows);
		for (let i = 0; i < table.numRows; i++) rows[i] = row(columns, i);
		if (t === 'communities') ids = columns.id as string[];
		out[t] = rows;
	});
	return out as unknown as VerdictInputs;
}
