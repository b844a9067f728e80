// 40 clients flooding /api/login (issue 21, item 3), against `npm start`'s entry as its own process with its
// default limits: each flooder comes from its own address (X-Forwarded-For, trusted from 127.0.0.1 here), so only
// the overall limit can stop them. At most LOGIN_PER_MINUTE attempts reach a password hash (the rest are refused
// before, 429 — or 503 while the hasher's queue is full); a viewer's data files are served throughout; the admin's
// browser, which has logged in before, gets in while everyone else waits. Timings are printed, never asserted.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '../../scripts/lib/load-stats';
import { floodLogins, viewWhile } from '../../scripts/lib/login-flood';
import { startOfficeProcess, type OfficeProcess } from '../../scripts/lib/office-process';
import { Client, PASSWORD } from '../../scripts/lib/harness/office';

const LOGIN_PER_MINUTE = 60; // server/config.ts's default

let office: OfficeProcess;
beforeAll(async () => {
	const dir = mkdtempSync(join(tmpdir(), 'office-flood-'));
	mkdirSync(join(dir, 'data'));
	writeFileSync(join(dir, 'index.html'), '<!doctype html><title>乐清旧改地图</title>');
	// the example's data stand-ins: files a viewer reads (open without login before a release)
	writeFileSync(join(dir, 'data/manifest.json'), '{"example":true}');
	for (const [name, mb] of [
		['communities.parquet', 2],
		['map.arrow', 4]
	] as const)
		writeFileSync(join(dir, 'data', name), randomBytes(mb * 1024 * 1024));
	office = await startOfficeProcess({
		exampleDataDir: join(dir, 'data'),
		env: { BUILD_DIR: dir, TRUSTED_PROXIES: '127.0.0.1' }
	});
}, 180_000);
afterAll(() => office?.stop());

describe('a login flood', () => {
	it('hashes at most LOGIN_PER_MINUTE attempts, serves the viewer throughout, and lets the admin’s browser in', async () => {
		// the admin sets a password (two logins; the device cookie comes with them)
		const admin = new Client(office.url);
		expect((await admin.login('admin', office.adminPassword)).status).toBe(200);
		expect(
			(await admin.post('/api/password', { current: office.adminPassword, next: PASSWORD })).status
		).toBe(200);
		expect((await admin.login('admin', PASSWORD)).status).toBe(200);

		let flooding = true;
		const viewer = viewWhile(
			office.url,
			['/data/map.arrow', '/data/communities.parquet', '/'],
			() => !flooding
		);
		const flood = await floodLogins(office.url, { clients: 40, attemptsEach: 5 });
		// everyone else now waits; the admin's browser gets in
		const stranger = await new Client(office.url).login('admin', PASSWORD);
		const mine = await admin.login('admin', PASSWORD);
		flooding = false;
		const seen = await viewer;

		console.log(
			`login flood: ${flood.attempts} attempts ${JSON.stringify(flood.byStatus)}; viewer ${seen.ms.length} requests, ms ${JSON.stringify(summarize(seen.ms))}`
		);
		expect(flood.errors).toEqual([]);
		expect(flood.attempts).toBe(200);
		// before any hash: only LOGIN_PER_MINUTE attempts (less the admin's 3) were let through to the hasher
		const hashed = flood.byStatus['401'] ?? 0;
		expect(hashed).toBeGreaterThan(0);
		expect(hashed).toBeLessThanOrEqual(LOGIN_PER_MINUTE - 3);
		expect((flood.byStatus['429'] ?? 0) + (flood.byStatus['503'] ?? 0)).toBe(200 - hashed);
		expect(seen.failures).toEqual([]);
		expect(seen.ms.length).toBeGreaterThan(0);
		expect(stranger.status).toBe(429);
		expect(mine.status).toBe(200);
		expect(office.exited()).toBeUndefined();
	}, 300_000);
});
