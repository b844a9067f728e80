import { describe, expect, it } from 'vitest';
import { importerFlags as flags } from './entry-test-kit';
import { checkFundEntry, type FundEntry } from './fund-entry';

/** The columns the importer flags for the same payment, as a funds.csv row. */
const importerFlags = (e: FundEntry): string[] =>
	flags(
		'funds',
		['community_id', 'date', 'source', 'amount'],
		[['YQ000001', e.date, e.source, e.amount]],
		'YQ000001'
	);

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
