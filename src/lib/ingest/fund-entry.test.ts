import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../files/csv';
import { checkFundEntry, type FundEntry } from './fund-entry';
import { validateDataset, type RawTable } from './validate';

function example(name: 'communities' | 'towns', keep = (_row: string[]) => true): RawTable {
	const { rows } = parseCsv(readFileSync(`data/example/${name}.csv`, 'utf8'));
	const [header, ...body] = rows as [string[], ...string[][]];
	const kept = body.filter((r) => r.length > 1 && keep(r));
	return {
		table: name,
		file: `${name}.csv`,
		header,
		headerRow: 1,
		rows: kept,
		rowNumbers: kept.map((_, i) => i + 2)
	};
}

/** The columns the importer flags for the same payment, as a funds.csv row. */
function importerFlags(e: FundEntry): string[] {
	const funds: RawTable = {
		table: 'funds',
		file: 'funds.csv',
		header: ['community_id', 'date', 'source', 'amount'],
		headerRow: 1,
		rows: [['YQ000001', e.date, e.source, e.amount]],
		rowNumbers: [2]
	};
	const communities = example('communities', (r) => r[0] === 'YQ000001');
	const { problems } = validateDataset([example('towns'), communities, funds], { defaultTowns: [] });
	return problems.filter((p) => p.file === 'funds.csv' && p.level === 'error').map((p) => p.column!);
}

const entry = (over: Partial<FundEntry> = {}): FundEntry => ({
	source: 'resident',
	date: '2026-12-01',
	amount: '120000',
	...over
});

describe('a payment typed on the form (issue 22): the importer’s rules', () => {
	it.each([
		['a zero amount (must be > 0)', { amount: '0' }],
		['an amount in words', { amount: '十二万' }],
		['no date', { date: '' }],
		['a date that is no date', { date: '2026-02-30' }],
		['an unknown source', { source: 'bank' }]
	] as [string, Partial<FundEntry>][])('flags the same column as the importer: %s', (_what, over) => {
		const check = checkFundEntry(entry(over), 'YQ000001');
		expect(check.row).toBeNull();
		expect(check.problems.map((p) => p.column)).toEqual(importerFlags(entry(over)));
	});

	it('stores what the importer would store, and leaves the subsidy to the city', () => {
		expect(importerFlags(entry({ amount: '1,200.50', source: '居民自筹' }))).toEqual([]);
		expect(checkFundEntry(entry({ amount: '1,200.50', source: '居民自筹' }), 'YQ000001').row).toEqual({
			community_id: 'YQ000001',
			date: '2026-12-01',
			source: 'resident',
			amount: 1200.5
		});
		// the importer takes a subsidy row; a town's form does not
		expect(importerFlags(entry({ source: 'subsidy' }))).toEqual([]);
		expect(checkFundEntry(entry({ source: 'subsidy' }), 'YQ000001').problems.map((p) => p.column)).toEqual([
			'source'
		]);
	});
});
