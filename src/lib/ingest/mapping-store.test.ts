import { describe, expect, it } from 'vitest';
import {
	choiceOf,
	EMPTY_MAPPING,
	loadMapping,
	mappingJson,
	saveMapping,
	targetsFor,
	withChoice
} from './mapping-store';

const memory = () => {
	const m = new Map<string, string>();
	return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
};

describe('the keeper’s column mapping in the browser', () => {
	it('offers every column of the table, with the units the importer converts for areas and money', () => {
		const targets = targetsFor('communities');
		expect(targets.map((t) => t.column)).toContain('housing_type');
		expect(targets.find((t) => t.column === 'building_area')?.units).toEqual(['㎡', '万平方米']);
		expect(targetsFor('works').find((t) => t.column === 'estimated_cost')?.units).toEqual([
			'元',
			'万元',
			'千元',
			'亿元'
		]);
		expect(targets.find((t) => t.column === 'households')?.units).toEqual([]);
	});

	it('sets, replaces and forgets a choice per table and header', () => {
		let m = withChoice(EMPTY_MAPPING, 'communities', '产权类别', 'housing_type');
		m = withChoice(m, 'communities', '地库（万平方米）', 'garage_area', '万平方米');
		m = withChoice(m, 'communities', '产权类别', 'notes');
		expect(choiceOf(m, 'communities', '产权类别')).toEqual({
			table: 'communities',
			header: '产权类别',
			column: 'notes'
		});
		expect(m.columns).toHaveLength(2);
		m = withChoice(m, 'communities', '产权类别', '');
		expect(m.columns).toEqual([
			{ table: 'communities', header: '地库（万平方米）', column: 'garage_area', unit: '万平方米' }
		]);
	});

	it('remembers it, and reads back the same mapping the CLI file holds', () => {
		const store = memory();
		const m = withChoice(
			withChoice(EMPTY_MAPPING, 'communities', '物业形式', 'property_management'),
			'communities',
			'产权类别',
			'housing_type'
		);
		saveMapping(store, m);
		const back = loadMapping(store);
		expect(back.problem).toBeUndefined();
		expect(back.mapping.columns.map((c) => c.header)).toEqual(['产权类别', '物业形式']);
		expect(JSON.parse(mappingJson(m))).toEqual({ version: 1, columns: back.mapping.columns });
	});

	it('reports a stored mapping it cannot read instead of using it', () => {
		const store = memory();
		store.setItem('yueqing-renovation.data.mapping', '{"version":2}');
		expect(loadMapping(store)).toMatchObject({
			mapping: EMPTY_MAPPING,
			problem: expect.stringContaining('version')
		});
		store.setItem('yueqing-renovation.data.mapping', 'not json');
		expect(loadMapping(store).problem).toMatch(/无法读取/);
	});
});
