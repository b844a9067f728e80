// The freshness endpoints (issue 22) against a real server process (server/main.ts as `npm start` runs it): the
// day of each community's latest town change (GET /api/freshness) and a community's changes the published data
// does not hold yet (GET /api/live-changes) — a town account gets its own towns' rows and never another town's;
// a returned change does not count; a viewer sees every town's. Loopback only.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord, FreshnessAnswer, LiveChangesAnswer } from '../../src/lib/office/api';
import { beijingTime } from '../../src/lib/office/freshness';
import { Client } from '../../scripts/lib/harness/office';
import { officeServers, type OfficeChild } from './process';
import { exampleIds, exampleRows } from '../../scripts/lib/harness/office';
import { newAccount } from '../../scripts/lib/harness/office';

const start = officeServers();
let office: OfficeChild;
let keeper: Client;
let viewer: Client;
let chengdong: Client; // 城东街道 (330382001)
let lecheng: Client; // 乐成街道 (330382002)

const vote = (date: string) => ({
	kind: 'scheme',
	date,
	participating_owners: '80',
	participating_area: '11000',
	agree_owners: '70',
	agree_area: '9500'
});

async function record(c: Client, communityId: string, key: string, date: string): Promise<ChangeRecord> {
	const res = await c.post('/api/changes', { key, communityId, vote: vote(date) });
	if (res.status !== 201) throw new Error(`${communityId}: ${res.status} ${await res.text()}`);
	return ((await res.json()) as { change: ChangeRecord }).change;
}

const freshness = async (c: Client) => (await (await c.get('/api/freshness')).json()) as FreshnessAnswer;
const live = async (c: Client, id: string) => {
	const res = await c.get(`/api/live-changes?community=${id}`);
	expect(res.status).toBe(200);
	return ((await res.json()) as LiveChangesAnswer).changes;
};

let ours: string[]; // communities of 城东街道
let ledger: string; // the first release: the example's tables uploaded as a ledger
let theirs: string; // a community of 乐成街道
const changes: Record<string, ChangeRecord> = {};

beforeAll(async () => {
	office = await start();
	const admin = await office.admin();
	keeper = await newAccount(admin, 'keeper', 'keeper');
	viewer = await newAccount(admin, 'viewer', 'viewer');
	const files = readdirSync('data/example')
		.filter((f) => f.endsWith('.csv'))
		.map((name) => ({ name, bytes: readFileSync(join('data/example', name), 'utf8') }));
	const staged = (await (await keeper.upload(files)).json()) as { info: { id: string; ok: boolean } };
	expect(staged.info.ok).toBe(true);
	expect((await keeper.post(`/api/releases/${staged.info.id}/publish`, { base: null })).status).toBe(200);
	ledger = staged.info.id;
	chengdong = await newAccount(admin, 'chengdong', 'town', ['城东街道']);
	lecheng = await newAccount(admin, 'lecheng', 'town', ['乐成街道']);
	ours = exampleIds('330382001').slice(0, 2);
	theirs = exampleIds('330382002')[0]!;
	changes.a = await record(chengdong, ours[0]!, 'fresh-key-a-0001', '2026-11-20');
	changes.b = await record(chengdong, ours[1]!, 'fresh-key-b-0001', '2026-11-21');
	changes.c = await record(lecheng, theirs, 'fresh-key-c-0001', '2026-11-22');
	// b returned: it no longer counts as an update
	const back = await keeper.post(`/api/changes/${changes.b.id}/review`, {
		decision: 'returned',
		note: '日期有误'
	});
	expect(back.status).toBe(200);
}, 300_000);

describe('GET /api/freshness (issue 22)', () => {
	it("gives a town account its own towns' latest change days only, never another town's", async () => {
		const day = (c: ChangeRecord) => beijingTime(c.at).slice(0, 10);
		const mine = await freshness(chengdong);
		// by hand: a (城东, pending) counts; b (城东) was returned; c is 乐成's
		expect(mine.communities).toEqual({ [ours[0]!]: day(changes.a!) });
		expect(mine.communities[theirs]).toBeUndefined();
		expect(mine.live).toEqual([ours[0]]);
		const other = await freshness(lecheng);
		expect(other.communities).toEqual({ [theirs]: day(changes.c!) });
		expect(Object.keys(other.communities)).not.toContain(ours[0]);
		expect(other.live).toEqual([theirs]);
		// the day the ages are counted to: today in Beijing, by the server's clock
		expect(mine.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});

	it("gives a viewer every town's", async () => {
		const all = await freshness(viewer);
		expect(Object.keys(all.communities).sort()).toEqual([ours[0]!, theirs].sort());
	});

	it('is refused without a login', async () => {
		expect((await new Client(office.url).get('/api/freshness')).status).toBe(401);
	});
});

describe('GET /api/live-changes (issue 22)', () => {
	it("gives a community's pending changes to a viewer and to its own town, nothing to another town", async () => {
		expect((await live(viewer, ours[0]!)).map((c) => c.id)).toEqual([changes.a!.id]);
		expect((await live(chengdong, ours[0]!)).map((c) => c.id)).toEqual([changes.a!.id]);
		expect(await live(lecheng, ours[0]!)).toEqual([]);
		expect(await live(chengdong, theirs)).toEqual([]);
		// a returned change is not live
		expect(await live(viewer, ours[1]!)).toEqual([]);
	});

	it('keeps an accepted change until a published release carries it', async () => {
		const ok = await keeper.post(`/api/changes/${changes.a!.id}/review`, { decision: 'accepted' });
		expect(ok.status).toBe(200);
		expect((await live(viewer, ours[0]!)).map((c) => [c.id, c.state])).toEqual([[changes.a!.id, 'accepted']]);
		const staged = (await (await keeper.post('/api/changes/stage', {})).json()) as {
			info: { id: string; ok: boolean };
			tables: { table: string; added: number; removed: number }[];
			changes: ChangeRecord[];
		};
		expect(staged.info.ok).toBe(true);
		// its diff says what it adds beyond the communities: one vote row, nothing else
		expect(staged.tables.filter((t) => t.added || t.removed)).toEqual([
			{ table: 'votes', zh: '表决', added: 1, removed: 0 }
		]);
		// the carried change names its community, from the data (by hand: the example's communities.csv)
		const name = exampleRows('communities').find((r) => r.id === ours[0])!.name;
		expect(staged.changes.map((c) => [c.id, c.communityName])).toEqual([[changes.a!.id, name]]);
		// staged, not yet published: still live only
		expect((await live(viewer, ours[0]!)).map((c) => c.id)).toEqual([changes.a!.id]);
		const current = ((await (await keeper.get('/api/releases')).json()) as { current: string }).current;
		expect((await keeper.post(`/api/releases/${staged.info.id}/publish`, { base: current })).status).toBe(
			200
		);
		expect(await live(viewer, ours[0]!)).toEqual([]);
		expect((await freshness(viewer)).live).toEqual([theirs]);
		// still its last update: an accepted change counts, published or not
		expect(Object.keys((await freshness(viewer)).communities)).toContain(ours[0]);
	}, 300_000);

	it('counts a change live again after a rollback to a release without it, and stages it again', async () => {
		const current = ((await (await keeper.get('/api/releases')).json()) as { current: string }).current;
		expect((await keeper.post(`/api/releases/${ledger}/publish`, { base: current })).status).toBe(200);
		// the ledger served again lacks the vote: the change is live, not published
		expect((await live(viewer, ours[0]!)).map((c) => c.id)).toEqual([changes.a!.id]);
		expect((await freshness(viewer)).live.sort()).toEqual([ours[0]!, theirs].sort());
		const again = (await (await keeper.post('/api/changes/stage', {})).json()) as {
			info: { ok: boolean; base: string };
			changes: ChangeRecord[];
		};
		expect(again.info).toMatchObject({ ok: true, base: ledger });
		expect(again.changes.map((c) => c.id)).toEqual([changes.a!.id]);
	}, 300_000);

	it('refuses a malformed community id', async () => {
		expect((await viewer.get('/api/live-changes?community=%27%20OR%201')).status).toBe(400);
	});
});
