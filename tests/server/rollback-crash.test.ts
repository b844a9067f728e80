// Killed during a rollback (issue 21, item 10): a real server process is killed with SIGKILL at every step of the
// switch (OFFICE_FAULT, server/faults.ts), during the next start's repair, and at a dozen moments from outside while
// the rollback request is in flight. After each kill the next start must show the release pointer, the release files
// (`published`) and the audit log agreeing: every switch that happened is recorded once in both, none that did not
// happen is, and the newest record names the release served (and the public site's link points at it).
import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReleaseInfo } from '../../server/releases';
import { fakeRelease, startChild, stopAll, type Child } from './child';
import { Client, PASSWORD, scratchBuild, scratchDir } from '../../scripts/lib/harness/office';

afterAll(stopAll);

const [A, B] = ['20260101-000000-aaaaaa', '20260102-000000-bbbbbb'];
/** The steps of a switch where the process kills itself (in order). */
const STEPS = ['before-switch', 'after-pointer', 'after-link', 'after-release-file', 'after-audit'];
/** Moments (ms after the rollback request is sent) at which the test kills the process from outside. */
const DELAYS = [0, 1, 2, 3, 4, 6, 8, 10, 13, 16, 20, 25, 30, 40];

interface Audit {
	at: string;
	action: string;
	target: string | null;
	outcome: string;
}

const isSwitch = (e: Audit) => (e.action === 'publish' || e.action === 'rollback') && e.outcome === 'ok';

/** The pointer as written on disk (its first line: the release id). */
const pointer = (dataDir: string) =>
	existsSync(join(dataDir, 'current'))
		? readFileSync(join(dataDir, 'current'), 'utf8').split('\n')[0]!.trim()
		: null;

/** Pointer, release files, audit log and public link agree, and hold exactly `switches` switches. */
function expectAgreement(
	dataDir: string,
	current: string | null,
	releases: ReleaseInfo[],
	audit: Audit[],
	switches: number,
	when: string
): void {
	const served = pointer(dataDir);
	expect(current, `${when}: the release served is the pointer's`).toBe(served);
	expect(readlinkSync(join(dataDir, 'public')), `${when}: the public link`).toBe(
		join('releases', served!, 'public')
	);
	const switchEntries = audit.filter(isSwitch);
	for (const r of releases)
		expect(
			switchEntries.filter((e) => e.target === r.id).length,
			`${when}: ${r.id}'s published entries and its audit entries`
		).toBe(r.published.length);
	expect(switchEntries.length, `${when}: every switch recorded once`).toBe(switches);
	const newestAudit = switchEntries.reduce((a, b) => (b.at > a.at ? b : a));
	expect(newestAudit.target, `${when}: the newest audit entry names the release served`).toBe(served);
	const newestPublished = releases
		.flatMap((r) => r.published.map((p) => ({ id: r.id, at: p.at })))
		.reduce((a, b) => (b.at > a.at ? b : a));
	expect(newestPublished.id, `${when}: the newest published entry is the release served`).toBe(served);
}

/** Agreement as the running server shows it (release list, audit log). */
async function expectServedAgreement(child: Child, dataDir: string, switches: number, when: string) {
	const admin = new Client(child.url);
	expect((await admin.login('admin', PASSWORD)).status).toBe(200);
	const list = (await (await admin.get('/api/releases')).json()) as {
		current: string | null;
		releases: ReleaseInfo[];
	};
	const audit = ((await (await admin.get('/api/audit')).json()) as { entries: Audit[] }).entries;
	expectAgreement(dataDir, list.current, list.releases, audit, switches, when);
}

/** A rollback to the release not served now, as a keeper would ask for it. */
async function rollback(child: Child, dataDir: string): Promise<Promise<unknown>> {
	const keeper = new Client(child.url);
	expect((await keeper.login('admin', PASSWORD)).status).toBe(200);
	const from = pointer(dataDir);
	const to = from === A ? B : A;
	return keeper.post(`/api/releases/${to}/publish`, { base: from }).then(
		(r) => r.status,
		(e: unknown) => e
	);
}

describe('killed during a rollback', () => {
	it('leaves pointer, release files and audit log agreeing after every kill', async () => {
		const build = scratchBuild();
		const dataDir = scratchDir('office-rollback-crash-');
		const env = { DATA_DIR: dataDir, BUILD_DIR: build, EXAMPLE_DATA_DIR: join(build, 'data') };

		const first = await startChild(env);
		const otp = /one-time password ([A-Za-z0-9]{16})/.exec(first.output())![1]!;
		const admin = new Client(first.url);
		expect((await admin.login('admin', otp)).status).toBe(200);
		expect((await admin.post('/api/password', { current: otp, next: PASSWORD })).status).toBe(200);
		await first.stop();
		for (const id of [A, B]) fakeRelease(dataDir, id, join(build, 'data'));

		// A, then B published: both have been current once, so every switch below is a rollback
		const setup = await startChild(env);
		const keeper = new Client(setup.url);
		await keeper.login('admin', PASSWORD);
		expect((await keeper.post(`/api/releases/${A}/publish`, { base: null })).status).toBe(200);
		expect((await keeper.post(`/api/releases/${B}/publish`, { base: A })).status).toBe(200);
		await setup.stop();
		let switches = 2;
		let kills = 0;
		let moved = 0;

		const killed = async (child: Child, before: string | null, how: string) => {
			expect((await child.exited).signal, how).toBe('SIGKILL');
			kills++;
			if (pointer(dataDir) !== before) {
				switches++;
				moved++;
			}
		};

		// the process kills itself at each step of the switch
		for (const step of STEPS) {
			const child = await startChild({ ...env, OFFICE_FAULT: step });
			await expectServedAgreement(child, dataDir, switches, `start before ${step}`);
			const before = pointer(dataDir);
			await await rollback(child, dataDir);
			await killed(child, before, step);
		}

		// killed after the pointer moved, then again while the next start repairs the records
		{
			const child = await startChild({ ...env, OFFICE_FAULT: 'after-pointer' });
			const before = pointer(dataDir);
			await await rollback(child, dataDir);
			await killed(child, before, 'after-pointer, again');
			for (const step of ['recover-after-link', 'recover-after-release-file']) {
				await expect(startChild({ ...env, OFFICE_FAULT: step })).rejects.toThrow(/SIGKILL/);
				kills++;
			}
		}

		// killed from outside while the rollback request is in flight
		for (const ms of DELAYS) {
			const child = await startChild(env);
			await expectServedAgreement(child, dataDir, switches, `start before the kill at ${ms} ms`);
			const before = pointer(dataDir);
			const keeperClient = new Client(child.url);
			await keeperClient.login('admin', PASSWORD);
			const to = before === A ? B : A;
			const request = keeperClient.post(`/api/releases/${to}/publish`, { base: before }).catch(() => null);
			await new Promise((r) => setTimeout(r, ms));
			child.process.kill('SIGKILL');
			await request;
			await killed(child, before, `killed at ${ms} ms`);
		}

		const last = await startChild(env);
		await expectServedAgreement(last, dataDir, switches, 'the last start');
		await last.stop();
		expect(kills).toBeGreaterThanOrEqual(16);
		expect(moved, 'some kills came after the pointer moved').toBeGreaterThan(0);

		// the same agreement read from the files and the store themselves, the server stopped
		const db = await DuckDBInstance.create(join(dataDir, 'store.duckdb'), { access_mode: 'READ_ONLY' });
		const conn = await db.connect();
		const audit = (await conn.runAndReadAll('SELECT * FROM audit')).getRowObjectsJS() as unknown as Audit[];
		conn.closeSync();
		db.closeSync();
		const releases = [A, B].map(
			(id) => JSON.parse(readFileSync(join(dataDir, 'releases', id, 'release.json'), 'utf8')) as ReleaseInfo
		);
		expectAgreement(dataDir, pointer(dataDir), releases, audit, switches, 'on disk');
		console.log(`rollback kills: ${kills}, of which ${moved} after the pointer moved; ${switches} switches`);
	}, 600_000);
});
