/**
 * What the data says was planned and paid, and what is still open: the default budget per plan year, and the
 * waiting list (待改造小区名单) as of the data date. Pure: the rows come from `planHistorySql`, the outcomes from
 * `simulate`, the order from the policy engine's `rankCandidates`.
 */
import { rankCandidates } from '../policy';
import { PLAN_YEARS } from './scenario';
import type { Outcome } from './simulate';

/** One row of `planHistorySql`: per year, the subsidy planned (plan of that year) and paid (in that year), yuan. */
export interface PlanHistoryRow {
	year: number;
	plannedCount: number;
	planned: number;
	plannedInFilter: number;
	paid: number;
	paidInFilter: number;
}

export interface DefaultBudgets {
	/** Per plan year, yuan: a decided year its planned subsidy; an open year the average of the decided ones. */
	budgets: Record<number, number>;
	/** The decided plan years of the policy's life the average is taken over (empty: none decided yet). */
	basisYears: number[];
	/** The average planned per decided year, citywide and within the filter, yuan. */
	averageCity: number;
	averageFilter: number;
	/** The filter's share of the subsidy planned in the basis years, 0–1 (1 without a filter). */
	share: number;
}

/** Rounds up to whole 10万元 (the unit planners budget in). */
const up10wan = (yuan: number) => Math.ceil(yuan / 100_000) * 100_000;

/**
 * The default budget of each plan year from the data: the years already decided (before `firstOpenYear`) get what
 * their plan holds (within the filter); the open years the average of the decided years' plans within the filter
 * (the filter's share of the citywide average). With no decided year yet, `fallback` per year (e.g. the pipeline's
 * total subsidy spread over the years).
 */
export function defaultBudgets(
	rows: readonly PlanHistoryRow[],
	firstOpenYear: number,
	fallback: number
): DefaultBudgets {
	const byYear = new Map(rows.map((r) => [r.year, r]));
	const basisYears = PLAN_YEARS.filter((y) => y < firstOpenYear && byYear.has(y));
	const sum = (k: 'planned' | 'plannedInFilter') => basisYears.reduce((a, y) => a + byYear.get(y)![k], 0);
	const city = sum('planned');
	const inFilter = sum('plannedInFilter');
	const n = basisYears.length;
	const averageFilter = n ? inFilter / n : fallback;
	const budgets: Record<number, number> = {};
	for (const y of PLAN_YEARS)
		budgets[y] =
			y < firstOpenYear
				? Math.round((byYear.get(y)?.plannedInFilter ?? 0) * 100) / 100
				: up10wan(averageFilter);
	return {
		budgets,
		basisYears,
		averageCity: n ? city / n : fallback,
		averageFilter,
		share: city > 0 ? inFilter / city : 1
	};
}

/**
 * The waiting list (待改造小区名单) as of the data date — §三(一), §五(三): every community of the run not yet in a
 * plan, in the engine's order: funds complete and through the town's review first (earliest first), then the
 * others — professional property management first, then a higher share of resident funds already raised.
 * Forecast dates play no part: the list is the data's state.
 */
export function waitingList(outcomes: readonly Outcome[]): Outcome[] {
	const open = outcomes.filter((o) => !o.planned);
	const byId = new Map(open.map((o) => [o.id, o]));
	return rankCandidates(
		open.map((o) => ({
			id: o.id,
			readyDate: o.milestones.forecast ? null : o.milestones.planReady,
			professionalManagement: o.professional,
			raisedShare: Math.min(1, Math.max(0, o.raisedShare)),
			subsidy: o.subsidy
		}))
	).map((c) => byId.get(c.id)!);
}
