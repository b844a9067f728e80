// The works of an example community: items of the 附件1 catalogue per tier, costed at about 309 元/㎡ overall
// (the 2022 batch), elevators costed apart.
import { WORKS_CATALOGUE, worksItem, type WorksItem } from '../../lib/policy';
import type { WorksRow } from '../../lib/schema/rows';
import type { Random } from '../../lib/util/random';

const BY_TIER = {
	basic: WORKS_CATALOGUE.filter((i) => i.tier === 'basic'),
	improvement: WORKS_CATALOGUE.filter((i) => i.tier === 'improvement'),
	upgrade: WORKS_CATALOGUE.filter((i) => i.tier === 'upgrade' && !i.elevator)
};
const ELEVATOR = WORKS_CATALOGUE.find((i) => i.elevator)!;

function sample(rng: Random, items: readonly WorksItem[], n: number): WorksItem[] {
	const pool = [...items];
	const out: WorksItem[] = [];
	while (out.length < n && pool.length > 0) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
	return out;
}

/** Works rows for one community; `perM2` is the target investment in yuan per ㎡ (elevators excluded). */
export function makeWorks(
	rng: Random,
	communityId: string,
	buildingArea: number,
	buildings: number,
	perM2: number
): WorksRow[] {
	const total = buildingArea * perM2;
	const shares = {
		basic: rng.uniform(0.55, 0.8),
		improvement: rng.uniform(0.1, 0.3),
		upgrade: rng.uniform(0, 0.2)
	};
	const picks = {
		basic: sample(rng, BY_TIER.basic, rng.int(4, 10)),
		improvement: sample(rng, BY_TIER.improvement, rng.int(0, 4)),
		upgrade: rng.chance(0.6) ? sample(rng, BY_TIER.upgrade, rng.int(1, 3)) : []
	};
	const tiers = (['basic', 'improvement', 'upgrade'] as const).filter((t) => picks[t].length > 0);
	const shareSum = tiers.reduce((a, t) => a + shares[t], 0);
	const rows: WorksRow[] = [];
	for (const tier of tiers) {
		const tierTotal = (total * shares[tier]) / shareSum;
		const weights = picks[tier].map(() => rng.uniform(0.5, 1.5));
		const wSum = weights.reduce((a, b) => a + b, 0);
		picks[tier].forEach((item, i) => {
			rows.push({
				community_id: communityId,
				item_id: item.id,
				estimated_cost: Math.max(1000, Math.round((tierTotal * weights[i]!) / wSum)),
				final_cost: null
			});
		});
	}
	if (buildings >= 2 && rng.chance(0.15)) {
		const elevators = Math.max(1, Math.round(buildings * rng.uniform(0.2, 0.6)));
		rows.push({
			community_id: communityId,
			item_id: ELEVATOR.id,
			estimated_cost: elevators * rng.int(50, 70) * 10_000,
			final_cost: null
		});
	}
	return rows;
}

/** Sums of estimated (or final, when all are final) cost per tier, elevators apart — the input of computeFunding. */
export function tierTotals(rows: readonly WorksRow[], useFinal: boolean) {
	const sums = { basic: 0, improvement: 0, upgrade: 0, elevator: 0 };
	for (const r of rows) {
		const item = worksItem(r.item_id)!;
		const cost = useFinal && r.final_cost !== null ? r.final_cost : r.estimated_cost;
		if (item.elevator) sums.elevator += cost;
		else sums[item.tier] += cost;
	}
	const fen = (x: number) => Math.round(x * 100) / 100;
	return {
		basic: fen(sums.basic),
		improvement: fen(sums.improvement),
		upgrade: fen(sums.upgrade),
		elevator: fen(sums.elevator)
	};
}
