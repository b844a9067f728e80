/**
 * Where each community stands, as a flat row: eligibility, both votes, money, stage and plan readiness. The data
 * build writes it for every community (status.parquet, map.arrow); it is the projection of the community's
 * verdict (verdict.ts), which the community page renders. Views colour, count and filter by these fields; none
 * re-implements a rule.
 */
import { nextStep, type NextStep, type PolicyParams } from '../policy';
import {
	communityVerdict,
	type CommunityInputs,
	type CommunityVerdict,
	type MoneyBasis,
	type Programme
} from './verdict';
import type { EligibilityClass, FundingBand, StageCode, VoteClass } from './classes';

// moved to verdict.ts with the verdict they serve; still offered here for the modules that import them from status
export { eligibilityInputOf, fundingInputOf, nextPlan } from './verdict';
export type { CommunityInputs, MoneyBasis, Programme, VerdictCommunity, VerdictTown } from './verdict';

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
	/** The programme set it is in (verdict.ts `Programme`): the five sets the first screens' figures add up. */
	programme: Programme;
	applicationVote: VoteClass;
	schemeVote: VoteClass;
	/**
	 * The latest stage reached; before the first, 'none' inside the programme's scope and 'out-of-scope' outside
	 * it (§二(一): nothing is to start).
	 */
	stage: StageCode;
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
	/**
	 * Total investment of the works in the ledger (final accounts where all items have them, else the estimate),
	 * elevators excluded, yuan — for every community, whatever its basis (outside the scope: the ledger's estimate
	 * of works that are not to be paid for).
	 */
	investment: number;
	/**
	 * The investment is an estimate from the community's 总投资, its works not itemised (§五(二)1): its residents'
	 * share and subsidy are not known (0 here, not summed) — the figures that sum money say how many such.
	 */
	estimate: boolean;
	elevator: number;
	/**
	 * Residents' total, yuan: under the policy its tier shares plus any excess over the subsidy cap (§五(二)1); for
	 * an earlier project what the ledger records residents paid; 0 outside the scope.
	 */
	residentRequired: number;
	residentRaised: number;
	socialCapital: number;
	/**
	 * The fiscal subsidy, yuan: under the policy §五(二)1's (capped at its rate per ㎡); for an earlier project the
	 * subsidy the ledger records as paid; 0 outside the scope (nothing to pay).
	 */
	subsidy: number;
	/** The subsidy the ledger records as paid (funds from 财政补助), yuan. */
	subsidyPaid: number;
	/** Priced under the policy and its subsidy capped (§五(二)1); false otherwise. */
	capped: boolean;
	/** The day the works began (开工) or the latest they can have begun by, or null (works-start.ts). */
	worksStart: string | null;
	fundingBand: FundingBand;
	/** The day resident funds reached what is required, or null. */
	readyDate: string | null;
	/** Through the town's first review with funds complete by the next plan's deadline, not yet in a plan — §三(四). */
	readyForPlan: boolean;
	/** Funds complete by the next plan's deadline and the town's review begun, not yet passed: not ready — §三(四). */
	awaitingReview: boolean;
	/** Bit mask of the tiers present in the works: 1 basic, 2 improvement, 4 upgrade. */
	tiers: number;
	/**
	 * The community's columns its verdicts lack (资料不全), comma-separated in the schema's order
	 * (`completion_year,housing_type`), or null when none is: eligibility is then `unknown` for §二(一)'s facts,
	 * and `building_area` leaves §五(二)1's cap unapplied.
	 */
	missing: string | null;
}

/** A vote class as the engine's stage gate reads it: 'short' is a vote held and failed. */
export function voteOutcome(cls: VoteClass): 'none' | 'passed' | 'failed' {
	return cls === 'short' ? 'failed' : cls;
}

/**
 * What the community does next, from the engine's stage gate (§三(一), §三(三)); undefined when all is done and
 * outside the programme's scope (§二(一)).
 */
export function nextStepOf(
	s: Pick<CommunityStatus, 'stage' | 'applicationVote' | 'schemeVote' | 'eligibility'>
): NextStep | undefined {
	return nextStep({
		stage: s.stage === 'out-of-scope' ? 'none' : s.stage,
		applicationVote: voteOutcome(s.applicationVote),
		schemeVote: voteOutcome(s.schemeVote),
		inScope: s.eligibility !== 'ineligible'
	});
}

/** Yuan per basis: the policy's figure, the ledger's for an earlier project, 0 outside the scope. */
function byBasis(basis: MoneyBasis, policy: number, ledger: number): number {
	return basis === 'policy' ? policy : basis === 'earlier' ? ledger : 0;
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
	const { input, result, basis, ledger } = v.funding;
	return {
		id: v.id,
		idx,
		eligibility: v.eligibility.cls,
		programme: v.programme,
		applicationVote: v.votes.application.cls,
		schemeVote: v.votes.scheme.cls,
		stage: v.stage.current === 'none' && v.programme === 'out-of-scope' ? 'out-of-scope' : v.stage.current,
		stageDate: v.stage.date,
		startDate: v.stage.start,
		applicationVoteDate: v.votes.application.row?.date ?? null,
		schemeVoteDate: v.votes.scheme.row?.date ?? null,
		basic: input.basic,
		improvement: input.improvement,
		upgrade: input.upgrade,
		investment: v.funding.ledger.investment,
		estimate: v.funding.estimate !== null,
		elevator: result.elevator,
		residentRequired: byBasis(basis, result.residentTotal, ledger.residentPaid),
		residentRaised: v.funding.raised,
		socialCapital: result.socialCapital,
		subsidy: byBasis(basis, result.subsidy, ledger.subsidyPaid),
		subsidyPaid: ledger.subsidyPaid,
		capped: basis === 'policy' && result.capped,
		worksStart: v.works.date,
		fundingBand: v.funding.band,
		readyDate: v.funding.readyDate,
		readyForPlan: v.plan.ready,
		awaitingReview: v.plan.awaitingReview,
		tiers: v.funding.tiers,
		missing: v.missing.length > 0 ? v.missing.join(',') : null
	};
}
