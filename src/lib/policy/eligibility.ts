import { type HousingType, type PolicyParams } from './params';
import { PolicyInputError, reason, type Reason } from './reason';

export interface EligibilityInput {
	/** Year of completion; null when not known (资料不全). */
	completionYear: number | null;
	/** In 乐成/城东/城南街道 (城关). */
	central: boolean;
	/** Null when not known. */
	housingType: HousingType | null;
	/** Null when not known. */
	inShantytownPlan: boolean | null;
	/** Year an expropriation (征收) is planned for, or null when none is. */
	expropriationPlannedYear: number | null;
	/** 使用功能不齐全、配套设施不完备、物业管理不健全 (facilities or property management deficient); null when not known. */
	facilitiesDeficient: boolean | null;
	/** 居民改造意愿强烈; null when not known. */
	strongWill: boolean | null;
	/** The year the assessment is made in (the horizon of the expropriation rule counts from it). */
	asOfYear: number;
	/** Kind of the town the community lies in (街道 / 镇 / 乡), when known; a 乡 is outside 城关 and 建制镇. */
	townKind?: string;
}

/** A fact §二(一) may need that a community's record can lack (the input's field names). */
export type EligibilityFact =
	'completionYear' | 'housingType' | 'inShantytownPlan' | 'facilitiesDeficient' | 'strongWill';

/** The facts' names as a verdict says them (zh, en). */
export const ELIGIBILITY_FACT_NAMES: Readonly<Record<EligibilityFact, readonly [string, string]>> = {
	completionYear: ['建成年份', 'year of completion'],
	housingType: ['房屋类型', 'housing type'],
	inShantytownPlan: ['是否列入棚改计划', 'whether in the shantytown plan'],
	facilitiesDeficient: ['设施是否不完善', 'whether facilities are deficient'],
	strongWill: ['改造意愿是否强烈', "whether residents' will is strong"]
};

/**
 * `unknown`: a fact §二(一) needs is missing (资料不全) and no fact that is known decides it — never `ineligible`
 * for a fact not known.
 */
export type EligibilityStatus = 'eligible' | 'conditional' | 'ineligible' | 'unknown';

export interface EligibilityVerdict {
	status: EligibilityStatus;
	/** 城关 communities that qualify go first (央补、省补) — §二(一). */
	priority: boolean;
	reasons: Reason[];
	/**
	 * What would bring an ineligible community into the programme, one line per condition (empty when it is in).
	 * A condition this policy never lifts (a 乡, self-built housing, an urban village, a shantytown rebuild) is
	 * said so with a code starting `no-remedy-`; the rest name what must change (e.g. built after 2000: both
	 * 设施不完善 and 改造意愿强烈, and which of the two it has) — §二(一).
	 */
	remedies: Reason[];
	/** The facts whose absence leaves the verdict `unknown`, in the input's order; empty for any other status. */
	missing: EligibilityFact[];
}

const CLAUSE = '§二(一)';

const HOUSING_EXCLUSION_TEXT: Partial<Record<HousingType, [string, string]>> = {
	'self-built': [
		'以居民自建住房为主的区域，不属本次改造范畴',
		'mainly self-built housing: outside this programme'
	],
	'urban-village': ['城中村，不属本次改造范畴', 'urban village: outside this programme'],
	'shantytown-rebuild': [
		'拟拆除新建（改建、扩建、翻建）的棚户区，不属本次改造范畴',
		'shantytown to be demolished and rebuilt: outside this programme'
	]
};

/** The one reason of an `unknown` verdict: 未知：缺… naming every missing fact — §二(一). */
function missingReason(missing: readonly EligibilityFact[]): Reason {
	const zh = missing.map((f) => ELIGIBILITY_FACT_NAMES[f][0]).join('、');
	const en = missing.map((f) => ELIGIBILITY_FACT_NAMES[f][1]).join(', ');
	return reason(
		'facts-missing',
		CLAUSE,
		`未知：缺${zh}（资料不全，补齐后判断）`,
		`unknown: ${en} missing (incomplete data; judged once filled in)`
	);
}

const metZh = (v: boolean | null) => (v === null ? '未知' : v ? '已具备' : '尚不具备');
const metEn = (v: boolean | null) => (v === null ? 'unknown' : v ? 'met' : 'not met');

function wholeYear(value: number, field: string): number {
	if (!Number.isInteger(value) || value < 1000 || value > 9999) {
		throw new PolicyInputError(field, `应为四位整数年份 / expected a four-digit year (${String(value)})`);
	}
	return value;
}

/**
 * Whether a community may be renovated under §二(一): the focus is communities completed by the end of 2000 and not
 * in a shantytown or (within 5 years) expropriation plan; later ones only when facilities are deficient AND the
 * residents' will is strong; self-built areas, urban villages and shantytown rebuilds never. Every reason that
 * applies is listed, exclusions first; an ineligible verdict also says what would bring the community in
 * (`remedies`), or that nothing under this policy can.
 *
 * A fact not known (null) never makes a community ineligible: an exclusion that is known decides (a 乡, an
 * excluded housing type, a shantytown or expropriation plan), and so does a known year after 2000 without one of
 * the two conditions; otherwise a verdict that needs a missing fact is `unknown` and `missing` names the facts it
 * needs now (a missing year alone: the two conditions matter only if it turns out after 2000).
 */
export function assessEligibility(c: EligibilityInput, params: PolicyParams): EligibilityVerdict {
	const completionYear = c.completionYear === null ? null : wholeYear(c.completionYear, 'completionYear');
	const asOfYear = wholeYear(c.asOfYear, 'asOfYear');
	if (c.expropriationPlannedYear !== null) wholeYear(c.expropriationPlannedYear, 'expropriationPlannedYear');

	const exclusions: Reason[] = [];
	const remedies: Reason[] = [];
	if (c.townKind !== undefined && params.outOfScopeTownKinds.includes(c.townKind)) {
		exclusions.push(
			reason(
				'outside-urban-area',
				CLAUSE,
				`位于${c.townKind}，不在城关和建制镇范围内`,
				'in a township, outside the city and designated towns'
			)
		);
		remedies.push(
			reason(
				'no-remedy-outside-urban-area',
				CLAUSE,
				`本方案只适用于城关和建制镇，位于${c.townKind}的小区不能通过补足条件纳入`,
				'the programme covers only the city and designated towns: no condition can bring a township community in'
			)
		);
	}
	if (c.housingType !== null && params.excludedHousingTypes.includes(c.housingType)) {
		const [zh, en] = HOUSING_EXCLUSION_TEXT[c.housingType] ?? [
			'该住房类型不属本次改造范畴',
			'this housing type is outside this programme'
		];
		exclusions.push(reason(`excluded-${c.housingType}`, CLAUSE, zh, en));
		remedies.push(
			reason(
				`no-remedy-${c.housingType}`,
				CLAUSE,
				'此类住房不属本次老旧小区改造范畴，不能通过补足条件纳入',
				'this kind of housing is outside the programme whatever else changes'
			)
		);
	}
	if (c.inShantytownPlan === true) {
		exclusions.push(
			reason('in-shantytown-plan', CLAUSE, '已列入棚改计划', 'in the shantytown renovation plan')
		);
		remedies.push(
			reason(
				'leave-shantytown-plan',
				CLAUSE,
				'移出棚改计划后可重新评估',
				'it may be assessed again once it leaves the shantytown plan'
			)
		);
	}
	const horizonEnd = asOfYear + params.expropriationHorizonYears;
	if (c.expropriationPlannedYear !== null && c.expropriationPlannedYear <= horizonEnd) {
		exclusions.push(
			reason(
				'expropriation-within-horizon',
				CLAUSE,
				`已列入${params.expropriationHorizonYears}年内征收计划（${c.expropriationPlannedYear}年）`,
				`to be expropriated within ${params.expropriationHorizonYears} years (${c.expropriationPlannedYear})`
			)
		);
		remedies.push(
			reason(
				'expropriation-beyond-horizon',
				CLAUSE,
				`征收计划取消，或推迟到${horizonEnd + 1}年及以后（${asOfYear}年起${params.expropriationHorizonYears}年以外），可重新评估`,
				`it may be assessed again if the expropriation is dropped or moved to ${horizonEnd + 1} or later (beyond ${params.expropriationHorizonYears} years from ${asOfYear})`
			)
		);
	}

	const cutoffYear = Number(params.builtBeforeCutoff.slice(0, 4));
	// A year-only completion date is "on or before the cutoff" only if all of that year is (2000 ≤ 2000-12-31).
	const builtByCutoff = completionYear !== null && `${completionYear}-12-31` <= params.builtBeforeCutoff;
	const builtAfter = completionYear !== null && !builtByCutoff;
	// built after the cutoff without both conditions: what the two conditions are, and which it has
	const yearRemedy =
		builtAfter && !(c.facilitiesDeficient === true && c.strongWill === true)
			? reason(
					'needs-deficient-and-willing',
					CLAUSE,
					`${cutoffYear}年底后建成的小区，须同时具备两项条件方可纳入：使用功能、配套设施或物业管理不健全（${metZh(c.facilitiesDeficient)}），且居民改造意愿强烈（${metZh(c.strongWill)}）`,
					`built after ${cutoffYear}, it may enter only with both: facilities or management deficient (${metEn(c.facilitiesDeficient)}) and residents keen on renovation (${metEn(c.strongWill)})`
				)
			: null;
	if (exclusions.length > 0) {
		// a condition that can be lifted leaves the year rule to meet too; one that cannot says all
		const lasting = remedies.some((r) => r.code.startsWith('no-remedy-'));
		const all = lasting ? remedies.filter((r) => r.code.startsWith('no-remedy-')) : remedies;
		if (!lasting && yearRemedy) all.push(yearRemedy);
		return { status: 'ineligible', priority: false, reasons: exclusions, remedies: all, missing: [] };
	}

	// a known year after the cutoff without one of the two conditions decides, whatever else is missing
	const refused = builtAfter && (c.facilitiesDeficient === false || c.strongWill === false);
	if (!refused) {
		const missing: EligibilityFact[] = [];
		if (completionYear === null) missing.push('completionYear');
		if (c.housingType === null) missing.push('housingType');
		if (c.inShantytownPlan === null) missing.push('inShantytownPlan');
		if (builtAfter && c.facilitiesDeficient === null) missing.push('facilitiesDeficient');
		if (builtAfter && c.strongWill === null) missing.push('strongWill');
		if (missing.length > 0)
			return { status: 'unknown', priority: false, reasons: [missingReason(missing)], remedies: [], missing };
	}

	if (builtByCutoff) {
		const reasons = [
			reason(
				'built-by-cutoff',
				CLAUSE,
				`${completionYear}年建成，属${cutoffYear}年底前建成的重点改造范围`,
				`built in ${completionYear}, by the end of ${cutoffYear}: a focus of the programme`
			)
		];
		if (c.central)
			reasons.push(
				reason(
					'central-priority',
					CLAUSE,
					'位于城关（乐成、城东、城南街道），符合条件的先予实施',
					'in the city centre (乐成, 城东, 城南): eligible communities go first'
				)
			);
		return { status: 'eligible', priority: c.central, reasons, remedies: [], missing: [] };
	}

	const after = reason(
		'built-after-cutoff',
		CLAUSE,
		`${completionYear}年建成，晚于${cutoffYear}年底`,
		`built in ${completionYear}, after the end of ${cutoffYear}`
	);
	if (c.facilitiesDeficient && c.strongWill) {
		return {
			status: 'conditional',
			priority: false,
			reasons: [
				after,
				reason(
					'deficient-and-willing',
					CLAUSE,
					'设施或物业管理不健全且居民改造意愿强烈，可纳入改造范围',
					'facilities or management deficient and residents keen: may be included'
				)
			],
			remedies: [],
			missing: []
		};
	}
	const lacking: Reason[] = [];
	if (c.facilitiesDeficient === false)
		lacking.push(
			reason(
				'facilities-adequate',
				CLAUSE,
				'使用功能和配套设施、物业管理未见不足',
				'facilities and management not found deficient'
			)
		);
	if (c.strongWill === false)
		lacking.push(reason('will-not-strong', CLAUSE, '居民改造意愿不强烈', 'residents not keen on renovation'));
	return {
		status: 'ineligible',
		priority: false,
		reasons: [after, ...lacking],
		remedies: [yearRemedy!],
		missing: []
	};
}
