import { describe, expect, it } from 'vitest';
import { approvalPath, planningPermitsNeeded } from './approval';
import { YUEQING_2023 } from './params';

describe('§四(四) approval path', () => {
	it('§四(四): 1000万元以下 — up to and including 1000万 all three merge (以下 includes the number)', () => {
		expect(approvalPath(0, YUEQING_2023)).toBe('proposal+feasibility+design');
		expect(approvalPath(9_999_999.99, YUEQING_2023)).toBe('proposal+feasibility+design');
		expect(approvalPath(10_000_000, YUEQING_2023)).toBe('proposal+feasibility+design');
		expect(approvalPath(10_000_000.01, YUEQING_2023)).toBe('proposal+feasibility');
	});

	it('§四(四): 2000万元以下 — up to and including 2000万 proposal and feasibility merge; above, separate', () => {
		expect(approvalPath(19_999_999, YUEQING_2023)).toBe('proposal+feasibility');
		expect(approvalPath(20_000_000, YUEQING_2023)).toBe('proposal+feasibility');
		expect(approvalPath(20_000_000.01, YUEQING_2023)).toBe('separate');
		expect(approvalPath(58_500_000, YUEQING_2023)).toBe('separate');
	});

	it('§四(四): thresholds are parameters', () => {
		expect(approvalPath(9_000_000, { ...YUEQING_2023, mergeAllApprovalsUpTo: 5_000_000 })).toBe(
			'proposal+feasibility'
		);
	});

	it('§四(四): no planning permits unless planning conditions change or an important street facade is altered', () => {
		expect(planningPermitsNeeded({ planningConditionsChange: false, importantStreetFacade: false })).toBe(
			false
		);
		expect(planningPermitsNeeded({ planningConditionsChange: true, importantStreetFacade: false })).toBe(
			true
		);
		expect(planningPermitsNeeded({ planningConditionsChange: false, importantStreetFacade: true })).toBe(
			true
		);
	});

	it('rejects a negative or non-finite investment', () => {
		expect(() => approvalPath(-1, YUEQING_2023)).toThrow(/totalInvestment/);
		expect(() => approvalPath(Number.NaN, YUEQING_2023)).toThrow(/totalInvestment/);
	});
});
