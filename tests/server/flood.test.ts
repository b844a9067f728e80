// A flood of live-update streams cannot exhaust the server (issue 21, item 11): 300 anonymous
// /api/release/events connections took every file descriptor and every user got 500. Now the streams are capped
// per user or address and in all (server/live.ts), the rest refused with 429 and a reason, and a viewer's page and
// data file are still served. The server runs as its own process under a small open-file limit (prlimit 256).
import { request, type ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, scratchBuild } from '../../scripts/lib/harness/office';
import { spawnOffice, type OfficeChild } from './process';

let build: string;
const started: OfficeChild[] = [];
const open: ClientRequest[] = [];
beforeAll(() => {
	build = scratchBuild();
}, 120_000);
afterAll(async () => {
	for (const r of open) r.destroy();
	for (const s of started) await s.stop();
});

/** Open `n` event streams at once; the status each got (0: the connection failed). */
async function flood(url: string, n: number): Promise<number[]> {
	return Promise.all(
		Array.from(
			{ length: n },
			() =>
				new Promise<number>((resolve) => {
					const req = request(`${url}/api/release/events`, { agent: false }, (res) => {
						// keep the accepted ones open, as a page would; read and drop what the refused ones say
						if (res.statusCode !== 200) res.resume();
						resolve(res.statusCode ?? 0);
					});
					req.on('error', () => resolve(0));
					req.setTimeout(20_000, () => {
						req.destroy();
						resolve(0);
					});
					req.end();
					open.push(req);
				})
		)
	);
}

async function viewerServed(url: string): Promise<void> {
	const viewer = new Client(url);
	expect((await viewer.get('/api/release')).status).toBe(200);
	const data = await viewer.get('/data/manifest.json');
	expect(data.status).toBe(200);
	expect(((await data.json()) as { tables: Record<string, number> }).tables.communities).toBeGreaterThan(0);
	expect((await viewer.get('/')).status).toBe(200);
}

describe('a flood of live-update streams', () => {
	it('keeps at most EVENTS_PER_SOURCE from one address, refuses the rest with a reason, serves everyone else', async () => {
		const server = await spawnOffice({ build, nofile: 256, env: { EVENTS_PER_SOURCE: '16' } });
		started.push(server);
		const statuses = await flood(server.url, 300);
		expect(statuses.filter((s) => s === 200).length).toBe(16);
		// the rest refused with a reason, or (arriving all at once, past the connection cap) closed at once
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(100);
		expect(statuses.every((s) => s === 200 || s === 429 || s === 0)).toBe(true);
		const refused = await new Client(server.url).get('/api/release/events');
		expect(refused.status).toBe(429);
		expect(((await refused.json()) as { error: { zh: string } }).error.zh).toContain('实时更新');
		await viewerServed(server.url);
		expect(server.alive()).toBe(true);
	}, 120_000);

	it('keeps at most EVENTS_MAX in all, below the open-file limit, and serves everyone else', async () => {
		// one address may open many here: the total is what is tried (default: a quarter of 256 = 64)
		const server = await spawnOffice({ build, nofile: 256, env: { EVENTS_PER_SOURCE: '100000' } });
		started.push(server);
		const statuses = await flood(server.url, 300);
		expect(statuses.filter((s) => s === 200).length).toBe(64);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(100);
		expect(statuses.every((s) => s === 200 || s === 429 || s === 0)).toBe(true);
		await viewerServed(server.url);
		expect(server.alive()).toBe(true);
	}, 120_000);
});
