// Helpers for the office server's integration tests: a built example in a scratch folder, a server on a free
// loopback port, and a client that keeps its session cookie and CSRF token as a browser would.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createOfficeServer, type OfficeServer } from '../../../server/app';
import { readConfig, type ServerConfig } from '../../../server/config';
import { csvLine, parseCsv } from '../../../src/lib/files/csv';

/** A scratch build folder: a stand-in page and, with `data`, the example's data (the real data build). */
export function scratchBuild(data = true): string {
	const dir = mkdtempSync(join(tmpdir(), 'office-build-'));
	writeFileSync(join(dir, 'index.html'), '<!doctype html><title>乐清旧改地图</title>');
	writeFileSync(join(dir, 'login.html'), '<!doctype html><title>登录</title>');
	if (!data) return dir;
	const r = spawnSync(
		process.execPath,
		['--import', 'tsx', 'scripts/build-data.ts', '--out', join(dir, 'data')],
		{ encoding: 'utf8' }
	);
	if (r.status !== 0) throw new Error(`data build failed: ${r.stderr}`);
	return dir;
}

export interface Running {
	url: string;
	office: OfficeServer;
	config: ServerConfig;
	stop(): Promise<void>;
}

export async function startOffice(
	buildDir: string,
	overrides: Partial<ServerConfig> = {},
	dataDir?: string
): Promise<Running> {
	const config: ServerConfig = {
		...readConfig({}),
		buildDir,
		exampleDataDir: join(buildDir, 'data'),
		dataDir: dataDir ?? mkdtempSync(join(tmpdir(), 'office-data-')),
		host: '127.0.0.1',
		port: 0,
		// every test client logs in from 127.0.0.1: the per-minute login limits (login-limits.ts) are raised here
		// unless a test sets its own (tests/server/login-attacks.test.ts does)
		loginPerSourcePerMinute: 1000,
		loginPerMinute: 1000,
		...overrides
	};
	const office = await createOfficeServer(config);
	await new Promise<void>((resolve) => office.server.listen(0, '127.0.0.1', resolve));
	const { port } = office.server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}`, office, config, stop: () => office.close() };
}

export class Client {
	/** Cookies by name, as a browser keeps them (a page's `yq_office` must not replace the session's). */
	private readonly cookies = new Map<string, string>();
	csrf = '';
	constructor(readonly base: string) {}

	async request(path: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
		if (this.csrf && init.method && init.method !== 'GET' && !headers.has('x-csrf-token'))
			headers.set('x-csrf-token', this.csrf);
		const res = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
		for (const set of res.headers.getSetCookie()) {
			const [pair = ''] = set.split(';');
			const eq = pair.indexOf('=');
			if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
		}
		return res;
	}

	/** The same browser (cookies, CSRF token) pointed at another server: a restored one, say. */
	at(base: string): Client {
		const other = new Client(base);
		for (const [k, v] of this.cookies) other.cookies.set(k, v);
		other.csrf = this.csrf;
		return other;
	}

	get(path: string): Promise<Response> {
		return this.request(path);
	}

	post(path: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<Response> {
		return this.request(path, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify(body)
		});
	}

	upload(files: { name: string; bytes: Uint8Array<ArrayBuffer> | string }[]): Promise<Response> {
		const form = new FormData();
		for (const f of files) form.append('files', new Blob([f.bytes]), f.name);
		return this.request('/api/releases', { method: 'POST', body: form });
	}

	async login(name: string, password: string): Promise<Response> {
		const res = await this.post('/api/login', { name, password });
		if (res.ok) this.csrf = ((await res.clone().json()) as { csrf: string }).csrf;
		return res;
	}
}

export const PASSWORD = 'a long enough password';

/** Log the admin in with the one-time password, set a real one, and make a keeper and a viewer. */
export async function accounts(run: Running): Promise<{ admin: Client; keeper: Client; viewer: Client }> {
	const admin = new Client(run.url);
	await admin.login('admin', run.office.adminPassword!);
	await admin.post('/api/password', { current: run.office.adminPassword, next: PASSWORD });
	const out = { admin, keeper: new Client(run.url), viewer: new Client(run.url) };
	for (const [name, role] of [
		['keeper', 'keeper'],
		['viewer', 'viewer']
	] as const) {
		const { password } = (await (await admin.post('/api/users', { name, role })).json()) as {
			password: string;
		};
		await out[name].login(name, password);
		await out[name].post('/api/password', { current: password, next: PASSWORD });
	}
	return out;
}

/** The example's communities.csv, changed by `edit` (rows as header → value), and its towns.csv. */
export function exampleFiles(edit: (rows: Record<string, string>[]) => Record<string, string>[]) {
	const { rows } = parseCsv(readFileSync('data/example/communities.csv', 'utf8'));
	const [header, ...body] = rows as [string[], ...string[][]];
	const records = edit(
		body.filter((r) => r.length > 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
	);
	const text = csvLine(header) + records.map((r) => csvLine(header.map((h) => r[h]))).join('');
	return [
		{ name: 'communities.csv', bytes: text },
		{ name: 'towns.csv', bytes: readFileSync('data/example/towns.csv', 'utf8') }
	];
}

export function scratchDir(prefix: string): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	mkdirSync(dir, { recursive: true });
	return dir;
}

/**
 * A new account made by `admin` (POST /api/users: `role`, and for a town account its towns), logged in at `base`
 * with a password of its own (PASSWORD) in place of the one-time one. Throws when the admin's request is refused.
 */
export async function newAccount(
	admin: Client,
	name: string,
	role: string,
	towns?: string[]
): Promise<Client> {
	const res = await admin.post('/api/users', { name, role, towns });
	if (!res.ok) throw new Error(`${name}: ${res.status} ${await res.text()}`);
	const { password } = (await res.json()) as { password: string };
	const c = new Client(admin.base);
	await c.login(name, password);
	await c.post('/api/password', { current: password, next: PASSWORD });
	await c.login(name, PASSWORD);
	return c;
}

/** A table of the example's source CSVs (data/example/<table>.csv) as rows of header → text, read by hand. */
export function exampleRows(table: string): Record<string, string>[] {
	const { rows } = parseCsv(readFileSync(`data/example/${table}.csv`, 'utf8'));
	const [header, ...body] = rows as [string[], ...string[][]];
	return body
		.filter((r) => r.length > 1)
		.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** The ids of the example's communities of town `townCode`, in the CSV's order. */
export const exampleIds = (townCode: string): string[] =>
	exampleRows('communities')
		.filter((r) => r.town_code === townCode)
		.map((r) => r.id!);

/**
 * The example's source tables (every data/example/*.csv) uploaded by `keeper` as a ledger and published as the first
 * release, as an office starts with its real data; the release's id. Throws when the upload does not validate or
 * the publish is refused.
 */
export async function publishExampleLedger(keeper: Client): Promise<string> {
	const files = readdirSync('data/example')
		.filter((f) => f.endsWith('.csv'))
		.map((name) => ({ name, bytes: readFileSync(join('data/example', name), 'utf8') }));
	const staged = (await (await keeper.upload(files)).json()) as { info: { id: string; ok: boolean } };
	if (!staged.info.ok) throw new Error(`the example did not validate: ${JSON.stringify(staged)}`);
	const res = await keeper.post(`/api/releases/${staged.info.id}/publish`, { base: null });
	if (res.status !== 200) throw new Error(`publishing the example: ${res.status} ${await res.text()}`);
	return staged.info.id;
}

/**
 * The office server over the dashboard's build with the example published as its first release (as an office
 * starts), a keeper and an admin signed in, and one town account per `towns` entry (name → its 乡镇（街道）),
 * signed in with PASSWORD. For the towns' browser tests. Throws when any step is refused.
 */
export async function townOffice(towns: Record<string, string[]>): Promise<{
	run: Running;
	admin: Client;
	keeper: Client;
	town: Record<string, Client>;
}> {
	const run = await startOffice('build', { exampleDataDir: 'build/data' });
	const { keeper, admin } = await accounts(run);
	await publishExampleLedger(keeper);
	const town: Record<string, Client> = {};
	for (const [name, its] of Object.entries(towns)) town[name] = await newAccount(admin, name, 'town', its);
	return { run, admin, keeper, town };
}
