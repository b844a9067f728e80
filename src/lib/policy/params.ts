/**
 * Every number and list of 乐政办发〔2023〕47号 that the rules use, in one typed object. A planner's scenario is a
 * modified copy; another city plugs in its own. The rules modules read these fields and hold no policy literal.
 *
 * Bounds are read as Chinese legal usage reads them (Civil Code art. 1259): 以上、以下、以内 include the number,
 * 不满、超过 exclude it. So: 三分之二以上 / 四分之三以上 are ≥ (§三(一)); 不少于7个工作日 is ≥ 7 (§三(三));
 * 1000万元以下 / 2000万元以下 are ≤ (§四(四)); 2000年底前建成 is completed on or before 2000-12-31 and 5年内 征收 is a
 * planned year ≤ the assessment year + 5 (§二(一)); 5月底前 is on or before 31 May (§三(四)).
 */

/** A fraction kept as two integers so that threshold tests are exact (2/3 of 300 is 200, and 200 passes). */
export interface Fraction {
	num: number;
	den: number;
}

export type WorksTier = 'basic' | 'improvement' | 'upgrade';

export type HousingType =
	'commodity' | 'work-unit' | 'reformed' | 'self-built' | 'urban-village' | 'shantytown-rebuild';

export interface PolicyParams {
	/** Stable id of this parameter set. */
	id: string;
	/** The document, e.g. `乐政办发〔2023〕47号`. */
	document: string;
	/** First day in force (ISO date). Default `2024-01-05` — §六 附则. Also the start after which §五(二)1 funding applies. */
	effectiveFrom: string;
	/** Last day in force (ISO date). Default `2029-01-04` (5 years) — §六 附则. */
	effectiveTo: string;

	/** The central streets (城关), whose qualifying communities go first. Default 乐成/城东/城南街道 — §二(一). */
	centralStreets: readonly string[];
	/** Kinds of town that are outside 城关 and 建制镇 (so outside the programme). Default `['乡']` — §二(一). */
	outOfScopeTownKinds: readonly string[];
	/** Focus: completed on or before this date. Default `2000-12-31` (2000年底前建成) — §二(一). */
	builtBeforeCutoff: string;
	/** Excluded if expropriation (征收) is planned within this many years. Default 5 — §二(一). */
	expropriationHorizonYears: number;
	/** Housing excluded whatever the year: self-built, urban village, shantytown demolish-and-rebuild — §二(一). */
	excludedHousingTypes: readonly HousingType[];

	/** Turnout, by exclusive area and by headcount, of the whole (双三分之二). Default 2/3 — §三(一), §三(三). */
	participationThreshold: Fraction;
	/** Approval, by area and by headcount, of those taking part (双四分之三). Default 3/4 — §三(一), §三(三). */
	approvalThreshold: Fraction;

	/** Resident self-funding as a share of each tier's investment. Default 10% / 30% / 70% — §五(二)1. */
	residentShare: Readonly<Record<WorksTier, number>>;
	/** Fiscal subsidy cap, yuan per ㎡ of building area; the excess is borne by residents. Default 300 — §五(二)1. */
	subsidyCapPerM2: number;

	/**
	 * Up to and including this total investment (yuan) proposal, feasibility study and preliminary design merge
	 * (1000万元以下: 以下 includes the number, Civil Code art. 1259). Default 10,000,000 — §四(四).
	 */
	mergeAllApprovalsUpTo: number;
	/** Up to and including this total investment (yuan) proposal and feasibility study merge (2000万元以下). Default 20,000,000 — §四(四). */
	mergeProposalFeasibilityUpTo: number;

	/** The design scheme is publicised for at least this many working days. Default 7 — §三(三). */
	publicityMinWorkingDays: number;
	/**
	 * The annual plan for the next year is approved before the end of this month/day; a community must have its
	 * resident funds complete by then to be in it. Default 31 May — §三(四).
	 */
	planDeadline: { month: number; day: number };
}

/** 乐政办发〔2023〕47号, 《乐清市城镇老旧小区改造实施方案》, issued 2023-12-04. */
export const YUEQING_2023: PolicyParams = Object.freeze({
	id: 'yueqing-2023-47',
	document: '乐政办发〔2023〕47号',
	effectiveFrom: '2024-01-05',
	effectiveTo: '2029-01-04',
	centralStreets: Object.freeze(['乐成街道', '城东街道', '城南街道']),
	outOfScopeTownKinds: Object.freeze(['乡']),
	builtBeforeCutoff: '2000-12-31',
	expropriationHorizonYears: 5,
	excludedHousingTypes: Object.freeze(['self-built', 'urban-village', 'shantytown-rebuild'] as const),
	participationThreshold: Object.freeze({ num: 2, den: 3 }),
	approvalThreshold: Object.freeze({ num: 3, den: 4 }),
	residentShare: Object.freeze({ basic: 0.1, improvement: 0.3, upgrade: 0.7 }),
	subsidyCapPerM2: 300,
	mergeAllApprovalsUpTo: 10_000_000,
	mergeProposalFeasibilityUpTo: 20_000_000,
	publicityMinWorkingDays: 7,
	planDeadline: Object.freeze({ month: 5, day: 31 })
});

/** Every parameter set this build knows, oldest first. Projects that began earlier ran under rules not modelled here. */
export const POLICIES: readonly PolicyParams[] = Object.freeze([YUEQING_2023]);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The parameters in force on an ISO date (`YYYY-MM-DD`), else `undefined` (before 2024-01-05 or after expiry). */
export function policyFor(date: string): PolicyParams | undefined {
	if (!ISO_DATE.test(date)) return undefined;
	return POLICIES.find((p) => p.effectiveFrom <= date && date <= p.effectiveTo);
}
