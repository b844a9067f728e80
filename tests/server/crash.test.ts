// Killed mid-publish (issue 14): the server process dies with the new pointer written but not yet switched; the
// previous release is still served, nothing half-written is visible, and the next start cleans up. Also: the
// first start prints the admin's one-time password. Runs `npm start`'s entry (server/main.ts) as a process.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Releases } from '../../server/releases';
import { Client, PASSWORD, scratchBuild, scratchDir, startOffice } from '../../scripts/lib/harness/office';

async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
	});
}

interface Child {
	process: ChildProcess;
	url: string;
	output: () => string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** server/main.ts as `npm start` runs it (no rebuild), listening once it prints its address. */
async function startChild(env: Record<string, string>): Promise<Child> {
	const port = await freePort();
	const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
		env: { ...process.env, SKIP_BUILD: '1', HOST: '127.0.0.1', PORT: String(port), ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
	child.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal }))
	);
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 300 && !out.includes(url); i++) {
		if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	if (!out.includes(url)) throw new Error(`server did not start: ${out}`);
	return { process: child, url, output: () => out, exited };
}

const children: ChildProcess[] = [];
afterAll(() => {
	for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
});

describe('killed mid-publish', () => {
	it('keeps the previous release, shows nothing half-written, and cleans up at the next start', async () => {
		const build = scratchBuild();
		const dataDir = scratchDir('office-crash-');
		const env = { DATA_DIR: dataDir, BUILD_DIR: build, EXAMPLE_DATA_DIR: join(build, 'data') };

		// first start: the admin's one-time password on the console
		const first = await startChild(env);
		children.push(first.process);
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
		for (const id of [idA, idB]) {
			cpSync(join(build, 'data'), join(releases.tmpPath(id), 'data'), { recursive: true });
			releases.writeInfo(
				{ id, author: 'keeper', createdAt: '', files: [], ok: true, base: null, published: [] },
				releases.tmpPath(id)
			);
			releases.commit(id);
		}
		const inProcess = await startOffice(build, {}, dataDir);
		const c1 = new Client(inProcess.url);
		await c1.login('admin', PASSWORD);
		expect((await c1.post(`/api/releases/${idA}/publish`, { base: null })).status).toBe(200);
		await inProcess.stop();

		// the process that dies between writing the new pointer and switching it
		const doomed = await startChild({ ...env, OFFICE_FAULT: 'before-switch' });
		children.push(doomed.process);
		const keeper = new Client(doomed.url);
		await keeper.login('admin', PASSWORD);
		await expect(keeper.post(`/api/releases/${idB}/publish`, { base: idA })).rejects.toThrow();
		expect((await doomed.exited).signal).toBe('SIGKILL');
		expect(readFileSync(join(dataDir, 'current'), 'utf8').trim()).toBe(idA);
		expect(existsSync(join(dataDir, 'current.tmp'))).toBe(true);
		expect(releases.current()).toBe(idA);

		// the next start: cleaned, and A is what is served
		const next = await startChild(env);
		children.push(next.process);
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
