/**
 * Every community judged again under a scenario's policy — by the engine's `communityStatus`, the function the
 * data build writes `status` with (through `deriveStatus`) — and the simulator's pipeline built from those
 * verdicts instead of the published ones. Under the policy in force the pipeline is the one `pipelineSql` reads
 * (a test checks it); under a scenario, eligibility, votes, resident shares, readiness and subsidy follow its rules.
 */
import { deriveStatus } from '../verdict/derived';
import type { CommunityStatus } from '../verdict/status';
import type { PolicyParams } from '../policy';
import type { PipelineCommunity } from './forecast';
import type { VerdictInputs } from './inputs';
import { FIRST_PLAN_YEAR } from './scenario';

/** Every community's status under `params`, in the order of `inputs.communities`. */
export function verdictsUnder(inputs: VerdictInputs, asOf: string, params: PolicyParams): CommunityStatus[] {
	return deriveStatus({ ...inputs, contacts: [] }, asOf, params);
}

/**
 * The plan year each community is already in: the year after its 列入年度计划 (the plan for Y is decided by the
 * end of May of Y−1, §三(四)) — the reading of `pipelineSql`'s plan year.
 */
export function planYearsOf(inputs: VerdictInputs): Map<string, number> {
	const out = new Map<string, number>();
	for (const e of inputs.stage_events) {
		if (e.stage !== 'annual-plan') continue;
		const y = Number(e.date.slice(0, 4)) + 1;
		const had = out.get(e.community_id);
		if (had === undefined || y < had) out.set(e.community_id, y);
	}
	return out;
}

/**
 * The scenario's pipeline: the communities not already in a plan that are not ineligible under the scenario, and
 * those already in a plan of 2024 or later that were not ineligible under the policy in force (a plan made is a
 * fact: it keeps its published subsidy and stays in). With `only`, just those ids. Ordered by id, as the SQL.
 */
export function pipelineFrom(
	inputs: VerdictInputs,
	scenario: readonly CommunityStatus[],
	base: readonly CommunityStatus[],
	plans: ReadonlyMap<string, number>,
	only: ReadonlySet<string> | null
): PipelineCommunity[] {
	const out: PipelineCommunity[] = [];
	inputs.communities.forEach((c, i) => {
		if (only && !only.has(c.id)) return;
		const planYear = plans.get(c.id) ?? null;
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
