import { describe, expect, it } from 'vitest';
import {
	firstPlanYear,
	projectBudget,
	rankCandidates,
	readinessDeadline,
	type BudgetCandidate
} from './budget';
import { YUEQING_2023 } from './params';
import { PolicyInputError } from './reason';

const c = (
	id: string,
	readyDate: string | null,
	subsidy: number,
	professionalManagement = false
): BudgetCandidate => ({
	id,
	readyDate,
	subsidy,
	professionalManagement
});

describe('§三(四) / §五(三) budget projection', () => {
	it('§三(四): funds complete by 31 May of Y−1 enter year Y; 1 June waits a year', () => {
		expect(readinessDeadline(2025, YUEQING_2023)).toBe('2024-05-31');
		expect(firstPlanYear('2024-05-31', YUEQING_2023)).toBe(2025);
		expect(firstPlanYear('2024-06-01', YUEQING_2023)).toBe(2026);
		const p = projectBudget(
			[c('a', '2024-05-31', 100), c('b', '2024-06-01', 100)],
			{
				years: [
					{ year: 2025, budget: 1000 },
					{ year: 2026, budget: 1000 }
				]
			},
			YUEQING_2023
		);
		expect(p.years[0]).toMatchObject({
			funded: ['a'],
			waiting: [],
			notReady: 1,
			readinessDeadline: '2024-05-31'
		});
		expect(p.years[1]).toMatchObject({ funded: ['b'], waiting: [], notReady: 0 });
	});

	it('§五(三) then §三(一): earlier readiness first, then professional management, then id', () => {
		const ranked = rankCandidates([
			c('z', '2023-03-01', 1),
			c('b', '2023-02-01', 1),
			c('a', '2023-02-01', 1),
			c('m', '2023-02-01', 1, true),
			c('n', null, 1)
		]);
		expect(ranked.map((x) => x.id)).toEqual(['m', 'a', 'b', 'z', 'n']);
	});

	it('§五(三): strict stops at the first that does not fit; skip passes over it', () => {
		const cands = [c('a', '2023-01-01', 60), c('b', '2023-02-01', 50), c('c', '2023-03-01', 30)];
		const years = [{ year: 2024, budget: 100 }];
		const strict = projectBudget(cands, { years, fill: 'strict' }, YUEQING_2023).years[0]!;
		expect(strict).toMatchObject({
			funded: ['a'],
			waiting: ['b', 'c'],
			fundedAmount: 60,
			remaining: 40,
			stoppedAt: 'b'
		});
		const skip = projectBudget(cands, { years, fill: 'skip' }, YUEQING_2023).years[0]!;
		expect(skip).toMatchObject({
			funded: ['a', 'c'],
			waiting: ['b'],
			fundedAmount: 90,
			remaining: 10,
			stoppedAt: null
		});
		expect(projectBudget(cands, { years }, YUEQING_2023).years[0]!.funded).toEqual(['a']); // strict by default
	});

	it('§五(三): unfunded candidates wait for next year; unspent budget does not carry over', () => {
		const cands = [c('a', '2022-01-01', 80), c('b', '2022-02-01', 80), c('c', '2024-05-01', 10)];
		const p = projectBudget(
			cands,
			{
				years: [
					{ year: 2024, budget: 100 },
					{ year: 2025, budget: 100 },
					{ year: 2026, budget: 0 }
				]
			},
			YUEQING_2023
		);
		expect(p.years.map((y) => y.funded)).toEqual([['a'], ['b', 'c'], []]);
		expect(p.years.map((y) => y.demand)).toEqual([160, 90, 0]);
		expect(p.years.map((y) => y.remaining)).toEqual([20, 10, 0]);
		expect(p.years[0]!.waiting).toEqual(['b']);
	});

	it('§五(三): demand counts every candidate in play, funded or waiting; amounts are summed in fen', () => {
		const cands = Array.from({ length: 10 }, (_, i) => c(`k${i}`, '2023-01-01', 0.1));
		const y = projectBudget(cands, { years: [{ year: 2024, budget: 0.3 }] }, YUEQING_2023).years[0]!;
		expect(y.demand).toBe(1);
		expect(y.fundedAmount).toBe(0.3);
		expect(y.remaining).toBe(0);
		expect(y.funded).toEqual(['k0', 'k1', 'k2']);
	});

	it('§三(四): candidates never ready stay out; years are processed in order whatever the input order', () => {
		const p = projectBudget(
			[c('a', null, 1), c('b', '2024-01-01', 1)],
			{
				years: [
					{ year: 2026, budget: 10 },
					{ year: 2025, budget: 10 }
				]
			},
			YUEQING_2023
		);
		expect(p.years.map((y) => y.year)).toEqual([2025, 2026]);
		expect(p.years[0]).toMatchObject({ funded: ['b'], notReady: 1 });
		expect(p.years[1]).toMatchObject({ funded: [], demand: 0, notReady: 1 });
	});

	it('rejects impossible input naming the field', () => {
		const field = (f: () => unknown) => {
			try {
				f();
			} catch (e) {
				return e instanceof PolicyInputError ? e.field : 'other';
			}
			return 'none';
		};
		const years = [{ year: 2025, budget: 10 }];
		expect(field(() => projectBudget([c('a', '2024-01-01', -1)], { years }, YUEQING_2023))).toBe(
			'candidates[0].subsidy'
		);
		expect(field(() => projectBudget([c('a', '2024-13-01', 1)], { years }, YUEQING_2023))).toBe(
			'candidates[0].readyDate'
		);
		expect(field(() => projectBudget([c('a', null, 1), c('a', null, 1)], { years }, YUEQING_2023))).toBe(
			'candidates[1].id'
		);
		expect(field(() => projectBudget([], { years: [{ year: 2025, budget: -5 }] }, YUEQING_2023))).toBe(
			'years[0].budget'
		);
		expect(
			field(() =>
				projectBudget(
					[],
					{
						years: [
							{ year: 2025, budget: 1 },
							{ year: 2025, budget: 1 }
						]
					},
					YUEQING_2023
				)
			)
		).toBe('years[1].year');
	});

	it('§三(一): among candidates whose funds are not complete, a higher share already raised ranks first, after professional management', () => {
		const w = (id: string, raisedShare: number, pro = false): BudgetCandidate => ({
			...c(id, null, 1, pro),
			raisedShare
		});
		const ranked = rankCandidates([
			w('a', 0.2),
			w('b', 0.9),
			w('c', 0.5),
			w('p', 0.1, true),
			w('q', 0.6, true),
			{ ...c('r', '2025-01-01', 1), raisedShare: 1 }
		]);
		// ready first (§五(三)); then the waiting list: professional (higher share first), then the rest by share
		expect(ranked.map((x) => x.id)).toEqual(['r', 'q', 'p', 'b', 'c', 'a']);
	});

	it('§三(四): dates must be real calendar dates — 2025-02-30 is an input error', () => {
		expect(() => firstPlanYear('2025-02-30', YUEQING_2023)).toThrow(PolicyInputError);
		expect(() => firstPlanYear('2023-02-29', YUEQING_2023)).toThrow(PolicyInputError);
		expect(firstPlanYear('2024-02-29', YUEQING_2023)).toBe(2025); // a leap day is a real date
		const years = [{ year: 2026, budget: 10 }];
		try {
			projectBudget([c('a', '2025-02-30', 1)], { years }, YUEQING_2023);
			expect.unreachable('2025-02-30 was accepted');
		} catch (e) {
			expect(e).toBeInstanceOf(PolicyInputError);
			expect((e as PolicyInputError).field).toBe('candidates[0].readyDate');
		}
	});

	it('§三(四): a decided year funds exactly its plan (a fact), whatever the budget; open years fill by rank', () => {
		const cands: BudgetCandidate[] = [
			{ ...c('p1', '2025-03-01', 60), planYear: 2026 },
			{ ...c('p2', null, 70), planYear: 2026 }, // in the plan though its funds are not recorded complete
			c('r1', '2024-01-01', 30), // ready earlier but not in the 2026 plan: it waits
			c('r2', '2025-12-01', 40),
			{ ...c('old', '2020-01-01', 99), planYear: 2021 } // planned before the years projected: out of play
		];
		const p = projectBudget(
			cands,
			{
				years: [
					{ year: 2026, budget: 100, decided: true },
					{ year: 2027, budget: 50 }
				]
			},
			YUEQING_2023
		);
		expect(p.years[0]).toMatchObject({
			decided: true,
			funded: ['p1', 'p2'],
			waiting: ['r1'],
			fundedAmount: 130,
			remaining: -30,
			stoppedAt: null,
			notReady: 1
		});
		expect(p.years[1]).toMatchObject({ decided: false, funded: ['r1'], waiting: ['r2'], notReady: 0 });
	});
});
