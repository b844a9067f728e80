// The office server as `npm start` runs it (server/main.ts in its own process, no rebuild), for the tests where
// the process itself is the subject: fed truncated bodies, flooded, killed. Loopback only, a free port, a scratch
// data folder; optionally under a lower open-file limit (prlimit) to see what a flood of connections does.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../scripts/lib/harness/site-server';
import { afterAll, beforeAll } from 'vitest';
import { Client, PASSWORD, scratchBuild, scratchDir } from '../../scripts/lib/harness/office';

export interface OfficeChild {
	process: ChildProcess;
	pid: number;
	url: string;
	/** Its DATA_DIR. */
	dataDir: string;
	/** Everything the process printed (stdout and stderr). */
	output(): string;
	/** Resolves when the process has ended. */
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	/** Still running. */
	alive(): boolean;
	/** The admin, logged in with a real password (the one-time one changed). */
	admin(): Promise<Client>;
	stop(): Promise<void>;
}

export interface SpawnOptions {
	/** The built dashboard with its example data (scratchBuild()). */
	build: string;
	dataDir?: string;
	env?: Record<string, string>;
	/** Run under this open-file limit (soft and hard), as a small server or a container might have. */
	nofile?: number;
}

/** server/main.ts on a free loopback port; resolves once it prints its address. */
export async function spawnOffice(options: SpawnOptions): Promise<OfficeChild> {
	const port = await freePort();
	const dataDir = options.dataDir ?? scratchDir('office-proc-');
	const env = {
		...process.env,
		SKIP_BUILD: '1',
		HOST: '127.0.0.1',
		PORT: String(port),
		DATA_DIR: dataDir,
		BUILD_DIR: options.build,
		EXAMPLE_DATA_DIR: join(options.build, 'data'),
		...options.env
	};
	const node = [process.execPath, '--import', 'tsx', 'server/main.ts'];
	const argv = options.nofile ? ['prlimit', `--nofile=${options.nofile}`, '--', ...node] : node;
	const child = spawn(argv[0]!, argv.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
	child.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal }))
	);
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 600 && !out.includes(url); i++) {
		if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	if (!out.includes(url)) throw new Error(`server did not start: ${out}`);
	const alive = () => child.exitCode === null && child.signalCode === null;
	let admin: Client | undefined;
	return {
		process: child,
		pid: child.pid!,
		url,
		dataDir,
		output: () => out,
		exited,
		alive,
		async admin() {
			if (admin) return admin;
			const otp = /one-time password ([A-Za-z0-9]{16})/.exec(out)?.[1];
			const c = new Client(url);
			if (otp) {
				await c.login('admin', otp);
				await c.post('/api/password', { current: otp, next: PASSWORD });
			}
			const res = await c.login('admin', PASSWORD);
			if (!res.ok) throw new Error(`admin login: ${res.status}`);
			return (admin = c);
		},
		async stop() {
			if (!alive()) return;
			child.kill('SIGTERM');
			await exited;
		}
	};
}

/** The processes whose parent is `pid` (from /proc), with their command lines. */
export function childrenOf(pid: number): { pid: number; cmd: string }[] {
	const out: { pid: number; cmd: string }[] = [];
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// the command may hold spaces and parentheses: the fields after its last ')' are fixed
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (ppid !== pid) continue;
			const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
			out.push({ pid: Number(name), cmd });
		} catch {
			// ended meanwhile
		}
	}
	return out;
}

/** Whether process `pid` still exists (and is not a zombie). */
export function processAlive(pid: number): boolean {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
	} catch {
		return false;
	}
}

/** The resident memory of process `pid`, MB. */
export function rssMB(pid: number): number {
	return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

/**
 * POST a form as `client` (its session cookie and CSRF token) over node:http, waiting as long as the answer takes:
 * fetch gives up after 300 s without headers, and a queued validation on a busy machine may wait longer.
 */
export async function postForm(
	client: Client,
	path: string,
	form: FormData,
	headers: Record<string, string> = {}
): Promise<{ status: number; body: Record<string, unknown> }> {
	const encoded = new Response(form);
	const body = Buffer.from(await encoded.arrayBuffer());
	const cookies = (client as unknown as { cookies: Map<string, string> }).cookies;
	return new Promise((resolve, reject) => {
		const req = request(
			client.base + path,
			{
				method: 'POST',
				headers: {
					...headers,
					'content-type': encoded.headers.get('content-type')!,
					'content-length': String(body.length),
					cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
					'x-csrf-token': client.csrf
				}
			},
			(res) => {
				let text = '';
				res.on('data', (d: Buffer) => (text += d.toString('utf8')));
				res.on('end', () =>
					resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || '{}') as Record<string, unknown> })
				);
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

/**
 * A test file's office servers: one scratch build made before its tests (≤ 2 min), every server started through
 * the returned `start` stopped after them. Call at the top of a test file.
 * @returns start(env) — a new server process on a free loopback port with `env` added to its environment.
 */
export function officeServers(): (env?: Record<string, string>) => Promise<OfficeChild> {
	let build = '';
	const started: OfficeChild[] = [];
	beforeAll(() => {
		build = scratchBuild();
	}, 120_000);
	afterAll(async () => {
		for (const s of started) await s.stop();
	});
	return async (env = {}) => {
		const s = await spawnOffice({ build, env });
		started.push(s);
		return s;
	};
}
