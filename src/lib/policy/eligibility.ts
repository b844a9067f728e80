import { type HousingType, type PolicyParams } from './params';
import { PolicyInputError, reason, type Reason } from './reason';

export interface EligibilityInput {
	completionYear: number;
	/** In 乐成/城东/城南街道 (城关). */
	central: boolean;
	housingType: HousingType;
	inShantytownPlan: boolean;
	/** Year an expropriation (征收) is planned for, or null when none is. */
	expropriationPlannedYear: number | null;
	/** 使用功能不齐全、配套设施不完备、物业管理不健全 (facilities or property management deficient). */
	facilitiesDeficient: boolean;
	/** 居民改造意愿强烈. */
	strongWill: boolean;
	/** The year the assessment is made in (the horizon of the expropriation rule counts from it). */
	asOfYear: number;
	/** Kind of the town the community lies in (街道 / 镇 / 乡), when known; a 乡 is outside 城关 and 建制镇. */
	townKind?: string;
}

export type EligibilityStatus = 'eligible' | 'conditional' | 'ineligible';

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
 */
export function assessEligibility(c: EligibilityInput, params: PolicyParams): EligibilityVerdict {
	const completionYear = wholeYear(c.completionYear, 'completionYear');
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
	if (params.excludedHousingTypes.includes(c.housingType)) {
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
	if (c.inShantytownPlan) {
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
	const builtByCutoff = `${completionYear}-12-31` <= params.builtBeforeCutoff;
	// built after the cutoff without both conditions: what the two conditions are, and which it has
	const yearRemedy =
		!builtByCutoff && !(c.facilitiesDeficient && c.strongWill)
			? reason(
					'needs-deficient-and-willing',
					CLAUSE,
					`${cutoffYear}年底后建成的小区，须同时具备两项条件方可纳入：使用功能、配套设施或物业管理不健全（${c.facilitiesDeficient ? '已具备' : '尚不具备'}），且居民改造意愿强烈（${c.strongWill ? '已具备' : '尚不具备'}）`,
					`built after ${cutoffYear}, it may enter only with both: facilities or management deficient (${c.facilitiesDeficient ? 'met' : 'not met'}) and residents keen on renovation (${c.strongWill ? 'met' : 'not met'})`
				)
			: null;
	if (exclusions.length > 0) {
		// a condition that can be lifted leaves the year rule to meet too; one that cannot says all
		const lasting = remedies.some((r) => r.code.startsWith('no-remedy-'));
		const all = lasting ? remedies.filter((r) => r.code.startsWith('no-remedy-')) : remedies;
		if (!lasting && yearRemedy) all.push(yearRemedy);
		return { status: 'ineligible', priority: false, reasons: exclusions, remedies: all };
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
		return { status: 'eligible', priority: c.central, reasons, remedies: [] };
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
			remedies: []
		};
	}
	const missing: Reason[] = [];
	if (!c.facilitiesDeficient)
		missing.push(
			reason(
				'facilities-adequate',
				CLAUSE,
				'使用功能和配套设施、物业管理未见不足',
				'facilities and management not found deficient'
			)
		);
	if (!c.strongWill)
		missing.push(reason('will-not-strong', CLAUSE, '居民改造意愿不强烈', 'residents not keen on renovation'));
	return { status: 'ineligible', priority: false, reasons: [after, ...missing], remedies: [yearRemedy!] };
}
