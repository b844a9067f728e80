// The office server as a real process (server/main.ts, as `npm start` runs it, without the dashboard rebuild), for
// the tests that kill it; and releases made on disk from a data build, without an upload's validation.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Releases } from '../../server/releases';

export async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
	});
}

export interface Child {
	process: ChildProcess;
	url: string;
	output: () => string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	/** SIGTERM (the server's own orderly stop) and wait for the exit. */
	stop(): Promise<void>;
}

/** Every child started, so that a failing test leaves none behind (`stopAll` in afterAll). */
const started: ChildProcess[] = [];

export function stopAll(): void {
	for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

/** Spawn server/main.ts with `env`; resolves once it prints its address, rejects when it exits first. */
export async function startChild(env: Record<string, string>): Promise<Child> {
	const port = await freePort();
	const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
		env: { ...process.env, SKIP_BUILD: '1', HOST: '127.0.0.1', PORT: String(port), ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	started.push(child);
	let out = '';
	child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
	child.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal }))
	);
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 600 && !out.includes(url); i++) {
		if (child.exitCode !== null || child.signalCode !== null)
			throw new Error(`server exited (${child.exitCode ?? child.signalCode}): ${out}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	if (!out.includes(url)) throw new Error(`server did not start: ${out}`);
	return {
		process: child,
		url,
		output: () => out,
		exited,
		stop: async () => {
			child.kill('SIGTERM');
			await exited;
		}
	};
}

/** A release `id` in `dataDir` holding the data build `dataBuild`, as staging an upload would leave it: validated
 *  (`ok`, the default) or failed, made at `createdAt` (now by default). */
export function fakeRelease(
	dataDir: string,
	id: string,
	dataBuild: string,
	{ ok = true, createdAt = new Date() }: { ok?: boolean; createdAt?: Date } = {}
): void {
	const releases = new Releases(dataDir);
	cpSync(dataBuild, join(releases.tmpPath(id), 'data'), { recursive: true });
	releases.writeInfo(
		{
			id,
			author: 'keeper',
			createdAt: createdAt.toISOString(),
			files: [],
			ok,
			base: null,
			published: []
		},
		releases.tmpPath(id)
	);
	releases.commit(id);
}
