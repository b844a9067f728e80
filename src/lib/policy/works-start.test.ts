import { describe, expect, it } from 'vitest';
import { YUEQING_2023 } from './params';
import { assessWorksStart } from './works-start';

const at = (...pairs: [string, string][]) => pairs.map(([stage, date]) => ({ stage, date }));

describe('§五(二)1 本方案实施后开工的项目, §六 施行 2024-01-05: the start of works decides', () => {
	it('§五(二)1/§六: works begun before 2024-01-05 — an earlier project, whatever came after', () => {
		const v = assessWorksStart(
			at(['opinions', '2019-10-21'], ['construction', '2022-06-19'], ['post-evaluation', '2023-03-26']),
			YUEQING_2023
		);
		expect(v).toMatchObject({ date: '2022-06-19', basis: 'recorded', earlier: true });
		expect(v.reasons[0]).toMatchObject({ code: 'earlier-project', clause: '§五(二)1、§六' });
		expect(v.reasons[0]!.text).toContain('2022年6月19日开工');
		// the last day before the scheme: still earlier
		expect(assessWorksStart(at(['construction', '2024-01-04']), YUEQING_2023).earlier).toBe(true);
	});

	it('§六 自2024年1月5日起施行: works begun on that day or later are priced under the scheme', () => {
		expect(assessWorksStart(at(['construction', '2024-01-05']), YUEQING_2023).earlier).toBe(false);
		const v = assessWorksStart(
			at(['annual-plan', '2023-05-20'], ['construction', '2024-03-01']),
			YUEQING_2023
		);
		// planned before the scheme, built after it: the start of works decides, not the plan
		expect(v).toMatchObject({ earlier: false, basis: 'recorded' });
		expect(v.reasons[0]!.code).toBe('works-under-scheme');
	});

	it('§五(二)1: works not begun — priced under the scheme, no reason to give', () => {
		expect(
			assessWorksStart(at(['opinions', '2020-01-01'], ['town-review', '2023-01-01']), YUEQING_2023)
		).toEqual({ date: null, basis: 'none', earlier: false, reasons: [] });
	});

	it('§五(二)1: no start recorded, a later stage before 2024-01-05 — earlier; after it — taken as under the scheme', () => {
		expect(
			assessWorksStart(at(['acceptance', '2023-11-30'], ['handover', '2023-12-20']), YUEQING_2023)
		).toMatchObject({ date: '2023-11-30', basis: 'no-later-than', earlier: true });
		const v = assessWorksStart(at(['acceptance', '2024-06-30']), YUEQING_2023);
		expect(v).toMatchObject({ basis: 'no-later-than', earlier: false });
		expect(v.reasons[0]!.code).toBe('works-start-unknown');
	});

	it('§六: the date is the policy parameter, not a literal', () => {
		const later = { ...YUEQING_2023, effectiveFrom: '2025-01-01' };
		expect(assessWorksStart(at(['construction', '2024-06-01']), later).earlier).toBe(true);
	});
});
