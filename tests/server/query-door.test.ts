// The query door bounds memory and the event loop (issue 21, item 2): any viewer's SQL used to be materialised
// whole and turned into Arrow on the server's main thread — `SELECT repeat('x', 10000000) FROM range(100)` took
// the process to 3.2 GB and froze it 10.5 s; `SELECT c.* FROM community_view c, range(270) r` froze every other
// request for 25–83 s. Now queries run in query processes of their own, streamed within a row limit and a byte
// budget, under a memory limit the server enforces, a few at a time and a few per user; a query past a limit is
// stopped and says which. And no query reads the server's paths (item 11: duckdb_settings() and its kin).
// Real server processes (server/main.ts); the example is served before any release, so anyone may query.
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../../scripts/lib/harness/office';
import { childrenOf, officeServers, processAlive, rssMB, type OfficeChild } from './process';

const start = officeServers();

interface Answer {
	status: number;
	error?: { zh: string; en: string };
	rows?: Record<string, unknown>[];
	/** When the answer arrived (performance.now()), to order it against others — never compared to a duration. */
	at: number;
}

async function query(c: Client, sql: string): Promise<Answer> {
	const res = await c.post('/api/query', { sql });
	const at = performance.now();
	if (res.status !== 200)
		return { status: res.status, at, ...((await res.json()) as { error: Answer['error'] }) };
	const rows = tableFromIPC(new Uint8Array(await res.arrayBuffer()))
		.toArray()
		.map((r) => r.toJSON() as Record<string, unknown>);
	return { status: 200, rows, at };
}

/** Sample the server process's resident memory until `until` settles; the largest sample, MB. */
async function peakRss(pid: number, until: Promise<unknown>): Promise<number> {
	let peak = rssMB(pid);
	let done = false;
	void until.finally(() => (done = true));
	while (!done) {
		peak = Math.max(peak, rssMB(pid));
		await new Promise((r) => setTimeout(r, 25));
	}
	return peak;
}

describe('the query door under a heavy query', () => {
	let server: OfficeChild;
	beforeAll(async () => {
		// a small budget and a long time limit: on a busy machine the cross join reaches the one well before the other
		server = await start({ QUERY_MEMORY_MB: '512', QUERY_MAX_MB: '4', QUERY_SECONDS: '60' });
		// a first query starts a query process and builds the example's query database
		expect((await query(new Client(server.url), 'SELECT 1 AS one')).status).toBe(200);
	}, 120_000);

	it('stops a query whose rows outgrow its memory, in its own process: the server’s memory stays its own', async () => {
		const heavy = query(new Client(server.url), "SELECT repeat('x', 10000000) AS x FROM range(100)");
		const before = rssMB(server.pid);
		const peak = await peakRss(server.pid, heavy);
		const answer = await heavy;
		expect(answer.status).toBe(413);
		expect(answer.error!.zh).toContain('MB');
		expect(answer.error!.en).toMatch(/stopped/);
		// the 1 GB result never reached the server (it used to grow by 3 GB)
		expect(peak - before).toBeLessThan(200);
		expect(server.alive()).toBe(true);
	});

	it('answers a viewer while another runs the issue’s cross join, which is stopped at the byte budget', async () => {
		const viewer = new Client(server.url);
		const heavy = query(new Client(server.url), 'SELECT c.* FROM community_view c, range(270) r');
		// the viewer asks after the heavy query has started, and is answered before it
		await new Promise((r) => setTimeout(r, 200));
		const release = viewer.get('/api/release').then((r) => ({ status: r.status, at: performance.now() }));
		const data = viewer.get('/data/manifest.json').then((r) => ({ status: r.status, at: performance.now() }));
		const [h, r, d] = await Promise.all([heavy, release, data]);
		expect(r.status).toBe(200);
		expect(d.status).toBe(200);
		expect(r.at).toBeLessThan(h.at);
		expect(d.at).toBeLessThan(h.at);
		expect(h.status).toBe(413);
		expect(h.error!.zh).toContain('4 MB');
		expect(h.error!.en).toContain('larger than 4 MB');
	});

	it('stops 200,000 rows of 400-element lists at the byte budget, without holding them', async () => {
		const answer = await query(
			new Client(server.url),
			'SELECT list_transform(range(400), x -> x + i) AS l FROM range(200000) t(i)'
		);
		expect(answer.status).toBe(413);
		expect(answer.error!.en).toContain('larger than 4 MB');
	});

	it('still answers ordinary queries, with the dashboard’s view', async () => {
		const answer = await query(
			new Client(server.url),
			'SELECT town_name, count(*)::INTEGER AS n FROM community_view GROUP BY 1 ORDER BY n DESC, 1 LIMIT 3'
		);
		expect(answer.status).toBe(200);
		expect(answer.rows).toHaveLength(3);
		expect(typeof answer.rows![0]!.town_name).toBe('string');
	});
});

describe('queries at once', () => {
	it('caps one user’s queries, keeps a process for everyone else, and says so', async () => {
		const server = await start({ QUERY_CONCURRENT: '2', QUERY_PER_USER: '3', QUERY_SECONDS: '4' });
		const anonymous = new Client(server.url);
		const admin = await server.admin();
		// both query processes started (the first query starts them all)
		expect((await query(anonymous, 'SELECT 1 AS one')).status).toBe(200);
		expect((await query(admin, 'SELECT 1 AS one')).status).toBe(200);
		// runs until the time limit stops it
		const slow = 'SELECT count(*) AS n FROM range(100000000000) a';
		const flood = Array.from({ length: 6 }, () => query(anonymous, slow));
		await new Promise((r) => setTimeout(r, 300));
		// another user is answered while the first one's queries still run
		const other = await query(admin, 'SELECT 42 AS answer');
		const answers = await Promise.all(flood);
		expect(other.status).toBe(200);
		expect(other.rows![0]!.answer).toBe(42);
		expect(Math.min(...answers.filter((a) => a.status === 408).map((a) => a.at))).toBeGreaterThan(other.at);
		const statuses = answers.map((a) => a.status).sort();
		expect(statuses.filter((s) => s === 429)).toHaveLength(3);
		expect(statuses.filter((s) => s !== 429).every((s) => s === 408 || s === 503)).toBe(true);
		const refused = answers.find((a) => a.status === 429)!;
		expect(refused.error!.zh).toContain('最多 3 个');
		expect(refused.error!.en).toContain('at most 3');
	}, 120_000);
});

describe('the server’s paths', () => {
	it('cannot be read through DuckDB’s settings, catalog or pragma functions, however spelled', async () => {
		const server = await start();
		const c = new Client(server.url);
		expect((await query(c, 'SELECT 1 AS one')).status).toBe(200);
		const dataDir = /DATA_DIR=(\S+)/.exec(server.output())?.[1];
		for (const sql of [
			'SELECT * FROM duckdb_settings()',
			"SELECT current_setting('allowed_paths') AS p",
			"SELECT current_setting('temp_directory') AS p",
			'SELECT * FROM duckdb_databases()',
			'SELECT * FROM duckdb_databases',
			'SELECT * FROM pragma_database_list',
			'PRAGMA database_list',
			'SHOW DATABASES',
			'SELECT * FROM pg_settings',
			'SELECT * FROM pg_catalog.pg_database',
			'SELECT * FROM system.main.duckdb_settings()',
			'SELECT * FROM "DuckDB_Settings"()',
			"SELECT * FROM query('SELECT * FROM duckdb_settings()')",
			'SELECT * FROM duckdb_extensions()',
			'SELECT * FROM duckdb_temporary_files()',
			"SELECT * FROM (SELECT 1) t, LATERAL (SELECT value FROM duckdb_settings() WHERE name = 'allowed_paths')",
			'WITH s AS (SELECT * FROM duckdb_settings()) SELECT * FROM s',
			'DESCRIBE communities'
		]) {
			const a = await query(c, sql);
			expect(a.status, sql).toBeGreaterThanOrEqual(400);
			expect(a.status, sql).toBeLessThan(500);
			const text = JSON.stringify(a);
			expect(text, sql).not.toContain('/tmp');
			expect(text, sql).not.toContain(process.cwd());
			if (dataDir) expect(text, sql).not.toContain(dataDir);
		}
		// and the door still answers
		expect((await query(c, 'SELECT count(*)::INTEGER AS n FROM communities')).rows![0]!.n).toBeGreaterThan(0);
	}, 120_000);
});

describe('query processes', () => {
	it('end with the server, even when it is killed', async () => {
		const server = await start();
		expect((await query(new Client(server.url), 'SELECT 1 AS one')).status).toBe(200);
		const kids = childrenOf(server.pid).filter((k) => k.cmd.includes('query-child'));
		expect(kids.length).toBeGreaterThan(0);
		server.process.kill('SIGKILL');
		await server.exited;
		for (let i = 0; i < 100 && kids.some((k) => processAlive(k.pid)); i++)
			await new Promise((r) => setTimeout(r, 100));
		expect(kids.filter((k) => processAlive(k.pid))).toEqual([]);
	}, 120_000);
});
