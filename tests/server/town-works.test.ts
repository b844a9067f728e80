// A town records a works item and its cost (issue 22), against a real server process (server/main.ts as `npm start`
// runs it): checked again on the server by the importer's rules (a bad cost refused, the field and value named, and
// nothing stored); recorded once per idempotency key as field `works.<item>`, before → after (the ledger's row of
// that item, or none for a new item); another town's community refused as unknown; in the audit log; accepted by a
// keeper, staged and published, the release's works hold it (the row replaced, or one added). Loopback only.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, ChangeRecord } from '../../src/lib/office/api';
import { WORKS_CATALOGUE } from '../../src/lib/policy';
import {
	Client,
	exampleIds,
	exampleRows,
	newAccount,
	publishExampleLedger
} from '../../scripts/lib/harness/office';
import { officeServers, type OfficeChild } from './process';

const start = officeServers();
let office: OfficeChild;
let keeper: Client;
let chengdong: Client; // 城东街道 (330382001)
let lecheng: Client; // 乐成街道 (330382002)

/** The first community of 城东街道 and its works rows, read from the example's CSVs by hand. */
const ours = exampleIds('330382001')[0]!;
const itsWorks = exampleRows('works').filter((w) => w.community_id === ours);
/** An item it has (a change of that row) and one it has not (a new row). */
const had = itsWorks[0]!;
const fresh = WORKS_CATALOGUE.find((i) => !i.elevator && !itsWorks.some((w) => w.item_id === i.id))!;

const changesOf = async (c: Client, q = '') =>
	((await (await c.get(`/api/changes${q}`)).json()) as { changes: ChangeRecord[] }).changes;

/** Rows of a query through the door (the release current now). */
async function query(sql: string): Promise<Record<string, unknown>[]> {
	const res = await keeper.post('/api/query', { sql });
	expect(res.status).toBe(200);
	return tableFromIPC(new Uint8Array(await res.arrayBuffer()))
		.toArray()
		.map((r) => r.toJSON() as Record<string, unknown>);
}

beforeAll(async () => {
	office = await start();
	const admin = await office.admin();
	keeper = await newAccount(admin, 'keeper', 'keeper');
	await publishExampleLedger(keeper);
	chengdong = await newAccount(admin, 'chengdong', 'town', ['城东街道']);
	lecheng = await newAccount(admin, 'lecheng', 'town', ['乐成街道']);
}, 300_000);

describe('a town records a works item and its cost (issue 22)', () => {
	const post = (c: Client, key: string, works: Record<string, string>, communityId = ours) =>
		c.post('/api/changes', { key, communityId, works, note: '施工单位报价' });

	it('is served its community’s works and town with the community', async () => {
		const mine = (await (await chengdong.get('/api/town')).json()) as {
			communities: { community: { id: string }; works: { item_id: string }[]; townRow: unknown }[];
		};
		const c = mine.communities.find((x) => x.community.id === ours)!;
		expect(c.works.map((w) => w.item_id).sort()).toEqual(itsWorks.map((w) => w.item_id!).sort());
		expect(c.townRow).toMatchObject({ code: '330382001', name: '城东街道' });
	});

	it('refuses a bad cost with the field and the value named, and stores nothing', async () => {
		const res = await post(chengdong, 'k-works-bad-1', {
			item_id: fresh.id,
			estimated_cost: '-1',
			final_cost: ''
		});
		expect(res.status).toBe(422);
		const body = (await res.json()) as {
			error: { zh: string; en: string };
			problems: { column: string; zh: string; en: string }[];
		};
		expect(body.problems).toEqual([
			{ column: 'estimated_cost', zh: '应不小于 0（所填为“-1”）', en: 'must be at least 0 (given: "-1")' }
		]);
		expect(body.error.zh).toContain('estimated_cost');
		expect(body.error.en).toContain('estimated_cost');
		// a final cost in words; an item that is not in 附件1
		for (const [works, column] of [
			[{ item_id: fresh.id, estimated_cost: '1', final_cost: '待定' }, 'final_cost'],
			[{ item_id: '屋顶花园', estimated_cost: '1', final_cost: '' }, 'item_id']
		] as const) {
			const res = await post(chengdong, 'k-works-bad-2', works);
			expect(res.status).toBe(422);
			expect(
				((await res.json()) as { problems: { column: string }[] }).problems.map((p) => p.column)
			).toEqual([column]);
		}
		expect(await changesOf(keeper)).toEqual([]);
	});

	it('records a new item once per key: before none, after the importer’s row', async () => {
		const send = () =>
			post(chengdong, 'k-works-new-1', { item_id: fresh.id, estimated_cost: '320,000', final_cost: '' });
		const first = await send();
		expect(first.status).toBe(201);
		const a = ((await first.json()) as { change: ChangeRecord }).change;
		const again = await send();
		expect(again.status).toBe(200);
		const b = (await again.json()) as { change: ChangeRecord; repeated: boolean };
		expect([b.repeated, b.change.id]).toEqual([true, a.id]);
		const all = await changesOf(keeper);
		expect(all).toHaveLength(1);
		expect(all[0]).toMatchObject({
			user: 'chengdong',
			communityId: ours,
			town: '城东街道',
			field: `works.${fresh.id}`,
			state: 'pending',
			note: '施工单位报价',
			before: null,
			after: { community_id: ours, item_id: fresh.id, estimated_cost: 320000, final_cost: null }
		});
	});

	it('records an item the community has as a change of its row, with the row before (by its code and name)', async () => {
		const item = WORKS_CATALOGUE.find((i) => i.id === had.item_id)!;
		const res = await post(chengdong, 'k-works-change-1', {
			item_id: `${item.code}${item.name}`,
			estimated_cost: '700000',
			final_cost: '690000.5'
		});
		expect(res.status).toBe(201);
		const change = ((await res.json()) as { change: ChangeRecord }).change;
		expect([change.field, change.before, change.after]).toEqual([
			`works.${had.item_id}`,
			{
				community_id: ours,
				item_id: had.item_id,
				estimated_cost: Number(had.estimated_cost),
				final_cost: had.final_cost === '' ? null : Number(had.final_cost)
			},
			{ community_id: ours, item_id: had.item_id, estimated_cost: 700000, final_cost: 690000.5 }
		]);
		// the same costs as the ledger's are nothing to record
		const same = await post(chengdong, 'k-works-same-1', {
			item_id: had.item_id!,
			estimated_cost: had.estimated_cost!,
			final_cost: had.final_cost!
		});
		expect(same.status).toBe(422);
	});

	it("refuses another town's community as unknown (404), and a town account's own is not another's", async () => {
		const res = await post(lecheng, 'k-works-other-1', {
			item_id: fresh.id,
			estimated_cost: '1000',
			final_cost: ''
		});
		expect(res.status).toBe(404);
		expect(await changesOf(lecheng)).toEqual([]);
		expect(await changesOf(keeper)).toHaveLength(2);
	});

	it('is in the audit log: who, which community, the change and its field', async () => {
		const audit = (await (await keeper.get('/api/audit?action=change&limit=50')).json()) as AuditPage;
		const [one, two] = await changesOf(keeper);
		expect(
			audit.entries
				.map((e) => [e.user, e.target, e.outcome, e.detail])
				.reverse()
				.filter((e) => String(e[3]).includes(' works.'))
		).toEqual([
			['chengdong', ours, 'ok', `${one!.id} works.${fresh.id}`],
			['chengdong', ours, 'ok', `${two!.id} works.${had.item_id}`]
		]);
	});

	it('a keeper accepts both, stages and publishes: the release’s works hold them (one row added, one replaced)', async () => {
		const [added, changed] = await changesOf(keeper, '?state=pending');
		for (const c of [added!, changed!])
			expect((await keeper.post(`/api/changes/${c.id}/review`, { decision: 'accepted' })).status).toBe(200);
		const res = await keeper.post('/api/changes/stage');
		expect(res.status).toBe(200);
		const staged = (await res.json()) as {
			info: { id: string; ok: boolean; base: string; counts: Record<string, number> };
			conflicts?: unknown[];
			report: { problems: { level: string }[] };
		};
		expect(staged.info.ok, JSON.stringify(staged.report.problems.filter((p) => p.level === 'error'))).toBe(
			true
		);
		const base = (await (await keeper.get(`/api/releases/${staged.info.base}`)).json()) as {
			info: { counts: Record<string, number> };
		};
		expect(staged.info.counts).toEqual({ ...base.info.counts, works: base.info.counts.works! + 1 });
		expect(
			(await keeper.post(`/api/releases/${staged.info.id}/publish`, { base: staged.info.base })).status
		).toBe(200);
		const rows = await query(
			`SELECT item_id, estimated_cost, final_cost FROM works WHERE community_id = '${ours}' AND item_id IN ('${fresh.id}', '${had.item_id}') ORDER BY item_id = '${had.item_id}'`
		);
		expect(rows).toEqual([
			{ item_id: fresh.id, estimated_cost: 320000, final_cost: null },
			{ item_id: had.item_id, estimated_cost: 700000, final_cost: 690000.5 }
		]);
		// the town's history shows both, accepted, in the release
		expect(
			(await changesOf(chengdong, `?community=${ours}`)).map((c) => [c.field, c.state, c.release])
		).toEqual([
			[`works.${fresh.id}`, 'accepted', staged.info.id],
			[`works.${had.item_id}`, 'accepted', staged.info.id]
		]);
	}, 300_000);

	it('a later upload without them lists both as conflicts (works-absent, works-differs)', async () => {
		const files = readdirSync('data/example')
			.filter((f) => f.endsWith('.csv'))
			.map((name) => ({ name, bytes: readFileSync(join('data/example', name), 'utf8') }));
		const res = await keeper.upload(files);
		expect(res.status).toBe(200);
		const staged = (await res.json()) as { conflicts?: { field: string; reason: string }[] };
		expect(staged.conflicts?.map((c) => [c.field, c.reason])).toEqual([
			[`works.${fresh.id}`, 'works-absent'],
			[`works.${had.item_id}`, 'works-differs']
		]);
	}, 300_000);
});
