import { describe, expect, it } from 'vitest';
import { computeFunding, YUEQING_2023 } from '../policy';
import { durations, estimateRates, forecast, history, type PipelineCommunity } from './forecast';
import {
	checkScenario,
	defaultScenario,
	planYears,
	readScenario,
	uniqueName,
	type Rates,
	type Scenario
} from './scenario';
import { EMPTY_FILTER } from '../filter/filters';
import { pipelineFilter, pipelineSearch } from './pipeline-filter';
import { defaultBudgets, waitingList } from './plan-state';
import { compare } from './compare';
import { firstOpenYear, simulate } from './simulate';

const ASOF = '2025-11-15';
/** An as-of date before any plan of 2024–2028 is decided: every year is open (§三(四)). */
const ALL_OPEN = '2023-01-15';
const RATES: Rates = {
	startDelayDays: 180,
	toApplicationVoteDays: 60,
	toFundsDays: 120,
	toSchemeVoteDays: 200,
	passRate: 0.8
};

function community(id: string, over: Partial<PipelineCommunity> = {}): PipelineCommunity {
	return {
		id,
		name: `小区${id}`,
		townCode: '330382002',
		// the town's review passed (the next stage begun): with funds complete, ready for a plan (§三(四))
		stage: 'competitive-review',
		professional: false,
		buildingArea: 10_000,
		garageArea: 0,
		basic: 1_000_000,
		improvement: 500_000,
		upgrade: 200_000,
		elevator: 0,
		social: 0,
		subsidy: 0,
		readyDate: null,
		startDate: null,
		applicationVote: 'none',
		applicationVoteDate: null,
		schemeVote: 'none',
		schemeVoteDate: null,
		planYear: null,
		readyForPlan: false,
		raisedShare: 0,
		...over
	};
}
const HISTORY = history([
	community('h1', {
		startDate: '2024-01-01',
		applicationVote: 'passed',
		applicationVoteDate: '2024-03-01',
		readyDate: '2024-07-01',
		schemeVote: 'passed',
		schemeVoteDate: '2024-09-01'
	}),
	community('h2', { startDate: '2024-02-01', applicationVote: 'short', applicationVoteDate: '2024-04-01' })
]);
const scenario = (over: Partial<Scenario> = {}): Scenario => ({
	...defaultScenario('基准', 10_000_000, RATES),
	...over
});
// the subsidy of the standard test community: 1.7m total, residents 10/30/70% = 390k
const SUBSIDY = computeFunding(
	{
		basic: 1_000_000,
		improvement: 500_000,
		upgrade: 200_000,
		buildingArea: 10_000
	},
	YUEQING_2023
).subsidy;

describe('pipeline forecast', () => {
	it('estimates the default rates from the history (medians, share of votes passed)', () => {
		expect(HISTORY.toApplicationVote).toEqual([60, 60]);
		expect(HISTORY.toFunds).toEqual([122]);
		const r = estimateRates(HISTORY);
		expect(r.toApplicationVoteDays).toBe(60);
		expect(r.toFundsDays).toBe(122);
		expect(r.passRate).toBeCloseTo(2 / 3, 3);
	});

	it('keeps recorded dates and forecasts the rest from the medians', () => {
		const d = durations(RATES, HISTORY, null);
		expect(forecast(community('a', { readyDate: '2025-03-01' }), ASOF, RATES, d, true)).toMatchObject({
			fundsComplete: '2025-03-01',
			forecast: false
		});
		// passed on 2025-11-01 with nothing raised by the data date: the whole share, 120 days from 2025-11-15
		const passed = community('b', { applicationVote: 'passed', applicationVoteDate: '2025-11-01' });
		expect(forecast(passed, ASOF, RATES, d, true)).toMatchObject({
			applicationPass: '2025-11-01',
			fundsComplete: '2026-03-15',
			schemePass: '2026-05-20',
			forecast: true
		});
		// not started: 180 days to start, 60 to the vote plus the expected retries (1/0.8 − 1) × 60 = 15
		const fresh = forecast(community('c'), ASOF, RATES, d, true);
		expect(fresh.applicationPass).toBe('2026-07-28');
		// funds after a vote long past: the share still to raise at the history's pace from the data date, so a
		// community at 19% and one at 90% do not get one date (120 days for the whole share)
		const overdue = (raisedShare: number) =>
			community('d', { applicationVote: 'passed', applicationVoteDate: '2024-01-01', raisedShare });
		expect(forecast(overdue(0), ASOF, RATES, d, true).fundsComplete).toBe('2026-03-15'); // + 120
		expect(forecast(overdue(0.19), ASOF, RATES, d, true).fundsComplete).toBe('2026-02-21'); // + ⌈97.2⌉
		expect(forecast(overdue(0.9), ASOF, RATES, d, true).fundsComplete).toBe('2025-11-27'); // + 12
		// a vote just passed: never before the vote plus the whole time, whatever is raised already
		const recent = community('e', {
			applicationVote: 'passed',
			applicationVoteDate: '2025-11-01',
			raisedShare: 0.5
		});
		expect(forecast(recent, ASOF, RATES, d, true).fundsComplete).toBe('2026-03-01');
	});

	it('§三(四): funds complete and the town review begun is not yet ready; the review passed is', () => {
		const d = durations(RATES, HISTORY, null);
		const inReview = community('r', { stage: 'town-review', readyDate: '2025-03-01' });
		expect(forecast(inReview, ASOF, RATES, d, true)).toMatchObject({
			planReady: '2025-12-15', // the pass still to come: 30 days after the data date
			forecast: true
		});
		const passed = community('p', { stage: 'competitive-review', readyDate: '2025-03-01' });
		expect(forecast(passed, ASOF, RATES, d, true)).toMatchObject({
			planReady: '2025-03-01',
			forecast: false
		});
	});
});

describe('a scenario run (§三(四), §五(三), §五(二)1)', () => {
	it('§三(四): funds complete by 31 May enter next year; on 1 June the year after', () => {
		const r = simulate(
			[community('may', { readyDate: '2025-05-31' }), community('june', { readyDate: '2025-06-01' })],
			scenario(),
			HISTORY,
			ALL_OPEN
		);
		const byId = Object.fromEntries(r.outcomes.map((o) => [o.id, o]));
		expect(byId.may!.fundedYear).toBe(2026);
		expect(byId.june!.fundedYear).toBe(2027);
		expect(r.years.find((y) => y.year === 2026)).toMatchObject({
			funded: 1,
			fundedAmount: SUBSIDY,
			demand: SUBSIDY
		});
		expect(byId.may!.reason).toMatchObject({ code: 'funded', year: 2026, rank: 1 });
	});

	it('§五(三): the earlier-funded goes first; strict stops at the first that does not fit, skip goes on', () => {
		const big = community('big', { readyDate: '2023-01-10', basic: 9_000_000, buildingArea: 40_000 });
		const small = community('small', { readyDate: '2023-02-10' });
		const budget = { 2024: SUBSIDY * 1.5, 2025: 0, 2026: 0, 2027: 0, 2028: 0 };
		const strict = simulate([big, small], scenario({ budgets: budget }), HISTORY, ALL_OPEN);
		expect(strict.outcomes.map((o) => o.fundedYear)).toEqual([null, null]);
		expect(strict.outcomes[1]!.reason).toMatchObject({ code: 'budget-strict', year: 2028, after: 'big' });
		const skip = simulate([big, small], scenario({ budgets: budget, fill: 'skip' }), HISTORY, ALL_OPEN);
		expect(skip.outcomes.map((o) => o.fundedYear)).toEqual([null, 2024]);
		expect(skip.years[0]!.unspent).toBeCloseTo(SUBSIDY * 0.5, 2);
	});

	it('§五(二)1: the subsidy follows the scenario’s cap and shares through computeFunding', () => {
		const c = community('c', { readyDate: '2023-01-10' });
		const capped = simulate([c], scenario({ policy: { subsidyCapPerM2: 100 } }), HISTORY, ALL_OPEN);
		expect(capped.outcomes[0]!.subsidy).toBe(1_000_000);
		expect(capped.years[0]!.residentExcess).toBe(SUBSIDY - 1_000_000);
		const shares = simulate([c], scenario({ policy: { 'residentShare.basic': 0.2 } }), HISTORY, ALL_OPEN);
		expect(shares.outcomes[0]!.subsidy).toBe(
			computeFunding(
				{ basic: 1_000_000, improvement: 500_000, upgrade: 200_000, buildingArea: 10_000 },
				{ ...YUEQING_2023, residentShare: { basic: 0.2, improvement: 0.3, upgrade: 0.7 } }
			).subsidy
		);
	});

	it('compares two scenarios: a larger budget moves communities in, with Δ demand and residents', () => {
		const pipeline = ['a', 'b', 'c'].map((id, i) => community(id, { readyDate: `2023-0${i + 1}-10` }));
		const base = simulate(
			pipeline,
			scenario({ budgets: { 2024: SUBSIDY, 2025: SUBSIDY, 2026: SUBSIDY, 2027: 0, 2028: 0 } }),
			HISTORY,
			ALL_OPEN
		);
		const more = simulate(
			pipeline,
			scenario({ budgets: { 2024: SUBSIDY * 3, 2025: 0, 2026: 0, 2027: 0, 2028: 0 } }),
			HISTORY,
			ALL_OPEN
		);
		const diff = compare(base, more);
		expect(diff[0]).toMatchObject({ year: 2024, movedIn: ['b', 'c'], movedOut: [] });
		expect(diff[1]).toMatchObject({ year: 2025, movedOut: ['b'] });
		expect(diff[0]!.demand).toBe(0);
	});

	it('Monte Carlo: the same seed gives the same bands, P10 ≤ P50 ≤ P90', () => {
		// not started: the start delay, and each vote's pass or fail, are drawn
		const pipeline = Array.from({ length: 30 }, (_, i) => community(`m${i}`));
		const s = scenario({ uncertainty: true, draws: 200, seed: 7, rates: { ...RATES, startDelayDays: 720 } });
		const a = simulate(pipeline, s, HISTORY, ASOF);
		const b = simulate(pipeline, s, HISTORY, ASOF);
		expect(a.bands).toEqual(b.bands);
		for (const y of a.bands!) {
			expect(y.demand.p10).toBeLessThanOrEqual(y.demand.p50);
			expect(y.demand.p50).toBeLessThanOrEqual(y.demand.p90);
		}
		expect(a.bands!.some((y) => y.demand.p90 > y.demand.p10)).toBe(true);
		const other = simulate(pipeline, { ...s, seed: 8 }, HISTORY, ASOF);
		expect(other.bands).not.toEqual(a.bands);
	});
});

describe('the run starts from the data’s state (§三(四), §三(一))', () => {
	const AS_OF = '2026-11-15'; // the 2027 plan was decided by 31 May 2026: 2028 is the first open year
	const pipeline = [
		community('p26', {
			readyDate: '2025-03-01',
			planYear: 2026,
			subsidy: 1_234_567.89,
			stage: 'construction'
		}),
		community('p27', { readyDate: '2026-04-01', planYear: 2027, subsidy: 2_000_000, stage: 'annual-plan' }),
		// ready and reviewed long ago, but not in the 2026 or 2027 plan: it waits, and comes first in 2028
		community('r1', { readyDate: '2025-01-10', readyForPlan: true }),
		community('r2', { readyDate: '2026-02-01', readyForPlan: true, professional: true }),
		// funds complete but not yet through the town's review: its readiness is a forecast
		community('f1', { readyDate: '2026-01-05', stage: 'publicity' }),
		community('w1', { applicationVote: 'passed', applicationVoteDate: '2026-09-01', raisedShare: 0.4 })
	];
	const run = (over: Partial<Scenario> = {}) =>
		simulate(
			pipeline,
			scenario({ budgets: { 2024: 0, 2025: 0, 2026: 0, 2027: 0, 2028: SUBSIDY * 10 }, ...over }),
			HISTORY,
			AS_OF
		);

	it('§三(四): years decided by the data date are facts — they fund exactly their plan, whatever the budget', () => {
		const r = run();
		expect(r.firstOpenYear).toBe(2028);
		expect(r.years.map((y) => y.decided)).toEqual([true, true, true, true, false]);
		const byId = Object.fromEntries(r.outcomes.map((o) => [o.id, o]));
		expect(byId.p26).toMatchObject({
			fundedYear: 2026,
			planned: true,
			reason: { code: 'planned', year: 2026, rank: 1 }
		});
		expect(byId.p27).toMatchObject({ fundedYear: 2027, planned: true, subsidy: 2_000_000 });
		expect(byId.p27!.milestones.forecast).toBe(false);
		// r1 was ready for 2026 and 2027 but those plans are decided without it
		expect(r.years[2]).toMatchObject({ funded: 1, fundedAmount: 1_234_567.89, unspent: -1_234_567.89 });
		expect(byId.r1).toMatchObject({ fundedYear: 2028, reason: { code: 'funded', year: 2028, rank: 1 } });
		expect(byId.r2).toMatchObject({ fundedYear: 2028, reason: { rank: 2 } });
		expect(byId.f1!.milestones).toMatchObject({
			fundsComplete: '2026-01-05',
			planReady: '2026-12-15',
			forecast: true
		});
		expect(byId.f1).toMatchObject({ fundedYear: 2028, reason: { rank: 3 } });
	});

	it('§五(二)1: a planned community keeps the data’s subsidy when the scenario changes the cap; open ones follow it', () => {
		const r = run({ policy: { subsidyCapPerM2: 50 } });
		const byId = Object.fromEntries(r.outcomes.map((o) => [o.id, o]));
		expect(byId.p26!.subsidy).toBe(1_234_567.89);
		expect(byId.r1!.subsidy).toBe(500_000);
	});

	it('§三(四): the first open year follows the policy passed in (the deadline), not a default', () => {
		expect(firstOpenYear(AS_OF, YUEQING_2023)).toBe(2028);
		expect(firstOpenYear('2026-05-31', YUEQING_2023)).toBe(2027);
		expect(firstOpenYear(AS_OF, { ...YUEQING_2023, planDeadline: { month: 12, day: 31 } })).toBe(2027);
	});

	it('§三(一): the waiting list ranks reviewed-and-funded first, then professional management, then the share raised', () => {
		const r = simulate(
			[
				...pipeline,
				community('w2', { raisedShare: 0.9 }),
				community('w3', { raisedShare: 0.1, professional: true })
			],
			scenario(),
			HISTORY,
			AS_OF
		);
		expect(waitingList(r.outcomes).map((o) => o.id)).toEqual(['r1', 'r2', 'w3', 'w2', 'w1', 'f1']);
	});

	it('the default budget: decided years get their plan, open years the average plan (the filter’s share)', () => {
		const rows = [2023, 2024, 2025, 2026, 2027].map((year) => ({
			year,
			plannedCount: 10,
			planned: year * 100_000,
			plannedInFilter: year * 25_000,
			paid: 0,
			paidInFilter: 0
		}));
		const d = defaultBudgets(rows, 2028, 1);
		expect(d.basisYears).toEqual([2024, 2025, 2026, 2027]); // 2023 is before the policy's plan years
		expect(d.budgets[2026]).toBe(2026 * 25_000);
		expect(d.averageFilter).toBe(2025.5 * 25_000);
		expect(d.budgets[2028]).toBe(50_700_000); // 50,637,500 rounded up to whole 10万元
		expect(d.share).toBe(0.25);
		expect(defaultBudgets(rows, 2024, 7_000_000).budgets[2024]).toBe(7_000_000);
	});
});

describe('a scenario’s own filter', () => {
	it('keeps the drawn area’s communities with the map’s filter, and drops what is not a known value or id', () => {
		const f = { ...EMPTY_FILTER, towns: ['330382002'], yearTo: 2000, area: ['YQ000001', 'YQ000213'] };
		expect(pipelineFilter(pipelineSearch(f))).toEqual(f);
		expect(pipelineFilter(pipelineSearch({ ...f, area: [] })).area).toEqual([]);
		expect(pipelineFilter(pipelineSearch({ ...f, area: null })).area).toBeNull();
		// a drawn polygon travels as itself (a short link however many communities it holds), resolved on the run
		const poly: [number, number][] = [
			[120.9, 28.1],
			[121.0, 28.1],
			[121.0, 28.2]
		];
		const drawn = pipelineSearch({ ...f, polygon: poly });
		expect(drawn).not.toContain('area=');
		expect(pipelineFilter(drawn)).toEqual({ ...f, polygon: poly, area: null });
		const bad = pipelineFilter("towns=330382002,x';DROP&area=YQ1,a'b,,YQ2&stage=nope");
		expect(bad).toMatchObject({ towns: ['330382002'], area: ['YQ1', 'YQ2'], stage: [] });
	});
});

describe('scenarios as documents', () => {
	it('§六: the plan years are those of the policy’s life, 2024–2028', () => {
		expect(planYears(YUEQING_2023)).toEqual([2024, 2025, 2026, 2027, 2028]);
		expect(planYears({ ...YUEQING_2023, effectiveTo: '2027-01-04' })).toEqual([2024, 2025, 2026]);
	});

	it('two scenarios never share a name: the next free “name (n)”', () => {
		expect(uniqueName('基准情景', [])).toBe('基准情景');
		expect(uniqueName('基准情景', ['基准情景'])).toBe('基准情景 (2)');
		expect(uniqueName('基准情景 (2)', ['基准情景', '基准情景 (2)'])).toBe('基准情景 (3)');
		expect(uniqueName('  ', [])).toBe('情景');
	});

	it('names each invalid input: a negative budget, shares over 100%', () => {
		const bad = scenario({
			budgets: { ...scenario().budgets, 2025: -1 },
			policy: { 'residentShare.basic': 1.2 }
		});
		expect(checkScenario(bad).map((p) => p.field)).toEqual(['budgets.2025', 'policy.residentShare.basic']);
		expect(readScenario(bad, RATES)).toMatchObject({ scenario: null });
	});

	it('migrates a version-1 file (one annual budget, no rates) and refuses an unknown version', () => {
		const v1 = { version: 1, name: '旧情景', annualBudget: 5_000_000, subsidyCapPerM2: 250 };
		const read = readScenario(v1, RATES);
		expect(read.problems).toEqual([]);
		expect(read.scenario!.budgets[2027]).toBe(5_000_000);
		expect(read.scenario!.policy).toEqual({ subsidyCapPerM2: 250 });
		expect(read.scenario!.rates).toEqual(RATES);
		expect(readScenario({ version: 99 }, RATES).problems[0]!.en).toContain('unsupported scenario version');
		expect(readScenario('garbage', RATES).scenario).toBeNull();
	});
});
