import { describe, expect, it } from 'vitest';
import { exampleCommunity, exampleTable, importerFlags } from './entry-test-kit';
import { checkFactEntry, TOWN_FACT_COLUMNS, type FactEntry } from './fact-entry';

const row = exampleCommunity('YQ000001');
const towns = exampleTable('towns');
const townRow = towns.rows.find((r) => r[towns.header.indexOf('code')] === row.town_code)!;
const town = { code: row.town_code!, name: townRow[towns.header.indexOf('name')]! };
// the community as served: its example row (text is what the importer reads back, as the replay writes it)
const community: Record<string, unknown> = { ...row };

/** The columns the importer flags for the community's row with the one cell replaced, as a communities.csv. */
const flags = (e: FactEntry) => {
	const header = Object.keys(row);
	return importerFlags(
		'communities',
		header,
		[header.map((h) => (h === e.column ? e.value : row[h]!))],
		'NONE'
	).filter((c) => c !== undefined);
};

describe('a correction of a community fact (issue 22): the importer’s rules, run whole', () => {
	it('stores what the importer would store, with the value before', () => {
		const c = checkFactEntry({ column: 'owners', value: '256' }, community, town);
		expect(c.problems).toEqual([]);
		expect(c.value).toBe(256);
		expect(c.before).toBe(row.owners);
		// §三(九): the post-evaluation satisfaction score, 0–100
		expect(checkFactEntry({ column: 'satisfaction', value: '92.5' }, community, town).value).toBe(92.5);
		expect(checkFactEntry({ column: 'strong_will', value: '是' }, community, town).value).toBe(true);
	});

	it.each([
		['a headcount that is not whole', { column: 'owners', value: '10.5' }],
		['a satisfaction score above 100 (§三(九))', { column: 'satisfaction', value: '101' }],
		[
			'an exclusive area above the building area',
			{ column: 'exclusive_area', value: String(Number(row.building_area) + 1) }
		],
		['a required fact emptied', { column: 'name', value: '' }],
		['a year in words', { column: 'completion_year', value: '一九九五' }]
	] as [string, FactEntry][])('flags the same column as the importer: %s', (_what, e) => {
		const c = checkFactEntry(e, community, town);
		expect(c.value).toBeUndefined();
		expect(c.problems.map((p) => p.column)).toEqual(flags(e));
		expect(c.problems.length).toBeGreaterThan(0);
	});

	it('leaves the id, the town and the point to others', () => {
		expect(TOWN_FACT_COLUMNS.map((c) => c.name)).not.toContain('town_code');
		for (const column of ['id', 'town_code', 'lon', 'lat'])
			expect(checkFactEntry({ column, value: '1' }, community, town).problems.map((p) => p.column)).toEqual([
				'column'
			]);
	});
});
