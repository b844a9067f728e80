import { describe, expect, it } from 'vitest';
import { CN_CALENDAR, fromHolidayFile } from './calendar';
import { YUEQING_2023 } from './params';
import { countWorkingDays, earliestPublicityEnd, publicityWindow } from './publicity';

/** The policy under test: 乐政办发〔2023〕47号. */
const P = YUEQING_2023;

const plain = { holidays: [], workdays: [] };

describe('§三(三) publicity of at least 7 working days', () => {
	it('§三(三): a Monday start ends on the Tuesday of the next week (weekend skipped)', () => {
		// 2025-03-03 is a Monday: Mon–Fri (5), Mon 10th (6), Tue 11th (7)
		expect(earliestPublicityEnd('2025-03-03', P, plain)).toBe('2025-03-11');
	});

	it('§三(三): the start counts as day 1 only when it is a working day', () => {
		// 2025-03-01 is a Saturday: day 1 is Monday the 3rd, day 7 Tuesday the 11th
		expect(earliestPublicityEnd('2025-03-01', P, plain)).toBe('2025-03-11');
		expect(earliestPublicityEnd('2025-03-05', P, plain)).toBe('2025-03-13');
	});

	it('§三(三): holidays are not working days (2024 National Day)', () => {
		// Mon 2024-09-30 is day 1; 10-01..10-07 holiday; 10-08 Tue .. 10-11 Fri = days 2–5; Sat 10-12 is 调休 = 6; Mon 10-14 = 7
		const w = publicityWindow('2024-09-30', P, CN_CALENDAR);
		expect(w.workingDays).toEqual([
			'2024-09-30',
			'2024-10-08',
			'2024-10-09',
			'2024-10-10',
			'2024-10-11',
			'2024-10-12',
			'2024-10-14'
		]);
		expect(w.end).toBe('2024-10-14');
		expect(w.unknownYears).toEqual([]);
	});

	it('§三(三): a 调休 Sunday counts (2024-02-04 before Spring Festival)', () => {
		// Sun 02-04 (调休) = 1, Mon 02-05..Fri 02-09 = 2–6, 02-10..02-17 holiday, Sun 02-18 调休 = 7
		expect(earliestPublicityEnd('2024-02-04', P)).toBe('2024-02-18');
	});

	it('§三(三): without the holiday list the same window ends earlier — the calendar matters', () => {
		expect(earliestPublicityEnd('2024-09-30', P, plain)).toBe('2024-10-08');
	});

	it('§三(三): a window running into a year the calendar does not know says so', () => {
		const w = publicityWindow('2026-12-28', P);
		expect(w.unknownYears).toEqual([2027]);
		const known = publicityWindow(
			'2027-01-04',
			P,
			fromHolidayFile({ years: { '2027': { holidays: [], workdays: [] } } })
		);
		expect(known.unknownYears).toEqual([]);
	});

	it('§三(三): the minimum is a parameter', () => {
		expect(earliestPublicityEnd('2025-03-03', { ...YUEQING_2023, publicityMinWorkingDays: 10 }, plain)).toBe(
			'2025-03-14'
		);
	});

	it('§三(三): a publicity that ran can be checked', () => {
		expect(countWorkingDays('2024-09-30', '2024-10-14')).toBe(7);
		expect(countWorkingDays('2024-09-30', '2024-10-12')).toBe(6);
	});

	it('rejects a date that does not exist', () => {
		expect(() => earliestPublicityEnd('2025-02-30', P)).toThrow(/start/);
		expect(() => earliestPublicityEnd('2025/03/01', P)).toThrow(/start/);
	});
});
