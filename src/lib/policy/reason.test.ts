import { describe, expect, it } from 'vitest';
import { assessEligibility, type EligibilityInput } from './eligibility';
import { computeFunding } from './funding';
import type { Reason } from './reason';
import { YUEQING_2023 } from './params';
import { assessVote } from './vote';

const base: EligibilityInput = {
	completionYear: 1995,
	central: true,
	housingType: 'commodity',
	inShantytownPlan: false,
	expropriationPlannedYear: null,
	facilitiesDeficient: false,
	strongWill: false,
	asOfYear: 2025
};

/** Every reason the engine can give, from inputs that reach each branch. */
function allReasons(): Reason[] {
	const eligibility = [
		base,
		{ ...base, completionYear: 2008, facilitiesDeficient: true, strongWill: true },
		{ ...base, completionYear: 2008 },
		{ ...base, housingType: 'self-built' as const, inShantytownPlan: true, expropriationPlannedYear: 2026 },
		{ ...base, housingType: 'urban-village' as const, townKind: '乡' as const },
		{ ...base, housingType: 'shantytown-rebuild' as const }
	].flatMap((i) => assessEligibility(i, YUEQING_2023).reasons);
	const votes = [
		{ participatingOwners: 70, agreeOwners: 60, participatingArea: 7000, agreeArea: 6000 },
		{ participatingOwners: 50, agreeOwners: 20, participatingArea: 5000, agreeArea: 2000 }
	].flatMap(
		(v) => assessVote({ totalOwners: 100, totalArea: 10_000, kind: 'scheme', ...v }, YUEQING_2023).reasons
	);
	const funding = [
		computeFunding({ basic: 1_000_000, improvement: 0, upgrade: 0, buildingArea: 10_000 }, YUEQING_2023),
		computeFunding(
			{
				basic: 9_000_000,
				improvement: 0,
				upgrade: 0,
				buildingArea: 1000,
				garageArea: 100,
				elevator: 1
			},
			YUEQING_2023
		)
	].flatMap((f) => f.reasons);
	return [...eligibility, ...votes, ...funding];
}

describe('reasons in two languages', () => {
	it('§二(一), §三(一), §三(三), §五(二)1: every reason has an English line without Chinese but place names', () => {
		const reasons = allReasons();
		expect(new Set(reasons.map((r) => r.code)).size).toBeGreaterThanOrEqual(20);
		for (const r of reasons) {
			expect(r.en.trim(), r.code).not.toBe('');
			expect(r.en.replace(/乐成|城东|城南/g, ''), r.code).not.toMatch(/[\u4e00-\u9fff]/);
		}
	});
});
