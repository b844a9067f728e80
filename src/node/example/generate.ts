// The example dataset: every town and street of 乐清 (or N communities at national scale), seeded and
// deterministic. Communities are generated; towns, codes and name stems are the real public ones.
import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { assessEligibility, computeFunding, dayToIso, isoToDay, YUEQING_2023 } from '../../lib/policy';
import type {
	CommunityRow,
	ContactRow,
	DatasetMeta,
	FundRow,
	StageEventRow,
	TownRow,
	VoteRow,
	WorksRow
} from '../../lib/schema/rows';
import { SCHEMA_VERSION } from '../../lib/schema/schema';
import { eligibilityInputOf } from '../../lib/verdict/status';
import { Random } from '../../lib/util/random';
import { makeCommunity } from './community';
import { NameMaker } from './names';
import { cut, makePlan, residentDeposits, stageRows } from './timeline';
import { makeWorks, tierTotals } from './works';

/** Relative number of old communities per town at the 乐清 scale: dense in the centre and the large towns. */
export const TOWN_WEIGHTS: Record<string, number> = {
	乐成街道: 110,
	城东街道: 70,
	城南街道: 60,
	柳市镇: 85,
	北白象镇: 55,
	虹桥镇: 55,
	大荆镇: 35,
	白石街道: 25,
	翁垟街道: 25,
	石帆街道: 25,
	天成街道: 25,
	盐盆街道: 15,
	淡溪镇: 20,
	雁荡镇: 20,
	芙蓉镇: 15,
	清江镇: 15,
	仙溪镇: 10,
	南塘镇: 12,
	南岳镇: 10,
	蒲岐镇: 12,
	磐石镇: 10,
	湖雾镇: 6,
	智仁乡: 3,
	龙西乡: 3,
	岭底乡: 3
};

/** The public 2022 batch (RULES.md reference figures): 5,850万元, 63 buildings, 1,400 households, 189,600 ㎡. */
export const BATCH_2022 = [
	{
		name: '东浦二区',
		town: '乐成街道',
		area: 52_000,
		households: 380,
		buildings: 17,
		investment: 16_044_304
	},
	{
		name: '双雁小区',
		town: '乐成街道',
		area: 46_000,
		households: 340,
		buildings: 15,
		investment: 14_193_038
	},
	{
		name: '丹霞花苑',
		town: '城南街道',
		area: 48_600,
		households: 360,
		buildings: 16,
		investment: 14_996_203
	},
	{ name: '旭阳小区', town: '城南街道', area: 43_000, households: 320, buildings: 15, investment: 13_266_455 }
] as const;

export interface GenerateOptions {
	seed: number;
	/** Total communities; default: the 乐清 scale (sum of TOWN_WEIGHTS). */
	count?: number;
	/** "Now" for the example (no wall clock, so the output is byte-identical for a seed). */
	asOf: string;
}

export interface CommunityBundle {
	community: CommunityRow;
	works: WorksRow[];
	votes: VoteRow[];
	funds: FundRow[];
	stages: StageEventRow[];
	contacts: ContactRow[];
}

export interface Geography {
	towns: TownRow[];
	/** The county outline: every community lies inside it. */
	outline: Feature<MultiPolygon>;
	regions: Map<string, Feature<Polygon | MultiPolygon>>;
	stems: Map<string, string[]>;
}

function countsPerTown(towns: TownRow[], total: number): Map<string, number> {
	const weights = towns.map((t) => TOWN_WEIGHTS[t.name] ?? 5);
	const sum = weights.reduce((a, b) => a + b, 0);
	const exact = weights.map((w) => (w * total) / sum);
	const counts = exact.map(Math.floor);
	let left = total - counts.reduce((a, b) => a + b, 0);
	const order = exact
		.map((x, i) => [x - Math.floor(x), i] as const)
		.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (const [, i] of order) if (left-- > 0) counts[i]!++;
	return new Map(towns.map((t, i) => [t.code, counts[i]!]));
}

/** A point in the town's region, clustered around its seat (where the old housing is). */
function placeIn(
	rng: Random,
	town: TownRow,
	region: Feature<Polygon | MultiPolygon>,
	outline: Feature<MultiPolygon>
): [number, number] {
	// checked as written (6 decimals), so rounding cannot carry a point across the outline
	const inside = (p: [number, number]) => {
		const q: [number, number] = [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
		return booleanPointInPolygon(q, region) && booleanPointInPolygon(q, outline);
	};
	const sd = town.central ? 0.012 : 0.02;
	for (let i = 0; i < 60; i++) {
		const p: [number, number] = [
			rng.normal(town.seat_lon, sd * (1 + i / 10)),
			rng.normal(town.seat_lat, sd * (1 + i / 10))
		];
		if (inside(p)) return p;
	}
	const [minX, minY, maxX, maxY] = bbox(region);
	for (let i = 0; i < 5000; i++) {
		const p: [number, number] = [rng.uniform(minX, maxX), rng.uniform(minY, maxY)];
		if (inside(p)) return p;
	}
	throw new Error(`could not place a community in ${town.name}`);
}

const DEFAULT_TOTAL = Object.values(TOWN_WEIGHTS).reduce((a, b) => a + b, 0);

/** Generates the dataset community by community, handing each bundle to `emit` (so 300k need not sit in memory). */
export function generate(
	geo: Geography,
	options: GenerateOptions,
	emit: (b: CommunityBundle) => void
): DatasetMeta {
	const rng = new Random(options.seed);
	const total = options.count ?? DEFAULT_TOTAL;
	const asOfYear = Number(options.asOf.slice(0, 4));
	const names = new NameMaker(
		rng,
		BATCH_2022.map((b) => b.name)
	);
	const counts = countsPerTown(geo.towns, total);
	const startFirst = isoToDay('2019-09-01', 'start');
	const startLast = isoToDay(options.asOf, 'asOf') - 10;
	let seq = 0;
	const batch = options.count === undefined ? [...BATCH_2022] : [];

	for (const town of geo.towns) {
		const region = geo.regions.get(town.code);
		if (!region) throw new Error(`no region for town ${town.code} ${town.name}`);
		const stems = geo.stems.get(town.code) ?? [];
		const n = counts.get(town.code) ?? 0;
		for (let k = 0; k < n; k++) {
			const id = `YQ${String(++seq).padStart(6, '0')}`;
			const fixed = batch.find((b) => b.town === town.name);
			const name = fixed ? fixed.name : names.community(stems);
			const community = makeCommunity(
				rng,
				id,
				name,
				names.address(town.name, stems),
				town,
				placeIn(rng, town, region, geo.outline),
				asOfYear
			);
			if (fixed) {
				batch.splice(batch.indexOf(fixed), 1);
				Object.assign(community, {
					completion_year: 1990 + (seq % 8),
					building_area: fixed.area,
					households: fixed.households,
					owners: fixed.households - 12,
					exclusive_area: Math.round(fixed.area * 0.86 * 100) / 100,
					buildings: fixed.buildings,
					housing_type: 'reformed',
					in_shantytown_plan: false,
					expropriation_year: null
				});
			}
			emit(
				bundleFor(
					rng,
					names,
					community,
					town,
					options.asOf,
					[startFirst, startLast],
					fixed?.investment ?? null
				)
			);
		}
	}
	return {
		example: true,
		title: '乐清市城镇老旧小区改造 示例数据（生成）',
		schemaVersion: SCHEMA_VERSION,
		asOf: options.asOf,
		schematicBoundaries: true,
		seed: options.seed,
		note: '示例数据：小区及其数值均为程序生成，仅街道乡镇名称与代码为真实公开信息；2022年批次四个小区按公开总数示意。Example data: communities and figures are generated.'
	};
}

function bundleFor(
	rng: Random,
	names: NameMaker,
	community: CommunityRow,
	town: TownRow,
	asOf: string,
	[startFirst, startLast]: [number, number],
	batchInvestment: number | null
): CommunityBundle {
	const verdict = assessEligibility(eligibilityInputOf(community, town, asOf), YUEQING_2023);
	// the example's communities have every fact (community.ts): none of these is null
	const [area, buildings] = [community.building_area!, community.buildings!];
	const perM2 = batchInvestment !== null ? batchInvestment / area : Math.max(150, rng.normal(309, 70));
	const works = makeWorks(rng, community.id, area, buildings, perM2);
	if (batchInvestment !== null) scaleTo(works, batchInvestment);
	const contacts: ContactRow[] = [
		{ community_id: community.id, role: '社区书记', person: names.person(), phone: names.phone() }
	];
	const empty = { community, works, votes: [], funds: [], stages: [], contacts };
	const inProgramme =
		batchInvestment !== null ||
		(verdict.status !== 'ineligible' && rng.chance(verdict.status === 'eligible' ? 0.62 : 0.35));
	if (!inProgramme) return empty;

	const total = { owners: community.owners!, area: community.exclusive_area! };
	let plan = makePlan(rng, community.id, dayToIso(rng.int(startFirst, startLast)), total);
	// The 2022 batch was built in 2022: draw its history again until it was (deterministic for a seed).
	for (let i = 0; batchInvestment !== null && i < 200; i++) {
		plan = makePlan(
			rng,
			community.id,
			dayToIso(rng.int(startFirst, isoToDay('2020-12-31', 'start'))),
			total,
			true
		);
		if (plan.stages.find(([s]) => s === 'construction')?.[1].startsWith('2022')) break;
	}
	const stages = stageRows(community.id, plan, asOf);
	contacts.push({
		community_id: community.id,
		role: '业委会主任',
		person: names.person(),
		phone: names.phone()
	});

	const socialCapital = rng.chance(0.1)
		? Math.round(works.reduce((a, w) => a + w.estimated_cost, 0) * rng.uniform(0.03, 0.12))
		: 0;
	const estimate = tierTotals(works, false);
	const funding = computeFunding(
		{
			...estimate,
			buildingArea: community.building_area,
			garageArea: community.garage_area ?? 0,
			socialCapital
		},
		YUEQING_2023
	);
	const application = plan.stages.find(([s]) => s === 'application')?.[1];
	const funds: FundRow[] = [];
	if (application) {
		const stalled = plan.stall === 'funds' ? rng.uniform(0.3, 0.95) : null;
		const until = plan.readyDate ?? dayToIso(isoToDay(application, 'application') + rng.int(200, 700));
		funds.push(...residentDeposits(rng, community.id, application, until, funding.residentTotal, stalled));
		const design = plan.stages.find(([s]) => s === 'design')?.[1];
		if (socialCapital > 0 && design)
			funds.push({ community_id: community.id, date: design, source: 'social', amount: socialCapital });
	}
	const acceptance = stages.find((s) => s.stage === 'acceptance')?.date;
	if (acceptance) {
		for (const w of works) w.final_cost = Math.round(w.estimated_cost * rng.uniform(0.92, 1.06) * 100) / 100;
		const final = computeFunding(
			{
				...tierTotals(works, true),
				buildingArea: community.building_area,
				garageArea: community.garage_area ?? 0,
				socialCapital
			},
			YUEQING_2023
		);
		if (final.subsidy > 0)
			funds.push({
				community_id: community.id,
				date: dayToIso(isoToDay(acceptance, 'acceptance') + rng.int(30, 90)),
				source: 'subsidy',
				amount: final.subsidy
			});
	}
	if (stages.some((s) => s.stage === 'post-evaluation'))
		community.satisfaction = Math.round(rng.uniform(72, 98) * 10) / 10;
	return {
		community,
		works,
		votes: cut(plan.votes, asOf),
		funds: cut(funds, asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
		stages,
		contacts
	};
}

/** Scale estimates so they add up to a published total (the 2022 batch), whole yuan, remainder on the last. */
function scaleTo(works: WorksRow[], total: number): void {
	const elevator = works.filter((w) => w.item_id.startsWith('care.upgrade.3.1'));
	for (const e of elevator) works.splice(works.indexOf(e), 1);
	const sum = works.reduce((a, w) => a + w.estimated_cost, 0);
	let left = total;
	works.forEach((w, i) => {
		w.estimated_cost = i === works.length - 1 ? left : Math.round((w.estimated_cost * total) / sum);
		left -= w.estimated_cost;
	});
}
