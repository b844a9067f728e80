// Failed uploads are not kept forever (issue 21, item 11): past FAILED_UPLOADS_DAYS, or beyond the newest
// FAILED_UPLOADS_KEEP, a release that failed validation is removed at start and after each failed upload, with an
// audit entry naming it; a release that validated is never removed. Runs `npm start`'s entry as a process.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Releases } from '../../server/releases';
import { fakeRelease, startChild, stopAll } from './child';
import { Client, exampleFiles, PASSWORD, scratchBuild, scratchDir } from '../../scripts/lib/harness/office';

afterAll(stopAll);

describe('failed uploads kept', () => {
	it('removes failed uploads past the days or the count, at start and after a failed upload', async () => {
		const build = scratchBuild();
		const dataDir = scratchDir('office-retention-');
		const env = {
			DATA_DIR: dataDir,
			BUILD_DIR: build,
			EXAMPLE_DATA_DIR: join(build, 'data'),
			FAILED_UPLOADS_KEEP: '2',
			FAILED_UPLOADS_DAYS: '30'
		};
		const first = await startChild(env);
		const otp = /one-time password ([A-Za-z0-9]{16})/.exec(first.output())![1]!;
		const c = new Client(first.url);
		expect((await c.login('admin', otp)).status).toBe(200);
		expect((await c.post('/api/password', { current: otp, next: PASSWORD })).status).toBe(200);
		await first.stop();

		const releases = new Releases(dataDir);
		const day = 86_400_000;
		const made = (daysAgo: number, ok: boolean) => {
			const createdAt = new Date(Date.now() - daysAgo * day);
			const id = releases.newId(createdAt);
			fakeRelease(dataDir, id, join(build, 'data'), { ok, createdAt });
			return id;
		};
		const failed40 = made(40, false);
		const failed10 = made(10, false);
		const failed5 = made(5, false);
		const failed1 = made(1, false);
		const validated100 = made(100, true);
		const on = (id: string) => existsSync(join(dataDir, 'releases', id));

		// at start: 40 days is past the 30; of the three within, the newest two are kept
		const server = await startChild(env);
		expect(on(failed40)).toBe(false);
		expect(on(failed10)).toBe(false);
		expect(on(failed5)).toBe(true);
		expect(on(failed1)).toBe(true);
		expect(on(validated100), 'a release that validated is kept, however old').toBe(true);
		expect(server.output()).toContain(failed40);
		const keeper = new Client(server.url);
		expect((await keeper.login('admin', PASSWORD)).status).toBe(200);
		const audit = (await (await keeper.get('/api/audit')).json()) as {
			entries: { action: string; detail: string | null }[];
		};
		const prune = audit.entries.find((e) => e.action === 'prune');
		expect(prune?.detail).toContain(failed40);
		expect(prune?.detail).toContain(failed10);

		// a new failed upload: the oldest of the kept two goes
		const res = await keeper.upload(
			exampleFiles((rows) => rows.map((r, i) => (i === 2 ? { ...r, households: '-5' } : r)))
		);
		expect(res.status).toBe(200);
		const staged = (await res.json()) as { info: { id: string; ok: boolean } };
		expect(staged.info.ok).toBe(false);
		expect(on(staged.info.id)).toBe(true);
		expect(on(failed1)).toBe(true);
		expect(on(failed5)).toBe(false);
		expect(on(validated100)).toBe(true);
		await server.stop();
	}, 300_000);
});
