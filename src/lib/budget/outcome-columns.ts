/**
 * A run's outcomes as columns, for the trip from the simulator's worker to the page: a structured clone of 190k
 * `Outcome` objects (each with its milestones and reason) cost seconds at 300k communities, typed arrays moved
 * (transferred, not copied) and two joined strings cost milliseconds. `packOutcomes` and `unpackOutcomes` are exact
 * inverses — every field, every string and number as it was (tests/unit/budget/outcome-columns.test.ts) — so the
 * page reads the same `Outcome[]` it read before.
 */
import type { Milestones } from './forecast';
import type { Outcome, OutcomeReason, SimulationResult } from './simulate';

/** Strings joined end to end, with where each ends (exact for any string: no separator to collide with). */
export interface JoinedStrings {
	text: string;
	ends: Uint32Array;
}

/** Outcome[] as columns, row i = outcomes[i]. A date, town code or reason's id is an index into `strings` (−1: null). */
export interface OutcomeColumns {
	ids: JoinedStrings;
	names: JoinedStrings;
	/** The distinct town codes, dates and reasons' ids and deadlines of the run. */
	strings: string[];
	town: Int32Array;
	subsidy: Float64Array;
	raisedShare: Float64Array;
	/** Bits: 1 planned, 2 professional, 4 readyForPlan, 8 the milestones are a forecast. */
	flags: Uint8Array;
	/** applicationPass, fundsComplete, schemePass, planReady: four per row, indices into `strings`. */
	dates: Int32Array;
	/** 0: not funded within the plan years (null). */
	fundedYear: Int32Array;
	/** Index into REASON_CODES. */
	reason: Uint8Array;
	/** The reason's year, rank, of (0 when it has none), left (0 when none) and after/deadline (−1 when none). */
	reasonYear: Int32Array;
	reasonRank: Int32Array;
	reasonOf: Int32Array;
	reasonLeft: Float64Array;
	reasonText: Int32Array;
}

/** A run's result with its outcomes as columns (what the worker posts). */
export type PackedResult = Omit<SimulationResult, 'outcomes'> & { outcomes: OutcomeColumns };

const REASON_CODES = [
	'planned',
	'not-in-plan',
	'funded',
	'budget-strict',
	'budget-skip',
	'not-ready',
	'no-funds-forecast'
] as const satisfies readonly OutcomeReason['code'][];

const PLANNED = 1;
const PROFESSIONAL = 2;
const READY = 4;
const FORECAST = 8;

export function joinStrings(xs: readonly string[]): JoinedStrings {
	const ends = new Uint32Array(xs.length);
	let at = 0;
	for (let i = 0; i < xs.length; i++) ends[i] = at += xs[i]!.length;
	return { text: xs.join(''), ends };
}

export function splitStrings({ text, ends }: JoinedStrings): string[] {
	const out = new Array<string>(ends.length);
	let from = 0;
	for (let i = 0; i < ends.length; i++) out[i] = text.slice(from, (from = ends[i]!));
	return out;
}

/** `result`'s outcomes as columns (the other fields as they are). */
export function packOutcomes(result: SimulationResult): PackedResult {
	const os = result.outcomes;
	const n = os.length;
	const strings: string[] = [];
	const indexOf = new Map<string, number>();
	const str = (s: string | null | undefined): number => {
		if (s === null || s === undefined) return -1;
		let k = indexOf.get(s);
		if (k === undefined) {
			indexOf.set(s, (k = strings.length));
			strings.push(s);
		}
		return k;
	};
	const c: OutcomeColumns = {
		ids: joinStrings(os.map((o) => o.id)),
		names: joinStrings(os.map((o) => o.name)),
		strings,
		town: new Int32Array(n),
		subsidy: new Float64Array(n),
		raisedShare: new Float64Array(n),
		flags: new Uint8Array(n),
		dates: new Int32Array(4 * n),
		fundedYear: new Int32Array(n),
		reason: new Uint8Array(n),
		reasonYear: new Int32Array(n),
		reasonRank: new Int32Array(n),
		reasonOf: new Int32Array(n),
		reasonLeft: new Float64Array(n),
		reasonText: new Int32Array(n)
	};
	for (let i = 0; i < n; i++) {
		const o = os[i]!;
		const m = o.milestones;
		c.town[i] = str(o.townCode);
		c.subsidy[i] = o.subsidy;
		c.raisedShare[i] = o.raisedShare;
		c.flags[i] =
			(o.planned ? PLANNED : 0) |
			(o.professional ? PROFESSIONAL : 0) |
			(o.readyForPlan ? READY : 0) |
			(m.forecast ? FORECAST : 0);
		c.dates[4 * i] = str(m.applicationPass);
		c.dates[4 * i + 1] = str(m.fundsComplete);
		c.dates[4 * i + 2] = str(m.schemePass);
		c.dates[4 * i + 3] = str(m.planReady);
		c.fundedYear[i] = o.fundedYear ?? 0;
		const r = o.reason;
		c.reason[i] = REASON_CODES.indexOf(r.code);
		c.reasonYear[i] = 'year' in r ? r.year : 0;
		c.reasonRank[i] = 'rank' in r ? r.rank : 0;
		c.reasonOf[i] = 'of' in r ? r.of : 0;
		c.reasonLeft[i] = 'left' in r ? r.left : 0;
		c.reasonText[i] = str('after' in r ? r.after : 'deadline' in r ? r.deadline : null);
	}
	return { ...result, outcomes: c };
}

/** The typed arrays of `packed`, to transfer with it (they are the sender's no longer). */
export function transferables(packed: PackedResult): ArrayBuffer[] {
	const c = packed.outcomes;
	return [
		c.ids.ends,
		c.names.ends,
		c.town,
		c.subsidy,
		c.raisedShare,
		c.flags,
		c.dates,
		c.fundedYear,
		c.reason,
		c.reasonYear,
		c.reasonRank,
		c.reasonOf,
		c.reasonLeft,
		c.reasonText
	].map((a) => a.buffer as ArrayBuffer);
}

/** The result with its outcomes as objects again, equal to the one packed. */
export function unpackOutcomes(packed: PackedResult): SimulationResult {
	const c = packed.outcomes;
	const ids = splitStrings(c.ids);
	const names = splitStrings(c.names);
	const { strings } = c;
	const str = (k: number): string | null => (k < 0 ? null : strings[k]!);
	const outcomes = new Array<Outcome>(ids.length);
	for (let i = 0; i < ids.length; i++) {
		const flags = c.flags[i]!;
		const milestones: Milestones = {
			applicationPass: str(c.dates[4 * i]!),
			fundsComplete: str(c.dates[4 * i + 1]!),
			schemePass: str(c.dates[4 * i + 2]!),
			planReady: str(c.dates[4 * i + 3]!),
			forecast: (flags & FORECAST) !== 0
		};
		const year = c.reasonYear[i]!;
		let reason: OutcomeReason;
		switch (REASON_CODES[c.reason[i]!]!) {
			case 'planned':
				reason = { code: 'planned', year, rank: c.reasonRank[i]! };
				break;
			case 'not-in-plan':
				reason = { code: 'not-in-plan', year };
				break;
			case 'funded':
				reason = { code: 'funded', year, rank: c.reasonRank[i]!, of: c.reasonOf[i]!, left: c.reasonLeft[i]! };
				break;
			case 'budget-strict':
				reason = { code: 'budget-strict', year, after: str(c.reasonText[i]!)! };
				break;
			case 'budget-skip':
				reason = { code: 'budget-skip', year, left: c.reasonLeft[i]! };
				break;
			case 'not-ready':
				reason = { code: 'not-ready', year, deadline: str(c.reasonText[i]!)! };
				break;
			case 'no-funds-forecast':
				reason = { code: 'no-funds-forecast' };
				break;
		}
		outcomes[i] = {
			id: ids[i]!,
			name: names[i]!,
			townCode: str(c.town[i]!)!,
			subsidy: c.subsidy[i]!,
			milestones,
			planned: (flags & PLANNED) !== 0,
			professional: (flags & PROFESSIONAL) !== 0,
			raisedShare: c.raisedShare[i]!,
			readyForPlan: (flags & READY) !== 0,
			fundedYear: c.fundedYear[i] === 0 ? null : c.fundedYear[i]!,
			reason
		};
	}
	return { ...packed, outcomes };
}
