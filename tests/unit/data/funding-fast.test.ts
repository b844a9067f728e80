// §五(二)1: the simulator's float pricing (`fundingFigures`) gives computeFunding's figures to the fen for every
// community of the example, as the simulator prices it: with cost growth to each plan year and a social share.
import { describe, expect, it } from 'vitest';
import { fundingInputOf } from '../../../src/lib/verdict/status';
import { computeFunding, fundingFigures, YUEQING_2023 } from '../../../src/lib/policy';
import { loadExample } from './load';

const round2 = (v: number) => Math.round(v * 100) / 100;

describe('§五(二)1 funding: float path = exact path on the example', async () => {
	const { dataset } = await loadExample();
	const by = <T extends { community_id: string }>(rows: readonly T[], id: string) =>
		rows.filter((r) => r.community_id === id);
	const inputs = dataset.communities.map((c) => ({
		id: c.id,
		input: fundingInputOf({ community: c, works: by(dataset.works, c.id), funds: by(dataset.funds, c.id) })
			.input
	}));

	it('§五(二)1: every community, growth 0–5 years at 3.7 %, social share 0 and 5 %, to the fen', () => {
		expect(inputs.length).toBeGreaterThan(500);
		let checked = 0;
		for (const { id, input } of inputs)
			for (let years = 0; years <= 5; years++)
				for (const socialShare of [0, 0.05]) {
					const g = 1.037 ** years;
					const p = {
						...input,
						basic: round2(input.basic * g),
						improvement: round2(input.improvement * g),
						upgrade: round2(input.upgrade * g),
						elevator: round2((input.elevator ?? 0) * g),
						socialCapital: round2(
							Math.max(
								input.socialCapital ?? 0,
								socialShare * (input.basic + input.improvement + input.upgrade) * g
							)
						)
					};
					const exact = computeFunding(p, YUEQING_2023);
					const fast = fundingFigures(p, YUEQING_2023);
					const label = `${id} +${years}y social ${socialShare}`;
					expect(fast.subsidy, label).toBe(exact.subsidy);
					expect(fast.residentBase, label).toBe(exact.residentBase);
					expect(fast.residentExcess, label).toBe(exact.residentExcess);
					expect(fast.socialCapital, label).toBe(exact.socialCapital);
					checked++;
				}
		expect(checked).toBe(inputs.length * 12);
	});
});
