/**
 * Where each community stands, as a flat row: eligibility, both votes, money, stage and plan readiness. The data
 * build writes it for every community (status.parquet, map.arrow); it is the projection of the community's
 * verdict (verdict.ts), which the community page renders. Views colour, count and filter by these fields; none
 * re-implements a rule.
 */
import { nextStep, type NextStep, type PolicyParams, type StageId } from '../policy';
import { communityVerdict, type CommunityInputs, type CommunityVerdict } from './verdict';
import type { EligibilityClass, FundingBand, VoteClass } from './classes';

// moved to verdict.ts with the verdict they serve; still offered here for the modules that import them from status
export { eligibilityInputOf, fundingInputOf, nextPlan } from './verdict';
export type { CommunityInputs } from './verdict';

// The classes are the one classes module's (classes.ts); re-exported here for the code that reads them with status.
export {
	ELIGIBILITY_CLASSES,
	FUNDING_BANDS,
	VOTE_CLASSES,
	type EligibilityClass,
	type FundingBand,
	type VoteClass
} from './classes';

export interface CommunityStatus {
	id: string;
	/** Row of the community in the dataset (and in map.arrow), so SQL results map onto the map's points. */
	idx: number;
	eligibility: EligibilityClass;
	applicationVote: VoteClass;
	schemeVote: VoteClass;
	/** The latest stage reached, or 'none' before the first. */
	stage: StageId | 'none';
	stageDate: string | null;
	/** The first stage's date (征求意见 began), or null. */
	startDate: string | null;
	/** The dates of the latest application and scheme votes (whether they passed is in the classes), or null. */
	applicationVoteDate: string | null;
	schemeVoteDate: string | null;
	/** Investment per tier (final accounts where all items have them, else the estimate), elevators apart, yuan. */
	basic: number;
	improvement: number;
	upgrade: number;
	/** Total investment (final accounts where all items have them, else the estimate), elevators excluded, yuan. */
	investment: number;
	elevator: number;
	/** Residents' total: tier shares plus any excess over the subsidy cap, yuan — §五(二)1. */
	residentRequired: number;
	residentRaised: number;
	socialCapital: number;
	subsidy: number;
	capped: boolean;
	fundingBand: FundingBand;
	/** The day resident funds reached what is required, or null. */
	readyDate: string | null;
	/** Through the town's first review with funds complete by the next plan's deadline, not yet in a plan — §三(四). */
	readyForPlan: boolean;
	/** Bit mask of the tiers present in the works: 1 basic, 2 improvement, 4 upgrade. */
	tiers: number;
}

/** A vote class as the engine's stage gate reads it: 'short' is a vote held and failed. */
export function voteOutcome(cls: VoteClass): 'none' | 'passed' | 'failed' {
	return cls === 'short' ? 'failed' : cls;
}

/** What the community does next, from the engine's stage gate (§三(一), §三(三)); undefined when all is done. */
export function nextStepOf(
	s: Pick<CommunityStatus, 'stage' | 'applicationVote' | 'schemeVote'>
): NextStep | undefined {
	return nextStep({
		stage: s.stage,
		applicationVote: voteOutcome(s.applicationVote),
		schemeVote: voteOutcome(s.schemeVote)
	});
}

/**
 * A community's status row: the flat projection of its verdict (verdict.ts) that the build writes to
 * status.parquet and map.arrow, and the budget worker recomputes under a scenario — the same numbers by
 * construction.
 */
export function communityStatus(
	x: CommunityInputs,
	asOf: string,
	params: PolicyParams,
	idx = 0
): CommunityStatus {
	return statusOf(communityVerdict(x, asOf, params), idx);
}

/** The flat row of a verdict (`idx`: the community's row in the dataset and in map.arrow). */
export function statusOf(v: CommunityVerdict, idx: number): CommunityStatus {
	const { input, result } = v.funding;
	return {
		id: v.id,
		idx,
		eligibility: v.eligibility.cls,
		applicationVote: v.votes.application.cls,
		schemeVote: v.votes.scheme.cls,
		stage: v.stage.current,
		stageDate: v.stage.date,
		startDate: v.stage.start,
		applicationVoteDate: v.votes.application.row?.date ?? null,
		schemeVoteDate: v.votes.scheme.row?.date ?? null,
		basic: input.basic,
		improvement: input.improvement,
		upgrade: input.upgrade,
		investment: result.total,
		elevator: result.elevator,
		residentRequired: result.residentTotal,
		residentRaised: v.funding.raised,
		socialCapital: result.socialCapital,
		subsidy: result.subsidy,
		capped: result.capped,
		fundingBand: v.funding.band,
		readyDate: v.funding.readyDate,
		readyForPlan: v.plan.ready,
		tiers: v.funding.tiers
	};
}
