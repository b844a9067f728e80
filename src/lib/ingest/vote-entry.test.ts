import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../files/csv';
import { YUEQING_2023 } from '../policy';
import { checkVoteEntry, type VoteEntry } from './vote-entry';
import { validateDataset, type RawTable } from './validate';

/** A table of the example as the importer reads it (header and rows as text). */
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

const communities = example('communities', (r) => r[0] === 'YQ000001');
const [owners, area] = ['owners', 'exclusive_area'].map((c) =>
	Number(communities.rows[0]![communities.header.indexOf(c)])
) as [number, number];
const totals = { community_id: 'YQ000001', owners, exclusive_area: area };

const entry = (over: Partial<VoteEntry> = {}): VoteEntry => ({
	kind: 'scheme',
	date: '2026-12-01',
	participating_owners: String(owners),
	participating_area: String(area),
	agree_owners: String(owners),
	agree_area: String(area),
	...over
});

/** The columns the importer flags for the same vote, as a votes.csv row beside the community's own row. */
function importerFlags(e: VoteEntry): string[] {
	const header = [
		'community_id',
		'kind',
		'date',
		'total_owners',
		'total_area',
		'participating_owners',
		'participating_area',
		'agree_owners',
		'agree_area'
	];
	const row = [
		'YQ000001',
		e.kind,
		e.date,
		String(owners),
		String(area),
		e.participating_owners,
		e.participating_area,
		e.agree_owners,
		e.agree_area
	];
	const votes: RawTable = {
		table: 'votes',
		file: 'votes.csv',
		header,
		headerRow: 1,
		rows: [row],
		rowNumbers: [2]
	};
	const { problems } = validateDataset([example('towns'), communities, votes], { defaultTowns: [] });
	return problems.filter((p) => p.file === 'votes.csv' && p.level === 'error').map((p) => p.column!);
}

describe('a vote typed on the form (issue 22): the importer’s rules, the engine’s verdict', () => {
	const cases: [string, Partial<VoteEntry>][] = [
		['agreeing exceeds participating (§三(三))', { agree_owners: String(owners + 1) }],
		['participating exceeds the community’s owners (§三(三))', { participating_owners: String(owners + 1) }],
		['participating area exceeds the exclusive area', { participating_area: String(area + 1) }],
		['a headcount that is not whole', { agree_owners: '10.5' }],
		['a number in words', { participating_area: '一万' }],
		['a missing date', { date: '' }],
		['a negative count', { agree_area: '-1' }]
	];
	it.each(cases)('flags the same column as the importer: %s', (_what, over) => {
		const check = checkVoteEntry(entry(over), totals, YUEQING_2023);
		expect(check.row).toBeNull();
		expect(check.problems.map((p) => p.column)).toEqual(importerFlags(entry(over)));
		expect(check.problems.every((p) => p.zh && p.en)).toBe(true);
	});

	it('gives the engine’s verdict and what is short (§三(三): 双三分之二 turnout, 双四分之三 approval)', () => {
		// all take part; 3/4 of owners less one agree: short by exactly one owner (computed by hand)
		const agree = Math.ceil((owners * 3) / 4) - 1;
		const check = checkVoteEntry(entry({ agree_owners: String(agree) }), totals, YUEQING_2023);
		expect(check.problems).toEqual([]);
		expect(importerFlags(entry({ agree_owners: String(agree) }))).toEqual([]);
		expect(check.verdict!.passed).toBe(false);
		expect(check.verdict!.tests).toEqual({
			participationOwners: true,
			participationArea: true,
			approvalOwners: false,
			approvalArea: true
		});
		expect(check.verdict!.winOver.dissenters.owners).toBe(1);
		expect(check.row).toMatchObject({ total_owners: owners, total_area: area, agree_owners: agree });
		const passed = checkVoteEntry(entry({ agree_owners: String(agree + 1) }), totals, YUEQING_2023);
		expect(passed.verdict!.passed).toBe(true);
	});
});
