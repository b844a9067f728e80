/**
 * What /budget reads of the data's state besides the verdicts' inputs, computed from a run's inputs and the
 * verdicts under the policy in force (the build's own `deriveStatus` output, budget-inputs.arrow), so the page needs no SQL:
 * the history the default rates come from (`HISTORY_SQL`), the plans and payments per year (`planHistorySql`) and
 * the pipeline's subsidy (`pipelineSql(null)`). Tested equal to those queries (tests/data/inputs-file.test.ts).
 */
import { history, type History, type PipelineCommunity } from './forecast';
import type { BudgetVerdict, RunInputs } from './inputs';
import type { PlanHistoryRow } from './plan-state';
import { pipelineFrom } from './verdicts';

/** One row of `HISTORY_SQL`: a community that ever voted or started, eligible or not. */
export type HistoryRow = Pick<
	PipelineCommunity,
	| 'id'
	| 'stage'
	| 'readyDate'
	| 'startDate'
	| 'applicationVote'
	| 'applicationVoteDate'
	| 'schemeVote'
	| 'schemeVoteDate'
>;

export interface DataState {
	/** The history behind the default rates, from `historyRows` in their order (the inputs'), as `history` has it. */
	history: History;
	planRows: PlanHistoryRow[];
	/** The subsidy of the whole pipeline (policy in force, no filter), yuan. */
	pipelineSubsidy: number;
}

/** `HISTORY_SQL`'s rows from the verdicts under the policy in force (`base`), in their order. */
export function historyRows(base: readonly BudgetVerdict[]): HistoryRow[] {
	const past: HistoryRow[] = [];
	for (const s of base)
		if (s.startDate)
			past.push({
				id: s.id,
				stage: s.stage,
				readyDate: s.readyDate,
				startDate: s.startDate,
				applicationVote: s.applicationVote,
				applicationVoteDate: s.applicationVoteDate,
				schemeVote: s.schemeVote,
				schemeVoteDate: s.schemeVoteDate
			});
	return past;
}

/**
 * `base`: every community's verdict under the policy in force, in the order of `inputs.communities`; `pipeline`:
 * the pipeline under it with no filter (`pipelineFrom(inputs.communities, base, base, null)`, made when not given).
 */
export function dataState(
	inputs: Pick<RunInputs, 'communities' | 'subsidies'>,
	base: readonly BudgetVerdict[],
	inFilter: ReadonlySet<string> | null,
	pipeline: readonly Pick<PipelineCommunity, 'subsidy'>[] = pipelineFrom(inputs.communities, base, base, null)
): DataState {
	const sel = (id: string) => inFilter === null || inFilter.has(id);
	const years = new Map<number, PlanHistoryRow>();
	const at = (year: number) => {
		let r = years.get(year);
		if (!r) {
			r = { year, plannedCount: 0, planned: 0, plannedInFilter: 0, paid: 0, paidInFilter: 0 };
			years.set(year, r);
		}
		return r;
	};
	inputs.communities.forEach((c, i) => {
		const year = c.plan_year;
		if (year === null) return;
		const r = at(year);
		r.plannedCount++;
		r.planned += base[i]!.subsidy;
		if (sel(c.id)) r.plannedInFilter += base[i]!.subsidy;
	});
	for (const f of inputs.subsidies) {
		const r = at(Number(f.date.slice(0, 4)));
		r.paid += f.amount;
		if (sel(f.community_id)) r.paidInFilter += f.amount;
	}
	return {
		// the rows' own fields are what `history` reads of a pipeline community
		history: history(historyRows(base) as PipelineCommunity[]),
		planRows: [...years.values()].sort((a, b) => a.year - b.year),
		pipelineSubsidy: pipeline.reduce((sum, c) => sum + c.subsidy, 0)
	};
}
