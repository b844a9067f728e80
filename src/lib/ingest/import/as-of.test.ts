import { describe, expect, it } from 'vitest';
import { todayInYueqing } from './as-of';

describe('the data date when the files say none', () => {
	it('is the date in 乐清 (UTC+8), not in UTC: 17:00 UTC on 29 Nov is already 30 Nov there', () => {
		expect(todayInYueqing(new Date('2026-11-29T17:00:00Z'))).toBe('2026-11-30');
		expect(todayInYueqing(new Date('2026-11-29T15:59:59Z'))).toBe('2026-11-29');
	});
});
