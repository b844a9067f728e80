import { describe, expect, it } from 'vitest';
import { Random } from '../util/random';
import { computeFunding, type FundingInput } from './funding';
import { fundingFigures } from './funding-fast';
import { YUEQING_2023, type PolicyParams } from './params';
import { PolicyInputError } from './reason';

const exactFigures = (p: FundingInput, params: PolicyParams) => {
	const f = computeFunding(p, params);
	return [f.subsidy, f.residentBase, f.residentExcess, f.socialCapital];
};
const fastFigures = (p: FundingInput, params: PolicyParams) => {
	const f = fundingFigures(p, params);
	return [f.subsidy, f.residentBase, f.residentExcess, f.socialCapital];
};

describe('§五(二)1 funding: the float path agrees with computeFunding to the fen', () => {
	it('§五(二)1: 6,000 random communities, amounts to the fen and to 3–4 decimals, shares and caps varied', () => {
		const rng = new Random(13);
		// to the fen, as the data and the simulator's cost growth give; every fifth community to 3–4 decimals
		let places = 2;
		const money = () => Math.round(rng.uniform(0, 2e7) * 10 ** places) / 10 ** places;
		let floatPath = 0;
		for (let k = 0; k < 6_000; k++) {
			places = k % 5 === 0 ? rng.int(3, 4) : 2;
			const params: PolicyParams = {
				...YUEQING_2023,
				subsidyCapPerM2: rng.pick([300, 250.5, 333.33]),
				residentShare: rng.chance(0.5)
					? YUEQING_2023.residentShare
					: { basic: rng.int(0, 100) / 100, improvement: rng.int(0, 1000) / 1000, upgrade: 0.7 }
			};
			const p: FundingInput = {
				basic: money(),
				improvement: money(),
				upgrade: rng.chance(0.3) ? 0 : money(),
				elevator: rng.chance(0.2) ? money() : 0,
				buildingArea: Math.round(rng.uniform(1, 80_000) * 100) / 100,
				garageArea: rng.chance(0.2) ? Math.round(rng.uniform(0, 900) * 100) / 100 : 0,
				socialCapital: rng.chance(0.3) ? money() : 0
			};
			expect(fastFigures(p, params), JSON.stringify({ p, params })).toEqual(exactFigures(p, params));
			if (places === 2 && !fundingFigures(p, params).exact) floatPath++;
		}
		expect(floatPath).toBeGreaterThan(0.7 * 4_800); // to the fen, most take the float path (ties go exact)
	});

	it('§五(二)1: half a fen, exactly at the cap and a fen either side go to the exact path and agree', () => {
		// 0.145 yuan is 14.5 fen as written (rounds up); as a float 0.145 × 100 = 14.499999999999998
		const half: FundingInput = { basic: 1000.145, improvement: 0, upgrade: 0, buildingArea: 100 };
		expect(fundingFigures(half, YUEQING_2023).exact).toBe(true);
		expect(fastFigures(half, YUEQING_2023)).toEqual(exactFigures(half, YUEQING_2023));
		// basic only: subsidy = 90 % of basic; the cap is 300 × 100 ㎡ = 30,000 yuan
		for (const basic of [33_333.33, 33_333.34, 33_333.35, 33_333.32]) {
			const p: FundingInput = { basic, improvement: 0, upgrade: 0, buildingArea: 100 };
			expect(fastFigures(p, YUEQING_2023), String(basic)).toEqual(exactFigures(p, YUEQING_2023));
		}
		const atCap: FundingInput = { basic: 100_000 / 3, improvement: 0, upgrade: 0, buildingArea: 100 };
		expect(fastFigures(atCap, YUEQING_2023)).toEqual(exactFigures(atCap, YUEQING_2023));
		// exactly at the cap, and a residents' base of exactly half a fen (0.05 × 10 % = 0.5 fen, rounded up):
		// the base and the cap are divided in whole numbers, as computeFunding does in bigints, so no float decides
		const exactlyAtCap: FundingInput = { basic: 0, improvement: 0, upgrade: 100_000, buildingArea: 100 };
		expect(fundingFigures(exactlyAtCap, YUEQING_2023)).toMatchObject({ subsidy: 30_000, exact: false });
		expect(fastFigures(exactlyAtCap, YUEQING_2023)).toEqual(exactFigures(exactlyAtCap, YUEQING_2023));
		const halfBase: FundingInput = { basic: 1000.05, improvement: 0, upgrade: 0, buildingArea: 100.25 };
		expect(fundingFigures(halfBase, YUEQING_2023)).toMatchObject({ residentBase: 100.01, exact: false });
		expect(fastFigures(halfBase, YUEQING_2023)).toEqual(exactFigures(halfBase, YUEQING_2023));
	});

	it('§五(二)1: input computeFunding refuses is refused the same way', () => {
		const bad: FundingInput = { basic: -1, improvement: 0, upgrade: 0, buildingArea: 100 };
		expect(() => fundingFigures(bad, YUEQING_2023)).toThrow(PolicyInputError);
		const noArea: FundingInput = { basic: 1, improvement: 0, upgrade: 0, buildingArea: 0 };
		expect(() => fundingFigures(noArea, YUEQING_2023)).toThrow(PolicyInputError);
		const nan: FundingInput = { basic: NaN, improvement: 0, upgrade: 0, buildingArea: 10 };
		expect(() => fundingFigures(nan, YUEQING_2023)).toThrow(PolicyInputError);
	});
});
