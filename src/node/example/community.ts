// One example community's attributes: calibrated on the public 2022 batch (≈135 ㎡ a household) and on the
// policy's categories, with every housing type and exclusion present at plausible rates.
import type { HousingType } from '../../lib/policy';
import type { CommunityRow, PropertyManagement, TownRow } from '../../lib/schema/rows';
import type { Random } from '../../lib/util/random';

const HOUSING: readonly HousingType[] = [
	'commodity',
	'work-unit',
	'reformed',
	'self-built',
	'urban-village',
	'shantytown-rebuild'
];
const HOUSING_WEIGHTS = [40, 20, 22, 8, 6, 4];
const PM: readonly PropertyManagement[] = ['professional', 'self', 'community', 'none'];

const round2 = (x: number) => Math.round(x * 100) / 100;

export function completionYear(rng: Random): number {
	const r = rng.next();
	if (r < 0.06) return rng.int(1972, 1979);
	if (r < 0.85) return Math.min(2000, Math.round(rng.normal(1993, 5)));
	return rng.int(2001, 2012);
}

export function makeCommunity(
	rng: Random,
	id: string,
	name: string,
	address: string,
	town: TownRow,
	at: [number, number],
	asOfYear: number
): CommunityRow {
	const year = completionYear(rng);
	const housing = rng.weighted(HOUSING, HOUSING_WEIGHTS);
	const median = town.central ? 32_000 : town.kind === '乡' ? 6_000 : 18_000;
	const buildingArea = round2(Math.min(160_000, Math.max(1_800, median * Math.exp(rng.normal(0, 0.55)))));
	const households = Math.max(8, Math.round(buildingArea / (135 * rng.uniform(0.85, 1.15))));
	const pmWeights = housing === 'commodity' ? [50, 20, 20, 10] : [15, 30, 30, 25];
	return {
		id,
		name,
		town_code: town.code,
		address,
		lon: Math.round(at[0] * 1e6) / 1e6,
		lat: Math.round(at[1] * 1e6) / 1e6,
		completion_year: year,
		building_area: buildingArea,
		garage_area: rng.chance(0.08) ? round2(rng.uniform(200, 1500)) : null,
		households,
		owners: Math.max(6, Math.round(households * rng.uniform(0.9, 1.0))),
		exclusive_area: round2(buildingArea * rng.uniform(0.8, 0.9)),
		buildings: Math.max(1, Math.round(buildingArea / rng.uniform(2_500, 4_000))),
		housing_type: housing,
		in_shantytown_plan: rng.chance(0.03),
		expropriation_year: rng.chance(0.06) ? rng.int(asOfYear - 1, asOfYear + 10) : null,
		facilities_deficient: year > 2000 ? rng.chance(0.6) : rng.chance(0.9),
		strong_will: rng.chance(0.55),
		property_management: rng.weighted(PM, pmWeights),
		satisfaction: null,
		total_investment: null, // the example itemises its works
		planned_start: null,
		notes: rng.chance(0.1)
			? rng.pick(['业委会换届中', '部分业主对停车位有异议', '需协调管线迁改', '拟引入专业物业'])
			: null
	};
}
