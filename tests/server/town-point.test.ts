// A town sets its community's point (issue 22), against a real server process (server/main.ts as `npm start` runs
// it): the point is checked again on the server — WGS84, inside 乐清, inside the community's own town by the
// boundaries the data ships, not the point it has now — and recorded once per key as `communities.point` with the
// point before; another town's community is unknown (404); the keeper accepts it and makes a release whose data has
// the new point; a later upload of the ledger with the old point is a conflict. Loopback only.
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, ChangeRecord, TownConflict } from '../../src/lib/office/api';
import { Client, exampleRows, newAccount, publishExampleLedger } from '../../scripts/lib/harness/office';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { officeServers, type OfficeChild } from './process';

const start = officeServers();
let office: OfficeChild;
let admin: Client;
let keeper: Client;
let chengdong: Client; // 城东街道 (330382001)

const communities = exampleRows('communities');
const towns = exampleRows('towns');
const ours = communities.find((c) => c.town_code === '330382001')!;
const theirs = communities.find((c) => c.town_code === '330382002')!; // 乐成街道
const seat = (name: string) => {
	const t = towns.find((x) => x.name === name)!;
	return { lon: Number(t.seat_lon), lat: Number(t.seat_lat) };
};
// a tap near 城东街道's seat (the schematic regions are the seats' Voronoi cells: the seat lies in its own town),
// with more decimals than the ledger keeps
const tapped = { lon: seat('城东街道').lon + 0.0012345678, lat: seat('城东街道').lat - 0.0004321987 };
const kept = [Math.round(tapped.lon * 1e6) / 1e6, Math.round(tapped.lat * 1e6) / 1e6];

const send = (c: Client, key: string, body: Record<string, unknown>) =>
	c.post('/api/changes', { key, communityId: ours.id, ...body });
const changesOf = async (c: Client, q = '') =>
	((await (await c.get(`/api/changes${q}`)).json()) as { changes: ChangeRecord[] }).changes;
const errorOf = async (res: Response) => ((await res.json()) as { error: { zh: string; en: string } }).error;

async function query(sql: string): Promise<Record<string, unknown>[]> {
	const res = await keeper.post('/api/query', { sql });
	expect(res.status).toBe(200);
	return tableFromIPC(new Uint8Array(await res.arrayBuffer()))
		.toArray()
		.map((r) => r.toJSON() as Record<string, unknown>);
}

beforeAll(async () => {
	office = await start();
	admin = await office.admin();
	keeper = await newAccount(admin, 'keeper', 'keeper');
	await publishExampleLedger(keeper);
	chengdong = await newAccount(admin, 'chengdong', 'town', ['城东街道']);
}, 300_000);

describe("a town sets its community's point (issue 22)", () => {
	let change: ChangeRecord;

	it('records it once per key as communities.point, with the point before and the new one to 6 decimals', async () => {
		const first = await send(chengdong, 'k-point-1', { point: tapped, note: '现场定位' });
		expect(first.status).toBe(201);
		change = ((await first.json()) as { change: ChangeRecord }).change;
		expect(change).toMatchObject({
			communityId: ours.id,
			town: '城东街道',
			user: 'chengdong',
			field: 'communities.point',
			before: [Number(ours.lon), Number(ours.lat)],
			after: { community_id: ours.id, lon: kept[0], lat: kept[1] },
			note: '现场定位',
			state: 'pending'
		});
		// the same key again (a retried send): the first change back, nothing recorded twice
		const again = await send(chengdong, 'k-point-1', { point: tapped, note: '现场定位' });
		expect(again.status).toBe(200);
		expect((await again.json()) as { change: ChangeRecord; repeated: boolean }).toMatchObject({
			repeated: true,
			change: { id: change.id }
		});
		expect((await changesOf(keeper)).filter((c) => c.field === 'communities.point')).toHaveLength(1);
		// in the audit log, once
		const audit = (await (await admin.get('/api/audit?action=change')).json()) as AuditPage;
		expect(audit.entries.filter((e) => e.detail === `${change.id} communities.point`)).toHaveLength(1);
	});

	it("refuses another town's community as unknown (404), recording nothing", async () => {
		const res = await chengdong.post('/api/changes', {
			key: 'k-point-theirs',
			communityId: theirs.id,
			point: seat('乐成街道')
		});
		expect(res.status).toBe(404);
		expect((await changesOf(keeper)).some((c) => c.communityId === theirs.id)).toBe(false);
	});

	it('refuses a point in another town, naming that town and its own; outside 乐清; not a number; unchanged', async () => {
		const other = await send(chengdong, 'k-point-other', { point: seat('乐成街道') });
		expect(other.status).toBe(422);
		const e = await errorOf(other);
		expect(e.zh).toContain('位置在乐成街道，不在本小区所属的城东街道范围内');
		expect(e.en).toContain('lies in 乐成街道, not in 城东街道');
		const far = await send(chengdong, 'k-point-far', { point: { lon: 120.15, lat: 30.25 } });
		expect(far.status).toBe(422);
		expect((await errorOf(far)).zh).toContain('不在乐清市范围内');
		const words = await send(chengdong, 'k-point-words', { point: { lon: '东经121度', lat: 28.13 } });
		expect(words.status).toBe(422);
		expect((await errorOf(words)).zh).toContain('经度应为');
		// the point the data has now (the change above is pending, not yet in the data)
		const same = await send(chengdong, 'k-point-same', {
			point: { lon: Number(ours.lon), lat: Number(ours.lat) }
		});
		expect(same.status).toBe(422);
		expect((await errorOf(same)).zh).toContain('与现有位置相同');
		// a point and a correction at once is not one change
		const both = await send(chengdong, 'k-point-both', {
			point: tapped,
			fact: { column: 'satisfaction', value: '90' }
		});
		expect(both.status).toBe(400);
		expect((await changesOf(keeper)).map((c) => c.key)).toEqual(['k-point-1']);
	});

	it('accepted, staged and published: the release has the new point; a later upload with the old one conflicts', async () => {
		expect((await keeper.post(`/api/changes/${change.id}/review`, { decision: 'accepted' })).status).toBe(
			200
		);
		const staged = (await (await keeper.post('/api/changes/stage')).json()) as {
			info: { id: string; ok: boolean; base: string | null };
			conflicts?: TownConflict[];
		};
		expect(staged.info.ok).toBe(true);
		expect(staged.conflicts).toEqual([]);
		expect(
			(await keeper.post(`/api/releases/${staged.info.id}/publish`, { base: staged.info.base })).status
		).toBe(200);
		expect(await query(`SELECT lon, lat FROM communities WHERE id = '${ours.id}'`)).toEqual([
			{ lon: kept[0], lat: kept[1] }
		]);
		// the whole example ledger again, with the community's old point: the town's point would be overwritten
		const files = readdirSync('data/example')
			.filter((f) => f.endsWith('.csv'))
			.map((name) => ({ name, bytes: readFileSync(join('data/example', name), 'utf8') }));
		const upload = (await (await keeper.upload(files)).json()) as { conflicts?: TownConflict[] };
		expect(upload.conflicts).toEqual([
			expect.objectContaining({
				changeId: change.id,
				field: 'communities.point',
				communityId: ours.id,
				reason: 'point-differs',
				townValue: { community_id: ours.id, lon: kept[0], lat: kept[1] },
				uploadValue: { community_id: ours.id, lon: Number(ours.lon), lat: Number(ours.lat) }
			})
		]);
	});
});
