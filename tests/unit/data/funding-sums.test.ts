// §五(二)1: the money shown on a community's page adds up — parts to the fen equal the total to the fen — for
// every community of the example.
import { describe, expect, it } from 'vitest';
import { fundingInputOf } from '../../../src/lib/verdict/status';
import { computeFunding, YUEQING_2023 } from '../../../src/lib/policy';
import { loadExample } from './load';

const fen = (yuan: number) => Math.round(yuan * 100);

describe('§五(二)1 funding: shown parts add up to shown totals', async () => {
	const { dataset } = await loadExample();
	const by = <T extends { community_id: string }>(rows: readonly T[], id: string) =>
		rows.filter((r) => r.community_id === id);
	const fundings = dataset.communities.map((c) => {
		const { input } = fundingInputOf({
			community: c,
			works: by(dataset.works, c.id),
			funds: by(dataset.funds, c.id)
		});
		return { id: c.id, input, f: computeFunding(input, YUEQING_2023) };
	});

	it('§五(二)1: YQ000024 — residents by tier plus the excess make the residents’ total', () => {
		const { f } = fundings.find((x) => x.id === 'YQ000024')!;
		const parts =
			fen(f.residentByTier.basic) + fen(f.residentByTier.improvement) + fen(f.residentByTier.upgrade);
		expect(parts + fen(f.residentExcess)).toBe(fen(f.residentTotal));
	});

	it('§五(二)1: every community — tier lines = residents’ base, base + excess = total, tiers = investment', () => {
		expect(fundings.length).toBeGreaterThan(500);
		for (const { id, input, f } of fundings) {
			const tiers =
				fen(f.residentByTier.basic) + fen(f.residentByTier.improvement) + fen(f.residentByTier.upgrade);
			expect(tiers, id).toBe(fen(f.residentBase));
			expect(fen(f.residentBase) + fen(f.residentExcess), id).toBe(fen(f.residentTotal));
			expect(fen(input.basic) + fen(input.improvement) + fen(input.upgrade), id).toBe(fen(f.total));
			expect(fen(f.subsidy) + fen(f.residentExcess), id).toBe(fen(f.subsidyUncapped));
			// each tier's line stays within a fen of its exact share
			for (const t of ['basic', 'improvement', 'upgrade'] as const) {
				const exact = input[t] * { basic: 0.1, improvement: 0.3, upgrade: 0.7 }[t] * 100;
				expect(Math.abs(fen(f.residentByTier[t]) - exact), `${id} ${t}`).toBeLessThan(1.0001);
			}
		}
	});
});
