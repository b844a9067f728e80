// The table of parameters a scenario may change: every row names a real PolicyParams field with its §, values out
// of bounds or unknown fields are refused naming the field (zh / en), and overrides apply exactly.
import { describe, expect, it } from 'vitest';
import { assessEligibility } from './eligibility';
import { YUEQING_2023 } from './params';
import {
	checkOverrides,
	checkParam,
	overridesOnly,
	PARAM_TABLE,
	paramValue,
	withOverrides
} from './param-table';
import { assessVote } from './vote';
import { readinessDeadline } from './budget';

describe('policy parameter table', () => {
	it('every row reads a field of the policy, within its own bounds, with a § and zh/en labels', () => {
		for (const r of PARAM_TABLE) {
			expect(r.section, r.path).toMatch(/^§[一二三四五六]/);
			expect(r.label.zh && r.label.en, r.path).toBeTruthy();
			const v = paramValue(YUEQING_2023, r.path);
			expect(checkParam(r.path, v), r.path).toBeNull();
			expect(withOverrides(YUEQING_2023, { [r.path]: v }), r.path).toEqual({
				...YUEQING_2023,
				// fractions come back over 10000 when given as a share; the others unchanged
				...(r.path === 'participationThreshold' || r.path === 'approvalThreshold'
					? { [r.path]: { num: Math.round(Number(v) * 10000), den: 10000 } }
					: {})
			});
		}
	});

	it('§二(一): a later cutoff date makes a 2003 community eligible; the policy itself stays 2000-12-31', () => {
		const p = withOverrides(YUEQING_2023, { builtBeforeCutoff: '2005-12-31' });
		const input = {
			completionYear: 2003,
			central: false,
			housingType: 'commodity' as const,
			inShantytownPlan: false,
			expropriationPlannedYear: null,
			facilitiesDeficient: false,
			strongWill: false,
			asOfYear: 2026,
			townKind: '镇' as const
		};
		expect(assessEligibility(input, YUEQING_2023).status).toBe('ineligible');
		expect(assessEligibility(input, p).status).toBe('eligible');
		expect(YUEQING_2023.builtBeforeCutoff).toBe('2000-12-31');
	});

	it('§二(一): the cutoff must be a real date within the table’s bounds, named in zh and en', () => {
		const unreal = checkParam('builtBeforeCutoff', '2005-02-30')!;
		expect(unreal.field).toBe('policy.builtBeforeCutoff');
		expect(unreal.zh).toContain('不是有效日期');
		expect(unreal.en).toContain('not a real date');
		const early = checkParam('builtBeforeCutoff', '1900-01-01')!;
		expect(early.zh).toContain('建成日期不晚于');
		expect(early.en).toContain('Completed on or before');
	});

	it('§三(一): thresholds as shares: 70% turnout refuses a 2/3 turnout that the policy passes', () => {
		const p = withOverrides(YUEQING_2023, { participationThreshold: 0.7 });
		const tally = {
			totalOwners: 300,
			totalArea: 30000,
			participatingOwners: 200,
			participatingArea: 20000,
			agreeOwners: 200,
			agreeArea: 20000,
			kind: 'application' as const
		};
		expect(assessVote(tally, YUEQING_2023).passed).toBe(true);
		expect(assessVote(tally, p).passed).toBe(false);
		expect(checkParam('approvalThreshold', 0.4)!.en).toContain('must lie within 50% – 100%; got 40%');
	});

	it('§三(四): the plan deadline as MM-DD; 02-30 is refused', () => {
		const p = withOverrides(YUEQING_2023, { planDeadline: '06-30' });
		expect(readinessDeadline(2027, p)).toBe('2026-06-30');
		expect(checkParam('planDeadline', '02-30')!.en).toContain('real month and day');
	});

	it('§五(二)1 / §四(四): bounds on shares and money; the 1000万 limit may not pass the 2000万 one', () => {
		expect(checkParam('residentShare.basic', 1.2)!.field).toBe('policy.residentShare.basic');
		expect(checkParam('subsidyCapPerM2', -1)).not.toBeNull();
		expect(checkParam('expropriationHorizonYears', 2.5)!.en).toContain('whole number');
		expect(checkOverrides({ mergeAllApprovalsUpTo: 30_000_000 }, YUEQING_2023).map((p) => p.field)).toEqual([
			'policy.mergeAllApprovalsUpTo'
		]);
	});

	it('an unknown field is refused by name, not dropped', () => {
		const p = checkOverrides({ cutoff: '2005-12-31' }, YUEQING_2023);
		expect(p).toHaveLength(1);
		expect(p[0]!.field).toBe('policy.cutoff');
		expect(p[0]!.zh).toContain('未知的政策参数');
	});

	it('only what differs from the policy is an override', () => {
		expect(overridesOnly(YUEQING_2023, { subsidyCapPerM2: 300, builtBeforeCutoff: '2005-12-31' })).toEqual({
			builtBeforeCutoff: '2005-12-31'
		});
	});
});
