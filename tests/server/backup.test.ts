// `npm run backup` (issue 21, item 7): while the server runs (the server writes it) and when it is stopped; the
// documented restore into an empty folder gives back the accounts, the audit log, the releases and the public folder
// the README's nginx serves, with every session dropped. A backup killed part-way (the command, or the server
// writing it) or cut short or altered afterwards is refused by restore, naming what is missing or changed.
// Everything a backup holds is private (0600 files in 0700 folders).
import { spawn } from 'node:child_process';
import {
	appendFileSync,
	cpSync,
	existsSync,
	lstatSync,
	readdirSync,
	readFileSync,
	readlinkSync,
	rmSync,
	statSync,
	truncateSync,
	writeFileSync
} from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeRelease, startChild, stopAll } from './child';
import {
	accounts,
	Client,
	PASSWORD,
	scratchBuild,
	scratchDir,
	startOffice
} from '../../scripts/lib/harness/office';

afterAll(stopAll);

/** The backup command as a process (asynchronously: the server under test may run in this one). */
function npmRun(args: string[], env: Record<string, string>) {
	return new Promise<{
		status: number | null;
		signal: NodeJS.Signals | null;
		stdout: string;
		stderr: string;
	}>((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'server/backup.ts', ...args], {
			env: { ...process.env, OFFICE_FAULT: '', ...env }
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
		child.on('exit', (status, signal) => resolve({ status, signal, stdout, stderr }));
	});
}

/** Every path under `dir` (relative) with its mode bits. */
function modes(dir: string): Record<string, number> {
	const out: Record<string, number> = {};
	const walk = (path: string) => {
		const stat = lstatSync(path);
		out[relative(dir, path) || '.'] = stat.mode & 0o777;
		if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
	};
	walk(dir);
	return out;
}

/** Every file under `dir` (relative path → content), following the public link as nginx does. */
function contents(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (path: string) => {
		if (statSync(path).isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
		else out[relative(dir, path)] = readFileSync(path).toString('base64');
	};
	walk(dir);
	return out;
}

const A = '20260101-000000-aaaaaa';
let build: string;
let dataDir: string;
let publicFiles: Record<string, string>;
/** The viewer's browser, logged in before the backup. */
let viewer: Client;
let admin: Client;

beforeAll(async () => {
	build = scratchBuild();
	dataDir = scratchDir('office-backup-');
	const run = await startOffice(build, {}, dataDir);
	let keeper: Client;
	({ admin, keeper, viewer } = await accounts(run));
	fakeRelease(dataDir, A, join(build, 'data'));
	expect((await keeper.post(`/api/releases/${A}/publish`, { base: null })).status).toBe(200);
	publicFiles = contents(join(dataDir, 'public'));
	expect(Object.keys(publicFiles).length).toBeGreaterThan(2);
	await run.stop();
}, 180_000);

describe('backup and restore', () => {
	it('backs up a running server and a stopped one; restores the public folder, drops every session', async () => {
		const run = await startOffice(build, {}, dataDir);
		const port = String(new URL(run.url).port);
		const env = { DATA_DIR: dataDir, PORT: port, HOST: '127.0.0.1' };
		const live = join(scratchDir('office-bk-'), 'live');
		const r1 = await npmRun([live], env);
		if (r1.status !== 0) await run.stop();
		expect(r1.status, r1.stderr).toBe(0);
		expect(r1.stdout).toContain('written by the running server');
		const manifest = JSON.parse(readFileSync(join(live, 'manifest.json'), 'utf8')) as {
			current: string;
			files: Record<string, { sha256: string }>;
		};
		expect(manifest.current).toBe(A);
		expect(Object.keys(manifest.files)).toContain('store/schema.sql');
		expect(Object.keys(manifest.files)).toContain(`releases/${A}/release.json`);
		// only this user can read it: the store's export holds password hashes
		for (const [path, mode] of Object.entries(modes(live)))
			expect(mode, path).toBe(statSync(join(live, path)).isDirectory() ? 0o700 : 0o600);
		// the viewer logs out after the backup: that session must not come back with the restore
		const out = await viewer.at(run.url).post('/api/logout');
		await run.stop();
		expect(out.status).toBe(200);

		const stopped = join(scratchDir('office-bk-'), 'stopped');
		const r2 = await npmRun([stopped], env);
		expect(r2.status, r2.stderr).toBe(0);
		expect(r2.stdout).toContain('the server is stopped');
		expect((await npmRun(['--verify', stopped], env)).status).toBe(0);

		const restored = join(scratchDir('office-restore-'), 'data');
		const r3 = await npmRun(['--restore', live], { DATA_DIR: restored });
		expect(r3.status, r3.stderr).toBe(0);
		expect(r3.stdout).toContain('session(s) dropped');
		expect((await npmRun(['--restore', live], { DATA_DIR: restored })).stderr).toContain('not empty');
		// the folder the README's nginx serves as /data/ of the public site, as it was
		expect(readlinkSync(join(restored, 'public'))).toBe(join('releases', A, 'public'));
		expect(contents(join(restored, 'public'))).toEqual(publicFiles);
		expect(statSync(join(restored, 'store.duckdb')).mode & 0o777).toBe(0o600);

		const again = await startOffice(build, {}, restored);
		try {
			expect(again.office.adminPassword).toBeUndefined();
			// sessions from before the restore (one logged out since, one not) are both gone
			for (const browser of [viewer, admin]) {
				const me = (await (await browser.at(again.url).get('/api/me')).json()) as { user: unknown };
				expect(me.user).toBeNull();
			}
			expect((await viewer.at(again.url).get('/data/manifest.json')).status).toBe(401);
			const c = new Client(again.url);
			expect((await c.login('admin', PASSWORD)).status).toBe(200);
			const release = (await (await c.get('/api/release')).json()) as { current: string };
			expect(release.current).toBe(A);
			const log = (await (await c.get('/api/audit?limit=200')).json()) as { entries: { action: string }[] };
			expect(log.entries.map((e) => e.action)).toEqual(
				expect.arrayContaining(['password', 'publish', 'restore'])
			);
		} finally {
			await again.stop();
		}
	}, 240_000);

	it('refuses a backup killed part-way, naming what is missing, and restores nothing', async () => {
		// the command killed while it writes (the server stopped), at three points
		for (const step of ['backup-after-store', 'backup-after-release', 'backup-before-manifest']) {
			const target = join(scratchDir('office-bk-killed-'), 'b');
			const r = await npmRun([target], { DATA_DIR: dataDir, OFFICE_FAULT: step, PORT: '9' });
			expect(r.signal, `${step}: ${r.stderr}`).toBe('SIGKILL');
			expect(existsSync(target)).toBe(true);
			const restored = join(scratchDir('office-restore-'), 'data');
			const back = await npmRun(['--restore', target], { DATA_DIR: restored });
			expect(back.status, step).toBe(1);
			expect(back.stderr).toContain('incomplete backup');
			expect(back.stderr).toContain('manifest.json');
			expect(existsSync(restored)).toBe(false);
			expect((await npmRun(['--verify', target], {})).status).toBe(1);
		}
		// the server killed while it writes the backup it was asked for
		const env = {
			DATA_DIR: dataDir,
			BUILD_DIR: build,
			EXAMPLE_DATA_DIR: join(build, 'data'),
			OFFICE_FAULT: 'backup-after-release'
		};
		const server = await startChild(env);
		const target = join(scratchDir('office-bk-killed-'), 'b');
		const r = await npmRun([target], {
			DATA_DIR: dataDir,
			PORT: new URL(server.url).port,
			HOST: '127.0.0.1'
		});
		expect((await server.exited).signal).toBe('SIGKILL');
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('the backup is incomplete');
		const back = await npmRun(['--restore', target], { DATA_DIR: join(scratchDir('office-restore-'), 'd') });
		expect(back.status).toBe(1);
		expect(back.stderr).toContain('incomplete backup');
	}, 240_000);

	it('refuses a backup cut short or altered after it was written, naming the files', async () => {
		const whole = join(scratchDir('office-bk-'), 'whole');
		const r = await npmRun([whole], { DATA_DIR: dataDir, PORT: '9' });
		expect(r.status, r.stderr).toBe(0);
		const spoilt = (name: string, spoil: (dir: string) => void) => {
			const dir = join(scratchDir('office-bk-spoilt-'), name);
			cpSync(whole, dir, { recursive: true });
			spoil(dir);
			return dir;
		};
		const parquet = `releases/${A}/data/communities.parquet`;
		const cases: [string, (dir: string) => void, string[]][] = [
			['missing', (d) => rmSync(join(d, 'store', 'users.csv')), ['1 file(s) missing: store/users.csv']],
			[
				'truncated',
				(d) => truncateSync(join(d, parquet), statSync(join(d, parquet)).size >> 1),
				[`1 file(s) differ from the manifest (size or SHA-256): ${parquet}`]
			],
			[
				'changed',
				(d) => {
					// the same size, one byte different: only the checksum tells
					const file = join(d, 'store', 'audit.csv');
					const bytes = readFileSync(file);
					bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 1;
					writeFileSync(file, bytes);
				},
				['differ from the manifest (size or SHA-256): store/audit.csv']
			],
			[
				'release cut',
				(d) => rmSync(join(d, 'releases', A, 'public'), { recursive: true }),
				['file(s) missing: ', `releases/${A}/public/`]
			],
			[
				'extra',
				(d) => appendFileSync(join(d, 'releases', A, 'note.txt'), 'x'),
				[`1 file(s) not in the manifest: releases/${A}/note.txt`]
			]
		];
		for (const [name, spoil, says] of cases) {
			const dir = spoilt(name, spoil);
			const restored = join(scratchDir('office-restore-'), 'data');
			const back = await npmRun(['--restore', dir], { DATA_DIR: restored });
			expect(back.status, name).toBe(1);
			for (const s of says) expect(back.stderr, name).toContain(s);
			expect(existsSync(restored), name).toBe(false);
		}
		const restored = join(scratchDir('office-restore-'), 'data');
		const back = await npmRun(['--restore', whole], { DATA_DIR: restored });
		expect(back.status, back.stderr).toBe(0);
	}, 240_000);

	it('says why when the server on PORT is another data folder’s (its key refused), and writes nothing', async () => {
		const run = await startOffice(build, {}, dataDir);
		try {
			// a second office's data folder on the same machine, with its own key, its server not running
			const other = scratchDir('office-other-');
			writeFileSync(join(other, '.backup-key'), '0123456789abcdef0123456789abcdef\n', { mode: 0o600 });
			const target = join(scratchDir('office-bk-'), 'wrong');
			const r = await npmRun([target], {
				DATA_DIR: other,
				PORT: String(new URL(run.url).port),
				HOST: '127.0.0.1'
			});
			expect(r.status).toBe(1);
			expect(r.stderr).toContain('备份密钥不对');
			expect(r.stderr).toContain(`不是 DATA_DIR=${other} 的服务`);
			expect(r.stderr).toContain('set PORT as that server');
			expect(existsSync(join(target, 'manifest.json'))).toBe(false);
		} finally {
			await run.stop();
		}
	});
});
