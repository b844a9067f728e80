import { describe, expect, it } from 'vitest';
import { diffCommunities, sameValue } from './diff';
import type { CommunityRow } from '../schema/rows';

const base: CommunityRow = {
	id: 'YQ-001',
	name: '东浦二区',
	town_code: '330382001',
	address: '东浦路 12 号',
	lon: 120.95,
	lat: 28.12,
	completion_year: 1996,
	building_area: 48000,
	garage_area: null,
	households: 420,
	owners: 410,
	exclusive_area: 40000,
	buildings: 12,
	housing_type: 'commodity',
	in_shantytown_plan: false,
	total_investment: null,
	planned_start: null,
	expropriation_year: null,
	facilities_deficient: true,
	strong_will: true,
	property_management: 'self',
	satisfaction: null,
	notes: null
};
const row = (over: Partial<CommunityRow>): CommunityRow => ({ ...base, ...over });

describe('diff of an import against the data loaded now', () => {
	it('finds new, changed (field by field, in schema order) and removed communities', () => {
		const before = [base, row({ id: 'YQ-002', name: '南虹小区' }), row({ id: 'YQ-003', name: '旧城小区' })];
		const after = [
			row({ households: 432, building_area: 48500 }),
			row({ id: 'YQ-002', name: '南虹小区' }),
			row({ id: 'YQ-004', name: '新建小区' })
		];
		const d = diffCommunities(before, after);
		expect(d.added.map((r) => r.id)).toEqual(['YQ-004']);
		expect(d.removed.map((r) => r.id)).toEqual(['YQ-003']);
		expect(d.unchanged).toBe(1);
		expect(d.changed).toEqual([
			{
				id: 'YQ-001',
				name: '东浦二区',
				fields: [
					{ column: 'building_area', before: 48000, after: 48500 },
					{ column: 'households', before: 420, after: 432 }
				]
			}
		]);
	});

	it('treats empty cells alike and numbers through DOUBLE as equal, but a real change as a change', () => {
		expect(sameValue(null, undefined)).toBe(true);
		expect(sameValue('', null)).toBe(true);
		// 12.3 万㎡ converted to ㎡ in floating point, against the value read back from Parquet
		expect(sameValue(12.3 * 10000, 123000)).toBe(true);
		expect(sameValue(123000, 123001)).toBe(false);
		expect(sameValue(0, null)).toBe(false);
		expect(sameValue(false, null)).toBe(false);
		expect(sameValue(BigInt(420), 420)).toBe(true);
	});

	it('shows a coordinate placed by the keeper as a change of lon and lat', () => {
		const d = diffCommunities([base], [row({ lon: 120.96, lat: 28.13 })]);
		expect(d.changed[0]!.fields.map((f) => f.column)).toEqual(['lon', 'lat']);
	});

	it('an identical import changes nothing', () => {
		const d = diffCommunities([base], [row({})]);
		expect(d).toEqual({ added: [], changed: [], removed: [], unchanged: 1 });
	});

	it('a date loaded through DuckDB (epoch milliseconds) is the same date as the import gives as text', () => {
		// 计划开工时间 of a plan table (issue 20): the data loaded now reads it as DuckDB's DATE, an import as text
		const loaded = { ...row({}), planned_start: Date.UTC(2025, 5, 1) } as unknown as CommunityRow;
		expect(diffCommunities([loaded], [row({ planned_start: '2025-06-01' })]).unchanged).toBe(1);
		const moved = diffCommunities([loaded], [row({ planned_start: '2025-09-01' })]).changed[0]!.fields;
		expect(moved).toEqual([{ column: 'planned_start', before: '2025-06-01', after: '2025-09-01' }]);
	});
});
