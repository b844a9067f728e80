// Nothing a town recorded is overwritten silently (issue 22), against a real server process: a town records a
// scheme vote and a payment, the keeper accepts them, stages and publishes; then uploads the whole ledger again,
// without them. The staged release lists both as conflicts and cannot be published (409) until each is decided.
// Round one keeps the town's values: a new release (the upload's data with them replayed) carries them and is
// published. Round two takes the upload's: the changes are marked superseded (who, when, which release), shown so
// in the town's list, and the upload publishes. Every decision is in the audit log. Loopback only.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, ChangeRecord, TownConflict } from '../../src/lib/office/api';
import { Client } from '../../scripts/lib/harness/office';
import { officeServers, type OfficeChild } from './process';
import { newAccount } from '../../scripts/lib/harness/office';

const start = officeServers();
let office: OfficeChild;
let keeper: Client;
let chengdong: Client;
/** The example's first community of 城东街道 (330382001), read from its CSV by hand. */
let ours: string;

interface StagedAnswer {
	info: { id: string; ok: boolean; base: string | null };
	conflicts?: TownConflict[];
	changes?: ChangeRecord[];
	report?: { problems: { level: string }[] };
}

/** The whole example ledger, as a keeper uploads it: it has no vote or payment of December 2026. */
const ledger = () =>
	readdirSync('data/example')
		.filter((f) => f.endsWith('.csv'))
		.map((name) => ({ name, bytes: readFileSync(join('data/example', name), 'utf8') }));

async function upload(): Promise<StagedAnswer> {
	const res = await keeper.upload(ledger());
	expect(res.status).toBe(200);
	const staged = (await res.json()) as StagedAnswer;
	expect(staged.info.ok).toBe(true);
	return staged;
}

const publish = (s: StagedAnswer) => keeper.post(`/api/releases/${s.info.id}/publish`, { base: s.info.base });

/** Rows of a query through the door (the release current now). */
async function query(sql: string): Promise<Record<string, unknown>[]> {
	const res = await keeper.post('/api/query', { sql });
	expect(res.status).toBe(200);
	return tableFromIPC(new Uint8Array(await res.arrayBuffer()))
		.toArray()
		.map((r) => r.toJSON() as Record<string, unknown>);
}
const theVote = () =>
	query(
		`SELECT participating_owners, agree_owners FROM votes WHERE community_id = '${ours}' AND kind = 'scheme' AND date = DATE '2026-12-01'`
	);
const thePayment = () =>
	query(`SELECT amount FROM funds WHERE community_id = '${ours}' AND date = DATE '2026-12-03'`);

const changesOf = async (c: Client, q = '') =>
	((await (await c.get(`/api/changes${q}`)).json()) as { changes: ChangeRecord[] }).changes;

let vote: ChangeRecord;
let payment: ChangeRecord;

beforeAll(async () => {
	office = await start();
	const admin = await office.admin();
	keeper = await newAccount(admin, 'keeper', 'keeper');
	expect((await publish(await upload())).status).toBe(200);
	chengdong = await newAccount(admin, 'chengdong', 'town', ['城东街道']);
	const [header, ...rows] = readFileSync('data/example/communities.csv', 'utf8').trim().split('\n');
	const town = header!.split(',').indexOf('town_code');
	ours = rows.map((r) => r.split(',')).find((r) => r[town] === '330382001')![0]!;
	// the town records a scheme vote and a payment; the keeper accepts both, stages and publishes them
	const v = await chengdong.post('/api/changes', {
		key: 'conflict-vote-1',
		communityId: ours,
		vote: {
			kind: 'scheme',
			date: '2026-12-01',
			participating_owners: '80',
			participating_area: '11000',
			agree_owners: '70',
			agree_area: '9500'
		}
	});
	expect(v.status).toBe(201);
	vote = ((await v.json()) as { change: ChangeRecord }).change;
	const p = await chengdong.post('/api/changes', {
		key: 'conflict-payment-1',
		communityId: ours,
		fund: { source: 'resident', date: '2026-12-03', amount: '120000' }
	});
	expect(p.status).toBe(201);
	payment = ((await p.json()) as { change: ChangeRecord }).change;
	for (const c of [vote, payment])
		expect((await keeper.post(`/api/changes/${c.id}/review`, { decision: 'accepted' })).status).toBe(200);
	const staged = (await (await keeper.post('/api/changes/stage')).json()) as StagedAnswer;
	expect(staged.info.ok).toBe(true);
	expect(staged.conflicts).toEqual([]);
	expect((await publish(staged)).status).toBe(200);
	expect(await theVote()).toEqual([{ participating_owners: 80, agree_owners: 70 }]);
}, 300_000);

describe('a later upload that drops what a town recorded (issue 22)', () => {
	let upload1: StagedAnswer;

	it('lists each dropped change as a conflict in the staged diff, naming the change and both values', async () => {
		upload1 = await upload();
		expect(upload1.conflicts).toEqual([
			expect.objectContaining({
				changeId: vote.id,
				town: '城东街道',
				user: 'chengdong',
				at: vote.at,
				field: 'votes.scheme',
				communityId: ours,
				reason: 'vote-absent',
				townValue: expect.objectContaining({ participating_owners: 80, agree_owners: 70 }),
				uploadValue: null
			}),
			expect.objectContaining({
				changeId: payment.id,
				field: 'funds.resident',
				reason: 'payment-absent',
				townValue: { community_id: ours, date: '2026-12-03', source: 'resident', amount: 120000 },
				uploadValue: null,
				counts: { town: 1, upload: 0 }
			})
		]);
		expect(upload1.conflicts![0]!.communityName).not.toBe('');
		// and on the release's page (conflicts.json, kept with the release)
		const detail = (await (await keeper.get(`/api/releases/${upload1.info.id}`)).json()) as StagedAnswer;
		expect(detail.conflicts).toEqual(upload1.conflicts);
	}, 300_000);

	it('refuses to publish it while a conflict is undecided (409, saying how many and where to decide)', async () => {
		const res = await publish(upload1);
		expect(res.status).toBe(409);
		const body = (await res.json()) as { error: { zh: string; en: string }; conflicts: number };
		expect(body.conflicts).toBe(2);
		expect(body.error.zh).toContain('2 处与乡镇填报的冲突尚未处理');
		expect(body.error.zh).toContain('保留乡镇填报');
		expect(body.error.en).toContain('2 undecided conflict(s)');
		// the town's data is still what is published
		expect(await theVote()).toEqual([{ participating_owners: 80, agree_owners: 70 }]);
		// a decision names a conflict of this release, with a known choice
		const bad = await keeper.post(`/api/releases/${upload1.info.id}/conflicts`, {
			decisions: [{ changeId: vote.id, choice: 'both' }]
		});
		expect(bad.status).toBe(400);
		const unknown = await keeper.post(`/api/releases/${upload1.info.id}/conflicts`, {
			decisions: [{ changeId: 'c-nothing', choice: 'town' }]
		});
		expect(unknown.status).toBe(400);
		expect(
			(
				await chengdong.post(`/api/releases/${upload1.info.id}/conflicts`, {
					decisions: [{ changeId: vote.id, choice: 'upload' }]
				})
			).status
		).toBe(403);
	});

	it('keeping the town’s values stages a new release with them, which has no conflict and publishes', async () => {
		const res = await keeper.post(`/api/releases/${upload1.info.id}/conflicts`, {
			decisions: [
				{ changeId: vote.id, choice: 'town' },
				{ changeId: payment.id, choice: 'town' }
			]
		});
		expect(res.status).toBe(200);
		const kept = (await res.json()) as StagedAnswer & { from: string };
		expect(kept.info.ok, JSON.stringify(kept.report?.problems.filter((p) => p.level === 'error'))).toBe(true);
		expect(kept.info.id).not.toBe(upload1.info.id);
		expect(kept.from).toBe(upload1.info.id);
		expect(kept.conflicts).toEqual([]);
		expect(kept.changes!.map((c) => c.id)).toEqual([vote.id, payment.id]);
		// the upload itself still lacks them: it stays refused, pointing at the new release
		const still = await publish(upload1);
		expect(still.status).toBe(409);
		expect(((await still.json()) as { error: { zh: string } }).error.zh).toContain(kept.info.id);
		const decided = (await (await keeper.get(`/api/releases/${upload1.info.id}`)).json()) as StagedAnswer;
		expect(decided.conflicts!.map((c) => c.decision)).toEqual([
			expect.objectContaining({ choice: 'town', by: 'keeper', release: kept.info.id }),
			expect.objectContaining({ choice: 'town', by: 'keeper', release: kept.info.id })
		]);
		expect((await publish(kept)).status).toBe(200);
		expect(await theVote()).toEqual([{ participating_owners: 80, agree_owners: 70 }]);
		expect(await thePayment()).toEqual([{ amount: 120000 }]);
		// both still accepted, as the town sees them
		expect((await changesOf(chengdong)).map((c) => c.state)).toEqual(['accepted', 'accepted']);
	}, 300_000);

	it('taking the upload’s marks the changes superseded (who, when, which release) and lets it publish', async () => {
		const upload2 = await upload();
		expect(upload2.conflicts!.map((c) => c.changeId)).toEqual([vote.id, payment.id]);
		expect((await publish(upload2)).status).toBe(409);
		const res = await keeper.post(`/api/releases/${upload2.info.id}/conflicts`, {
			decisions: [
				{ changeId: vote.id, choice: 'upload' },
				{ changeId: payment.id, choice: 'upload' }
			]
		});
		expect(res.status).toBe(200);
		const answer = (await res.json()) as StagedAnswer;
		expect(answer.info.id).toBe(upload2.info.id);
		expect(answer.conflicts!.map((c) => c.decision?.choice)).toEqual(['upload', 'upload']);
		// decided once: a second decision on the same change is refused
		const again = await keeper.post(`/api/releases/${upload2.info.id}/conflicts`, {
			decisions: [{ changeId: vote.id, choice: 'town' }]
		});
		expect(again.status).toBe(409);
		// the town's list: superseded by the upload, with the keeper, the time and the release
		const mine = await changesOf(chengdong);
		expect(mine.map((c) => [c.id, c.state, c.supersededBy, c.supersededIn])).toEqual([
			[vote.id, 'superseded', 'keeper', upload2.info.id],
			[payment.id, 'superseded', 'keeper', upload2.info.id]
		]);
		expect(mine[0]!.supersededAt).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect((await changesOf(chengdong, '?state=superseded')).length).toBe(2);
		expect((await publish(upload2)).status).toBe(200);
		expect(await theVote()).toEqual([]);
		expect(await thePayment()).toEqual([]);
		// a superseded change is not staged again, nor a conflict of the next upload
		expect((await keeper.post('/api/changes/stage')).status).toBe(400);
		expect((await upload()).conflicts).toEqual([]);
		// every decision audited, and the refused publishes
		const audit = (await (await keeper.get('/api/audit?action=conflict&limit=50')).json()) as AuditPage;
		expect(audit.entries.map((e) => [e.target, e.outcome, e.detail]).reverse()).toEqual([
			[vote.id, 'ok', expect.stringMatching(/^town's value kept: release \S+ staged over release /)],
			[payment.id, 'ok', expect.stringMatching(/^town's value kept: release /)],
			[vote.id, 'ok', `upload's value taken over the town's in release ${upload2.info.id}`],
			[payment.id, 'ok', `upload's value taken over the town's in release ${upload2.info.id}`]
		]);
		const refused = (await (
			await keeper.get('/api/audit?action=publish&outcome=refused&limit=50')
		).json()) as AuditPage;
		expect(refused.total).toBe(3);
	}, 600_000);
});
