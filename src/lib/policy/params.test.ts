import { describe, expect, it } from 'vitest';
import { policyFor, YUEQING_2023 } from './params';

describe('§六 the policy in force, by date', () => {
	it('§六: in force from 2024-01-05 for 5 years', () => {
		expect(YUEQING_2023.effectiveFrom).toBe('2024-01-05');
		expect(YUEQING_2023.effectiveTo).toBe('2029-01-04');
		expect(policyFor('2024-01-05')).toBe(YUEQING_2023);
		expect(policyFor('2029-01-04')).toBe(YUEQING_2023);
	});

	it('§五(二)1 / §六: projects before 2024-01-05 ran under earlier rules (not modelled)', () => {
		expect(policyFor('2024-01-04')).toBeUndefined();
		expect(policyFor('2029-01-05')).toBeUndefined();
		expect(policyFor('not a date')).toBeUndefined();
	});

	it('§二(一), §三, §四(四), §五(二)1: the default numbers are the text’s', () => {
		expect(YUEQING_2023.centralStreets).toEqual(['乐成街道', '城东街道', '城南街道']);
		expect(YUEQING_2023.builtBeforeCutoff).toBe('2000-12-31');
		expect(YUEQING_2023.expropriationHorizonYears).toBe(5);
		expect(YUEQING_2023.participationThreshold).toEqual({ num: 2, den: 3 });
		expect(YUEQING_2023.approvalThreshold).toEqual({ num: 3, den: 4 });
		expect(YUEQING_2023.residentShare).toEqual({ basic: 0.1, improvement: 0.3, upgrade: 0.7 });
		expect(YUEQING_2023.subsidyCapPerM2).toBe(300);
		expect(YUEQING_2023.mergeAllApprovalsUpTo).toBe(10_000_000);
		expect(YUEQING_2023.mergeProposalFeasibilityUpTo).toBe(20_000_000);
		expect(YUEQING_2023.publicityMinWorkingDays).toBe(7);
		expect(YUEQING_2023.planDeadline).toEqual({ month: 5, day: 31 });
	});

	it('is frozen, so a scenario must copy it', () => {
		expect(Object.isFrozen(YUEQING_2023)).toBe(true);
		expect(Object.isFrozen(YUEQING_2023.residentShare)).toBe(true);
	});
});
