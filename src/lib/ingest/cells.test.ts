import { describe, expect, it } from 'vitest';
import { readCell } from './cells';
import { table } from '../schema/schema';

const col = (t: Parameters<typeof table>[0], name: string) => table(t).columns.find((c) => c.name === name)!;
const value = (t: Parameters<typeof table>[0], name: string, raw: string) => {
	const r = readCell(col(t, name), raw);
	return r.ok ? r.value : `error: ${r.zh}`;
};

describe('reading a cell at the boundary', () => {
	it('reads yes/no in Chinese and English', () => {
		for (const t of ['是', 'true', 'TRUE', 'Y', '1'])
			expect(value('communities', 'strong_will', t)).toBe(true);
		for (const f of ['否', 'false', 'N', '0']) expect(value('communities', 'strong_will', f)).toBe(false);
		expect(value('communities', 'strong_will', '也许')).toBe('error: 应为 是/否（true/false）');
	});

	it('reads list values by Chinese label or code, stores the code', () => {
		expect(value('communities', 'housing_type', '城中村')).toBe('urban-village');
		expect(value('communities', 'housing_type', 'urban-village')).toBe('urban-village');
		expect(value('stage_events', 'stage', '方案公示与表决')).toBe('publicity');
		expect(String(value('communities', 'housing_type', '别墅'))).toMatch(/^error: 应为以下之一：商品房、/);
	});

	it('reads dates in the usual Chinese office forms and rejects impossible ones', () => {
		expect(value('votes', 'date', '2024-05-31')).toBe('2024-05-31');
		expect(value('votes', 'date', '2024/5/3')).toBe('2024-05-03');
		expect(value('votes', 'date', '2024年5月3日')).toBe('2024-05-03');
		expect(value('votes', 'date', '2023-02-29')).toBe('error: 应为有效日期，如 2024-05-31');
	});

	it('reads numbers with thousands separators, checks ranges and whole numbers', () => {
		expect(value('communities', 'building_area', '12,345.6')).toBe(12345.6);
		expect(value('communities', 'building_area', '0')).toBe('error: 应大于 0');
		expect(value('communities', 'households', '12.5')).toBe('error: 应为整数');
		expect(value('communities', 'satisfaction', '101')).toBe('error: 应不大于 100');
		expect(value('communities', 'satisfaction', '')).toBeNull();
		expect(value('communities', 'name', '  ')).toBe('error: 必填，不能为空');
	});

	it('keeps text as text, markup and all', () => {
		expect(value('communities', 'name', '<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
	});
});
