/**
 * One payment of resident funds or social capital as a town records it on the phone form (and the office server
 * checks again before storing it): each cell by the importer's own `readCell` against the funds table's column
 * (date, source, amount > 0 in 元: schema.ts). A town records what residents and social capital paid in
 * (§五(二)1: the residents' share; §五(二)2: social capital); the city's subsidy is not a town's to record.
 */
import type { FundRow } from '../schema/rows';
import { table } from '../schema/schema';
import { readRow } from './cells';
import type { EntryProblem } from './vote-entry';

/** The form's values as typed. */
export interface FundEntry {
	/** `resident` or `social`. */
	source: string;
	/** YYYY-MM-DD: the day the money was received. */
	date: string;
	/** 元. */
	amount: string;
}

/** The sources a town records. */
export const TOWN_FUND_SOURCES = ['resident', 'social'] as const;

/** The row the importer would store, or the problems of the form's fields (Chinese and English). */
export function checkFundEntry(
	entry: FundEntry,
	communityId: string
): { row: FundRow | null; problems: EntryProblem[] } {
	const raw: Record<string, string> = { ...entry, community_id: communityId };
	const { values, problems } = readRow(table('funds').columns, raw);
	if (
		!problems.some((p) => p.column === 'source') &&
		!(TOWN_FUND_SOURCES as readonly unknown[]).includes(values.source)
	)
		problems.push({
			column: 'source',
			zh: '乡镇只录入居民自筹或社会资金，财政补助由市里录入',
			en: 'a town records resident funds or social capital; the subsidy is recorded by the city'
		});
	return problems.length ? { row: null, problems } : { row: values as unknown as FundRow, problems };
}
