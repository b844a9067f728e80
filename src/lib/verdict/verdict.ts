/**
 * A community's full verdict under a policy on a data date: eligibility, both votes, funding, approval path,
 * stage, plan readiness and the next step. It only composes the policy engine's functions (no rule is restated
 * here). The build's flat `status` row (status.ts) is a projection of it, and the community page renders it.
 */
import {
	approvalPath,
	assessEligibility,
	assessWorksStart,
	assessVote,
	computeFunding,
	estimateFromTotal,
	nextStep,
	publicityWindow,
	readinessDeadline,
	stageIndex,
	worksItem,
	type ApprovalPath,
	type EligibilityInput,
	type EligibilityVerdict,
	type FundingEstimate,
	type FundingInput,
	type FundingResult,
	type NextStep,
	type PolicyParams,
	type PublicityWindow,
	type StageId,
	type VoteVerdict,
	type WorksStart
} from '../policy';
import type { CommunityRow, FundRow, StageEventRow, TownRow, VoteRow, WorksRow } from '../schema/rows';
import type { EligibilityFact, VoteTally } from '../policy';
import { TIER_BIT } from './classes';
import type { CommunityStatus } from './status';

/**
 * How a community's money is shown (one reading for every page, table and figure):
 * - `policy`: priced under the policy asked under — §五(二)1's shares and cap (in scope, works begun on or after
 *   its effective date, or not begun);
 * - `earlier`: works begun before the policy took effect (§五(二)1 本方案实施后开工, §六): the money the ledger
 *   records (works, residents' deposits, social capital, subsidy paid), never priced under the policy;
 * - `out-of-scope`: outside the programme (§二(一)): no subsidy to pay and no resident share to raise.
 */
export type MoneyBasis = 'policy' | 'earlier' | 'out-of-scope';

/**
 * Where a community stands in the programme — five sets with no overlap, which the first screens' figures add up
 * (figures.ts): `out-of-scope` (§二(一)), `earlier` (works begun before the policy), and, priced under the policy,
 * `completed` (联合验收 reached: accepted, handed over or evaluated, §三(七)–(九)), `planned` (in a year's plan, not
 * yet accepted: 列入年度计划 to 施工, §三(四)–(六)) and `to-arrange` (in scope, not yet in a plan).
 */
export type Programme = 'out-of-scope' | 'earlier' | 'completed' | 'planned' | 'to-arrange';

/** The community column behind each fact §二(一) may lack. */
export const ELIGIBILITY_FACT_COLUMN: Readonly<Record<EligibilityFact, keyof CommunityRow & string>> = {
	completionYear: 'completion_year',
	housingType: 'housing_type',
	inShantytownPlan: 'in_shantytown_plan',
	facilitiesDeficient: 'facilities_deficient',
	strongWill: 'strong_will'
};

/**
 * The fields of a community's row a verdict reads: its town (§二(一) 中心城区 or not), the eligibility facts of
 * §二(一), the areas §五(二)1 prices by and the 总投资 it estimates from when no works are itemised. Its name, address, position, households, owners, exclusive area,
 * buildings, satisfaction and notes play no part (the budget simulator's file leaves them out).
 */
export type VerdictCommunity = Pick<
	CommunityRow,
	| 'id'
	| 'town_code'
	| 'completion_year'
	| 'building_area'
	| 'garage_area'
	| 'housing_type'
	| 'in_shantytown_plan'
	| 'expropriation_year'
	| 'facilities_deficient'
	| 'strong_will'
	| 'total_investment'
>;

/** The fields of a town's row a verdict reads (§二(一): its kind and whether it is 中心城区). */
export type VerdictTown = Pick<TownRow, 'code' | 'kind' | 'central'>;

/** One community's rows: what every verdict is given from. */
export interface CommunityInputs {
	community: VerdictCommunity;
	town: VerdictTown;
	works: readonly WorksRow[];
	votes: readonly VoteRow[];
	funds: readonly FundRow[];
	stages: readonly StageEventRow[];
}

/** The latest vote of a kind and the engine's verdict on it (both null before any such vote). */
export interface VoteOutcomeOf {
	cls: CommunityStatus['applicationVote'];
	row: VoteRow | null;
	verdict: VoteVerdict | null;
}

export interface CommunityVerdict {
	id: string;
	/**
	 * The community's columns a verdict lacks (资料不全), in the schema's order: §二(一)'s facts the eligibility
	 * verdict names (then `unknown`), and `building_area` when §五(二)1's cap needs it. Empty when nothing is missing.
	 */
	missing: (keyof CommunityRow & string)[];
	/** §二(一): the engine's verdict (status, priority, reasons) and its class on the map. */
	eligibility: EligibilityVerdict & { cls: CommunityStatus['eligibility'] };
	/** §三(一) and §三(三): the latest application and scheme votes. */
	votes: { application: VoteOutcomeOf; scheme: VoteOutcomeOf };
	/** The programme set the community is in (no two overlap); what the first screens' figures add up. */
	programme: Programme;
	/** §五(二)1 and §六: when the works began, and whether that makes it an earlier project. */
	works: WorksStart;
	/** §五(二)1: the engine's funding lines and totals, and what residents have raised. */
	funding: {
		/** Which money this community shows: the policy's, the ledger's (earlier project), or none (out of scope). */
		basis: MoneyBasis;
		input: FundingInput;
		/**
		 * The engine's pricing under the policy asked under. It is the community's money only when `basis` is
		 * `policy`; outside the scope it is what the money would be if the community were eligible, and for an
		 * earlier project it is not shown.
		 */
		result: FundingResult;
		/**
		 * §五(二)1 on the community's 总投资 when no works are itemised (a plan table): the total, the range of the
		 * residents' share and the most the subsidy can be — an estimate (估算：按总投资，未分类别); null when works
		 * are itemised or no total is given. `result` then prices nothing (no items): its shares are not known.
		 */
		estimate: FundingEstimate | null;
		/** What the ledger records, yuan: investment of the works, deposits by source (resident, social, subsidy). */
		ledger: { investment: number; residentPaid: number; socialCapital: number; subsidyPaid: number };
		/** Priced on final accounts (every item has them) rather than the estimate. */
		final: boolean;
		/** Bit mask of the tiers present in the works: 1 basic, 2 improvement, 4 upgrade. */
		tiers: number;
		/** Residents' deposits, summed to the fen, yuan. */
		raised: number;
		/** Raised ÷ residents' total, at most 1; null when residents owe nothing. */
		raisedShare: number | null;
		band: CommunityStatus['fundingBand'];
		/** The day resident funds reached what is required, or null. */
		readyDate: string | null;
	};
	/**
	 * §四(四): how the project is approved, by its total investment as §五(二)1 defines it (elevators excluded — the
	 * reading is in approval.ts), the total it was decided on, and the path the elevator would give where that
	 * differs; null outside the scope and for an earlier project (approved under the rules of its time).
	 */
	approval: { path: ApprovalPath; total: number; withElevator: ApprovalPath | null } | null;
	stage: {
		/** The latest stage reached, or 'none' before the first. */
		current: StageId | 'none';
		date: string | null;
		/** The first stage's date (征求意见 began), or null. */
		start: string | null;
		/** The stages reached, in workflow order. */
		timeline: readonly StageEventRow[];
		/** §三(三): the publicity window when the community is in publicity, else null (computed when first read). */
		readonly publicity: PublicityWindow | null;
	};
	/**
	 * §三(四): the next plan still open on the data date, its deadline, and whether the community is ready for it —
	 * 乡镇初审通过且居民自筹资金全部到位: funds complete by the deadline and the town's review passed (the ledger
	 * records the day a stage began, so a pass shows as the next stage begun). `awaitingReview`: funds complete by
	 * the deadline and the review begun, not yet passed — not ready.
	 */
	plan: { year: number; deadline: string; ready: boolean; awaitingReview: boolean };
	/**
	 * The engine's stage gate (undefined when all is done, and outside the scope: no renovation step) and, after a
	 * failed vote, the fewest owners/㎡ to win over.
	 */
	next: { step: NextStep | undefined; needed: { owners: number; area: number } | null };
}

/** The next annual plan still to be decided on `asOf`, and the readiness deadline for it — §三(四). */
export function nextPlan(asOf: string, params: PolicyParams): { year: number; deadline: string } {
	const y = Number(asOf.slice(0, 4));
	const year = asOf <= readinessDeadline(y + 1, params) ? y + 1 : y + 2;
	return { year, deadline: readinessDeadline(year, params) };
}

/** The input of assessEligibility for a community in its town, judged in the year of `asOf` — §二(一). */
export function eligibilityInputOf(c: VerdictCommunity, town: VerdictTown, asOf: string): EligibilityInput {
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

/** The engine's verdict on the latest vote of a kind (by date). */
/** A vote row of the ledger as the policy engine's tally (§三(三)): the four counts and the community's totals. */
export function voteTally(row: VoteRow): VoteTally {
	return {
		totalOwners: row.total_owners,
		totalArea: row.total_area,
		participatingOwners: row.participating_owners,
		participatingArea: row.participating_area,
		agreeOwners: row.agree_owners,
		agreeArea: row.agree_area,
		kind: row.kind
	};
}

function latestVote(votes: readonly VoteRow[], kind: VoteRow['kind'], params: PolicyParams): VoteOutcomeOf {
	const row =
		votes
			.filter((v) => v.kind === kind)
			.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
			.at(-1) ?? null;
	if (!row) return { cls: 'none', row: null, verdict: null };
	const verdict = assessVote(voteTally(row), params);
	return { cls: verdict.passed ? 'passed' : 'short', row, verdict };
}

/** Share of the required resident funds raised, in bands; 100% is its own band. */
function band(raised: number, required: number, started: boolean): CommunityStatus['fundingBand'] {
	if (!started && raised === 0) return 'none';
	if (required <= 0 || raised >= required) return 'full';
	const r = raised / required;
	return r < 0.25 ? 'lt25' : r < 0.5 ? 'lt50' : r < 0.75 ? 'lt75' : 'lt100';
}

/** The columns a verdict can lack, in the schema's order. */
const MISSING_ORDER: readonly (keyof CommunityRow & string)[] = [
	'completion_year',
	'building_area',
	'housing_type',
	'in_shantytown_plan',
	'facilities_deficient',
	'strong_will'
];

const outcome = (v: VoteOutcomeOf) => (v.verdict === null ? 'none' : v.verdict.passed ? 'passed' : 'failed');

/** A community's full verdict under `params` (the policy asked under) on the data date `asOf`. */
export function communityVerdict(x: CommunityInputs, asOf: string, params: PolicyParams): CommunityVerdict {
	const eligibility = assessEligibility(eligibilityInputOf(x.community, x.town, asOf), params);
	const cls =
		eligibility.status === 'eligible' && eligibility.priority ? 'eligible-priority' : eligibility.status;
	const inScope = eligibility.status !== 'ineligible';

	const timeline = [...x.stages].sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage));
	const last = timeline.at(-1);
	// stage ids are checked on import (validate.ts)
	const current = (last?.stage ?? 'none') as StageId | 'none';
	const started = stageIndex(current) >= stageIndex('application');
	const works = assessWorksStart(timeline, params);
	const basis: MoneyBasis = works.earlier ? 'earlier' : inScope ? 'policy' : 'out-of-scope';
	const at = stageIndex(current);
	const programme: Programme =
		basis !== 'policy'
			? basis
			: at >= stageIndex('acceptance')
				? 'completed'
				: at >= stageIndex('annual-plan')
					? 'planned'
					: 'to-arrange';

	const { input, tiers, final } = fundingInputOf(x);
	const result = computeFunding(input, params);
	const estimate =
		x.works.length === 0 && x.community.total_investment !== null
			? estimateFromTotal(
					{
						total: x.community.total_investment,
						buildingArea: input.buildingArea,
						garageArea: input.garageArea,
						socialCapital: input.socialCapital
					},
					params
				)
			: null;
	// the investment: the works' (final or estimated), else the total given for works not yet itemised
	const investment = estimate?.total ?? result.total;
	const deposits = x.funds.filter((f) => f.source === 'resident').sort((a, b) => (a.date < b.date ? -1 : 1));
	const sumFen = (source: string) =>
		x.funds.filter((f) => f.source === source).reduce((a, f) => a + Math.round(f.amount * 100), 0);
	const ledger = {
		investment,
		residentPaid: sumFen('resident') / 100,
		socialCapital: sumFen('social') / 100,
		subsidyPaid: sumFen('subsidy') / 100
	};
	// what residents must raise: the policy's share; an earlier project's is what its ledger records; none outside
	const requiredFen =
		basis === 'policy'
			? Math.round(result.residentTotal * 100)
			: basis === 'earlier'
				? Math.round(ledger.residentPaid * 100)
				: 0;
	let raisedFen = 0;
	let readyDate: string | null = null;
	for (const d of deposits) {
		raisedFen += Math.round(d.amount * 100);
		if (readyDate === null && raisedFen >= requiredFen && requiredFen > 0) readyDate = d.date;
	}
	const raised = raisedFen / 100;
	const required = requiredFen / 100;

	const application = latestVote(x.votes, 'application', params);
	const scheme = latestVote(x.votes, 'scheme', params);

	let publicity: PublicityWindow | null | undefined;
	const plan = nextPlan(asOf, params);
	// §三(四): 乡镇初审通过且居民自筹资金全部到位后再上报 — funds complete by the deadline, the town's review passed
	// (the stage after it begun), not yet in a plan; priced under the policy (in scope, not an earlier project)
	const fundsInTime = basis === 'policy' && readyDate !== null && readyDate <= plan.deadline;
	const ready = fundsInTime && at > stageIndex('town-review') && at < stageIndex('annual-plan');
	const awaitingReview = fundsInTime && current === 'town-review';

	// §三(一)/§三(三): the engine's stage gate; a failed vote is organised again, winning over the fewest owners;
	// §二(一): none outside the scope
	const step = nextStep({
		stage: current,
		applicationVote: outcome(application),
		schemeVote: outcome(scheme),
		inScope
	});
	const won =
		step?.action === 'revote' && step.vote
			? (step.vote === 'application' ? application : scheme).verdict?.winOver
			: undefined;

	const path = approvalPath(investment, params);
	const withElevator = approvalPath(investment + result.elevator, params);

	const lacking = new Set<string>(eligibility.missing.map((f) => ELIGIBILITY_FACT_COLUMN[f]));
	if (result.missing.includes('buildingArea')) lacking.add('building_area');
	const missing = MISSING_ORDER.filter((c) => lacking.has(c));

	return {
		id: x.community.id,
		missing,
		eligibility: { ...eligibility, cls },
		votes: { application, scheme },
		programme,
		works,
		funding: {
			basis,
			input,
			result,
			estimate,
			ledger,
			final,
			tiers,
			raised,
			raisedShare: required > 0 ? Math.min(1, raised / required) : null,
			// outside the scope there is nothing to raise
			band: basis === 'out-of-scope' ? 'none' : band(raised, required, started),
			readyDate
		},
		approval:
			basis === 'policy'
				? { path, total: investment, withElevator: withElevator === path ? null : withElevator }
				: null,
		stage: {
			current,
			date: last?.date ?? null,
			start: timeline[0]?.date ?? null,
			timeline,
			// computed when first read: the status row does not need it, and counting working days is the
			// dearest step of a verdict (the budget worker recomputes every community's status)
			get publicity() {
				publicity ??= current === 'publicity' && last ? publicityWindow(last.date, params) : null;
				return publicity;
			}
		},
		plan: { ...plan, ready, awaitingReview },
		next: {
			step,
			needed: won
				? {
						owners: won.nonVoters.owners + won.dissenters.owners,
						area: won.nonVoters.area + won.dissenters.area
					}
				: null
		}
	};
}
