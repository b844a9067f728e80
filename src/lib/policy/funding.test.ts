import { describe, expect, it } from 'vitest';
import { allocate } from './exact';
import { computeFunding, estimateFromTotal } from './funding';
import { YUEQING_2023 } from './params';
import { PolicyInputError } from './reason';

describe('§五(二)1 funding', () => {
	it('§五(二)1: residents pay 10% basic + 30% improvement + 70% upgrade', () => {
		const f = computeFunding(
			{
				basic: 1_000_000,
				improvement: 500_000,
				upgrade: 200_000,
				buildingArea: 10_000
			},
			YUEQING_2023
		);
		expect(f.total).toBe(1_700_000);
		expect(f.residentByTier).toEqual({ basic: 100_000, improvement: 150_000, upgrade: 140_000 });
		expect(f.residentBase).toBe(390_000);
		expect(f.subsidyUncapped).toBe(1_310_000);
		expect(f.subsidyCap).toBe(3_000_000);
		expect(f.subsidy).toBe(1_310_000);
		expect(f.residentExcess).toBe(0);
		expect(f.residentTotal).toBe(390_000);
		expect(f.capped).toBe(false);
		expect(f.reasons.map((r) => r.code)).toEqual(['resident-share', 'subsidy-actual']);
	});

	it('§五(二)1: subsidy above 300 元/㎡ is capped and the excess falls to residents', () => {
		const f = computeFunding(
			{ basic: 5_000_000, improvement: 0, upgrade: 0, buildingArea: 10_000 },
			YUEQING_2023
		);
		// 5,000,000 − 500,000 = 4,500,000 > 300 × 10,000 = 3,000,000
		expect(f.subsidyUncapped).toBe(4_500_000);
		expect(f.subsidy).toBe(3_000_000);
		expect(f.residentExcess).toBe(1_500_000);
		expect(f.residentTotal).toBe(2_000_000);
		expect(f.capped).toBe(true);
		expect(f.reasons.map((r) => r.code)).toContain('subsidy-capped');
		expect(f.residentTotal + f.subsidy + f.socialCapital).toBe(f.total);
	});

	it('§五(二)1: reaching the cap exactly is not capped, one fen more is', () => {
		// improvement only: uncapped = 0.7 × I; the cap is 300 × 1000 = 300,000
		const exact = computeFunding(
			{ basic: 0, improvement: 428_571.43, upgrade: 0, buildingArea: 1000 },
			YUEQING_2023
		);
		// 0.3 × 428,571.43 = 128,571.429 → 128,571.43; uncapped = 300,000.00
		expect(exact.subsidyUncapped).toBe(300_000);
		expect(exact.subsidy).toBe(300_000);
		expect(exact.capped).toBe(false);
		expect(exact.residentExcess).toBe(0);
		const over = computeFunding(
			{ basic: 0, improvement: 428_571.45, upgrade: 0, buildingArea: 1000 },
			YUEQING_2023
		);
		expect(over.capped).toBe(true);
		expect(over.subsidy).toBe(300_000);
		expect(over.residentExcess).toBe(0.01);
	});

	it('§五(二)1: social capital comes off before the subsidy', () => {
		const f = computeFunding(
			{
				basic: 1_000_000,
				improvement: 0,
				upgrade: 0,
				buildingArea: 10_000,
				socialCapital: 200_000
			},
			YUEQING_2023
		);
		expect(f.subsidy).toBe(700_000);
		expect(f.socialCapital).toBe(200_000);
		const more = computeFunding(
			{
				basic: 1_000_000,
				improvement: 0,
				upgrade: 0,
				buildingArea: 10_000,
				socialCapital: 2_000_000
			},
			YUEQING_2023
		);
		expect(more.subsidyUncapped).toBe(0);
		expect(more.subsidy).toBe(0);
	});

	it('§五(二)1: elevators are outside the total and the formula', () => {
		const without = computeFunding(
			{ basic: 1_000_000, improvement: 0, upgrade: 0, buildingArea: 10_000 },
			YUEQING_2023
		);
		const withElevator = computeFunding(
			{
				basic: 1_000_000,
				improvement: 0,
				upgrade: 0,
				elevator: 800_000,
				buildingArea: 10_000
			},
			YUEQING_2023
		);
		expect(withElevator.total).toBe(without.total);
		expect(withElevator.subsidy).toBe(without.subsidy);
		expect(withElevator.elevator).toBe(800_000);
		expect(withElevator.reasons.map((r) => r.code)).toContain('elevator-excluded');
	});

	it('§五(二)1: a newly counted ground-floor garage adds its designed area to the cap', () => {
		const f = computeFunding(
			{
				basic: 5_000_000,
				improvement: 0,
				upgrade: 0,
				buildingArea: 10_000,
				garageArea: 500
			},
			YUEQING_2023
		);
		expect(f.subsidyCap).toBe(3_150_000);
		expect(f.subsidy).toBe(3_150_000);
		expect(f.reasons.map((r) => r.code)).toContain('garage-area-counted');
	});

	it('§五(二)1: exact to the fen on awkward decimals', () => {
		const f = computeFunding(
			{ basic: 0.1, improvement: 0.2, upgrade: 0.3, buildingArea: 0.01 },
			YUEQING_2023
		);
		// base = 0.01 + 0.06 + 0.21 = 0.28; total 0.60; uncapped 0.32; cap 300 × 0.01 = 3.00
		expect(f.total).toBe(0.6);
		expect(f.residentBase).toBe(0.28);
		expect(f.subsidy).toBe(0.32);
		const area = computeFunding(
			{ basic: 10_000_000, improvement: 0, upgrade: 0, buildingArea: 12_345.67 },
			YUEQING_2023
		);
		expect(area.subsidyCap).toBe(3_703_701);
	});

	it('§五(二)1: the shares and the cap are scenario parameters', () => {
		const params = {
			...YUEQING_2023,
			residentShare: { basic: 0.125, improvement: 0.3, upgrade: 0.7 },
			subsidyCapPerM2: 250
		};
		const f = computeFunding({ basic: 1_000_000, improvement: 0, upgrade: 0, buildingArea: 1000 }, params);
		expect(f.residentBase).toBe(125_000);
		expect(f.subsidyCap).toBe(250_000);
		expect(f.subsidy).toBe(250_000);
		expect(f.residentExcess).toBe(625_000);
	});

	it('§五(二)1: the 2022 batch calibrates at about 309 元/㎡ of investment, so a basic-only project is capped', () => {
		// 5,850万 yuan over 189,600 ㎡ (RULES.md reference figures)
		const f = computeFunding(
			{ basic: 58_500_000, improvement: 0, upgrade: 0, buildingArea: 189_600 },
			YUEQING_2023
		);
		expect(f.subsidyUncapped).toBe(52_650_000);
		expect(f.subsidy).toBe(52_650_000); // 277.7 元/㎡, below the cap
		expect(f.capped).toBe(false);
	});

	it('rejects impossible input with PolicyInputError naming the field', () => {
		const ok = { basic: 1, improvement: 1, upgrade: 1, buildingArea: 1 };
		const bad: [Record<string, number>, string][] = [
			[{ basic: -1 }, 'basic'],
			[{ upgrade: Number.NaN }, 'upgrade'],
			[{ buildingArea: 0 }, 'buildingArea'],
			[{ buildingArea: -5 }, 'buildingArea'],
			[{ garageArea: -1 }, 'garageArea'],
			[{ socialCapital: Number.POSITIVE_INFINITY }, 'socialCapital']
		];
		for (const [patch, field] of bad) {
			expect(() => computeFunding({ ...ok, ...patch }, YUEQING_2023)).toThrow(PolicyInputError);
			try {
				computeFunding({ ...ok, ...patch }, YUEQING_2023);
			} catch (e) {
				expect((e as PolicyInputError).field).toBe(field);
			}
		}
		expect(() =>
			computeFunding(ok, { ...YUEQING_2023, residentShare: { basic: 1.2, improvement: 0.3, upgrade: 0.7 } })
		).toThrow(/residentShare.basic/);
	});
});

describe('§五(二)1 rounding: allocate', () => {
	it('§五(二)1: thirds of a fen go to the largest remainders and add up to the total', () => {
		// 10 / 3 each: 3.33… fen; the total 10 fen leaves one fen to the first of the tied remainders
		expect(allocate([10n, 10n, 10n], 3n, 10n)).toEqual([4n, 3n, 3n]);
		// remainders 0.9 and 0.5 and 0.6 (tenths): two fen left go to the 0.9 and the 0.6
		expect(allocate([19n, 15n, 16n], 10n, 5n)).toEqual([2n, 1n, 2n]);
		expect(allocate([20n, 30n], 10n, 5n)).toEqual([2n, 3n]);
	});
});

describe('§五(二)1 without the building area (资料不全)', () => {
	const works = { basic: 1_000_000, improvement: 0, upgrade: 0 };

	it('§五(二)1: the cap needs the building area — unknown, the subsidy uncapped (the most it can be), said', () => {
		const f = computeFunding({ ...works, buildingArea: null }, YUEQING_2023);
		expect(f.missing).toEqual(['buildingArea']);
		expect(f.subsidyCap).toBeNull();
		expect(f.subsidy).toBe(900_000); // 1,000,000 − 10% residents, no cap applied
		expect(f.residentExcess).toBe(0);
		expect(f.capped).toBe(false);
		const r = f.reasons.find((x) => x.code === 'subsidy-cap-unknown')!;
		expect(r.clause).toBe('§五(二)1');
		expect(r.text).toContain('缺建筑面积');
	});

	it('§五(二)1: nothing to cap needs no area', () => {
		const f = computeFunding({ basic: 0, improvement: 0, upgrade: 0, buildingArea: null }, YUEQING_2023);
		expect(f.missing).toEqual([]);
		expect(f.subsidy).toBe(0);
		expect(computeFunding({ ...works, buildingArea: 5000 }, YUEQING_2023).missing).toEqual([]);
	});
});

describe('§五(二)1 from a total investment, works not itemised (估算)', () => {
	it('§五(二)1: no tier assumed — the residents share is a range (10%–70%), the subsidy at most total − 10%, capped', () => {
		const e = estimateFromTotal({ total: 9_300_000, buildingArea: 31_000 }, YUEQING_2023);
		expect(e.total).toBe(9_300_000);
		expect(e.residentRange).toEqual([930_000, 6_510_000]);
		// 9,300,000 − 930,000 = 8,370,000, above the cap 300 × 31,000 = 9,300,000? no: below — paid as is
		expect(e.subsidyCap).toBe(9_300_000);
		expect(e.subsidyMax).toBe(8_370_000);
		expect(e.reasons[0]!.clause).toBe('§五(二)1');
		expect(e.reasons[0]!.text).toMatch(/^估算：按总投资，未分类别/);
		expect(e.reasons[0]!.text).toContain('无法确定');
	});

	it('§五(二)1: the cap applies when the area is known, and is said missing when it is not', () => {
		const capped = estimateFromTotal({ total: 10_000_000, buildingArea: 20_000 }, YUEQING_2023);
		expect(capped.subsidyMax).toBe(6_000_000); // 300 × 20,000 < 9,000,000
		const open = estimateFromTotal({ total: 10_000_000, buildingArea: null }, YUEQING_2023);
		expect(open.subsidyCap).toBeNull();
		expect(open.subsidyMax).toBe(9_000_000);
		expect(open.reasons[0]!.text).toContain('缺建筑面积');
	});
});
