// The simulator as it was before its hot path was rewritten on index-keyed typed arrays (session 5), kept as the
// reference the new one is tested equal to (tests/data/simulate-equal.test.ts) — priced with the engine's exact
// `computeFunding` itself rather than the float path, so the test also holds that path to the fen.
const fundingFigures = (p: Parameters<typeof computeFunding>[0], params: PolicyParams) =>
	computeFunding(p, params);

/**
 * A scenario run, starting from the data's state: the plan years already decided on the as-of date (§三(四)) and
 * the communities already in a plan are facts — they are funded as planned, with the data's subsidy. Only what is
 * open is projected: the pipeline's funding dates (recorded or forecast), each open community's subsidy under the
 * scenario's policy numbers (the engine's `computeFunding`, with cost growth to its first possible plan year), and
 * the engine's `projectBudget` over 2024–2028 — once with the median forecast, and, with uncertainty on, `draws`
 * seeded times for P10 / P50 / P90. Every figure per year, and for each community the year it is funded and why.
 */
import {
	computeFunding,
	firstPlanYear,
	policyFor,
	projectBudget,
	readinessDeadline,
	YUEQING_2023,
	type BudgetCandidate,
	type PolicyParams
} from '../../../src/lib/policy';
import { Random } from '../../../src/lib/util/random';
import {
	durations,
	forecast,
	recorded,
	type History,
	type Milestones,
	type PipelineCommunity
} from '../../../src/lib/budget/forecast';
import {
	FIRST_PLAN_YEAR,
	LAST_PLAN_YEAR,
	paramsOf,
	PLAN_YEARS,
	type Scenario
} from '../../../src/lib/budget/scenario';

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

interface Money {
	subsidy: number;
	residentBase: number;
	residentExcess: number;
	social: number;
}

/**
 * A community's money under the scenario if planned in `year` (cost growth from the as-of year); one already in a
 * plan keeps the money of the policy in force (`fact`, no growth), its subsidy as the data's status has it.
 */
function moneyFor(
	c: PipelineCommunity,
	s: Scenario,
	year: number,
	asOfYear: number,
	params: PolicyParams,
	fact: PolicyParams
): Money {
	const planned = c.planYear !== null;
	const g = planned ? 1 : (1 + s.costGrowth) ** Math.max(0, year - asOfYear);
	const investment = (c.basic + c.improvement + c.upgrade) * g;
	const f = fundingFigures(
		{
			basic: round2(c.basic * g),
			improvement: round2(c.improvement * g),
			upgrade: round2(c.upgrade * g),
			elevator: round2(c.elevator * g),
			buildingArea: c.buildingArea,
			garageArea: c.garageArea,
			socialCapital: round2(planned ? c.social : Math.max(c.social, s.socialShare * investment))
		},
		planned ? fact : params
	);
	return {
		subsidy: planned ? c.subsidy : f.subsidy,
		residentBase: f.residentBase,
		residentExcess: f.residentExcess,
		social: f.socialCapital
	};
}
const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * The first plan year not decided on `asOf`: the plan for Y is fixed by the end of May of Y−1 (§三(四)), so it is
 * the year a community ready on `asOf` could enter — the map's next plan (`nextPlan` in data/status).
 */
export function firstOpenYear(asOf: string, params: PolicyParams): number {
	return firstPlanYear(asOf, params);
}

export function simulate(
	pipeline: readonly PipelineCommunity[],
	s: Scenario,
	h: History,
	asOf: string
): SimulationResult {
	const started = performance.now();
	const asOfYear = Number(asOf.slice(0, 4));
	const fact = policyFor(asOf) ?? YUEQING_2023;
	const params = paramsOf(s, fact);
	const open = firstOpenYear(asOf, params);
	// the planned year a readiness date first allows, within the open years (else the last + 1)
	const planYearOf = (c: PipelineCommunity, ready: string | null): number => {
		if (c.planYear !== null) return c.planYear;
		if (ready === null) return LAST_PLAN_YEAR + 1;
		return Math.max(open, FIRST_PLAN_YEAR, Math.min(firstPlanYear(ready, params), LAST_PLAN_YEAR + 1));
	};
	// money per community per possible plan year, computed once (the draws only pick the year): one flat array
	// over the plan years and the year after (a planned community's year outside them is priced uncached)
	const span = LAST_PLAN_YEAR + 2 - FIRST_PLAN_YEAR;
	const moneyCache = new Array<Money | undefined>(pipeline.length * span);
	const money = pipeline.map((c, i) => (year: number) => {
		const k = year - FIRST_PLAN_YEAR;
		if (k < 0 || k >= span) return moneyFor(c, s, year, asOfYear, params, fact);
		return (moneyCache[i * span + k] ??= moneyFor(c, s, year, asOfYear, params, fact));
	});
	const scenario = {
		years: PLAN_YEARS.map((year) => ({ year, budget: s.budgets[year] ?? 0, decided: year < open })),
		fill: s.fill
	};
	const run = (milestones: Milestones[]) => {
		const candidates: BudgetCandidate[] = pipeline.map((c, i) => ({
			id: c.id,
			readyDate: milestones[i]!.planReady,
			professionalManagement: c.professional,
			raisedShare: Math.min(1, Math.max(0, c.raisedShare)),
			planYear: c.planYear,
			subsidy: money[i]!(planYearOf(c, milestones[i]!.planReady)).subsidy
		}));
		return { candidates, projection: projectBudget(candidates, scenario, params) };
	};
	// a community already in a plan keeps its recorded dates; the others are forecast
	const milestonesOf = (d: ReturnType<typeof durations>, deterministic: boolean) =>
		pipeline.map((c) => (c.planYear !== null ? recorded(c) : forecast(c, asOf, s.rates, d, deterministic)));

	// the median forecast
	const milestones = milestonesOf(durations(s.rates, h, null), true);
	const { candidates, projection } = run(milestones);
	const index = new Map(pipeline.map((c, i) => [c.id, i]));
	const fundedYear = new Map<string, number>();
	const reasons = new Map<string, OutcomeReason>();
	const years: YearResult[] = projection.years.map((y) => {
		let residentBase = 0;
		let residentExcess = 0;
		let social = 0;
		let left = y.budget;
		y.funded.forEach((id, rank) => {
			const i = index.get(id)!;
			const m = money[i]!(planYearOf(pipeline[i]!, milestones[i]!.planReady));
			residentBase += m.residentBase;
			residentExcess += m.residentExcess;
			social += m.social;
			left -= candidates[i]!.subsidy;
			fundedYear.set(id, y.year);
			reasons.set(
				id,
				pipeline[i]!.planYear === y.year
					? { code: 'planned', year: y.year, rank: rank + 1 }
					: { code: 'funded', year: y.year, rank: rank + 1, of: y.funded.length, left: round2(left) }
			);
		});
		// one reason for the year's waiting list (strict: waiting ones follow the one that stopped the year)
		const waitingReason: OutcomeReason | null = y.decided
			? { code: 'not-in-plan', year: y.year }
			: s.fill === 'strict'
				? y.stoppedAt === null
					? null
					: { code: 'budget-strict', year: y.year, after: y.stoppedAt }
				: { code: 'budget-skip', year: y.year, left: y.remaining };
		// a candidate in play stays in play until funded (§三(四) deadlines only move later), so one waiting and
		// never funded is on the last year's list: only that list's reasons last
		if (y.year === projection.years.at(-1)!.year)
			for (const id of y.waiting)
				reasons.set(id, waitingReason ?? { code: 'budget-strict', year: y.year, after: id });
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
			residentBase: round2(residentBase),
			residentExcess: round2(residentExcess),
			socialCapital: round2(social),
			readinessDeadline: y.readinessDeadline
		};
	});
	const lastYear = LAST_PLAN_YEAR;
	const outcomes: Outcome[] = pipeline.map((c, i) => {
		const m = milestones[i]!;
		const reason: OutcomeReason =
			reasons.get(c.id) ??
			(m.planReady === null
				? { code: 'no-funds-forecast' }
				: { code: 'not-ready', year: lastYear, deadline: readinessDeadline(lastYear, params) });
		return {
			id: c.id,
			name: c.name,
			townCode: c.townCode,
			subsidy: candidates[i]!.subsidy,
			milestones: m,
			planned: c.planYear !== null,
			professional: c.professional,
			raisedShare: c.raisedShare,
			readyForPlan: c.readyForPlan,
			fundedYear: fundedYear.get(c.id) ?? null,
			reason
		};
	});

	let bands: SimulationResult['bands'] = null;
	if (s.uncertainty) {
		const rng = new Random(s.seed);
		const sampled = durations(s.rates, h, rng);
		const demand = PLAN_YEARS.map(() => new Float64Array(s.draws));
		const funded = PLAN_YEARS.map(() => new Float64Array(s.draws));
		for (let k = 0; k < s.draws; k++) {
			const { projection: p } = run(milestonesOf(sampled, false));
			p.years.forEach((y, j) => {
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
