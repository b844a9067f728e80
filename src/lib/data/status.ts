/**
 * Where each community stands, as the policy engine judges it: eligibility, both votes, money, stage and plan
 * readiness. The data build writes it for every community (status.parquet, map.arrow); the community page runs
 * the same function on one community. Views colour, count and filter by these fields; none re-implements a rule.
 */
import {
	assessEligibility,
	assessVote,
	computeFunding,
	nextStep,
	readinessDeadline,
	stageIndex,
	worksItem,
	type EligibilityInput,
	type FundingInput,
	type NextStep,
	type PolicyParams,
	type StageId
} from '../policy';
import { TIER_BIT, type EligibilityClass, type FundingBand, type VoteClass } from './classes';
import type { CommunityRow, FundRow, StageEventRow, TownRow, VoteRow, WorksRow } from './rows';

// The classes are the one classes module's (classes.ts); re-exported here for the code that reads them with status.
export {
	ELIGIBILITY_CLASSES,
	FUNDING_BANDS,
	VOTE_CLASSES,
	type EligibilityClass,
	type FundingBand,
	type VoteClass
} from './classes';

export interface CommunityInputs {
	community: CommunityRow;
	town: TownRow;
	works: readonly WorksRow[];
	votes: readonly VoteRow[];
	funds: readonly FundRow[];
	stages: readonly StageEventRow[];
}

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

/** The next annual plan still to be decided on `asOf`, and the readiness deadline for it — §三(四). */
export function nextPlan(asOf: string, params: PolicyParams): { year: number; deadline: string } {
	const y = Number(asOf.slice(0, 4));
	const year = asOf <= readinessDeadline(y + 1, params) ? y + 1 : y + 2;
	return { year, deadline: readinessDeadline(year, params) };
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

/** The verdict on the latest vote of a kind, and its date. */
function latestVote(
	votes: readonly VoteRow[],
	kind: VoteRow['kind'],
	params: PolicyParams
): { cls: VoteClass; date: string | null } {
	const latest = votes
		.filter((v) => v.kind === kind)
		.sort((a, b) => (a.date < b.date ? -1 : 1))
		.at(-1);
	if (!latest) return { cls: 'none', date: null };
	const v = assessVote(
		{
			totalOwners: latest.total_owners,
			totalArea: latest.total_area,
			participatingOwners: latest.participating_owners,
			participatingArea: latest.participating_area,
			agreeOwners: latest.agree_owners,
			agreeArea: latest.agree_area,
			kind
		},
		params
	);
	return { cls: v.passed ? 'passed' : 'short', date: latest.date };
}

function band(raised: number, required: number, started: boolean): FundingBand {
	if (!started && raised === 0) return 'none';
	if (required <= 0 || raised >= required) return 'full';
	const r = raised / required;
	return r < 0.25 ? 'lt25' : r < 0.5 ? 'lt50' : r < 0.75 ? 'lt75' : 'lt100';
}

/** The input of assessEligibility for a community in its town, judged in the year of `asOf` — §二(一). */
export function eligibilityInputOf(c: CommunityRow, town: TownRow, asOf: string): EligibilityInput {
	return {
		completionYear: c.completion_year,
		central: town.central,
		housingType: c.housing_type,
		inShantytownPlan: c.in_shantytown_plan,
		expropriationPlannedYear: c.expropriation_year,
		facilitiesDeficient: c.facilities_deficient,
		strongWill: c.strong_will,
		asOfYear: Number(asOf.slice(0, 4)),
		townKind: town.kind
	};
}

/**
 * The input of computeFunding for a community: investment per tier (final accounts once every item has them —
 * §五(二)1 按核定的竣工财务决算数为准 — else the estimate), elevators apart, social capital received; and the tiers present.
 */
export function fundingInputOf(x: Pick<CommunityInputs, 'community' | 'works' | 'funds'>): {
	input: FundingInput;
	tiers: number;
	final: boolean;
} {
	const final = x.works.length > 0 && x.works.every((w) => w.final_cost !== null);
	const sums = { basic: 0, improvement: 0, upgrade: 0, elevator: 0 };
	let tiers = 0;
	for (const w of x.works) {
		const item = worksItem(w.item_id);
		if (!item) continue;
		const cost = final ? w.final_cost! : w.estimated_cost;
		if (item.elevator) sums.elevator += cost;
		else sums[item.tier] += cost;
		tiers |= TIER_BIT[item.tier]!;
	}
	const social = x.funds.filter((f) => f.source === 'social').reduce((a, f) => a + f.amount, 0);
	const fen = (v: number) => Math.round(v * 100) / 100;
	return {
		input: {
			basic: fen(sums.basic),
			improvement: fen(sums.improvement),
			upgrade: fen(sums.upgrade),
			elevator: fen(sums.elevator),
			buildingArea: x.community.building_area,
			garageArea: x.community.garage_area ?? 0,
			socialCapital: fen(social)
		},
		tiers,
		final
	};
}

export function communityStatus(
	x: CommunityInputs,
	asOf: string,
	params: PolicyParams,
	idx = 0
): CommunityStatus {
	const verdict = assessEligibility(eligibilityInputOf(x.community, x.town, asOf), params);
	const eligibility: EligibilityClass =
		verdict.status === 'eligible' && verdict.priority ? 'eligible-priority' : verdict.status;

	const { input: fundingInput, tiers } = fundingInputOf(x);
	const funding = computeFunding(fundingInput, params);

	const deposits = x.funds.filter((f) => f.source === 'resident').sort((a, b) => (a.date < b.date ? -1 : 1));
	let raisedFen = 0;
	let readyDate: string | null = null;
	const requiredFen = Math.round(funding.residentTotal * 100);
	for (const d of deposits) {
		raisedFen += Math.round(d.amount * 100);
		if (readyDate === null && raisedFen >= requiredFen && requiredFen > 0) readyDate = d.date;
	}
	const stages = [...x.stages].sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage));
	const last = stages.at(-1);
	const application = latestVote(x.votes, 'application', params);
	const scheme = latestVote(x.votes, 'scheme', params);
	const stage = (last?.stage ?? 'none') as StageId | 'none';
	const started = stageIndex(stage) >= stageIndex('application');
	const { deadline } = nextPlan(asOf, params);
	// §三(四): passed the town's first review with resident funds complete, by the deadline, not yet in a plan.
	const readyForPlan =
		readyDate !== null &&
		readyDate <= deadline &&
		stageIndex(stage) >= stageIndex('town-review') &&
		stageIndex(stage) < stageIndex('annual-plan') &&
		verdict.status !== 'ineligible';

	return {
		id: x.community.id,
		idx,
		eligibility,
		applicationVote: application.cls,
		schemeVote: scheme.cls,
		stage,
		stageDate: last?.date ?? null,
		startDate: stages[0]?.date ?? null,
		applicationVoteDate: application.date,
		schemeVoteDate: scheme.date,
		basic: fundingInput.basic,
		improvement: fundingInput.improvement,
		upgrade: fundingInput.upgrade,
		investment: funding.total,
		elevator: funding.elevator,
		residentRequired: funding.residentTotal,
		residentRaised: raisedFen / 100,
		socialCapital: funding.socialCapital,
		subsidy: funding.subsidy,
		capped: funding.capped,
		fundingBand: band(raisedFen / 100, funding.residentTotal, started),
		readyDate,
		readyForPlan,
		tiers
	};
}
