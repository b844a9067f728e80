// The comparison of a staged release with the towns' accepted changes (issue 22: "nothing is overwritten
// silently"): one case per rule of townConflicts. The data and the changes are written out by hand here.
import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../src/lib/office/api';
import type { FundRow, StageEventRow, VoteRow, WorksRow } from '../src/lib/schema/rows';
import { townConflicts, type ConflictData } from './conflicts';

const vote = (over: Partial<VoteRow> = {}): VoteRow => ({
	community_id: 'YQ001',
	kind: 'scheme',
	date: '2026-12-01',
	total_owners: 100,
	total_area: 12000,
	participating_owners: 80,
	participating_area: 11000,
	agree_owners: 70,
	agree_area: 9500,
	...over
});
const fund = (over: Partial<FundRow> = {}): FundRow => ({
	community_id: 'YQ001',
	date: '2026-12-03',
	source: 'resident',
	amount: 120000,
	...over
});

let n = 0;
type Fact = { community_id: string; column: string; value: unknown };
/** The field a change of `after` sets, as the server records it (api-town.ts). */
function fieldOf(after: VoteRow | FundRow | StageEventRow | Fact | WorksRow): string {
	if ('item_id' in after) return `works.${after.item_id}`;
	if ('kind' in after) return `votes.${after.kind}`;
	if ('source' in after) return `funds.${after.source}`;
	if ('stage' in after) return `stage_events.${after.stage}`;
	return `communities.${after.column}`;
}
function change(
	after: VoteRow | FundRow | StageEventRow | Fact | WorksRow,
	over: Partial<ChangeRecord> = {}
): ChangeRecord {
	n++;
	return {
		id: `c-${n}`,
		key: `key-${n}`,
		user: 'chengdong',
		at: `2026-12-01T08:${String(n).padStart(2, '0')}:00.000Z`,
		communityId: after.community_id,
		town: '城东街道',
		field: fieldOf(after),
		before: null,
		after,
		note: null,
		state: 'accepted',
		reviewNote: null,
		reviewer: 'keeper',
		reviewedAt: '2026-12-04T08:00:00.000Z',
		release: '20261204-080000-abcdef',
		...over
	};
}

const data = (over: Partial<ConflictData> = {}): ConflictData => ({
	communities: new Map([
		['YQ001', '东方小区'],
		['YQ002', '西门小区']
	]),
	rows: new Map([
		['YQ001', { id: 'YQ001', name: '东方小区', satisfaction: 80, property_management: '物业公司' }],
		['YQ002', { id: 'YQ002', name: '西门小区', satisfaction: null, property_management: null }]
	]),
	votes: [],
	funds: [],
	stages: [],
	works: [],
	...over
});
const stage = (over: Partial<StageEventRow> = {}): StageEventRow => ({
	community_id: 'YQ001',
	stage: 'town-review',
	date: '2026-12-05',
	...over
});

describe('townConflicts: a staged release against the towns’ accepted changes', () => {
	it('no conflict when the release has the vote with the town’s four tallies (its totals may differ)', () => {
		const c = change(vote());
		const staged = data({ votes: [vote({ total_owners: 101, participating_area: 11000.000000001 })] });
		expect(townConflicts([c], staged)).toEqual([]);
	});

	it('a vote the release lacks (community, kind, date) is vote-absent, naming the change', () => {
		const c = change(vote());
		// another kind and another date of the same community are not that vote
		const staged = data({ votes: [vote({ kind: 'application' }), vote({ date: '2026-12-02' })] });
		expect(townConflicts([c], staged)).toEqual([
			{
				changeId: c.id,
				town: '城东街道',
				user: 'chengdong',
				at: c.at,
				field: 'votes.scheme',
				communityId: 'YQ001',
				communityName: '东方小区',
				reason: 'vote-absent',
				townValue: vote(),
				uploadValue: null,
				release: c.release
			}
		]);
	});

	it('a vote row with other tallies is vote-differs, with the upload’s row', () => {
		const c = change(vote());
		const theirs = vote({ agree_owners: 69 });
		const [conflict, ...rest] = townConflicts([c], data({ votes: [theirs] }));
		expect(rest).toEqual([]);
		expect(conflict).toMatchObject({ reason: 'vote-differs', townValue: vote(), uploadValue: theirs });
	});

	it('of two accepted votes for one community, kind and date only the latest counts', () => {
		const first = change(vote({ agree_owners: 60 }), { at: '2026-12-01T08:00:00.000Z' });
		const second = change(vote({ agree_owners: 70 }), { at: '2026-12-02T08:00:00.000Z' });
		expect(townConflicts([second, first], data({ votes: [vote({ agree_owners: 70 })] }))).toEqual([]);
		expect(
			townConflicts([first, second], data({ votes: [vote({ agree_owners: 60 })] })).map((c) => c.changeId)
		).toEqual([second.id]);
	});

	it('a payment the release lacks is payment-absent, with the rows counted on each side', () => {
		const c = change(fund());
		// another amount, date or source is not that payment
		const staged = data({
			funds: [fund({ amount: 120000.5 }), fund({ date: '2026-12-04' }), fund({ source: 'social' })]
		});
		expect(townConflicts([c], staged)).toEqual([
			expect.objectContaining({
				changeId: c.id,
				reason: 'payment-absent',
				townValue: fund(),
				uploadValue: null,
				counts: { town: 1, upload: 0 }
			})
		]);
		expect(townConflicts([c], data({ funds: [fund()] }))).toEqual([]);
	});

	it('two equal payments accepted and one row in the release: the later payment is the conflict', () => {
		const a = change(fund(), { at: '2026-12-03T08:00:00.000Z' });
		const b = change(fund(), { at: '2026-12-03T09:00:00.000Z' });
		const conflicts = townConflicts([b, a], data({ funds: [fund()] }));
		expect(conflicts.map((c) => [c.changeId, c.counts])).toEqual([[b.id, { town: 2, upload: 1 }]]);
		expect(townConflicts([a, b], data({ funds: [fund(), fund()] }))).toEqual([]);
	});

	it('a community the release no longer has is community-absent, named from the data compared with', () => {
		const v = change(vote({ community_id: 'YQ009' }));
		const f = change(fund({ community_id: 'YQ009' }));
		const conflicts = townConflicts([v, f], data(), new Map([['YQ009', '南山小区']]));
		expect(conflicts.map((c) => [c.changeId, c.reason, c.communityName])).toEqual([
			[v.id, 'community-absent', '南山小区'],
			[f.id, 'community-absent', '南山小区']
		]);
	});

	it('pending, returned and superseded changes are not compared; an accepted one not yet carried is', () => {
		const states = (['pending', 'returned', 'superseded'] as const).map((state, i) =>
			change(vote({ date: `2026-11-1${i}` }), { state })
		);
		const uncarried = change(vote({ date: '2026-11-30' }), { release: null });
		expect(townConflicts([...states, uncarried], data()).map((c) => [c.changeId, c.release])).toEqual([
			[uncarried.id, null]
		]);
	});
	it('a stage the release lacks is stage-absent; begun on another day, stage-differs with the upload’s row', () => {
		const c = change(stage());
		expect(townConflicts([c], data({ stages: [stage({ stage: 'design' })] }))).toEqual([
			expect.objectContaining({
				changeId: c.id,
				reason: 'stage-absent',
				townValue: stage(),
				uploadValue: null
			})
		]);
		const theirs = stage({ date: '2026-12-04' });
		expect(townConflicts([c], data({ stages: [theirs] }))).toEqual([
			expect.objectContaining({ reason: 'stage-differs', uploadValue: theirs })
		]);
		expect(townConflicts([c], data({ stages: [stage()] }))).toEqual([]);
	});

	it('a correction the release does not hold is fact-differs, with the upload’s cell; the latest correction counts', () => {
		const score = change({ community_id: 'YQ001', column: 'satisfaction', value: 88.5 });
		expect(townConflicts([score], data())).toEqual([
			expect.objectContaining({
				changeId: score.id,
				reason: 'fact-differs',
				townValue: { community_id: 'YQ001', column: 'satisfaction', value: 88.5 },
				uploadValue: { community_id: 'YQ001', column: 'satisfaction', value: 80 }
			})
		]);
		const rows = new Map([['YQ001', { id: 'YQ001', name: '东方小区', satisfaction: 88.5000000001 }]]);
		expect(townConflicts([score], data({ rows }))).toEqual([]);
		// an empty cell filled in by the town, and emptied again by the upload
		const filled = change({ community_id: 'YQ002', column: 'property_management', value: '自管' });
		expect(townConflicts([filled], data()).map((c) => c.reason)).toEqual(['fact-differs']);
		// two corrections of one cell: only the later one must be in the release
		const later = change(
			{ community_id: 'YQ001', column: 'satisfaction', value: 80 },
			{ at: '2026-12-09T08:00:00.000Z' }
		);
		expect(townConflicts([score, later], data())).toEqual([]);
	});

	it('a works item the release lacks (community, item) is works-absent; at other costs, works-differs with the upload’s row', () => {
		const roof = (over: Partial<WorksRow> = {}): WorksRow => ({
			community_id: 'YQ001',
			item_id: 'building.basic.1.1',
			estimated_cost: 320000,
			final_cost: null,
			...over
		});
		const c = change(roof());
		expect(c.field).toBe('works.building.basic.1.1');
		// another item, or the item of another community, is not that row
		const others = [roof({ item_id: 'building.basic.1.2' }), roof({ community_id: 'YQ002' })];
		expect(townConflicts([c], data({ works: others }))).toEqual([
			expect.objectContaining({
				changeId: c.id,
				field: 'works.building.basic.1.1',
				reason: 'works-absent',
				townValue: roof(),
				uploadValue: null
			})
		]);
		// another estimate, or a final cost where the town's has none (and the other way round)
		for (const theirs of [
			roof({ estimated_cost: 300000 }),
			roof({ final_cost: 318000 }),
			roof({ estimated_cost: 320000.01 })
		])
			expect(townConflicts([c], data({ works: [theirs] }))).toEqual([
				expect.objectContaining({ reason: 'works-differs', townValue: roof(), uploadValue: theirs })
			]);
		const final = change(roof({ final_cost: 318000 }));
		expect(townConflicts([final], data({ works: [roof()] })).map((x) => x.reason)).toEqual(['works-differs']);
		// the same costs (a spreadsheet's float as read back) are no conflict
		expect(townConflicts([c], data({ works: [roof({ estimated_cost: 320000.0000000001 })] }))).toEqual([]);
		expect(townConflicts([final], data({ works: [roof({ final_cost: 318000 })] }))).toEqual([]);
	});

	it('of two accepted changes of one works item only the latest counts; a community gone is community-absent', () => {
		const first = change(
			{ community_id: 'YQ001', item_id: 'roads.basic.1.1', estimated_cost: 500000, final_cost: null },
			{ at: '2026-12-01T08:00:00.000Z' }
		);
		const second = change(
			{ community_id: 'YQ001', item_id: 'roads.basic.1.1', estimated_cost: 480000, final_cost: 470000 },
			{ at: '2026-12-02T08:00:00.000Z' }
		);
		const upload = (after: ChangeRecord) => data({ works: [after.after as WorksRow] });
		expect(townConflicts([second, first], upload(second))).toEqual([]);
		expect(townConflicts([first, second], upload(first)).map((c) => c.changeId)).toEqual([second.id]);
		const gone = change({
			community_id: 'YQ009',
			item_id: 'roads.basic.1.1',
			estimated_cost: 1,
			final_cost: null
		});
		expect(townConflicts([gone], data()).map((c) => c.reason)).toEqual(['community-absent']);
	});
});
