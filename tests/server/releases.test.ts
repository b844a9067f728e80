// Data releases through the office server: staged with report and diff, published, two keepers at once, rolled
// back; logged-out data files; the query door over the published release (issue 14). Loopback only.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityDiff } from '../../src/lib/ingest/diff';
import type { ReleaseInfo } from '../../server/releases';
import {
	accounts,
	Client,
	exampleFiles,
	exampleRows,
	PASSWORD,
	scratchBuild,
	startOffice,
	type Running
} from '../../scripts/lib/harness/office';

let run: Running;
let keeper: Client;
let second: Client;
let admin: Client;
beforeAll(async () => {
	run = await startOffice(scratchBuild(), { queryMs: 1500 });
	({ keeper, admin } = await accounts(run));
	second = new Client(run.url);
	const { password } = (await (
		await admin.post('/api/users', { name: 'keeper2', role: 'keeper' })
	).json()) as {
		password: string;
	};
	await second.login('keeper2', password);
	await second.post('/api/password', { current: password, next: PASSWORD });
}, 120_000);
afterAll(() => run.stop());

interface Staged {
	info: ReleaseInfo;
	report: { problems: { level: string; zh: string; file: string; column?: string }[] };
	diff?: CommunityDiff;
	tables?: { table: string; added: number; removed: number }[];
}

const count = async (c: Client, sql = 'SELECT count(*) AS n FROM community_view') => {
	const res = await c.post('/api/query', { sql });
	if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
	return Number(
		tableFromIPC(new Uint8Array(await res.arrayBuffer()))
			.toArray()[0]!
			.toJSON().n
	);
};

let a: Staged; // the example with one community's households changed
let b: Staged; // the example without its last community

describe('releases', () => {
	it('stages an upload validated by the importer, with its diff against the data served now', async () => {
		const resA = await keeper.upload(
			exampleFiles((rows) =>
				rows.map((r, i) => (i === 0 ? { ...r, households: String(Number(r.households) + 7) } : r))
			)
		);
		expect(resA.status).toBe(200);
		a = (await resA.json()) as Staged;
		expect(a.info.ok).toBe(true);
		expect(a.info.base).toBeNull();
		expect(a.diff!.changed).toHaveLength(1);
		expect(a.diff!.changed[0]!.fields.map((f) => f.column)).toEqual(['households']);
		expect(a.diff!.added).toHaveLength(0);
		expect(a.diff!.removed).toHaveLength(0);
		// the other tables: the upload has none of the example's votes, payments, stages, works, contacts — each of
		// their rows counted as removed (by hand: the rows of the example's CSVs), none added
		const rowsOf = (t: string) => exampleRows(t).length;
		expect(Object.fromEntries(a.tables!.map((t) => [t.table, [t.added, t.removed]]))).toEqual({
			towns: [0, 0],
			works: [0, rowsOf('works')],
			votes: [0, rowsOf('votes')],
			funds: [0, rowsOf('funds')],
			stage_events: [0, rowsOf('stage_events')],
			contacts: [0, rowsOf('contacts')]
		});
		b = (await (await second.upload(exampleFiles((rows) => rows.slice(0, -1)))).json()) as Staged;
		expect(b.info.ok).toBe(true);
		expect(b.diff!.removed).toHaveLength(1);
		// the source files are kept with the release, as uploaded
		const kept = readFileSync(join(run.config.dataDir, 'releases', a.info.id, 'source', 'towns.csv'), 'utf8');
		expect(kept).toBe(readFileSync('data/example/towns.csv', 'utf8'));
	}, 180_000);

	it('reads a dataset folder uploaded whole, its metadata.json as the data’s title and date', async () => {
		const folder = readdirSync('data/example').map((name) => ({
			name,
			bytes: readFileSync(join('data/example', name), 'utf8')
		}));
		const whole = (await (await keeper.upload(folder)).json()) as Staged;
		expect(whole.report.problems.filter((p) => p.level === 'error')).toEqual([]);
		expect(whole.info.ok).toBe(true);
		// the same data as the example served now: nothing changes in any table
		expect(whole.diff).toMatchObject({ added: [], changed: [], removed: [] });
		expect(whole.tables!.every((t) => t.added === 0 && t.removed === 0)).toBe(true);
		const manifest = JSON.parse(
			readFileSync(join(run.config.dataDir, 'releases', whole.info.id, 'data', 'manifest.json'), 'utf8')
		) as { asOf: string; title: string };
		const meta = JSON.parse(readFileSync('data/example/metadata.json', 'utf8')) as {
			asOf: string;
			title: string;
		};
		expect([manifest.asOf, manifest.title]).toEqual([meta.asOf, meta.title]);
		// a broken one is the upload's problem, named: the file and the field
		const broken = folder.map((f) =>
			f.name === 'metadata.json' ? { ...f, bytes: '{"title": "台账", "asOf": "2026-13-01"}' } : f
		);
		const bad = (await (await keeper.upload(broken)).json()) as Staged;
		expect(bad.info.ok).toBe(false);
		expect(bad.report.problems.find((p) => p.level === 'error')).toMatchObject({
			file: 'metadata.json',
			column: 'asOf'
		});
	}, 240_000);

	it('stages a file with errors as a release that cannot be published, with every problem in the report', async () => {
		const bad = (await (
			await keeper.upload(
				exampleFiles((rows) => rows.map((r, i) => (i === 2 ? { ...r, households: '-5' } : r)))
			)
		).json()) as Staged;
		expect(bad.info.ok).toBe(false);
		expect(bad.report.problems.some((p) => p.level === 'error')).toBe(true);
		const res = await keeper.post(`/api/releases/${bad.info.id}/publish`, { base: null });
		expect(res.status).toBe(409);
	}, 120_000);

	it('serves the example without login until real data is published; then data files need a login', async () => {
		const anonymous = new Client(run.url);
		expect((await anonymous.get('/data/manifest.json')).status).toBe(200);
		expect(await count(anonymous)).toBe(724);
		const res = await keeper.post(`/api/releases/${a.info.id}/publish`, { base: null });
		expect(res.status).toBe(200);
		expect((await anonymous.get('/data/manifest.json')).status).toBe(401);
		expect((await anonymous.get('/data/communities.parquet')).status).toBe(401);
		// no other spelling of the path reaches a data file
		for (const path of [
			'/%64ata/manifest.json',
			'/_app/immutable%2f..%2f..%2fdata%2fmanifest.json',
			'/x/..%2fdata/manifest.json'
		])
			expect([401, 302, 404], path).toContain((await anonymous.get(path)).status);
		expect((await anonymous.post('/api/query', { sql: 'SELECT 1' })).status).toBe(401);
		expect((await anonymous.get('/budget')).headers.get('location')).toBe('/login?next=%2Fbudget');
		expect((await new Client(run.url).get('/api/release').then((r) => r.json())) as object).toMatchObject({
			current: a.info.id,
			loginRequired: true
		});
		const manifest = (await (await keeper.get('/data/manifest.json')).json()) as { example: boolean };
		expect(manifest.example).toBe(false);
		const households = await count(keeper, 'SELECT households AS n FROM communities ORDER BY id LIMIT 1');
		expect(households).toBe(Number(a.diff!.changed[0]!.fields[0]!.after));
	});

	it('lets one of two keepers publishing at once win; the other is told and keeps the staged release', async () => {
		const before = readFileSync(join(run.config.dataDir, 'releases', b.info.id, 'release.json'), 'utf8');
		const res = await second.post(`/api/releases/${b.info.id}/publish`, { base: null });
		expect(res.status).toBe(409);
		const body = (await res.json()) as { conflict: boolean; current: string; error: { zh: string } };
		expect(body.conflict).toBe(true);
		expect(body.current).toBe(a.info.id);
		expect(body.error.zh).toContain('已保留');
		expect(readFileSync(join(run.config.dataDir, 'releases', b.info.id, 'release.json'), 'utf8')).toBe(
			before
		);
		// compare again against what is current now, then publish
		const again = (await (await second.post(`/api/releases/${b.info.id}/rebase`)).json()) as Staged;
		expect(again.info.base).toBe(a.info.id);
		expect(again.diff!.removed).toHaveLength(1);
		expect(again.diff!.changed).toHaveLength(1);
		expect((await second.post(`/api/releases/${b.info.id}/publish`, { base: a.info.id })).status).toBe(200);
		expect(await count(keeper)).toBe(723);
	});

	it('two publishes sent at the same moment: exactly one wins', async () => {
		const [x, y] = await Promise.all([
			keeper.post(`/api/releases/${a.info.id}/publish`, { base: b.info.id }),
			second.post(`/api/releases/${a.info.id}/publish`, { base: b.info.id })
		]);
		expect([x.status, y.status].sort()).toEqual([200, 409]);
		expect(await count(keeper)).toBe(724);
	});

	it('rolls back to an earlier release, and the audit log lists all of it', async () => {
		expect((await keeper.post(`/api/releases/${b.info.id}/publish`, { base: a.info.id })).status).toBe(200);
		expect(await count(keeper)).toBe(723);
		const list = (await (await keeper.get('/api/releases')).json()) as {
			current: string;
			releases: ReleaseInfo[];
		};
		expect(list.current).toBe(b.info.id);
		expect(list.releases.find((r) => r.id === a.info.id)!.published).toHaveLength(2);
		const log = (await (await admin.get('/api/audit')).json()) as {
			entries: { action: string; outcome: string; user: string }[];
		};
		const actions = log.entries.map((e) => `${e.user} ${e.action} ${e.outcome}`);
		expect(actions).toContain('keeper import ok');
		expect(actions).toContain('keeper2 import ok');
		expect(actions).toContain('keeper publish ok');
		expect(actions).toContain('keeper2 publish refused');
		expect(actions).toContain('keeper rollback ok');
		expect(actions).toContain('keeper import failed');
	});

	it('writes the public data of the current release, leak-checked, without internal columns', async () => {
		const manifest = JSON.parse(
			readFileSync(join(run.config.dataDir, 'public', 'manifest.json'), 'utf8')
		) as {
			tables: Record<string, number>;
		};
		expect(Object.keys(manifest.tables)).not.toContain('contacts');
		expect(manifest.tables.progress).toBe(723);
	});
});

describe('the query door', () => {
	it('refuses writes, COPY, ATTACH, reading server files, INSTALL/LOAD, settings and several statements', async () => {
		for (const sql of [
			'DELETE FROM communities',
			'UPDATE towns SET name = 1',
			'CREATE TABLE x AS SELECT 1',
			"COPY communities TO '/tmp/out.csv'",
			"ATTACH '/tmp/other.duckdb' AS o",
			"SELECT * FROM read_csv('/etc/passwd')",
			"SELECT * FROM read_text('/etc/hostname')",
			"SELECT * FROM read_parquet('/tmp/*.parquet')",
			'INSTALL httpfs',
			'LOAD httpfs',
			'SET enable_external_access = true',
			'SELECT 1; DROP TABLE towns',
			"SELECT * FROM read_csv('http://127.0.0.1:1/x.csv')"
		]) {
			const res = await keeper.post('/api/query', { sql });
			expect(res.status, sql).toBeGreaterThanOrEqual(400);
			expect(res.status, sql).toBeLessThan(500);
		}
		expect(await count(keeper)).toBe(723);
	});
	it('cancels a query over the time limit', async () => {
		const res = await keeper.post('/api/query', { sql: 'SELECT count(*) AS n FROM range(100000000000) a' });
		expect(res.status).toBe(408);
		expect(((await res.json()) as { error: { zh: string } }).error.zh).toContain('已取消');
	});
	it('answers SELECTs as Arrow, with the dashboard’s view', async () => {
		const res = await keeper.post('/api/query', {
			sql: 'SELECT town_name, count(*)::INTEGER AS n FROM community_view GROUP BY 1 ORDER BY n DESC, 1 LIMIT 3'
		});
		expect(res.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
		const rows = tableFromIPC(new Uint8Array(await res.arrayBuffer()))
			.toArray()
			.map((r) => r.toJSON());
		expect(rows).toHaveLength(3);
		expect(typeof rows[0]!.town_name).toBe('string');
	});
});
