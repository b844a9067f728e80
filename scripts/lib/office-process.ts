// The office server as its own process for the bench (`node --import tsx server/main.ts`, as `npm start` runs
// it, with the site already built), on a free loopback port, so that its memory is its own and not the load
// generator's. Only 127.0.0.1: the bench never listens on another address.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './harness/site-server';

export interface OfficeProcess {
	url: string;
	pid: number;
	/** The first start's one-time password of `admin`. */
	adminPassword: string;
	dataDir: string;
	/** The server process's resident set size (VmRSS), MB. */
	rssMB(): number;
	/** How the server process ended, if it has (`code 0`, `signal SIGSEGV`). */
	exited(): string | undefined;
	stop(): Promise<void>;
}

export interface OfficeOptions {
	/** The data served before a release is published (EXAMPLE_DATA_DIR; default static/data). */
	exampleDataDir?: string;
	/** More environment for the server (QUERY_SECONDS …). */
	env?: Record<string, string>;
}

/** Start the office server on a free 127.0.0.1 port with a fresh data folder; resolves once it listens. */
export async function startOfficeProcess(options: OfficeOptions = {}): Promise<OfficeProcess> {
	const port = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), 'office-bench-'));
	const child = spawn(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', 'server/main.ts'], {
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			DATA_DIR: dataDir,
			EXAMPLE_DATA_DIR: options.exampleDataDir ?? 'static/data',
			SKIP_BUILD: '1',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let out = '';
	let exited: string | undefined;
	child.once('exit', (code, signal) => {
		exited = signal ? `signal ${signal}` : `code ${code}`;
		console.error(`\nthe office server (pid ${child.pid}) exited with ${exited}`);
	});
	child.stdout.on('data', (d: Buffer) => {
		out += d.toString('utf8');
	});
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 120_000;
	while (!out.includes(`${url}/`)) {
		if (child.exitCode !== null) throw new Error(`the office server exited with ${child.exitCode}: ${out}`);
		if (Date.now() > deadline) throw new Error(`the office server did not start within 120 s: ${out}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	const adminPassword = /一次性密码 (\S+?)（/.exec(out)?.[1];
	if (!adminPassword) throw new Error(`no one-time password printed: ${out}`);
	const pid = child.pid!;
	return {
		url,
		pid,
		adminPassword,
		dataDir,
		exited: () => exited,
		rssMB: () => Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}
