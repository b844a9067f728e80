/**
 * A scenario run, starting from the data's state: the plan years already decided on the as-of date (§三(四)) and
 * the communities already in a plan are facts — they are funded as planned, with the data's subsidy. Only what is
 * open is projected: the pipeline's funding dates (recorded or forecast), each open community's subsidy under the
 * scenario's policy numbers (the engine's `computeFunding`, with cost growth to its first possible plan year), and
 * the engine's `projectBudget` over 2024–2028 — once with the median forecast, and, with uncertainty on, `draws`
 * seeded times for P10 / P50 / P90. Every figure per year, and for each community the year it is funded and why.
 */
import {
	firstPlanYear,
	policyFor,
	projectBudgetIndexed,
	readinessDeadline,
	YUEQING_2023,
	type BudgetCandidate,
	type PolicyParams
} from '../policy';
import { Random } from '../util/random';
import {
	durations,
	forecast,
	recorded,
	type History,
	type Milestones,
	type PipelineCommunity
} from './forecast';
import { MoneyTable } from './money';
import { FIRST_PLAN_YEAR, LAST_PLAN_YEAR, paramsOf, PLAN_YEARS, type Scenario } from './scenario';

export interface YearResult {
	year: number;
	/** The year's plan was decided by the as-of date: its funded list is the data's, not a projection. */
	decided: boolean;
	budget: number;
	demand: number;
	funded: number;
	fundedAmount: number;
	waiting: number;
	waitingAmount: number;
	unspent: number;
	/** Residents' funds of the communities funded this year: the tier shares, and the excess over the cap. */
	residentBase: number;
	residentExcess: number;
	socialCapital: number;
	readinessDeadline: string;
}

export type OutcomeReason =
	| { code: 'planned'; year: number; rank: number }
	| { code: 'not-in-plan'; year: number }
	| { code: 'funded'; year: number; rank: number; of: number; left: number }
	| { code: 'budget-strict'; year: number; after: string }
	| { code: 'budget-skip'; year: number; left: number }
	| { code: 'not-ready'; year: number; deadline: string }
	| { code: 'no-funds-forecast' };

export interface Outcome {
	id: string;
	name: string;
	townCode: string;
	subsidy: number;
	milestones: Milestones;
	/** Already in a plan (its fundedYear is a fact of the data). */
	planned: boolean;
	professional: boolean;
	raisedShare: number;
	/** One of the map's candidates for the next plan (可列入计划), as of the data date. */
	readyForPlan: boolean;
	fundedYear: number | null;
	/** The reason for the last year it was considered (funded, or still waiting in 2028). */
	reason: OutcomeReason;
}

export interface Band {
	p10: number;
	p50: number;
	p90: number;
}

export interface SimulationResult {
	/** The first plan year not yet decided on the as-of date (the map's next plan): projection starts here. */
	firstOpenYear: number;
	years: YearResult[];
	outcomes: Outcome[];
	/** With uncertainty: per year, demand and funded count across the draws. */
	bands: { year: number; demand: Band; funded: Band }[] | null;
	ms: number;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * The first plan year not decided on `asOf`: the plan for Y is fixed by the end of May of Y−1 (§三(四)), so it is
 * the year a community ready on `asOf` could enter — the map's next plan (`nextPlan` in data/status).
 */
export function firstOpenYear(asOf: string, params: PolicyParams): number {
	return firstPlanYear(asOf, params);
}

/**
 * The plan year a community is priced for: the one it is in, else the first a readiness date allows within the
 * open years (else the last + 1). `firstPlanYear` is asked once per distinct date (a run has a few thousand).
 */
function planYearOf(params: PolicyParams, open: number) {
	const byDate = new Map<string, number>();
	return (c: PipelineCommunity, ready: string | null): number => {
		if (c.planYear !== null) return c.planYear;
		if (ready === null) return LAST_PLAN_YEAR + 1;
		let y = byDate.get(ready);
		if (y === undefined) {
			y = Math.max(open, FIRST_PLAN_YEAR, Math.min(firstPlanYear(ready, params), LAST_PLAN_YEAR + 1));
			byDate.set(ready, y);
		}
		return y;
	};
}

export function simulate(
	pipeline: readonly PipelineCommunity[],
	s: Scenario,
	h: History,
	asOf: string
): SimulationResult {
	const started = performance.now();
	const n = pipeline.length;
	const asOfYear = Number(asOf.slice(0, 4));
	const fact = policyFor(asOf) ?? YUEQING_2023;
	const params = paramsOf(s, fact);
	const open = firstOpenYear(asOf, params);
	const yearOf = planYearOf(params, open);
	// money per community per possible plan year, priced once (the draws only pick the year)
	const money = new MoneyTable(pipeline, s, asOfYear, params, fact);
	const scenario = {
		years: PLAN_YEARS.map((year) => ({ year, budget: s.budgets[year] ?? 0, decided: year < open })),
		fill: s.fill
	};
	const shares = new Float64Array(n);
	for (let i = 0; i < n; i++) shares[i] = Math.min(1, Math.max(0, pipeline[i]!.raisedShare));
	/** The year each community is priced for under `milestones` (filled by `run`). */
	const priced = new Int32Array(n);
	const run = (milestones: Milestones[]) => {
		const candidates = new Array<BudgetCandidate>(n);
		for (let i = 0; i < n; i++) {
			const c = pipeline[i]!;
			const ready = milestones[i]!.planReady;
			const year = (priced[i] = yearOf(c, ready));
			candidates[i] = {
				id: c.id,
				readyDate: ready,
				professionalManagement: c.professional,
				raisedShare: shares[i]!,
				planYear: c.planYear,
				subsidy: money.subsidy(i, year)
			};
		}
		return { candidates, years: projectBudgetIndexed(candidates, scenario, params) };
	};
	// a community already in a plan keeps its recorded dates; the others are forecast
	const milestonesOf = (d: ReturnType<typeof durations>, deterministic: boolean) => {
		const out = new Array<Milestones>(n);
		for (let i = 0; i < n; i++) {
			const c = pipeline[i]!;
			out[i] = c.planYear !== null ? recorded(c) : forecast(c, asOf, s.rates, d, deterministic);
		}
		return out;
	};

	// the median forecast
	const milestones = milestonesOf(durations(s.rates, h, null), true);
	const { candidates, years: projected } = run(milestones);
	// by the community's place in the pipeline: the year it is funded (0: not within the plan years) and why
	const fundedYear = new Int32Array(n);
	const reasons = new Array<OutcomeReason | undefined>(n);
	const lastYear = projected.at(-1)?.year;
	const years: YearResult[] = projected.map((y) => {
		const sums = new Float64Array(3); // residents' base, their excess, social capital
		let left = y.budget;
		const of = y.funded.length;
		for (let rank = 0; rank < of; rank++) {
			const i = y.funded[rank]!;
			money.addTo(sums, i, priced[i]!);
			left -= candidates[i]!.subsidy;
			fundedYear[i] = y.year;
			reasons[i] =
				pipeline[i]!.planYear === y.year
					? { code: 'planned', year: y.year, rank: rank + 1 }
					: { code: 'funded', year: y.year, rank: rank + 1, of, left: round2(left) };
		}
		// one reason for the year's waiting list (strict: waiting ones follow the one that stopped the year)
		const waitingReason: OutcomeReason | null = y.decided
			? { code: 'not-in-plan', year: y.year }
			: s.fill === 'strict'
				? y.stoppedAt === null
					? null
					: { code: 'budget-strict', year: y.year, after: pipeline[y.stoppedAt]!.id }
				: { code: 'budget-skip', year: y.year, left: y.remaining };
		// a candidate in play stays in play until funded (§三(四) deadlines only move later), so one waiting and
		// never funded is on the last year's list: only that list's reasons last
		if (y.year === lastYear)
			for (const i of y.waiting)
				reasons[i] = waitingReason ?? { code: 'budget-strict', year: y.year, after: pipeline[i]!.id };
		return {
			year: y.year,
			decided: y.decided,
			budget: y.budget,
			demand: y.demand,
			funded: y.funded.length,
			fundedAmount: y.fundedAmount,
			waiting: y.waiting.length,
			waitingAmount: round2(y.demand - y.fundedAmount), // in play and not funded
			unspent: y.remaining,
			residentBase: round2(sums[0]!),
			residentExcess: round2(sums[1]!),
			socialCapital: round2(sums[2]!),
			readinessDeadline: y.readinessDeadline
		};
	});
	const noFunds: OutcomeReason = { code: 'no-funds-forecast' };
	const notReady: OutcomeReason = {
		code: 'not-ready',
		year: LAST_PLAN_YEAR,
		deadline: readinessDeadline(LAST_PLAN_YEAR, params)
	};
	const outcomes = new Array<Outcome>(n);
	for (let i = 0; i < n; i++) {
		const c = pipeline[i]!;
		const m = milestones[i]!;
		outcomes[i] = {
			id: c.id,
			name: c.name,
			townCode: c.townCode,
			subsidy: candidates[i]!.subsidy,
			milestones: m,
			planned: c.planYear !== null,
			professional: c.professional,
			raisedShare: c.raisedShare,
			readyForPlan: c.readyForPlan,
			fundedYear: fundedYear[i] === 0 ? null : fundedYear[i]!,
			reason: reasons[i] ?? (m.planReady === null ? noFunds : notReady)
		};
	}

	let bands: SimulationResult['bands'] = null;
	if (s.uncertainty) {
		const rng = new Random(s.seed);
		const sampled = durations(s.rates, h, rng);
		const demand = PLAN_YEARS.map(() => new Float64Array(s.draws));
		const funded = PLAN_YEARS.map(() => new Float64Array(s.draws));
		for (let k = 0; k < s.draws; k++) {
			const { years: p } = run(milestonesOf(sampled, false));
			p.forEach((y, j) => {
				demand[j]![k] = y.demand;
				funded[j]![k] = y.funded.length;
			});
		}
		const band = (xs: Float64Array): Band => {
			const v = Float64Array.from(xs).sort();
			const q = (p: number) => v[Math.min(v.length - 1, Math.max(0, Math.ceil(p * v.length) - 1))]!;
			return { p10: q(0.1), p50: q(0.5), p90: q(0.9) };
		};
		bands = PLAN_YEARS.map((year, j) => ({ year, demand: band(demand[j]!), funded: band(funded[j]!) }));
	}
	return { firstOpenYear: open, years, outcomes, bands, ms: performance.now() - started };
}
