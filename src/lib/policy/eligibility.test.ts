import { describe, expect, it } from 'vitest';
import { assessEligibility, type EligibilityInput } from './eligibility';
import { YUEQING_2023 } from './params';

const base: EligibilityInput = {
	completionYear: 1995,
	central: false,
	housingType: 'commodity',
	inShantytownPlan: false,
	expropriationPlannedYear: null,
	facilitiesDeficient: false,
	strongWill: false,
	asOfYear: 2025
};
const codes = (i: Partial<EligibilityInput>) =>
	assessEligibility({ ...base, ...i }, YUEQING_2023).reasons.map((r) => r.code);

describe('§二(一) eligibility', () => {
	it('§二(一): completed in 2000 is in the focus; 2001 is not', () => {
		expect(assessEligibility({ ...base, completionYear: 2000 }, YUEQING_2023).status).toBe('eligible');
		expect(assessEligibility({ ...base, completionYear: 2001 }, YUEQING_2023).status).toBe('ineligible');
		expect(codes({ completionYear: 2000 })).toEqual(['built-by-cutoff']);
	});

	it('§二(一): after 2000, conditional only when facilities are deficient AND will is strong', () => {
		const after = { ...base, completionYear: 2008 };
		expect(
			assessEligibility({ ...after, facilitiesDeficient: true, strongWill: true }, YUEQING_2023).status
		).toBe('conditional');
		expect(
			assessEligibility({ ...after, facilitiesDeficient: true, strongWill: false }, YUEQING_2023).status
		).toBe('ineligible');
		expect(
			assessEligibility({ ...after, facilitiesDeficient: false, strongWill: true }, YUEQING_2023).status
		).toBe('ineligible');
		expect(codes({ completionYear: 2008 })).toEqual([
			'built-after-cutoff',
			'facilities-adequate',
			'will-not-strong'
		]);
		expect(
			assessEligibility(
				{ ...after, facilitiesDeficient: true, strongWill: true, central: true },
				YUEQING_2023
			).priority
		).toBe(false);
	});

	it('§二(一): priority = central and eligible', () => {
		const v = assessEligibility({ ...base, central: true }, YUEQING_2023);
		expect(v).toMatchObject({ status: 'eligible', priority: true });
		expect(v.reasons.map((r) => r.code)).toEqual(['built-by-cutoff', 'central-priority']);
		expect(assessEligibility({ ...base, central: false }, YUEQING_2023).priority).toBe(false);
	});

	it('§二(一): self-built, urban village and shantytown rebuild are excluded whatever the year', () => {
		for (const housingType of ['self-built', 'urban-village', 'shantytown-rebuild'] as const) {
			for (const completionYear of [1985, 2010]) {
				const v = assessEligibility(
					{
						...base,
						housingType,
						completionYear,
						facilitiesDeficient: true,
						strongWill: true
					},
					YUEQING_2023
				);
				expect(v.status).toBe('ineligible');
				expect(v.reasons.map((r) => r.code)).toEqual([`excluded-${housingType}`]);
			}
		}
		for (const housingType of ['commodity', 'work-unit', 'reformed'] as const) {
			expect(assessEligibility({ ...base, housingType }, YUEQING_2023).status).toBe('eligible');
		}
	});

	it('§二(一): in the shantytown plan is excluded', () => {
		expect(codes({ inShantytownPlan: true })).toEqual(['in-shantytown-plan']);
	});

	it('§二(一): expropriation planned within 5 years excludes; the 6th year does not', () => {
		expect(codes({ expropriationPlannedYear: 2030 })).toEqual(['expropriation-within-horizon']); // 2025 + 5
		expect(assessEligibility({ ...base, expropriationPlannedYear: 2031 }, YUEQING_2023).status).toBe(
			'eligible'
		);
		expect(codes({ expropriationPlannedYear: 2024 })).toEqual(['expropriation-within-horizon']);
	});

	it('§二(一): every exclusion that applies is listed, each with its clause', () => {
		const v = assessEligibility(
			{
				...base,
				central: true,
				housingType: 'urban-village',
				inShantytownPlan: true,
				expropriationPlannedYear: 2027
			},
			YUEQING_2023
		);
		expect(v).toMatchObject({ status: 'ineligible', priority: false });
		expect(v.reasons.map((r) => r.code)).toEqual([
			'excluded-urban-village',
			'in-shantytown-plan',
			'expropriation-within-horizon'
		]);
		expect(v.reasons.every((r) => r.clause === '§二(一)' && r.text.length > 0)).toBe(true);
	});

	it('§二(一): a 乡 is outside 城关 and 建制镇', () => {
		expect(codes({ townKind: '乡' })).toEqual(['outside-urban-area']);
		expect(assessEligibility({ ...base, townKind: '镇' }, YUEQING_2023).status).toBe('eligible');
		expect(assessEligibility({ ...base, townKind: '街道' }, YUEQING_2023).status).toBe('eligible');
	});

	it('§二(一): the numbers are parameters — a scenario can move the cutoff and the horizon', () => {
		const params = { ...YUEQING_2023, builtBeforeCutoff: '2005-12-31', expropriationHorizonYears: 3 };
		expect(assessEligibility({ ...base, completionYear: 2004 }, params).status).toBe('eligible');
		expect(assessEligibility({ ...base, expropriationPlannedYear: 2029 }, params).status).toBe('eligible');
	});

	it('rejects an impossible year, naming the field', () => {
		expect(() => assessEligibility({ ...base, completionYear: 95 }, YUEQING_2023)).toThrow(/completionYear/);
		expect(() => assessEligibility({ ...base, completionYear: Number.NaN }, YUEQING_2023)).toThrow(
			/completionYear/
		);
	});
});

describe('§二(一) what would bring an ineligible community in (remedies)', () => {
	const remedies = (i: Partial<EligibilityInput>) =>
		assessEligibility({ ...base, ...i }, YUEQING_2023).remedies.map((r) => r.code);

	it('§二(一): an eligible or conditional community needs nothing', () => {
		expect(remedies({})).toEqual([]);
		expect(remedies({ completionYear: 2008, facilitiesDeficient: true, strongWill: true })).toEqual([]);
	});

	it('§二(一): built after 2000 — both conditions are needed, and the line says which one it has', () => {
		const v = assessEligibility(
			{ ...base, completionYear: 2006, facilitiesDeficient: true, strongWill: false },
			YUEQING_2023
		);
		expect(v.remedies.map((r) => r.code)).toEqual(['needs-deficient-and-willing']);
		expect(v.remedies[0]!.text).toContain('不健全（已具备）');
		expect(v.remedies[0]!.text).toContain('改造意愿强烈（尚不具备）');
		expect(v.remedies[0]!.clause).toBe('§二(一)');
	});

	it('§二(一): a 乡, self-built housing, an urban village, a shantytown rebuild — nothing can bring it in', () => {
		expect(remedies({ townKind: '乡' })).toEqual(['no-remedy-outside-urban-area']);
		expect(remedies({ housingType: 'urban-village' })).toEqual(['no-remedy-urban-village']);
		expect(remedies({ housingType: 'self-built', completionYear: 2010 })).toEqual(['no-remedy-self-built']);
		// a lasting exclusion is not joined by the conditions it could never reach
		expect(remedies({ townKind: '乡', inShantytownPlan: true })).toEqual(['no-remedy-outside-urban-area']);
	});

	it('§二(一): an expropriation within 5 years — dropped, or moved past the horizon (asOfYear + 5 + 1)', () => {
		const v = assessEligibility({ ...base, expropriationPlannedYear: 2028 }, YUEQING_2023);
		expect(v.remedies.map((r) => r.code)).toEqual(['expropriation-beyond-horizon']);
		expect(v.remedies[0]!.text).toContain('2031年及以后'); // 2025 + 5 = 2030 is still within
		// built after 2000 and neither condition met: leaving the plan is not enough
		expect(remedies({ expropriationPlannedYear: 2028, completionYear: 2004 })).toEqual([
			'expropriation-beyond-horizon',
			'needs-deficient-and-willing'
		]);
		expect(remedies({ inShantytownPlan: true })).toEqual(['leave-shantytown-plan']);
	});
});

describe('§二(一) a fact not known (资料不全): unknown, naming what is missing', () => {
	const verdict = (i: Partial<EligibilityInput>) => assessEligibility({ ...base, ...i }, YUEQING_2023);

	it('§二(一): no year of completion is unknown (未知：缺建成年份), never ineligible', () => {
		const v = verdict({ completionYear: null });
		expect(v).toMatchObject({
			status: 'unknown',
			priority: false,
			missing: ['completionYear'],
			remedies: []
		});
		expect(v.reasons.map((r) => [r.code, r.clause])).toEqual([['facts-missing', '§二(一)']]);
		expect(v.reasons[0]!.text).toMatch(/^未知：缺建成年份/);
		expect(v.reasons[0]!.en).toContain('year of completion');
		// a 城关 community is not priority until its year is known
		expect(verdict({ completionYear: null, central: true }).priority).toBe(false);
	});

	it('§二(一): every missing fact the verdict needs is named, in order', () => {
		const v = verdict({ completionYear: null, housingType: null, inShantytownPlan: null });
		expect(v.missing).toEqual(['completionYear', 'housingType', 'inShantytownPlan']);
		expect(v.reasons[0]!.text).toContain('缺建成年份、房屋类型、是否列入棚改计划');
		// a year by 2000 still needs the exclusions known
		expect(verdict({ housingType: null }).missing).toEqual(['housingType']);
		expect(verdict({ inShantytownPlan: null }).status).toBe('unknown');
	});

	it('§二(一): the two conditions are asked for only when the year is after 2000', () => {
		expect(verdict({ facilitiesDeficient: null, strongWill: null }).status).toBe('eligible');
		expect(verdict({ completionYear: null, facilitiesDeficient: null }).missing).toEqual(['completionYear']);
		expect(verdict({ completionYear: 2006, facilitiesDeficient: true, strongWill: null }).missing).toEqual([
			'strongWill'
		]);
		expect(verdict({ completionYear: 2006, facilitiesDeficient: null, strongWill: null }).missing).toEqual([
			'facilitiesDeficient',
			'strongWill'
		]);
	});

	it('§二(一): a known fact that decides decides, whatever is missing', () => {
		// an exclusion known: ineligible even without a year
		expect(verdict({ completionYear: null, townKind: '乡' }).status).toBe('ineligible');
		expect(verdict({ completionYear: null, housingType: 'urban-village' }).status).toBe('ineligible');
		expect(verdict({ housingType: null, inShantytownPlan: true }).status).toBe('ineligible');
		expect(verdict({ completionYear: null, expropriationPlannedYear: 2027 }).missing).toEqual([]);
		// after 2000 and a condition known not met: ineligible even with the housing type unknown
		const v = verdict({
			completionYear: 2006,
			facilitiesDeficient: false,
			housingType: null,
			strongWill: null
		});
		expect(v.status).toBe('ineligible');
		expect(v.remedies[0]!.text).toContain('改造意愿强烈（未知）');
		// after 2000 with both conditions, still unknown while the housing type is
		expect(
			verdict({ completionYear: 2006, facilitiesDeficient: true, strongWill: true, housingType: null }).status
		).toBe('unknown');
	});

	it('§二(一): a decided verdict has nothing missing', () => {
		expect(verdict({}).missing).toEqual([]);
		expect(verdict({ completionYear: 2008 }).missing).toEqual([]);
	});
});
