/**
 * Every community judged again under a scenario's policy — by the engine's `communityStatus`, the function the
 * data build writes `status` with (through `deriveStatus`) — and the simulator's pipeline built from those
 * verdicts instead of the published ones. Under the policy in force the verdicts are the build's own
 * (budget-inputs.arrow; tested equal to judging them again here) and the pipeline is the one `pipelineSql` reads
 * (a test checks it); under a scenario, eligibility, votes, resident shares, readiness and subsidy follow its rules.
 */
import { deriveStatus } from '../verdict/derived';
import type { CommunityStatus } from '../verdict/status';
import type { PolicyParams } from '../policy';
import type { PipelineCommunity } from './forecast';
import type { BudgetCommunity, BudgetVerdict, VerdictInputs } from './inputs';
import { FIRST_PLAN_YEAR } from './scenario';

export { planYearsOf } from '../files/budget-inputs-file';

/** Every community's status under `params`, in the order of `inputs.communities`. */
export function verdictsUnder(inputs: VerdictInputs, asOf: string, params: PolicyParams): CommunityStatus[] {
	return deriveStatus(inputs, asOf, params);
}

/**
 * The scenario's pipeline: the communities not already in a plan that are not ineligible under the scenario, and
 * those already in a plan of 2024 or later that were not ineligible under the policy in force (a plan made is a
 * fact: it keeps its published subsidy and stays in). With `only`, just those ids. Ordered by id, as the SQL.
 * `scenario` and `base`: each community's verdict, in the order of `communities`.
 */
export function pipelineFrom(
	communities: readonly BudgetCommunity[],
	scenario: readonly BudgetVerdict[],
	base: readonly BudgetVerdict[],
	only: ReadonlySet<string> | null
): PipelineCommunity[] {
	const out: PipelineCommunity[] = [];
	communities.forEach((c, i) => {
		if (only && !only.has(c.id)) return;
		const planYear = c.plan_year;
		if ((planYear ?? FIRST_PLAN_YEAR) < FIRST_PLAN_YEAR) return;
		const b = base[i]!;
		const s = planYear === null ? scenario[i]! : b;
		// outside the programme, or not known to be in it (资料不全, §二(一)): not a candidate
		if (s.eligibility === 'ineligible' || s.eligibility === 'unknown') return;
		out.push({
			id: c.id,
			name: c.name,
			townCode: c.town_code,
			stage: s.stage,
			professional: c.property_management === 'professional',
			buildingArea: c.building_area,
			garageArea: c.garage_area ?? 0,
			basic: s.basic,
			improvement: s.improvement,
			upgrade: s.upgrade,
			elevator: s.elevator,
			social: s.socialCapital,
			subsidy: s.subsidy,
			readyDate: s.readyDate,
			startDate: s.startDate,
			applicationVote: s.applicationVote,
			applicationVoteDate: s.applicationVoteDate,
			schemeVote: s.schemeVote,
			schemeVoteDate: s.schemeVoteDate,
			planYear,
			readyForPlan: s.readyForPlan,
			raisedShare: s.residentRequired > 0 ? Math.min(1, s.residentRaised / s.residentRequired) : 0
		});
	});
	return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
