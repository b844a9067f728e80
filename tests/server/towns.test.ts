// Town accounts and their changes (issue 22), against a real server process (server/main.ts as `npm start` runs
// it): a town reads and changes its own communities only — through the API, the data files and the query door —;
// a change is a row recorded once per idempotency key, nothing of a body cut short; a keeper accepts it, stages the
// accepted changes onto the current release and publishes; the community's history shows it. Loopback only.
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord, TownData } from '../../src/lib/office/api';
import { TOWN_DEPARTMENT, WORKFLOW_STAGES } from '../../src/lib/policy';
import { Client, PASSWORD, scratchDir } from '../../scripts/lib/harness/office';
import { officeServers, type OfficeChild } from './process';
import { exampleIds } from '../../scripts/lib/harness/office';
import { newAccount } from '../../scripts/lib/harness/office';

const start = officeServers();
let office: OfficeChild;
let keeper: Client;
let chengdong: Client; // 城东街道 (330382001)
let lecheng: Client; // 乐成街道 (330382002)

const vote = (over: Record<string, string> = {}) => ({
	kind: 'scheme',
	date: '2026-12-01',
	participating_owners: '80',
	participating_area: '11000',
	agree_owners: '70',
	agree_area: '9500',
	...over
});

/** POST a change whose body is cut after `sent` bytes: the connection is destroyed mid-body. */
function cutShort(client: Client, body: string, sent: number): Promise<void> {
	const cookies = (client as unknown as { cookies: Map<string, string> }).cookies;
	return new Promise((resolve) => {
		const req = request(`${client.base}/api/changes`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'content-length': String(Buffer.byteLength(body)),
				cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
				'x-csrf-token': client.csrf
			}
		});
		req.on('error', () => resolve());
		req.on('close', () => resolve());
		req.write(body.slice(0, sent), () => setTimeout(() => req.destroy(), 200));
	});
}

const changesOf = async (c: Client, query = '') =>
	((await (await c.get(`/api/changes${query}`)).json()) as { changes: ChangeRecord[] }).changes;

/** A community of 城东街道 part way through the workflow, its stages from stage_events.csv (read by hand). */
function midway(): { id: string; stages: { stage: string; date: string }[] } {
	const [header, ...rows] = readFileSync('data/example/stage_events.csv', 'utf8').trim().split('\n');
	const col = (name: string) => header!.split(',').indexOf(name);
	for (const id of exampleIds('330382001')) {
		const stages = rows
			.map((r) => r.split(','))
			.filter((r) => r[col('community_id')] === id)
			.map((r) => ({ stage: r[col('stage')]!, date: r[col('date')]! }));
		// its next stage one a town records (附件2: not the city office's 竞争性评审 and the like)
		const next = WORKFLOW_STAGES[stages.length];
		if (stages.length > 0 && next?.department === TOWN_DEPARTMENT) return { id, stages };
	}
	throw new Error('no community of 城东街道 part way through the workflow in the example');
}

let ours: string; // a community of 城东街道
let theirs: string; // a community of 乐成街道

beforeAll(async () => {
	office = await start();
	const admin = await office.admin();
	keeper = await newAccount(admin, 'keeper', 'keeper');
	// real data published: from now on everything needs a login, and towns see their own only
	// the whole example (contact people and votes too), as a keeper uploads a ledger
	const files = readdirSync('data/example')
		.filter((f) => f.endsWith('.csv'))
		.map((name) => ({ name, bytes: readFileSync(join('data/example', name), 'utf8') }));
	const staged = (await (await keeper.upload(files)).json()) as { info: { id: string; ok: boolean } };
	expect(staged.info.ok).toBe(true);
	const pub = await keeper.post(`/api/releases/${staged.info.id}/publish`, { base: null });
	expect(pub.status).toBe(200);
	chengdong = await newAccount(admin, 'chengdong', 'town', ['城东街道']);
	lecheng = await newAccount(admin, 'lecheng', 'town', ['乐成街道']);
	ours = exampleIds('330382001')[0]!;
	theirs = exampleIds('330382002')[0]!;
}, 300_000);

describe('town accounts (issue 22)', () => {
	it('are made by the admin with towns named as in the data, and refused without one or with an unknown one', async () => {
		const admin = await office.admin();
		expect((await admin.post('/api/users', { name: 'nowhere', role: 'town', towns: [] })).status).toBe(400);
		const unknown = await admin.post('/api/users', { name: 'nowhere', role: 'town', towns: ['火星街道'] });
		expect(unknown.status).toBe(400);
		expect(((await unknown.json()) as { error: { zh: string } }).error.zh).toContain('火星街道');
		const me = (await (await chengdong.get('/api/me')).json()) as { user: { role: string; towns: string[] } };
		expect(me.user).toMatchObject({ role: 'town', towns: ['城东街道'] });
	});

	it("read their own towns' communities with contact people and notes, and nothing of another town's", async () => {
		const mine = (await (await chengdong.get('/api/town')).json()) as TownData;
		expect(mine.communities.map((c) => c.community.id)).toEqual(exampleIds('330382001'));
		expect(mine.communities.every((c) => c.town === '城东街道')).toBe(true);
		expect(mine.communities.some((c) => c.contacts.length > 0)).toBe(true);
		expect('notes' in mine.communities[0]!.community).toBe(true);
		const other = (await (await lecheng.get('/api/town')).json()) as TownData;
		expect(other.communities.map((c) => c.community.id)).toEqual(exampleIds('330382002'));
		expect(other.communities.some((c) => c.community.id === ours)).toBe(false);
		// not the whole city's dashboard either
		for (const page of ['/', '/budget', '/data', `/community/${ours}`])
			expect((await lecheng.get(page)).headers.get('location'), page).toBe('/town');
		// a viewer's route for a town account is refused
		expect((await (await office.admin()).get('/api/town')).status).toBe(403);
	});

	it("download their own town's 资料补充表 only (its communities by id, read back from the workbook)", async () => {
		const res = await chengdong.get(`/api/town/supplement?town=${encodeURIComponent('城东街道')}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('资料补充表-城东街道.xlsx'));
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(await res.arrayBuffer());
		const sheet = wb.getWorksheet('小区')!;
		expect(String(sheet.getCell(1, 1).value)).toBe('小区编号');
		const ids: string[] = [];
		sheet.eachRow((row, n) => {
			if (n > 1) ids.push(String(row.getCell(1).value));
		});
		expect(ids).toEqual(exampleIds('330382001'));
		// another town's is as unknown as a town that does not exist; a keeper is not a town account
		for (const town of ['乐成街道', '火星街道'])
			expect((await chengdong.get(`/api/town/supplement?town=${encodeURIComponent(town)}`)).status).toBe(404);
		expect((await keeper.get(`/api/town/supplement?town=${encodeURIComponent('城东街道')}`)).status).toBe(
			403
		);
	});

	it('get the public data files only: no contact people, no notes, no community slices', async () => {
		for (const file of [
			'contacts.parquet',
			'votes.parquet',
			'funds.parquet',
			'map.arrow',
			'list-columns.json'
		])
			expect((await lecheng.get(`/data/${file}`)).status, file).toBe(404);
		const keeperCommunities = await (await keeper.get('/data/communities.parquet')).arrayBuffer();
		const townCommunities = await (await lecheng.get('/data/communities.parquet')).arrayBuffer();
		// the town's copy is the release's public one (leak-scanned: no notes, no addresses kept back), not the keeper's
		expect(townCommunities.byteLength).toBeGreaterThan(0);
		expect(Buffer.from(townCommunities).equals(Buffer.from(keeperCommunities))).toBe(false);
		expect(Buffer.from(townCommunities).includes(Buffer.from('notes'))).toBe(false);
		expect(Buffer.from(keeperCommunities).includes(Buffer.from('notes'))).toBe(true);
		expect((await lecheng.get('/data/summary.json')).status).toBe(200);
		expect((await lecheng.get('/data/community/0.json')).status).toBe(404);
	});

	it('are refused the query door (it cannot be scoped to a town)', async () => {
		const res = await lecheng.post('/api/query', { sql: 'SELECT person, phone FROM contacts' });
		expect(res.status).toBe(403);
		expect(((await res.json()) as { error: { zh: string } }).error.zh).toContain('查询入口');
		expect((await keeper.post('/api/query', { sql: 'SELECT 1 AS n' })).status).toBe(200);
	});

	it("cannot change another town's community, nor see its changes, nor review", async () => {
		const res = await lecheng.post('/api/changes', {
			key: 'k-other-town-1',
			communityId: ours,
			vote: vote()
		});
		expect(res.status).toBe(404);
		const back = await chengdong.post('/api/changes', {
			key: 'k-other-town-2',
			communityId: theirs,
			vote: vote()
		});
		expect(back.status).toBe(404);
		expect(await changesOf(keeper)).toEqual([]);
		expect((await lecheng.post('/api/changes/c-x/review', { decision: 'accepted' })).status).toBe(403);
	});
});

describe('changes as rows (issue 22)', () => {
	let recorded: ChangeRecord;

	it('checks the tallies by the importer’s and the engine’s rules before storing anything', async () => {
		const res = await chengdong.post('/api/changes', {
			key: 'k-bad-tally-1',
			communityId: ours,
			vote: vote({ agree_owners: '81' })
		});
		expect(res.status).toBe(422);
		const body = (await res.json()) as { problems: { column: string; zh: string }[] };
		expect(body.problems).toEqual([expect.objectContaining({ column: 'agree_owners' })]);
		expect(body.problems[0]!.zh).toContain('同意数超过参与表决数');
		const notNumber = await chengdong.post('/api/changes', {
			key: 'k-bad-tally-2',
			communityId: ours,
			vote: vote({ participating_area: '一万' })
		});
		expect(notNumber.status).toBe(422);
		expect(await changesOf(keeper)).toEqual([]);
	});

	it('records a retried send once (same key: the same change back)', async () => {
		const send = () =>
			chengdong.post('/api/changes', {
				key: 'k-scheme-vote-1',
				communityId: ours,
				vote: vote(),
				note: '现场'
			});
		const first = await send();
		expect(first.status).toBe(201);
		const a = (await first.json()) as { change: ChangeRecord; verdict: { passed: boolean } };
		const second = await send();
		expect(second.status).toBe(200);
		const b = (await second.json()) as { change: ChangeRecord; repeated: boolean };
		expect(b.repeated).toBe(true);
		expect(b.change.id).toBe(a.change.id);
		const all = await changesOf(keeper);
		expect(all).toHaveLength(1);
		recorded = all[0]!;
		expect(recorded).toMatchObject({
			user: 'chengdong',
			communityId: ours,
			town: '城东街道',
			field: 'votes.scheme',
			state: 'pending',
			note: '现场'
		});
		expect(recorded.after).toMatchObject({ participating_owners: 80, agree_area: 9500 });
	});

	it('records nothing of a request cut mid-body, and the resend records it once', async () => {
		const body = JSON.stringify({
			key: 'k-cut-short-1',
			communityId: ours,
			vote: vote({ date: '2026-12-02' })
		});
		await cutShort(chengdong, body, Math.floor(body.length / 2));
		expect(office.alive()).toBe(true);
		expect(await changesOf(keeper)).toHaveLength(1);
		const again = await chengdong.post('/api/changes', JSON.parse(body));
		expect(again.status).toBe(201);
		expect(await changesOf(keeper)).toHaveLength(2);
	});

	it('records a payment of resident funds, checked by the importer’s rules, with what was raised before', async () => {
		const refused = await chengdong.post('/api/changes', {
			key: 'k-payment-bad-1',
			communityId: ours,
			fund: { source: 'subsidy', date: '2026-12-03', amount: '0' }
		});
		expect(refused.status).toBe(422);
		expect(
			((await refused.json()) as { problems: { column: string }[] }).problems.map((p) => p.column)
		).toEqual(['amount', 'source']);
		const send = () =>
			chengdong.post('/api/changes', {
				key: 'k-payment-1',
				communityId: ours,
				fund: { source: 'resident', date: '2026-12-03', amount: '120000' }
			});
		expect((await send()).status).toBe(201);
		expect((await send()).status).toBe(200);
		const fund = (await changesOf(keeper)).filter((c) => c.field === 'funds.resident');
		expect(fund).toHaveLength(1);
		// raised before: the example's resident deposits of that community, summed by hand from funds.csv
		const [header, ...rows] = readFileSync('data/example/funds.csv', 'utf8').trim().split('\n');
		const col = (name: string) => header!.split(',').indexOf(name);
		const raised = rows
			.map((r) => r.split(','))
			.filter((r) => r[col('community_id')] === ours && r[col('source')] === 'resident')
			.reduce((sum, r) => sum + Number(r[col('amount')]), 0);
		expect(fund[0]!.before).toEqual({ raised: expect.closeTo(raised, 2) });
		expect(fund[0]!.after).toEqual({
			community_id: ours,
			date: '2026-12-03',
			source: 'resident',
			amount: 120000
		});
		expect(
			(
				await lecheng.post('/api/changes', {
					key: 'k-payment-2',
					communityId: ours,
					fund: { source: 'resident', date: '2026-12-03', amount: '1' }
				})
			).status
		).toBe(404);
	});

	it('records a stage reached: the workflow’s next, not dated before the stage before (§三), once per key', async () => {
		const { id, stages } = midway();
		// the example records no stage skipped: the next is the one after as many as it has (checked by hand)
		expect(stages.map((s) => s.stage).sort()).toEqual(
			WORKFLOW_STAGES.slice(0, stages.length)
				.map((s) => s.id)
				.sort()
		);
		const next = WORKFLOW_STAGES[stages.length]!;
		const latest = stages.find((s) => s.stage === WORKFLOW_STAGES[stages.length - 1]!.id)!;
		const post = (key: string, stage: string, date: string) =>
			chengdong.post('/api/changes', { key, communityId: id, stage: { stage, date } });
		const problems = async (res: Response) =>
			((await res.json()) as { problems: { column: string; zh: string }[] }).problems;
		// out of order: the stage already reached again, or the one after the next
		for (const stage of [latest.stage, WORKFLOW_STAGES[stages.length + 1]?.id ?? 'opinions']) {
			const res = await post('k-stage-bad-1', stage, '2026-12-04');
			expect(res.status).toBe(422);
			expect((await problems(res)).map((p) => p.column)).toEqual(['stage']);
		}
		// the next stage, but dated the day before the stage before it
		const day = new Date(`${latest.date}T00:00:00Z`);
		day.setUTCDate(day.getUTCDate() - 1);
		const early = await post('k-stage-bad-2', next.id, day.toISOString().slice(0, 10));
		expect(early.status).toBe(422);
		expect(await problems(early)).toEqual([
			expect.objectContaining({ column: 'date', zh: expect.stringContaining('阶段日期早于前一阶段') })
		]);
		expect((await post('k-stage-1', next.id, '2026-12-04')).status).toBe(201);
		expect((await post('k-stage-1', next.id, '2026-12-04')).status).toBe(200);
		const recorded = (await changesOf(keeper)).filter((c) => c.field.startsWith('stage_events.'));
		expect(recorded.map((c) => [c.field, c.before, c.after])).toEqual([
			[
				`stage_events.${next.id}`,
				{ community_id: id, stage: latest.stage, date: latest.date },
				{ community_id: id, stage: next.id, date: '2026-12-04' }
			]
		]);
		expect(
			(
				await lecheng.post('/api/changes', {
					key: 'k-stage-2',
					communityId: id,
					stage: { stage: next.id, date: '2026-12-04' }
				})
			).status
		).toBe(404);
	});

	it('records a correction of a community fact, checked by the importer’s rules on the whole row, before → after', async () => {
		const id = exampleIds('330382001')[1]!;
		const post = (key: string, column: string, value: string) =>
			chengdong.post('/api/changes', { key, communityId: id, fact: { column, value }, note: '入户核实' });
		// §三(九): a satisfaction score is 0–100; the town is not the town's to change
		for (const [column, value] of [
			['satisfaction', '101'],
			['town_code', '330382002']
		] as const) {
			const res = await post('k-fact-bad-1', column, value);
			expect(res.status).toBe(422);
		}
		expect((await post('k-fact-1', 'satisfaction', '88.5')).status).toBe(201);
		expect((await post('k-fact-1', 'satisfaction', '88.5')).status).toBe(200);
		// before: the example's value, read by hand from communities.csv
		const [header, ...rows] = readFileSync('data/example/communities.csv', 'utf8').trim().split('\n');
		const cells = rows.map((r) => r.split(',')).find((r) => r[0] === id)!;
		const was = cells[header!.split(',').indexOf('satisfaction')]!;
		const fact = (await changesOf(keeper)).filter((c) => c.field === 'communities.satisfaction');
		expect(fact.map((c) => [c.before, c.after, c.note])).toEqual([
			[was === '' ? null : Number(was), { community_id: id, column: 'satisfaction', value: 88.5 }, '入户核实']
		]);
	});

	it("is shown to its own town and the keeper, not to another town's", async () => {
		expect((await changesOf(chengdong)).map((c) => c.id)).toContain(recorded.id);
		expect(await changesOf(lecheng)).toEqual([]);
		expect(await changesOf(lecheng, `?community=${ours}`)).toEqual([]);
		expect(await changesOf(lecheng, '?town=城东街道')).toEqual([]);
	});

	it('a keeper accepts one, returns one with a note, stages the accepted onto the release and publishes it', async () => {
		const [one, two, payment, stage, fact] = await changesOf(keeper, '?state=pending');
		expect(fact!.field).toBe('communities.satisfaction');
		expect((await keeper.post(`/api/changes/${fact!.id}/review`, { decision: 'accepted' })).status).toBe(200);
		expect(payment!.field).toBe('funds.resident');
		expect(stage!.field).toMatch(/^stage_events\./);
		expect((await keeper.post(`/api/changes/${stage!.id}/review`, { decision: 'accepted' })).status).toBe(
			200
		);
		expect((await keeper.post(`/api/changes/${payment!.id}/review`, { decision: 'accepted' })).status).toBe(
			200
		);
		expect((await keeper.post(`/api/changes/${one!.id}/review`, { decision: 'returned' })).status).toBe(400);
		expect(
			(await keeper.post(`/api/changes/${two!.id}/review`, { decision: 'returned', note: '日期有误' })).status
		).toBe(200);
		expect((await keeper.post(`/api/changes/${one!.id}/review`, { decision: 'accepted' })).status).toBe(200);
		expect(
			(await keeper.post(`/api/changes/${one!.id}/review`, { decision: 'returned', note: 'x' })).status
		).toBe(409);
		const stagedRes = await keeper.post('/api/changes/stage');
		expect(stagedRes.status).toBe(200);
		const staged = (await stagedRes.json()) as {
			info: { id: string; ok: boolean; base: string };
			changes: ChangeRecord[];
			report: { problems: { level: string }[] };
		};
		expect(staged.info.ok, JSON.stringify(staged.report.problems.filter((p) => p.level === 'error'))).toBe(
			true
		);
		expect(staged.changes.map((c) => c.id)).toEqual([one!.id, payment!.id, stage!.id, fact!.id]);
		// the replay changes nothing but what the changes say: every table as in the base release, but one more vote
		// (a new date), one more payment and one more stage; one community differs: the one whose fact was corrected
		const base = (await (await keeper.get(`/api/releases/${staged.info.base}`)).json()) as {
			info: { counts: Record<string, number> };
		};
		const counts = (staged.info as unknown as { counts: Record<string, number> }).counts;
		expect(counts).toEqual({
			...base.info.counts,
			votes: base.info.counts.votes! + 1,
			funds: base.info.counts.funds! + 1,
			stage_events: base.info.counts.stage_events! + 1
		});
		const diff = (staged as unknown as { diff: { changed: unknown[]; added: unknown[]; removed: unknown[] } })
			.diff;
		expect([diff.changed.length, diff.added.length, diff.removed.length]).toEqual([1, 0, 0]);
		// the release's page lists the town changes it carries beside its diff
		const detail = (await (await keeper.get(`/api/releases/${staged.info.id}`)).json()) as {
			changes: ChangeRecord[];
		};
		expect(detail.changes.map((c) => c.id)).toEqual([one!.id, payment!.id, stage!.id, fact!.id]);
		expect(
			(await keeper.post(`/api/releases/${staged.info.id}/publish`, { base: staged.info.base })).status
		).toBe(200);
		// the published data holds the vote (read through the query door, over the new release)
		const res = await keeper.post('/api/query', {
			sql: `SELECT participating_owners, agree_owners FROM votes WHERE community_id = '${ours}' AND kind = 'scheme' AND date = DATE '2026-12-01'`
		});
		const rows = tableFromIPC(new Uint8Array(await res.arrayBuffer())).toArray();
		expect(rows.map((r) => r.toJSON())).toEqual([{ participating_owners: 80, agree_owners: 70 }]);
		const paid = await keeper.post('/api/query', {
			sql: `SELECT amount FROM funds WHERE community_id = '${ours}' AND date = DATE '2026-12-03'`
		});
		expect(
			tableFromIPC(new Uint8Array(await paid.arrayBuffer()))
				.toArray()
				.map((r) => r.toJSON())
		).toEqual([{ amount: 120000 }]);
		const corrected = await keeper.post('/api/query', {
			sql: `SELECT satisfaction FROM communities WHERE id = '${fact!.communityId}'`
		});
		expect(
			tableFromIPC(new Uint8Array(await corrected.arrayBuffer()))
				.toArray()
				.map((r) => r.toJSON())
		).toEqual([{ satisfaction: 88.5 }]);
		const { stage: reached, date } = stage!.after as { stage: string; date: string };
		const staged2 = await keeper.post('/api/query', {
			sql: `SELECT strftime(date, '%Y-%m-%d') AS date FROM stage_events WHERE community_id = '${stage!.communityId}' AND stage = '${reached}'`
		});
		expect(
			tableFromIPC(new Uint8Array(await staged2.arrayBuffer()))
				.toArray()
				.map((r) => r.toJSON())
		).toEqual([{ date }]);
		// the community's history: both changes, with their states and the release carrying the accepted one
		const history = await changesOf(chengdong, `?community=${ours}`);
		expect(history.map((c) => [c.field, c.state, c.release])).toEqual([
			['votes.scheme', 'accepted', staged.info.id],
			['votes.scheme', 'returned', null],
			['funds.resident', 'accepted', staged.info.id]
		]);
		expect(history[1]!.reviewNote).toBe('日期有误');
		// nothing left to stage
		expect((await keeper.post('/api/changes/stage')).status).toBe(400);
	}, 300_000);

	it('are kept by a backup and restore (a table of the store)', async () => {
		const before = await changesOf(keeper);
		expect(before).toHaveLength(5);
		await office.stop();
		const dir = join(scratchDir('towns-backup-'), 'b');
		const backup = (args: string[], env: Record<string, string>) =>
			spawnSync(process.execPath, ['--import', 'tsx', 'server/backup.ts', ...args], {
				env: { ...process.env, OFFICE_FAULT: '', ...env },
				encoding: 'utf8'
			});
		// the office's own port (stopped: nothing listens), not the default one another office may be serving on
		const made = backup([dir], { DATA_DIR: office.dataDir, PORT: new URL(office.url).port });
		expect(made.status, made.stderr).toBe(0);
		const restored = join(scratchDir('towns-restore-'), 'data');
		const back = backup(['--restore', dir], { DATA_DIR: restored });
		expect(back.status, back.stderr).toBe(0);
		const again = await start({ DATA_DIR: restored });
		const k = new Client(again.url);
		expect((await k.login('keeper', PASSWORD)).status).toBe(200);
		expect(await changesOf(k)).toEqual(before);
		// and the key still holds: a resend after the restore records nothing more
		const c = new Client(again.url);
		await c.login('chengdong', PASSWORD);
		const first = before.find((x) => x.key === 'k-scheme-vote-1')!;
		const resent = await c.post('/api/changes', {
			key: first.key,
			communityId: ours,
			vote: vote(),
			note: '现场'
		});
		expect(resent.status).toBe(200);
		expect(((await resent.json()) as { change: ChangeRecord }).change.id).toBe(first.id);
		expect(await changesOf(k)).toHaveLength(5);
	}, 300_000);
});
