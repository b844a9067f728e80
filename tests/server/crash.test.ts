// Killed mid-publish (issue 14): the server process dies with the new pointer written but not yet switched; the
// previous release is still served, nothing half-written is visible, and the next start cleans up. Also: the
// first start prints the admin's one-time password. Runs `npm start`'s entry (server/main.ts) as a process.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Releases } from '../../server/releases';
import { fakeRelease, startChild, stopAll } from './child';
import { Client, PASSWORD, scratchBuild, scratchDir, startOffice } from '../../scripts/lib/harness/office';

afterAll(stopAll);

describe('killed mid-publish', () => {
	it('keeps the previous release, shows nothing half-written, and cleans up at the next start', async () => {
		const build = scratchBuild();
		const dataDir = scratchDir('office-crash-');
		const env = { DATA_DIR: dataDir, BUILD_DIR: build, EXAMPLE_DATA_DIR: join(build, 'data') };

		// first start: the admin's one-time password on the console
		const first = await startChild(env);
		const otp = /one-time password ([A-Za-z0-9]{16})/.exec(first.output())?.[1];
		expect(otp).toBeDefined();
		const admin = new Client(first.url);
		expect((await admin.login('admin', otp!)).status).toBe(200);
		await admin.post('/api/password', { current: otp, next: PASSWORD });
		first.process.kill('SIGTERM');
		await first.exited;

		// two releases made from the example's data build; A published as the current one
		const releases = new Releases(dataDir);
		const [idA, idB] = ['20260101-000000-aaaaaa', '20260102-000000-bbbbbb'];
		for (const id of [idA, idB]) fakeRelease(dataDir, id, join(build, 'data'));
		const inProcess = await startOffice(build, {}, dataDir);
		const c1 = new Client(inProcess.url);
		await c1.login('admin', PASSWORD);
		expect((await c1.post(`/api/releases/${idA}/publish`, { base: null })).status).toBe(200);
		await inProcess.stop();

		// the process that dies between writing the new pointer and switching it
		const doomed = await startChild({ ...env, OFFICE_FAULT: 'before-switch' });
		const keeper = new Client(doomed.url);
		await keeper.login('admin', PASSWORD);
		await expect(keeper.post(`/api/releases/${idB}/publish`, { base: idA })).rejects.toThrow();
		expect((await doomed.exited).signal).toBe('SIGKILL');
		expect(readFileSync(join(dataDir, 'current'), 'utf8').split('\n')[0]).toBe(idA);
		expect(existsSync(join(dataDir, 'current.tmp'))).toBe(true);
		expect(releases.current()).toBe(idA);

		// the next start: cleaned, and A is what is served
		const next = await startChild(env);
		expect(next.output()).toContain('current.tmp');
		expect(existsSync(join(dataDir, 'current.tmp'))).toBe(false);
		const viewer = new Client(next.url);
		await viewer.login('admin', PASSWORD);
		const release = (await (await viewer.get('/api/release')).json()) as { current: string };
		expect(release.current).toBe(idA);
		expect((await viewer.get('/data/manifest.json')).status).toBe(200);
		expect((await new Client(next.url).get('/data/manifest.json')).status).toBe(401);
		next.process.kill('SIGTERM');
		await next.exited;
	}, 180_000);
});
