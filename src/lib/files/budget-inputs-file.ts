/**
 * The budget simulator's two files (written by the data build and the /data workbench's export, read by /budget's
 * worker without DuckDB-WASM), each holding only the columns its reader reads:
 *
 * `budget-inputs.arrow` — a run under the policy in force, fetched when /budget opens:
 * - `communities` (one row per community, the dataset's order): id, name, town_code, property_management,
 *   building_area, garage_area (the pipeline's fields, forecast.ts `PipelineCommunity`) and plan_year (the year
 *   after its 列入年度计划 event, §三(四); null when in no plan);
 * - `verdicts` (same rows): the build's own verdicts under the policy in force — `deriveStatus`, the rows
 *   status.parquet and map.arrow are written from — in the fields the simulator reads (`BudgetVerdict`): eligibility,
 *   stage, startDate, readyDate, both votes and their dates, the investment per tier, elevator, socialCapital,
 *   subsidy, residentRequired, residentRaised, readyForPlan;
 * - `subsidies`: the funds paid as 财政补助 (community, date, amount): the payments per year of the default budget.
 *
 * `budget-verdict-inputs.arrow` — what a scenario that changes a policy field needs to judge every community again
 * (`communityStatus`), fetched only then:
 * - `towns`: code, kind, central (§二(一));
 * - `communities` (the rows of budget-inputs.arrow, in its order): completion_year, housing_type,
 *   in_shantytown_plan, expropriation_year, facilities_deficient, strong_will (§二(一)), total_investment (the
 *   总投资 §五(二)1's estimate reads when no works are itemised);
 * - `works` (item_id, estimated_cost, final_cost), `votes` (kind, date, the six counts and areas), `funds` (date,
 *   source, amount), `stage_events` (stage, date) — each naming its community by its row in `communities` (Int32).
 *
 * Left out as no verdict or run reads them: the communities' address, lon, lat, households, owners,
 * exclusive_area, buildings, satisfaction and notes; the towns' name and seat; contacts.
 *
 * Each file: one Arrow IPC file per table, in the order above, behind a small header (table count, then each byte
 * length, little-endian u32). Repeated text (towns, kinds, stages, dates, classes) is dictionary-encoded; amounts of
 * money are whole fen in a Uint32 when every value of the column is exactly that, else doubles.
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
import { utf8Strings } from '../util/arrow-text';
import type { CommunityRow, FundRow, StageEventRow, VoteRow, WorksRow } from '../schema/rows';
import type { CommunityStatus, VerdictCommunity, VerdictTown } from '../verdict/status';

/** A community's row as the simulator reads it: the fields of its verdict, its name and its property management. */
export type BudgetCommunityRow = VerdictCommunity & Pick<CommunityRow, 'name' | 'property_management'>;

/**
 * Every input of a budget run and of its verdicts (the engine's `communityStatus`): what the two files carry
 * together, and what the page reads through SQL under an import (budget/inputs.ts).
 */
export interface VerdictInputs {
	towns: VerdictTown[];
	communities: BudgetCommunityRow[];
	works: WorksRow[];
	votes: VoteRow[];
	funds: FundRow[];
	stage_events: StageEventRow[];
}

/** The tables of the SQL read (budget/inputs.ts), in the order it reads them. */
export const INPUT_TABLES = ['towns', 'communities', 'works', 'votes', 'funds', 'stage_events'] as const;

/** A community as a run reads it besides its verdict: the pipeline's fields and the plan year it is already in. */
export interface BudgetCommunity {
	id: string;
	name: string;
	town_code: string;
	property_management: CommunityRow['property_management'];
	/** ㎡; null when not known (a partial list: the cap is then unknown, funding.ts). */
	building_area: number | null;
	garage_area: number | null;
	/** The year after its 列入年度计划 (the plan for Y is decided by the end of May of Y−1, §三(四)), or null. */
	plan_year: number | null;
}

/** The fields of a community's status (status.ts) the simulator reads: its pipeline, data state and impact. */
export type BudgetVerdict = Pick<
	CommunityStatus,
	| 'id'
	| 'eligibility'
	| 'stage'
	| 'startDate'
	| 'readyDate'
	| 'applicationVote'
	| 'applicationVoteDate'
	| 'schemeVote'
	| 'schemeVoteDate'
	| 'basic'
	| 'improvement'
	| 'upgrade'
	| 'elevator'
	| 'socialCapital'
	| 'subsidy'
	| 'residentRequired'
	| 'residentRaised'
	| 'readyForPlan'
>;

/** A payment of 财政补助 (a funds row with source `subsidy`). */
export type SubsidyPayment = Pick<FundRow, 'community_id' | 'date' | 'amount'>;

/** What a run under the policy in force reads (budget-inputs.arrow): the verdicts are the build's. */
export interface RunInputs {
	communities: BudgetCommunity[];
	/** Under the policy in force on the data date, in the order of `communities`. */
	verdicts: BudgetVerdict[];
	subsidies: SubsidyPayment[];
}

/** The file's name in a data release (static/data, the /data export zip, the office server's releases). */
export const INPUTS_FILE = 'budget-inputs.arrow';
/** The file a scenario changing a policy field fetches (the rest of the verdicts' inputs). */
export const VERDICT_INPUTS_FILE = 'budget-verdict-inputs.arrow';

/**
 * The plan year each community is already in: the year after its 列入年度计划 (the plan for Y is decided by the
 * end of May of Y−1, §三(四)) — the reading of `pipelineSql`'s plan year; the earliest when there are several.
 */
export function planYearsOf(stageEvents: readonly StageEventRow[]): Map<string, number> {
	const out = new Map<string, number>();
	for (const e of stageEvents) {
		if (e.stage !== 'annual-plan') continue;
		const y = Number(e.date.slice(0, 4)) + 1;
		const had = out.get(e.community_id);
		if (had === undefined || y < had) out.set(e.community_id, y);
	}
	return out;
}

/** The fields of `BudgetVerdict` picked from a full status row (one object literal: a fixed shape). */
export const budgetVerdict = (s: BudgetVerdict): BudgetVerdict => ({
	id: s.id,
	eligibility: s.eligibility,
	stage: s.stage,
	startDate: s.startDate,
	readyDate: s.readyDate,
	applicationVote: s.applicationVote,
	applicationVoteDate: s.applicationVoteDate,
	schemeVote: s.schemeVote,
	schemeVoteDate: s.schemeVoteDate,
	basic: s.basic,
	improvement: s.improvement,
	upgrade: s.upgrade,
	elevator: s.elevator,
	socialCapital: s.socialCapital,
	subsidy: s.subsidy,
	residentRequired: s.residentRequired,
	residentRaised: s.residentRaised,
	readyForPlan: s.readyForPlan
});

/** A run's inputs from every input and the verdicts under the policy in force (`verdicts`: the inputs' order). */
export function runInputsOf(inputs: VerdictInputs, verdicts: readonly BudgetVerdict[]): RunInputs {
	const plans = planYearsOf(inputs.stage_events);
	return {
		communities: inputs.communities.map((c) => ({
			id: c.id,
			name: c.name,
			town_code: c.town_code,
			property_management: c.property_management,
			building_area: c.building_area,
			garage_area: c.garage_area,
			plan_year: plans.get(c.id) ?? null
		})),
		verdicts: verdicts.map(budgetVerdict),
		subsidies: inputs.funds
			.filter((f) => f.source === 'subsidy')
			.map((f) => ({ community_id: f.community_id, date: f.date, amount: f.amount }))
	};
}

/**
 * How a column is stored: plain text, dictionary text, a double, an amount of money (whole fen in a Uint32 when
 * every value is exactly that, else a double), a whole number, a flag, or a community's row.
 */
type Kind = 'text' | 'dict' | 'num' | 'money' | 'int' | 'bool' | 'ref';
type Spec = Readonly<Record<string, Kind>>;

const RUN: Readonly<Record<'communities' | 'verdicts' | 'subsidies', Spec>> = {
	communities: {
		id: 'text',
		name: 'text',
		town_code: 'dict',
		property_management: 'dict',
		building_area: 'num',
		garage_area: 'num',
		plan_year: 'int'
	},
	verdicts: {
		eligibility: 'dict',
		stage: 'dict',
		startDate: 'dict',
		readyDate: 'dict',
		applicationVote: 'dict',
		applicationVoteDate: 'dict',
		schemeVote: 'dict',
		schemeVoteDate: 'dict',
		basic: 'money',
		improvement: 'money',
		upgrade: 'money',
		elevator: 'money',
		socialCapital: 'money',
		subsidy: 'money',
		residentRequired: 'money',
		residentRaised: 'money',
		readyForPlan: 'bool'
	},
	subsidies: { community_id: 'ref', date: 'dict', amount: 'money' }
};
const RUN_TABLES = ['communities', 'verdicts', 'subsidies'] as const;

const VERDICT: Readonly<Record<(typeof VERDICT_TABLES)[number], Spec>> = {
	towns: { code: 'text', kind: 'dict', central: 'bool' },
	communities: {
		completion_year: 'int',
		housing_type: 'dict',
		in_shantytown_plan: 'bool',
		expropriation_year: 'int',
		facilities_deficient: 'bool',
		strong_will: 'bool',
		total_investment: 'money'
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
	funds: { community_id: 'ref', date: 'dict', source: 'dict', amount: 'money' },
	stage_events: { community_id: 'ref', stage: 'dict', date: 'dict' }
};
const VERDICT_TABLES = ['towns', 'communities', 'works', 'votes', 'funds', 'stage_events'] as const;

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

const TYPE: Record<Exclude<Kind, 'dict' | 'money'>, () => DataType> = {
	text: () => new Utf8(),
	num: () => new Float64(),
	int: () => new Int32(),
	bool: () => new Bool(),
	ref: () => new Int32()
};

type Row = Readonly<Record<string, unknown>>;

function column(
	file: string,
	table: string,
	name: string,
	kind: Kind,
	rows: readonly Row[],
	index: Map<string, number>
) {
	const values = rows.map((r, i) => {
		const v = r[name] ?? null;
		if (kind === 'ref') {
			const at = index.get(v as string);
			if (at === undefined)
				throw new Error(`${file}: ${table} row ${i + 1}: ${name} ${String(v)} is no community`);
			return at;
		}
		if (kind === 'int' && v !== null && !Number.isInteger(v))
			throw new Error(`${file}: ${table} row ${i + 1}: ${name} ${String(v)} is not a whole number`);
		return v;
	});
	if (kind === 'money') {
		const fen = fenOf(values);
		return fen ? vectorOf(fen, new Uint32()) : vectorOf(values, new Float64());
	}
	return vectorOf(values, kind === 'dict' ? dictionary(values) : TYPE[kind]());
}

/** Tables as the files' bytes: the header, then each table's Arrow IPC file. */
function writeTables(
	file: string,
	tables: readonly { name: string; spec: Spec; rows: readonly Row[] }[],
	index: Map<string, number>
): Uint8Array {
	const parts = tables.map(({ name: t, spec, rows }) => {
		const vectors: Record<string, Vector> = {};
		for (const [name, kind] of Object.entries(spec)) vectors[name] = column(file, t, name, kind, rows, index);
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

/**
 * The two files' bytes: `run` (budget-inputs.arrow) and `verdict` (budget-verdict-inputs.arrow), from every input
 * and the build's verdicts under the policy in force (`deriveStatus`, in the order of `inputs.communities`).
 * @throws Error naming the file, table, row and field when a row names no community or a count is not whole.
 */
export function budgetInputsFiles(
	inputs: VerdictInputs,
	verdicts: readonly BudgetVerdict[]
): { run: Uint8Array; verdict: Uint8Array } {
	if (verdicts.length !== inputs.communities.length)
		throw new Error(
			`${INPUTS_FILE}: ${verdicts.length} verdicts for ${inputs.communities.length} communities`
		);
	const index = new Map(inputs.communities.map((c, i) => [c.id, i]));
	const run = runInputsOf(inputs, verdicts);
	const rows = (t: string) => (run as unknown as Record<string, Row[]>)[t]!;
	return {
		run: writeTables(
			INPUTS_FILE,
			RUN_TABLES.map((t) => ({ name: t, spec: RUN[t], rows: rows(t) })),
			index
		),
		verdict: writeTables(
			VERDICT_INPUTS_FILE,
			VERDICT_TABLES.map((t) => ({ name: t, spec: VERDICT[t], rows: inputs[t] as unknown as Row[] })),
			index
		)
	};
}

/** Whether the chunk's row `i` holds a value (null: no bitmap, all do). */
const validity = (data: Data): ((i: number) => boolean) | null => {
	const bits = data.nullCount > 0 ? data.nullBitmap : undefined;
	const offset = data.offset;
	return bits ? (i) => ((bits[(offset + i) >> 3]! >> ((offset + i) & 7)) & 1) === 1 : null;
};

/**
 * One column's values in row order, read from the chunks' buffers (typed arrays, dictionary indexes, UTF-8
 * offsets) in one loop per kind rather than cell by cell through `Vector.get`: at 300k communities that is
 * seconds against a fraction of one.
 */
function readColumn(vector: Vector, kind: Kind, ids: readonly string[]): unknown[] {
	const out = new Array<unknown>(vector.length);
	let at = 0;
	for (const data of vector.data as Data[]) {
		const n = data.length;
		const values = data.values as ArrayLike<number>;
		if (DataType.isDictionary(data.type)) {
			const words = [...(data.dictionary as Vector)] as unknown[];
			for (let i = 0; i < n; i++) out[at + i] = words[values[i]!];
		} else if (DataType.isUtf8(data.type)) utf8Strings(data, out, at);
		else if (DataType.isBool(data.type)) {
			const bits = data.values as Uint8Array;
			const offset = data.offset;
			for (let i = 0; i < n; i++) out[at + i] = ((bits[(offset + i) >> 3]! >> ((offset + i) & 7)) & 1) === 1;
		} else if (kind === 'ref') for (let i = 0; i < n; i++) out[at + i] = ids[values[i]!];
		else if (kind === 'money' && DataType.isInt(data.type))
			for (let i = 0; i < n; i++) out[at + i] = values[i]! / 100;
		else for (let i = 0; i < n; i++) out[at + i] = values[i];
		const valid = validity(data);
		if (valid) for (let i = 0; i < n; i++) if (!valid(i)) out[at + i] = null;
		at += n;
	}
	return out;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- a column's cells are the row type's by the file's specs */
/** A table's columns by name (cells in row order), and `rows`, its number of rows. */
type Columns = Readonly<Record<string, any>>;

/**
 * Each table's columns, read from a file's bytes, in order (`ids`: the communities' ids for the `ref` columns, given
 * the tables read so far).
 */
function readTables<T extends string>(
	file: string,
	bytes: Uint8Array,
	names: readonly T[],
	specs: Readonly<Record<T, Spec>>,
	ids: (read: Partial<Record<T, Columns>>) => readonly string[]
): Record<T, Columns> {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const count = bytes.byteLength >= 4 ? view.getUint32(0, true) : 0;
	if (count !== names.length)
		throw new Error(`${file}: ${count} tables, expected ${names.length} (an older build?)`);
	let offset = 4 * (count + 1);
	const out = {} as Record<T, Columns>;
	names.forEach((t, k) => {
		const length = view.getUint32(4 * (k + 1), true);
		const table = tableFromIPC(bytes.subarray(offset, offset + length));
		offset += length;
		const columns: Record<string, unknown[]> = {};
		for (const [name, kind] of Object.entries(specs[t])) {
			const vector = table.getChild(name);
			if (!vector) throw new Error(`${file}: ${t} has no column ${name} (an older build?)`);
			columns[name] = readColumn(vector, kind, kind === 'ref' ? ids(out) : []);
		}
		out[t] = Object.assign(columns, { rows: table.numRows }) as Columns;
	});
	return out;
}

/** `n` rows made by `row` (one object literal each: a fixed shape, millions of rows at 300k communities). */
function rowsOf<R>(n: number, row: (i: number) => R): R[] {
	const out = new Array<R>(n);
	for (let i = 0; i < n; i++) out[i] = row(i);
	return out;
}

/**
 * Reads budget-inputs.arrow: the communities as a run reads them, the build's verdicts under the policy in force,
 * the subsidy payments.
 * @throws Error naming the file when it is not one (an older build's layout: the page then reads through SQL).
 */
export function readRunInputs(bytes: Uint8Array): RunInputs {
	// the subsidies name their community by its row: the communities' ids, read first
	const t = readTables(INPUTS_FILE, bytes, RUN_TABLES, RUN, (read) => read.communities!.id as string[]);
	const c = t.communities;
	const { id, name, town_code, property_management, building_area, garage_area, plan_year } = c;
	const communities = rowsOf<BudgetCommunity>(c.rows, (i) => ({
		id: id[i],
		name: name[i],
		town_code: town_code[i],
		property_management: property_management[i],
		building_area: building_area[i],
		garage_area: garage_area[i],
		plan_year: plan_year[i]
	}));
	const v = t.verdicts;
	if (v.rows !== c.rows) throw new Error(`${INPUTS_FILE}: ${v.rows} verdicts for ${c.rows} communities`);
	const verdicts = rowsOf<BudgetVerdict>(v.rows, (i) => ({
		id: id[i],
		eligibility: v.eligibility[i],
		stage: v.stage[i],
		startDate: v.startDate[i],
		readyDate: v.readyDate[i],
		applicationVote: v.applicationVote[i],
		applicationVoteDate: v.applicationVoteDate[i],
		schemeVote: v.schemeVote[i],
		schemeVoteDate: v.schemeVoteDate[i],
		basic: v.basic[i],
		improvement: v.improvement[i],
		upgrade: v.upgrade[i],
		elevator: v.elevator[i],
		socialCapital: v.socialCapital[i],
		subsidy: v.subsidy[i],
		residentRequired: v.residentRequired[i],
		residentRaised: v.residentRaised[i],
		readyForPlan: v.readyForPlan[i]
	}));
	const s = t.subsidies;
	const subsidies = rowsOf<SubsidyPayment>(s.rows, (i) => ({
		community_id: s.community_id[i],
		date: s.date[i],
		amount: s.amount[i]
	}));
	return { communities, verdicts, subsidies };
}

/**
 * Reads budget-verdict-inputs.arrow with the run's file already read (`run`: its communities, in their order):
 * every input of the verdicts, as the SQL read gives them (budget/inputs.ts).
 * @throws Error naming the file when it is not one, or when its communities are not the run's.
 */
export function readVerdictInputs(bytes: Uint8Array, run: RunInputs): VerdictInputs {
	const ids = run.communities.map((c) => c.id);
	const t = readTables(VERDICT_INPUTS_FILE, bytes, VERDICT_TABLES, VERDICT, () => ids);
	const c = t.communities;
	if (c.rows !== ids.length)
		throw new Error(
			`${VERDICT_INPUTS_FILE}: ${c.rows} communities, ${INPUTS_FILE} has ${ids.length} (not one build?)`
		);
	const {
		completion_year,
		housing_type,
		in_shantytown_plan,
		expropriation_year,
		facilities_deficient,
		strong_will,
		total_investment
	} = c;
	const w = t.works;
	const v = t.votes;
	const f = t.funds;
	const e = t.stage_events;
	return {
		towns: rowsOf(t.towns.rows, (i) => ({
			code: t.towns.code[i],
			kind: t.towns.kind[i],
			central: t.towns.central[i]
		})),
		communities: run.communities.map((r, i) => ({
			id: r.id,
			name: r.name,
			town_code: r.town_code,
			completion_year: completion_year[i],
			building_area: r.building_area,
			garage_area: r.garage_area,
			housing_type: housing_type[i],
			in_shantytown_plan: in_shantytown_plan[i],
			expropriation_year: expropriation_year[i],
			facilities_deficient: facilities_deficient[i],
			strong_will: strong_will[i],
			total_investment: total_investment[i],
			property_management: r.property_management
		})),
		works: rowsOf(w.rows, (i) => ({
			community_id: w.community_id[i],
			item_id: w.item_id[i],
			estimated_cost: w.estimated_cost[i],
			final_cost: w.final_cost[i]
		})),
		votes: rowsOf(v.rows, (i) => ({
			community_id: v.community_id[i],
			kind: v.kind[i],
			date: v.date[i],
			total_owners: v.total_owners[i],
			total_area: v.total_area[i],
			participating_owners: v.participating_owners[i],
			participating_area: v.participating_area[i],
			agree_owners: v.agree_owners[i],
			agree_area: v.agree_area[i]
		})),
		funds: rowsOf(f.rows, (i) => ({
			community_id: f.community_id[i],
			date: f.date[i],
			source: f.source[i],
			amount: f.amount[i]
		})),
		stage_events: rowsOf(e.rows, (i) => ({
			community_id: e.community_id[i],
			stage: e.stage[i],
			date: e.date[i]
		}))
	};
}
/* eslint-enable @typescript-eslint/no-explicit-any */
