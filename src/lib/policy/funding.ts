import { allocate, divRound, fenToYuan, maxBig, minBig, onCommonScale, toDecimal, toFen } from './exact';
import { type PolicyParams, type WorksTier } from './params';
import { PolicyInputError, reason, type Reason } from './reason';

export interface FundingInput {
	/** Investment in basic-tier works (基础类), yuan, including its share of other costs and contingency. */
	basic: number;
	/** Investment in improvement-tier works (完善类), yuan. */
	improvement: number;
	/** Investment in upgrade-tier works (提升类), yuan, elevators excluded. */
	upgrade: number;
	/** Elevator installation (加装电梯), yuan: outside the total, subsidised under its own rules. */
	elevator?: number;
	/** Building area on the planning permit or property registration, shared area included, ㎡; null when not known. */
	buildingArea: number | null;
	/** A ground-floor garage not counted originally but counted in the new design, ㎡. */
	garageArea?: number;
	/** Social capital (社会资金), yuan. */
	socialCapital?: number;
}

export interface FundingResult {
	/** Total investment, elevators excluded, yuan. */
	total: number;
	/** Residents' share by tier (10/30/70%), summed, yuan. */
	residentBase: number;
	residentByTier: Record<WorksTier, number>;
	socialCapital: number;
	/** Total − resident share − social capital, not below 0, yuan. */
	subsidyUncapped: number;
	/** Cap per ㎡ × (building area + garage area), yuan; null when the building area is not known. */
	subsidyCap: number | null;
	/** The fiscal subsidy: the smaller of the two, yuan. */
	subsidy: number;
	/** What exceeds the cap, borne by residents, yuan. */
	residentExcess: number;
	residentTotal: number;
	/** The uncapped subsidy is above the cap (reaching it exactly is not capped). */
	capped: boolean;
	/** Elevator investment set aside, yuan. */
	elevator: number;
	reasons: Reason[];
	/**
	 * Facts the figures lack (资料不全): `buildingArea` when it is not known and there is a subsidy to cap — the cap
	 * cannot be applied, so `subsidy` is the uncapped amount (the most it can be) and no excess is put on residents.
	 */
	missing: 'buildingArea'[];
}

const CLAUSE = '§五(二)1';
const TIERS: readonly WorksTier[] = ['basic', 'improvement', 'upgrade'];

function nonNegative(value: number, field: string): number {
	toDecimal(value, field);
	if (value < 0) throw new PolicyInputError(field, `不能为负数 / must not be negative (${value})`);
	return value;
}

/** A share in [0, 1] as an exact ratio `units / 10^scale`. */
function shareOf(value: number, field: string): { units: bigint; scale: number } {
	const d = toDecimal(value, field);
	if (value < 0 || value > 1)
		throw new PolicyInputError(field, `比例应在 0–1 之间 / share must be in [0, 1] (${value})`);
	return d;
}

/**
 * Who pays what under §五(二)1: residents pay 10% of basic, 30% of improvement and 70% of upgrade investment; the
 * fiscal subsidy is the rest after social capital, capped at 300 元/㎡ of building area (a newly counted ground-floor
 * garage adds its designed area); anything above the cap falls back to residents. Elevators are outside the total.
 * Exact to the fen.
 */
export function computeFunding(p: FundingInput, params: PolicyParams): FundingResult {
	const tierFen = {
		basic: toFen(nonNegative(p.basic, 'basic'), 'basic'),
		improvement: toFen(nonNegative(p.improvement, 'improvement'), 'improvement'),
		upgrade: toFen(nonNegative(p.upgrade, 'upgrade'), 'upgrade')
	};
	const elevatorFen = toFen(nonNegative(p.elevator ?? 0, 'elevator'), 'elevator');
	const socialFen = toFen(nonNegative(p.socialCapital ?? 0, 'socialCapital'), 'socialCapital');
	if (p.buildingArea !== null) nonNegative(p.buildingArea, 'buildingArea');
	if (p.buildingArea === 0)
		throw new PolicyInputError('buildingArea', '建筑面积须大于 0 / building area must be positive');
	nonNegative(p.garageArea ?? 0, 'garageArea');
	nonNegative(params.subsidyCapPerM2, 'subsidyCapPerM2');

	const totalFen = tierFen.basic + tierFen.improvement + tierFen.upgrade;
	const shares = onCommonScale(TIERS.map((t) => shareOf(params.residentShare[t], `residentShare.${t}`)));
	const shareUnit = 10n ** BigInt(shares.scale);
	const byTierExact = TIERS.map((t, i) => tierFen[t] * (shares.units[i] ?? 0n));
	// Round once on the sum, so the base is the exact weighted share to the fen (§五(二)1 按改造内容加权计算).
	const residentBaseFen = divRound(
		byTierExact.reduce((a, b) => a + b, 0n),
		shareUnit
	);
	// The tiers' lines share the base by largest remainder, so they add up to it to the fen.
	const byTierFen = allocate(byTierExact, shareUnit, residentBaseFen);
	const residentByTier = Object.fromEntries(
		TIERS.map((t, i) => [t, fenToYuan(byTierFen[i] ?? 0n)])
	) as Record<WorksTier, number>;

	const uncappedFen = maxBig(0n, totalFen - residentBaseFen - socialFen);
	let capFen: bigint | null = null;
	if (p.buildingArea !== null) {
		const area = onCommonScale([
			toDecimal(params.subsidyCapPerM2, 'subsidyCapPerM2'),
			toDecimal(p.buildingArea, 'buildingArea'),
			toDecimal(p.garageArea ?? 0, 'garageArea')
		]);
		const [capUnits = 0n, buildingUnits = 0n, garageUnits = 0n] = area.units;
		const unit = 10n ** BigInt(area.scale);
		capFen = divRound(capUnits * (buildingUnits + garageUnits) * 100n, unit * unit);
	}
	// without the building area the cap is not known: the subsidy is the uncapped amount, the most it can be
	const missing: 'buildingArea'[] = capFen === null && uncappedFen > 0n ? ['buildingArea'] : [];
	const subsidyFen = capFen === null ? uncappedFen : minBig(uncappedFen, capFen);
	const excessFen = uncappedFen - subsidyFen;
	const capped = capFen !== null && uncappedFen > capFen;

	const reasons: Reason[] = [
		reason(
			'resident-share',
			CLAUSE,
			`居民自筹按基础类${pct(params.residentShare.basic)}、完善类${pct(params.residentShare.improvement)}、提升类${pct(params.residentShare.upgrade)}计算`,
			`residents pay ${pct(params.residentShare.basic)} of basic, ${pct(params.residentShare.improvement)} of improvement and ${pct(params.residentShare.upgrade)} of upgrade works`
		),
		missing.length > 0
			? reason(
					'subsidy-cap-unknown',
					CLAUSE,
					`补助上限未知：缺建筑面积（按${params.subsidyCapPerM2}元/㎡封顶须知建筑面积）；补助按未封顶计，为最高值，居民可能还须负担超出部分`,
					`subsidy cap unknown: building area missing (the cap is ${params.subsidyCapPerM2} yuan/㎡ of it); the subsidy shown is uncapped, the most it can be, and residents may owe an excess`
				)
			: capped
				? reason(
						'subsidy-capped',
						CLAUSE,
						`财政补助高于${params.subsidyCapPerM2}元/㎡，按${params.subsidyCapPerM2}元/㎡补助，超出部分居民自理`,
						`subsidy above ${params.subsidyCapPerM2} yuan/㎡: capped, residents pay the excess`
					)
				: reason(
						'subsidy-actual',
						CLAUSE,
						`财政补助不高于${params.subsidyCapPerM2}元/㎡，按实补助`,
						`subsidy within ${params.subsidyCapPerM2} yuan/㎡: paid as costed`
					)
	];
	if ((p.garageArea ?? 0) > 0) {
		reasons.push(
			reason(
				'garage-area-counted',
				CLAUSE,
				'底层地上车库按现设计建筑面积计入补助面积',
				'ground-floor garages count towards the subsidised area'
			)
		);
	}
	if (elevatorFen > 0n) {
		reasons.push(
			reason(
				'elevator-excluded',
				CLAUSE,
				'加装电梯投资不计入总投资，按相关办法另行补助',
				'lift installation is outside the total and subsidised separately'
			)
		);
	}

	return {
		total: fenToYuan(totalFen),
		residentBase: fenToYuan(residentBaseFen),
		residentByTier,
		socialCapital: fenToYuan(socialFen),
		subsidyUncapped: fenToYuan(uncappedFen),
		subsidyCap: capFen === null ? null : fenToYuan(capFen),
		subsidy: fenToYuan(subsidyFen),
		residentExcess: fenToYuan(excessFen),
		residentTotal: fenToYuan(residentBaseFen + excessFen),
		capped,
		elevator: fenToYuan(elevatorFen),
		reasons,
		missing
	};
}

function pct(share: number): string {
	return `${Math.round(share * 10000) / 100}%`;
}

/** What §五(二)1 can say of a community known only by its total investment (a city's plan table). */
export interface FundingEstimate {
	/** The total as given (总投资), elevators excluded, yuan — the basis of the estimate. */
	total: number;
	/**
	 * The residents' share before any excess over the cap, were every item basic (the least) or upgrade (the
	 * most), yuan: the share itself is unknown until the works are itemised.
	 */
	residentRange: [number, number];
	/**
	 * The most the subsidy can be: the total less the least residents' share and social capital, capped at the
	 * rate per ㎡ when the building area is known (null otherwise), yuan.
	 */
	subsidyMax: number;
	subsidyCap: number | null;
	reasons: Reason[];
}

/**
 * §五(二)1 on a total investment whose works are not itemised (估算：按总投资，未分类别). The resident share is
 * "按改造内容加权计算" — weighted by the works' tiers (10% basic, 30% improvement, 70% upgrade) — so a total with no
 * items gives no share: this reading assumes no tier (assuming all basic would understate what residents owe by up
 * to 7 times, and the policy gives no default split). What it can say is the total (which also decides the
 * approval path, §四(四)), the range of the residents' share, and the most the subsidy can be; the residents'
 * share is unknown until the works are itemised. Exact to the fen (computeFunding's arithmetic).
 */
export function estimateFromTotal(
	p: { total: number; buildingArea: number | null; garageArea?: number; socialCapital?: number },
	params: PolicyParams
): FundingEstimate {
	const at = (tier: WorksTier) =>
		computeFunding(
			{
				basic: tier === 'basic' ? p.total : 0,
				improvement: tier === 'improvement' ? p.total : 0,
				upgrade: tier === 'upgrade' ? p.total : 0,
				buildingArea: p.buildingArea,
				garageArea: p.garageArea,
				socialCapital: p.socialCapital
			},
			params
		);
	const [least, most] = [at('basic'), at('upgrade')];
	const shares = TIERS.map((t) => params.residentShare[t]);
	return {
		total: least.total,
		residentRange: [least.residentBase, most.residentBase],
		subsidyMax: least.subsidy,
		subsidyCap: least.subsidyCap,
		reasons: [
			reason(
				'estimate-from-total',
				CLAUSE,
				`估算：按总投资，未分类别。居民自筹按改造内容加权计算（基础类${pct(shares[0]!)}、完善类${pct(shares[1]!)}、提升类${pct(shares[2]!)}），改造内容分项前无法确定，在${pct(Math.min(...shares))}–${pct(Math.max(...shares))}之间；财政补助最多为总投资扣除最低居民自筹和社会资金${least.subsidyCap === null ? '（补助上限缺建筑面积，未封顶）' : `，按${params.subsidyCapPerM2}元/㎡封顶`}`,
				`estimate from the total, works not itemised: residents pay by the works' tiers (${pct(shares[0]!)} basic, ${pct(shares[1]!)} improvement, ${pct(shares[2]!)} upgrade), unknown until itemised — between ${pct(Math.min(...shares))} and ${pct(Math.max(...shares))}; the subsidy is at most the total less the least residents' share and social capital${least.subsidyCap === null ? ' (no cap: building area missing)' : `, capped at ${params.subsidyCapPerM2} yuan/㎡`}`
			)
		]
	};
}
