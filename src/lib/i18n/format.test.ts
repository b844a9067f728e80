import { describe, expect, it } from 'vitest';
import { area, date, households, money, percent } from './format';

describe('Chinese number and date formats', () => {
	it('reads 万元, 万㎡, 户 and 2024年5月31日', () => {
		expect(money(58_500_000)).toBe('5,850万元');
		expect(money(12_345)).toBe('1.2万元');
		expect(area(189_600)).toBe('19万㎡');
		expect(area(189_600, 'en')).toBe('189.6k ㎡');
		expect(area(18_912_100, 'en')).toBe('18.9m ㎡');
		expect(households(1400)).toBe('1,400户');
		expect(date('2024-05-31')).toBe('2024年5月31日');
		expect(date(null)).toBe('—');
		expect(percent(0.755)).toBe('75.5%');
	});

	it('has English forms', () => {
		expect(money(58_500_000, 'en')).toBe('¥58.5m');
		expect(date('2024-05-31', 'en')).toBe('31 May 2024');
	});
});
