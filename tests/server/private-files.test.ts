// Who may read the office's files (issue 21, item 11; server/modes.ts). The store holds password hashes, a release's
// data the internal ledger, a backup both: only the server's user may read them. The published public data stays
// readable by another user (the README's nginx serves DATA_DIR/public). Folders an older version left world-readable
// are repaired at start. Runs `npm start`'s entry as a process; as root it also reads as the user `nobody`.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeRelease, startChild, stopAll } from './child';
import { Client, PASSWORD, scratchBuild, scratchDir } from '../../scripts/lib/harness/office';

afterAll(stopAll);

const A = '20260101-000000-aaaaaa';

/** The mode every path under DATA_DIR should have (null: no group or other bit at all). */
function expected(rel: string, isDir: boolean): number | null {
	const parts = rel.split(sep);
	if (rel === '' || rel === 'releases' || (parts[0] === 'releases' && parts.length === 2)) return 0o711;
	if (parts[0] === 'releases' && parts[2] === 'public') return isDir ? 0o755 : 0o644;
	return null;
}

function expectModes(dataDir: string, when: string): void {
	const walk = (path: string) => {
		const stat = lstatSync(path);
		if (stat.isSymbolicLink()) return;
		const rel = relative(dataDir, path);
		const mode = stat.mode & 0o777;
		const want = expected(rel, stat.isDirectory());
		if (want === null) expect(mode & 0o077, `${when}: ${rel} is ${mode.toString(8)}`).toBe(0);
		else expect(mode, `${when}: ${rel}`).toBe(want);
		if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
	};
	walk(dataDir);
}

/** Whether the user `nobody` can read `file` (null when this test cannot switch users: not root). */
function nobodyReads(file: string): boolean | null {
	if (process.getuid?.() !== 0 || !existsSync('/usr/sbin/runuser')) return null;
	return (
		spawnSync('/usr/sbin/runuser', ['-u', 'nobody', '--', 'cat', file], { stdio: 'ignore' }).status === 0
	);
}

describe('private files', () => {
	it("keeps store, releases and backups to the server's user, the public data readable; repairs older modes at start", async () => {
		const build = scratchBuild();
		const dataDir = scratchDir('office-modes-');
		const backups = scratchDir('office-modes-backups-');
		const env = {
			DATA_DIR: dataDir,
			BUILD_DIR: build,
			EXAMPLE_DATA_DIR: join(build, 'data'),
			BACKUP_DIR: backups
		};
		const first = await startChild(env);
		const otp = /one-time password ([A-Za-z0-9]{16})/.exec(first.output())![1]!;
		const admin = new Client(first.url);
		expect((await admin.login('admin', otp)).status).toBe(200);
		expect((await admin.post('/api/password', { current: otp, next: PASSWORD })).status).toBe(200);
		await first.stop();
		expectModes(dataDir, 'the first start');

		// as an older version (or a umask of 022) left them: the store, a release and a backup world-readable
		fakeRelease(dataDir, A, join(build, 'data'));
		chmodSync(join(dataDir, 'store.duckdb'), 0o644);
		chmodSync(join(dataDir, 'releases', A, 'data'), 0o755);
		chmodSync(dataDir, 0o755);
		const old = join(backups, 'old', 'store');
		mkdirSync(old, { recursive: true, mode: 0o755 });
		writeFileSync(join(old, 'users.csv'), 'admin,admin,$scrypt$…', { mode: 0o644 });
		chmodSync(backups, 0o755);

		const server = await startChild(env);
		expectModes(dataDir, 'repaired at start');
		for (const path of [backups, join(backups, 'old'), old])
			expect(lstatSync(path).mode & 0o777, path).toBe(0o700);
		expect(lstatSync(join(old, 'users.csv')).mode & 0o777).toBe(0o600);

		// what the running server writes from now on: a publish (public data, query database, pointer), sessions
		const keeper = new Client(server.url);
		expect((await keeper.login('admin', PASSWORD)).status).toBe(200);
		expect((await keeper.post(`/api/releases/${A}/publish`, { base: null })).status).toBe(200);
		expect(existsSync(join(dataDir, 'releases', A, 'public', 'manifest.json'))).toBe(true);
		expectModes(dataDir, 'after a publish');
		await server.stop();
		expectModes(dataDir, 'after the stop');

		// another user on the machine (nginx's, say) reads the public data and nothing else
		const reads = nobodyReads(join(dataDir, 'public', 'manifest.json'));
		if (reads !== null) {
			expect(reads, 'nobody reads the public data').toBe(true);
			for (const file of [
				join(dataDir, 'store.duckdb'),
				join(dataDir, 'current'),
				join(dataDir, 'releases', A, 'release.json'),
				join(dataDir, 'releases', A, 'data', 'communities.parquet'),
				join(dataDir, 'releases', A, 'query.duckdb'),
				join(old, 'users.csv')
			])
				expect(nobodyReads(file), `nobody reads ${file}`).toBe(false);
		}
	}, 300_000);
});
