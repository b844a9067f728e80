// The fast ranking and projection (numeric day keys, ids ranked once) against the rules read plainly: ISO dates
// compared as text, a sort with the §-ordered comparison, every year scanning every candidate.
import { describe, expect, it } from 'vitest';
import { Random } from '../util/random';
import {
	projectBudget,
	rankCandidates,
	readinessDeadline,
	type BudgetCandidate,
	type BudgetScenario
} from './budget';
import { YUEQING_2023 } from './params';
import { PolicyInputError } from './reason';

/** §五(三) earlier funds first, §三(一) professional management, then (not ready) a higher share raised, then id. */
function compare(a: BudgetCandidate, b: BudgetCandidate): number {
	if (a.readyDate !== b.readyDate) {
		if (a.readyDate === null) return 1;
		if (b.readyDate === null) return -1;
		return a.readyDate < b.readyDate ? -1 : 1;
	}
	if (a.professionalManagement !== b.professionalManagement) return a.professionalManagement ? -1 : 1;
	if (a.readyDate === null && (b.raisedShare ?? 0) !== (a.raisedShare ?? 0))
		return (b.raisedShare ?? 0) - (a.raisedShare ?? 0);
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** §三(四) / §五(三) as written: each year, the decided plan first, then the ready ones in rank order. */
function plainProjection(candidates: BudgetCandidate[], scenario: BudgetScenario) {
	const ranked = [...candidates].sort(compare);
	const years = [...scenario.years].sort((a, b) => a.year - b.year);
	const fenOf = (yuan: number) => Math.round(yuan * 100);
	const funded = new Set(
		ranked.filter((c) => c.planYear != null && !years.some((y) => y.year === c.planYear)).map((c) => c.id)
	);
	return years.map(({ year, budget, decided = false }) => {
		const deadline = readinessDeadline(year, YUEQING_2023);
		let left = fenOf(budget);
		const ids: string[] = [];
		const waiting: string[] = [];
		let stoppedAt: string | null = null;
		for (const c of ranked)
			if (!funded.has(c.id) && c.planYear === year) {
				left -= fenOf(c.subsidy);
				funded.add(c.id);
				ids.push(c.id);
			}
		for (const c of ranked) {
			if (funded.has(c.id) || c.readyDate === null || c.readyDate > deadline) continue;
			if (!decided && stoppedAt === null && fenOf(c.subsidy) <= left) {
				left -= fenOf(c.subsidy);
				funded.add(c.id);
				ids.push(c.id);
			} else {
				if (!decided && (scenario.fill ?? 'strict') === 'strict' && stoppedAt === null) stoppedAt = c.id;
				waiting.push(c.id);
			}
		}
		return { year, funded: ids, waiting, stoppedAt, remaining: left / 100 };
	});
}

function randomCandidates(rng: Random, n: number): BudgetCandidate[] {
	const days = Array.from({ length: 40 }, (_, i) => `202${2 + (i % 5)}-0${1 + (i % 9)}-${10 + (i % 19)}`);
	return Array.from({ length: n }, (_, i) => ({
		id: `C${rng.int(0, 9)}${String(i).padStart(4, '0')}`,
		readyDate: rng.chance(0.2) ? null : rng.pick(days),
		professionalManagement: rng.chance(0.4),
		raisedShare: rng.pick([0, 0.25, 0.5, 0.5, 0.9, 1]),
		subsidy: rng.int(1, 400) * 1000 + rng.int(0, 99) / 100,
		planYear: rng.chance(0.1) ? rng.int(2023, 2027) : null
	}));
}

describe('§五(三) / §三(一) / §三(四) budget ranking and projection, fast path = plain reading', () => {
	it('§五(三) §三(一): 200 random lists rank as the plain comparison does', () => {
		const rng = new Random(5);
		for (let k = 0; k < 200; k++) {
			const cands = randomCandidates(rng, rng.int(0, 120));
			expect(rankCandidates(cands).map((c) => c.id)).toEqual([...cands].sort(compare).map((c) => c.id));
		}
	});

	it('§三(四) §五(三): 200 random projections fund, wait and stop as the plain reading', () => {
		const rng = new Random(8);
		for (let k = 0; k < 200; k++) {
			const cands = randomCandidates(rng, rng.int(1, 150));
			const scenario: BudgetScenario = {
				years: [2024, 2025, 2026, 2027].map((year) => ({
					year,
					budget: rng.int(0, 3000) * 1000,
					decided: year === 2024 && rng.chance(0.5)
				})),
				fill: rng.chance(0.5) ? 'strict' : 'skip'
			};
			const fast = projectBudget(cands, scenario, YUEQING_2023).years.map(
				({ year, funded, waiting, stoppedAt, remaining }) => ({ year, funded, waiting, stoppedAt, remaining })
			);
			expect(fast).toEqual(plainProjection(cands, scenario));
			// the same ids again (the ranks kept from the last call) in another order still rank right
			const shuffled = [...cands].reverse();
			expect(projectBudget(shuffled, scenario, YUEQING_2023).years.map((y) => y.funded)).toEqual(
				plainProjection(shuffled, scenario).map((y) => y.funded)
			);
		}
	});

	it('§三(四): a duplicate id is refused even after the same list passed without it', () => {
		const rng = new Random(3);
		const cands = randomCandidates(rng, 50);
		const years = [{ year: 2025, budget: 1e6 }];
		projectBudget(cands, { years }, YUEQING_2023);
		const dup = cands.map((c, i) => (i === 30 ? { ...c, id: cands[4]!.id } : c));
		expect(() => projectBudget(dup, { years }, YUEQING_2023)).toThrow(PolicyInputError);
	});
});
