import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import {
	assessEligibility,
	assessVote,
	computeFunding,
	stageIndex,
	YUEQING_2023
} from '../../../src/lib/policy';
import { writeDatasetCsv } from '../../../src/node/dataset-csv';
import { BATCH_2022, generate, type CommunityBundle } from '../../../src/node/example/generate';
import { tierTotals } from '../../../src/node/example/works';
import { eligibilityInputOf } from '../../../src/lib/verdict/status';
import { geo, loadExample } from './load';

const AS_OF = '2026-11-15';
const SEED = 20231204;

async function writeTo(seed: number): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'yq-gen-'));
	const writer = writeDatasetCsv(dir, geo.towns);
	generate(geo, { seed, asOf: AS_OF }, (b) => writer.add(b));
	await writer.close();
	return dir;
}

const bundles: CommunityBundle[] = [];
generate(geo, { seed: SEED, asOf: AS_OF }, (b) => bundles.push(b));
const townOf = new Map(geo.towns.map((t) => [t.code, t]));

describe('the example dataset generator', () => {
	it('is deterministic: the same seed gives byte-identical files, another seed other files', async () => {
		const [a, b, c] = [await writeTo(SEED), await writeTo(SEED), await writeTo(7)];
		const files = readdirSync(a).sort();
		expect(files).toEqual([
			'communities.csv',
			'contacts.csv',
			'funds.csv',
			'stage_events.csv',
			'towns.csv',
			'votes.csv',
			'works.csv'
		]);
		for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
		expect(readFileSync(join(c, 'communities.csv')).equals(readFileSync(join(a, 'communities.csv')))).toBe(
			false
		);
	});

	it('the committed example is exactly what the generator makes (npm run generate keeps them in step)', async () => {
		const dir = await writeTo(SEED);
		for (const f of readdirSync(dir)) {
			expect(
				readFileSync(join('data/example', f)).equals(readFileSync(join(dir, f))),
				`data/example/${f}`
			).toBe(true);
		}
		const meta = JSON.parse(readFileSync('data/example/metadata.json', 'utf8'));
		expect(meta).toMatchObject({ example: true, seed: SEED, asOf: AS_OF, schematicBoundaries: true });
	});

	it('covers every town and street at the 乐清 scale, denser in the centre and the large towns', () => {
		expect(bundles.length).toBeGreaterThanOrEqual(600);
		expect(bundles.length).toBeLessThanOrEqual(900);
		const perTown = new Map<string, number>();
		for (const b of bundles)
			perTown.set(b.community.town_code, (perTown.get(b.community.town_code) ?? 0) + 1);
		expect(perTown.size).toBe(25);
		const byName = (n: string) => perTown.get(geo.towns.find((t) => t.name === n)!.code)!;
		expect(byName('乐成街道')).toBeGreaterThan(byName('盐盆街道') * 3);
		expect(byName('柳市镇')).toBeGreaterThan(byName('湖雾镇') * 5);
	});

	it('puts every community inside its town’s region and the county outline', () => {
		for (const { community: c } of bundles) {
			expect(booleanPointInPolygon([c.lon, c.lat], geo.regions.get(c.town_code)!), c.id).toBe(true);
			expect(booleanPointInPolygon([c.lon, c.lat], geo.outline), c.id).toBe(true);
		}
	});

	it('§二(一): eligibility by the policy engine comes out in the intended mix, every exclusion present', () => {
		const counts = { eligible: 0, conditional: 0, ineligible: 0, unknown: 0 };
		const reasons = new Set<string>();
		let priority = 0;
		for (const { community: c } of bundles) {
			const town = townOf.get(c.town_code)!;
			const v = assessEligibility(eligibilityInputOf(c, town, AS_OF), YUEQING_2023);
			counts[v.status]++;
			if (v.priority) priority++;
			for (const r of v.reasons) reasons.add(r.code);
		}
		// the example has every fact: no verdict is unknown
		expect(counts.unknown).toBe(0);
		const share = (n: number) => n / bundles.length;
		expect(share(counts.eligible)).toBeGreaterThan(0.5);
		expect(share(counts.eligible)).toBeLessThan(0.8);
		expect(share(counts.conditional)).toBeGreaterThan(0.02);
		expect(share(counts.conditional)).toBeLessThan(0.15);
		expect(share(counts.ineligible)).toBeGreaterThan(0.15);
		expect(share(counts.ineligible)).toBeLessThan(0.4);
		expect(priority).toBeGreaterThan(100);
		for (const code of [
			'excluded-self-built',
			'excluded-urban-village',
			'excluded-shantytown-rebuild',
			'in-shantytown-plan',
			'expropriation-within-horizon',
			'outside-urban-area',
			'built-after-cutoff',
			'deficient-and-willing'
		]) {
			expect(reasons, code).toContain(code);
		}
		const years = bundles.map((b) => b.community.completion_year!);
		expect(years.filter((y) => y >= 1980 && y <= 2000).length / years.length).toBeGreaterThan(0.7);
		expect(years.some((y) => y > 2000)).toBe(true);
	});

	it('§三(一): every vote tally is consistent; passing, failing and exactly-on-threshold votes all occur', () => {
		let passed = 0;
		let failed = 0;
		let exact = 0;
		for (const v of bundles.flatMap((b) => b.votes)) {
			const verdict = assessVote(
				{
					totalOwners: v.total_owners,
					totalArea: v.total_area,
					participatingOwners: v.participating_owners,
					participatingArea: v.participating_area,
					agreeOwners: v.agree_owners,
					agreeArea: v.agree_area
				},
				YUEQING_2023
			);
			if (verdict.passed) passed++;
			else failed++;
			if (
				3 * v.participating_owners === 2 * v.total_owners ||
				4 * v.agree_owners === 3 * v.participating_owners
			)
				exact++;
		}
		expect(passed).toBeGreaterThan(100);
		expect(failed).toBeGreaterThan(10);
		expect(exact).toBeGreaterThan(0);
	});

	it('§三: stage events follow the workflow order with non-decreasing dates, none after the as-of day', () => {
		let withStages = 0;
		for (const b of bundles) {
			if (b.stages.length > 0) withStages++;
			const order = b.stages.map((s) => stageIndex(s.stage));
			expect(order, b.community.id).toEqual([...order].sort((x, y) => x - y));
			expect(order, b.community.id).toEqual(order.map((_, i) => i)); // from the first stage, none skipped
			const dates = b.stages.map((s) => s.date);
			expect(dates, b.community.id).toEqual([...dates].sort());
			expect(dates.every((d) => d >= '2019-09-01' && d <= AS_OF)).toBe(true);
		}
		expect(withStages).toBeGreaterThan(150);
	});

	it('§五(二)1: ready communities raised exactly the resident funds the engine requires', () => {
		let checked = 0;
		for (const b of bundles) {
			if (!b.stages.some((s) => s.stage === 'town-review')) continue;
			const social = b.funds.filter((f) => f.source === 'social').reduce((a, f) => a + f.amount, 0);
			const required = computeFunding(
				{
					...tierTotals(b.works, false),
					buildingArea: b.community.building_area,
					garageArea: b.community.garage_area ?? 0,
					socialCapital: social
				},
				YUEQING_2023
			).residentTotal;
			const raised =
				b.funds.filter((f) => f.source === 'resident').reduce((a, f) => a + Math.round(f.amount * 100), 0) /
				100;
			expect(raised, b.community.id).toBeCloseTo(required, 2);
			checked++;
		}
		expect(checked).toBeGreaterThan(50);
	});

	it('includes the public 2022 batch as completed, with the published totals', () => {
		const batch = bundles.filter((b) => BATCH_2022.some((x) => x.name === b.community.name));
		expect(batch).toHaveLength(4);
		const sum = (f: (b: CommunityBundle) => number) => batch.reduce((a, b) => a + f(b), 0);
		expect(sum((b) => b.community.building_area!)).toBe(189_600);
		expect(sum((b) => b.community.households!)).toBe(1_400);
		expect(sum((b) => b.community.buildings!)).toBe(63);
		expect(sum((b) => b.works.reduce((a, w) => a + w.estimated_cost, 0))).toBe(58_500_000);
		for (const b of batch) {
			expect(b.stages.at(-1)?.stage).toBe('post-evaluation');
			expect(b.stages.find((s) => s.stage === 'construction')?.date.slice(0, 4)).toBe('2022');
			expect(b.community.satisfaction).not.toBeNull();
		}
	});

	it('passes the build’s own validation with no error', async () => {
		const { errors } = await loadExample();
		expect(errors).toEqual([]);
	});
});
