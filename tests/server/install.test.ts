// Installed as a server is (issue 23): a copy of this project with only its run-time dependencies
// (`npm ci --omit=dev`) starts with `npm start` and serves `/` — building the example data and the dashboard at the
// first start — and a restart reuses that build (issue 24: a server that starts at once). Real processes, slow
// (an install, a data build and a Vite build on the first start): minutes on a busy machine. Loopback only; npm
// reads its warm cache (--prefer-offline).
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let dir = '';
let app = '';
let install = '';
const started: ChildProcess[] = [];

async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
	});
}

/** The project as a fresh clone would have it (tracked and new files, this worktree's edits included). */
function copyProject(to: string): void {
	const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
		cwd: ROOT,
		encoding: 'utf8'
	})
		.split('\0')
		.filter((f) => f && existsSync(join(ROOT, f)));
	for (const f of files) {
		mkdirSync(dirname(join(to, f)), { recursive: true });
		cpSync(join(ROOT, f), join(to, f));
	}
}

/** `npm start` in the copy, in a process group of its own (stopped by its id), until GET / answers. */
async function npmStart(): Promise<{ html: string; output: () => string; stop: () => Promise<void> }> {
	const port = await freePort();
	const child = spawn(NPM, ['start'], {
		cwd: app,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: join(dir, 'office-data') }
	});
	started.push(child);
	let out = '';
	child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
	child.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
		await exited;
	};
	const url = `http://127.0.0.1:${port}/`;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${out}`);
		try {
			const res = await fetch(url);
			if (res.ok) return { html: await res.text(), output: () => out, stop };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
}

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'install-test-'));
	app = join(dir, 'app');
	copyProject(app);
	const r = spawnSync(NPM, ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], {
		cwd: app,
		encoding: 'utf8'
	});
	install = `${r.stdout}${r.stderr}`;
	if (r.status !== 0) throw new Error(`npm ci --omit=dev failed:\n${install}`);
}, 900_000);

afterAll(async () => {
	for (const c of started)
		if (c.exitCode === null && c.signalCode === null) {
			process.kill(-c.pid!, 'SIGTERM');
			await new Promise((r) => c.once('exit', r));
		}
	// a copy with its node_modules: seconds to remove on a busy machine
	if (dir) rmSync(dir, { recursive: true, force: true });
}, 300_000);

describe('npm ci --omit=dev && npm start', () => {
	it('installs the run-time dependencies only, with no engine or install-script warning', () => {
		// build and test tools are not there: what npm start needs is in "dependencies"
		expect(existsSync(join(app, 'node_modules/vitest'))).toBe(false);
		expect(existsSync(join(app, 'node_modules/playwright-core'))).toBe(false);
		expect(existsSync(join(app, 'node_modules/d3-delaunay'))).toBe(false);
		for (const runtime of ['@duckdb/node-api', 'tsx', 'pinyin-pro', 'vite', '@sveltejs/kit'])
			expect(existsSync(join(app, 'node_modules', runtime)), runtime).toBe(true);
		expect(install).not.toMatch(/EBADENGINE/);
		expect(install).not.toMatch(/install-scripts/);
	});

	it('the first start builds the example data and the dashboard and serves /; a restart reuses the build', async () => {
		const first = await npmStart();
		await first.stop();
		expect(first.html).toContain('<title>乐清旧改地图</title>');
		expect(first.output()).toContain('building the example data');
		expect(first.output()).toContain('building the dashboard (no build yet)');
		expect(existsSync(join(app, '.build-stamp.json'))).toBe(true);

		const again = await npmStart();
		await again.stop();
		expect(again.html).toBe(first.html);
		expect(again.output()).toContain("the dashboard's build is current: served as it is");
		expect(again.output()).not.toContain('building');
	}, 1_800_000);
});
