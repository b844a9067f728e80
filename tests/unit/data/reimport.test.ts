// Re-imports keep history (issue 20): the field case 11-reimport-renumbered-renamed, with the rest of a
// community's history beside it (tests/fixtures/reimport-history), read through the CLI's path; the renumbered
// pairs proposed by the matcher and carried over by carryHistory. The expected rows are read from the files by
// hand (the CSVs split on commas, the works sheet with SheetJS), not through the importer or the code under test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { carryHistory, checkRenumbering, type KeepId } from '../../../src/lib/ingest/carry-history';
import { diffCommunities } from '../../../src/lib/ingest/diff';
import { matchable, proposeRenumbering } from '../../../src/lib/ingest/renumber';
import type { Dataset } from '../../../src/lib/schema/rows';
import { geo, load } from './load';

const CASE = join(import.meta.dirname, '../../fixtures/field-cases-r3/11-reimport-renumbered-renamed');
const HISTORY = join(import.meta.dirname, '../../fixtures/reimport-history');
const A_BOOK = join(CASE, 'A-2024年6月台账（已发布）.xlsx');
const B_BOOK = join(CASE, 'B-2024年12月台账（编号重排）.xlsx');

/** A CSV of the fixtures as rows of cells (no quotes in them), header dropped. */
const csv = (path: string) =>
	readFileSync(path, 'utf8')
		.trim()
		.split(/\r?\n/)
		.slice(1)
		.map((l) => l.split(','));
const csvOf = (dir: string, part: string) =>
	csv(
		join(
			HISTORY,
			dir,
			readdirSync(join(HISTORY, dir)).find((f) => f.includes(part))!
		)
	);
/** A's history by hand, each row as the few cells that identify it, per table. */
function handRows(): Record<string, string[][]> {
	const sheet = XLSX.read(readFileSync(A_BOOK)).Sheets['改造内容']!;
	const works = (XLSX.utils.sheet_to_json(sheet, { header: 1 }) as unknown[][])
		.slice(1)
		.map((r) => [String(r[0]), String(r[1])]);
	return {
		works,
		votes: csvOf('A', '表决').map((r) => [r[0]!, r[2]!, r[7]!]),
		stage_events: csvOf('A', '阶段').map((r) => [r[0]!, r[1]!, r[2]!]),
		funds: csvOf('A', '资金').map((r) => [r[0]!, r[1]!, r[3]!]),
		contacts: csvOf('A', '联系人').map((r) => [r[0]!, r[1]!, r[3]!])
	};
}
/** The same cells of a stored row. */
const cells: Record<string, (r: Record<string, unknown>) => string[]> = {
	works: (r) => [String(r.community_id), String(r.item_id)],
	votes: (r) => [String(r.community_id), String(r.date), String(r.agree_owners)],
	stage_events: (r) => [String(r.community_id), String(r.stage), String(r.date)],
	funds: (r) => [String(r.community_id), String(r.date), String(r.amount)],
	contacts: (r) => [String(r.community_id), String(r.role), String(r.phone)]
};
const MATCHED = ['SY001', 'SY002', 'SY003', 'SY004', 'SY005', 'SY007', 'SY008'];
const renumbered = (id: string) => `LQ2024-${id.slice(2)}`;

async function both() {
	const a = await load([A_BOOK, join(HISTORY, 'A')]);
	const b = await load([B_BOOK, join(HISTORY, 'B')]);
	expect([a.errors, b.errors]).toEqual([[], []]);
	return { a: a.dataset, b: b.dataset };
}

function carried(a: Dataset, b: Dataset, keep: KeepId) {
	const diff = diffCommunities(a.communities, b.communities);
	const proposal = proposeRenumbering(diff.removed.map(matchable), diff.added.map(matchable), geo.towns);
	const renumbering = proposal.pairs.map((p) => ({ old: p.old.id, new: p.new.id, keep }));
	expect(
		checkRenumbering(
			renumbering,
			new Set(a.communities.map((c) => c.id)),
			new Set(b.communities.map((c) => c.id)),
			'test'
		)
	).toEqual([]);
	return { proposal, result: carryHistory(b, a, renumbering) };
}

describe('re-imports keep history (11-reimport-renumbered-renamed + reimport-history)', () => {
	it('proposes the seven renumbered communities, SY006 removed and LQ2024-009 new', async () => {
		const { a, b } = await both();
		const { proposal } = carried(a, b, 'new');
		expect(proposal.pairs.map((p) => [p.old.id, p.new.id])).toEqual(
			MATCHED.map((id) => [id, renumbered(id)])
		);
		expect(proposal.removed.map((r) => r.id)).toEqual(['SY006']);
		expect(proposal.added.map((r) => r.id)).toEqual(['LQ2024-009']);
	});

	for (const keep of ['new', 'old'] as const)
		it(`carrying over (keeping the ${keep} ids) loses no history row of a matched community`, async () => {
			const { a, b } = await both();
			const { result } = carried(a, b, keep);
			const kept = (old: string) => (keep === 'new' ? renumbered(old) : old);
			const hand = handRows();
			// every row of A's matched communities is in the result under the kept id, or named as refused
			const refused = result.problems.map((p) => [p.community, p.value]);
			for (const [table, rows] of Object.entries(hand)) {
				const inResult = (result.dataset[table as keyof Dataset] as unknown as Record<string, unknown>[]).map(
					(r) => cells[table]!(r).join('|')
				);
				const mine = rows.filter((r) => MATCHED.includes(r[0]!));
				for (const r of mine) {
					const wanted = [kept(r[0]!), ...r.slice(1)].join('|');
					if (table === 'stage_events' && r[0] === 'SY002' && r[1] === 'opinions') {
						// out of the workflow order against B's own 申请表决 of 2024-02-15: refused, and said so
						expect(inResult, wanted).not.toContain(wanted);
						expect(refused).toEqual([['SY002', '征求意见 2024-03-01']]);
						continue;
					}
					if (table === 'stage_events' && r[0] === 'SY002' && r[1] === 'application-vote') {
						// B has the same stage on another day: B's (the newer ledger's) is kept, A's said beside it
						expect(result.superseded).toEqual([
							{
								table: 'stage_events',
								previous: { community_id: kept('SY002'), stage: 'application-vote', date: '2024-04-01' },
								kept: { community_id: kept('SY002'), stage: 'application-vote', date: '2024-02-15' }
							}
						]);
						continue;
					}
					expect(inResult, `${table}: ${wanted}`).toContain(wanted);
				}
				// SY006 is gone from B: none of its rows comes back, under any id
				expect(inResult.filter((x) => x.startsWith('SY006|'))).toEqual([]);
			}
			// the counts, by hand: A's matched rows = carried + already in B (+ the one refused)
			const matchedCount = (t: string) => hand[t]!.filter((r) => MATCHED.includes(r[0]!)).length;
			for (const t of Object.keys(hand))
				expect(result.carried[t as 'works'] + result.alreadyThere[t as 'works'], t).toBe(
					matchedCount(t) - (t === 'stage_events' ? 1 : 0)
				);
			expect(result.carried).toEqual({ works: 0, votes: 2, funds: 2, stage_events: 1, contacts: 2 });
			// the result's tables: B's rows plus the carried ones; both equal deposits of SY001 are there
			expect(result.dataset.works).toHaveLength(8);
			expect(result.dataset.votes).toHaveLength(2);
			expect(result.dataset.stage_events).toHaveLength(3);
			expect(result.dataset.funds.filter((f) => f.community_id === kept('SY001'))).toHaveLength(2);
			expect(result.dataset.contacts).toHaveLength(2);
			// the communities: B's, under the kept ids
			expect(result.dataset.communities.map((c) => c.id)).toEqual([...MATCHED.map(kept), 'LQ2024-009']);
			expect(result.dataset.communities[1]!.name).toBe('试验2村');
			// B's own history follows its community to the kept id
			expect(result.dataset.stage_events.filter((s) => s.community_id === kept('SY002'))).toEqual([
				{ community_id: kept('SY002'), stage: 'application-vote', date: '2024-02-15' }
			]);
			// the import itself is not changed
			expect(b.communities[0]!.id).toBe('LQ2024-001');
		});

	it('checks a renumbering: ids in the right data, each once', () => {
		const problems = checkRenumbering(
			[
				{ old: 'SY001', new: 'LQ2024-001', keep: 'new' },
				{ old: 'SY009', new: 'LQ2024-002', keep: 'new' },
				{ old: 'SY002', new: 'LQ2024-001', keep: 'old' },
				{ old: 'SY003', new: 'SY001', keep: 'new' }
			],
			new Set(['SY001', 'SY002', 'SY003']),
			new Set(['LQ2024-001', 'LQ2024-002', 'SY001']),
			'renumber.json'
		);
		expect(problems.map((p) => [p.row, p.value, p.en])).toEqual([
			[1, 'SY001', 'old id SY001 is still in the new ledger: not renumbered'],
			[2, 'SY009', 'old id SY009 is not in the previous data'],
			[3, 'LQ2024-001', 'new id LQ2024-001 appears twice'],
			[4, 'SY001', 'new id SY001 is another community in the previous data']
		]);
	});
});
