// A town's point of a community in words (issue 22): the change history's line, what it replaced and how far it
// moved (metres, computed here by hand), and the audit log's Chinese.
import { describe, expect, it } from 'vitest';
import { auditDetailWords } from './audit-detail';
import { changeFieldLabel, changeKind, changeValueText, pointBeforeText } from './change-text';

const FIELD = 'communities.point';

describe('a point change in words', () => {
	it('is its own kind, not a correction of a cell', () => {
		expect(changeKind(FIELD)).toBe('point');
		expect(changeKind('communities.satisfaction')).toBe('fact');
		expect(changeFieldLabel(FIELD)).toBe('小区位置');
	});

	it('says the new point with 6 decimals, and the point before with the metres moved', () => {
		const after = { community_id: 'YQ000001', lon: 120.95, lat: 28.12 };
		expect(changeValueText(FIELD, after)).toBe('位置：120.950000, 28.120000');
		// 0.01° of latitude north: 6 371 008.8 m × π / 180 × 0.01 = 1 111.95 m
		const before: [number, number] = [120.95, 28.11];
		expect(Math.round((6371008.8 * Math.PI * 0.01) / 180)).toBe(1112);
		expect(pointBeforeText(before, after)).toBe('此前：120.950000, 28.110000，移动 1,112 米');
		expect(changeValueText(FIELD, before)).toBe('位置：120.950000, 28.110000');
	});

	it('says when there was no point before (placed, not moved)', () => {
		expect(pointBeforeText(null, { community_id: 'YQ000001', lon: 120.95, lat: 28.12 })).toBe('此前无位置');
		// an upload without a point, as a conflict shows it
		expect(changeValueText(FIELD, { community_id: 'YQ000001', lon: null, lat: null })).toBe('位置：—');
	});

	it('in the audit log: the change and 小区位置', () => {
		expect(auditDetailWords('change', 'c-12 communities.point')).toEqual({
			zh: '乡镇填报 c-12：小区位置',
			en: 'c-12 communities.point'
		});
	});
});
