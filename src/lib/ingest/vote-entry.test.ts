import { describe, expect, it } from 'vitest';
import { YUEQING_2023 } from '../policy';
import { exampleCommunity, importerFlags as flags } from './entry-test-kit';
import { checkVoteEntry, type VoteEntry } from './vote-entry';

const [owners, area] = ['owners', 'exclusive_area'].map((c) => Number(exampleCommunity('YQ000001')[c])) as [
	number,
	number
];
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
const importerFlags = (e: VoteEntry): string[] =>
	flags(
		'votes',
		[
			'community_id',
			'kind',
			'date',
			'total_owners',
			'total_area',
			'participating_owners',
			'participating_area',
			'agree_owners',
			'agree_area'
		],
		[
			[
				'YQ000001',
				e.kind,
				e.date,
				String(owners),
				String(area),
				e.participating_owners,
				e.participating_area,
				e.agree_owners,
				e.agree_area
			]
		],
		'YQ000001'
	);

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
