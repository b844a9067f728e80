// Logins under attack (issue 21, items 5, 6, 8, 9, 11): wrong passwords from one source never lock the rightful
// user out at another, nor at the same one from a browser that has logged in before; a waiting name and an unknown
// one get the same answer; unknown names are limited too; the console unlocks; a password change ends the other
// sessions; audit entries are bounded, paged and filtered; hosts, origins and frames are checked. Loopback only:
// the sources are told by X-Forwarded-For, which the server takes from 127.0.0.1 as from a trusted proxy.
import { execFile } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	accounts,
	Client,
	PASSWORD,
	scratchBuild,
	startOffice,
	type Running
} from '../../scripts/lib/harness/office';

let run: Running;
let users: Awaited<ReturnType<typeof accounts>>;
const build = scratchBuild(false);

beforeAll(async () => {
	run = await startOffice(build, {
		trustedProxies: ['127.0.0.1'],
		loginPerSourcePerMinute: 10,
		loginPerMinute: 1000,
		lockoutFailures: 5,
		lockoutSeconds: 900
	});
	users = await accounts(run);
}, 60_000);
afterAll(() => run.stop());

/** A client whose requests come from `source` (as a proxy in front would say). */
function from(source: string): Client {
	const c = new Client(run.url);
	const request = c.request.bind(c);
	c.request = (path, init = {}) => {
		const headers = new Headers(init.headers);
		headers.set('x-forwarded-for', source);
		return request(path, { ...init, headers });
	};
	return c;
}

/** A request with a Host header of its own (fetch will not send one): the status. */
function withHost(
	path: string,
	host: string,
	headers: Record<string, string> = {},
	method = 'GET'
): Promise<number> {
	const { hostname, port } = new URL(run.url);
	return new Promise((resolve, reject) => {
		const req = httpRequest({ hostname, port, path, method, headers: { ...headers, host } }, (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.on('error', reject);
		req.end(method === 'POST' ? '{}' : undefined);
	});
}

const body = async (res: Response) => (await res.json()) as { error?: { zh: string; en: string } };

describe('wrong passwords from elsewhere (item 5)', () => {
	it('never lock the admin out at another source', async () => {
		const attacker = from('10.9.9.9');
		for (let i = 0; i < 5; i++) expect((await attacker.login('admin', `guess ${i}`)).status).toBe(401);
		// the attacker's source now waits for this name, and the right password changes nothing there
		const refused = await attacker.login('admin', PASSWORD);
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(800);
		// the rightful admin, at another machine, logs in
		expect((await from('10.1.1.1').login('admin', PASSWORD)).status).toBe(200);
	});

	it('never lock out a browser that has logged in as that name before, even at the attacker’s source', async () => {
		const mine = from('10.2.2.2');
		expect((await mine.login('admin', PASSWORD)).status).toBe(200);
		const attacker = from('10.2.2.2');
		for (let i = 0; i < 12; i++) await attacker.login('admin', `guess ${i}`);
		expect((await attacker.login('admin', PASSWORD)).status).toBe(429);
		// the same source, the admin's own browser (its device cookie): let in
		expect((await mine.login('admin', PASSWORD)).status).toBe(200);
		// and the attacker gained no fresh tries by it
		expect((await attacker.login('admin', PASSWORD)).status).toBe(429);
		// a forged device cookie is worth nothing
		const forged = await fetch(`${run.url}/api/login`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-forwarded-for': '10.2.2.2',
				cookie: `yq_device=${Buffer.from('admin').toString('base64url')}.abc.${'A'.repeat(43)}`
			},
			body: JSON.stringify({ name: 'admin', password: PASSWORD })
		});
		expect(forged.status).toBe(429);
	});

	it('gives the same answer, status and body, for a waiting name and an unknown one', async () => {
		const a = from('10.3.3.3');
		for (let i = 0; i < 5; i++) await a.login('viewer', `guess ${i}`);
		const known = await a.login('viewer', PASSWORD);
		const b = from('10.4.4.4');
		for (let i = 0; i < 5; i++) await b.login('nobody-here', `guess ${i}`);
		const unknown = await b.login('nobody-here', PASSWORD);
		expect(known.status).toBe(429);
		expect(unknown.status).toBe(known.status);
		expect(await body(unknown)).toEqual(await body(known));
		// and before that, a wrong password and an unknown name answered alike too
		const c = from('10.4.4.5');
		const wrong = await c.login('keeper', 'not it');
		const nobody = await c.login('nobody-else', 'not it');
		expect([wrong.status, await body(wrong)]).toEqual([nobody.status, await body(nobody)]);
	});

	it('limits unknown names too: one source tries at most 10 a minute', async () => {
		const c = from('10.5.5.5');
		const statuses: number[] = [];
		for (let i = 0; i < 12; i++) statuses.push((await c.login(`nobody${i}`, 'x')).status);
		expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
		expect(statuses.slice(10)).toEqual([429, 429]);
		expect((await from('10.5.5.6').login('nobody', 'x')).status).toBe(401);
	});

	it('are lifted from the server’s console: npm run unlock -- NAME [--reset-password]', async () => {
		const c = from('10.6.6.6');
		for (let i = 0; i < 5; i++) await c.login('keeper', `guess ${i}`);
		expect((await c.login('keeper', PASSWORD)).status).toBe(429);
		const accountsList = (await (await users.admin.get('/api/users')).json()) as {
			users: { name: string; lockedSources: string[] }[];
		};
		expect(accountsList.users.find((u) => u.name === 'keeper')?.lockedSources).toEqual(['10.6.6.6']);
		const port = new URL(run.url).port;
		// (asynchronously: this process is the server)
		const unlock = (...args: string[]) =>
			promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/unlock.ts', ...args], {
				encoding: 'utf8',
				env: { ...process.env, DATA_DIR: run.config.dataDir, PORT: port, HOST: '127.0.0.1' }
			}).then(
				(r) => ({ status: 0, ...r }),
				(e: { code: number; stdout: string; stderr: string }) => ({ ...e, status: e.code })
			);
		const out = await unlock('keeper');
		expect(out.status, out.stderr).toBe(0);
		expect(out.stdout).toContain('login limits of keeper lifted (1 source(s))');
		expect((await c.login('keeper', PASSWORD)).status).toBe(200);
		// a new one-time password, printed on the console; the keeper's sessions end
		const reset = await unlock('keeper', '--reset-password');
		expect(reset.status, reset.stderr).toBe(0);
		const otp = /One-time password of keeper: (\S+)/.exec(reset.stdout)?.[1];
		expect(otp).toMatch(/^[A-Za-z0-9]{16}$/);
		expect(((await (await c.get('/api/me')).json()) as { user: unknown }).user).toBeNull();
		const again = from('10.6.6.7');
		expect((await again.login('keeper', otp!)).status).toBe(200);
		expect(
			((await (await again.get('/api/me')).json()) as { user: { mustChange: boolean } }).user.mustChange
		).toBe(true);
		await again.post('/api/password', { current: otp, next: PASSWORD });
		// a name that does not exist
		expect((await unlock('nobody-here')).status).toBe(1);
		const log = (await (await users.admin.get('/api/audit?action=account-change&limit=5')).json()) as {
			entries: { user: string | null; target: string; detail: string }[];
		};
		expect(
			log.entries.some((e) => e.user === null && e.target === 'keeper' && e.detail.includes('console'))
		).toBe(true);
	});
});

describe('sessions and passwords (items 8, 11)', () => {
	it('ends the user’s other sessions when the password changes, keeping the one that changed it', async () => {
		const name = 'changer';
		const { password } = (await (await users.admin.post('/api/users', { name, role: 'keeper' })).json()) as {
			password: string;
		};
		const first = from('10.7.7.1');
		await first.login(name, password);
		await first.post('/api/password', { current: password, next: PASSWORD });
		const other = from('10.7.7.2');
		await other.login(name, PASSWORD);
		expect(((await (await other.get('/api/me')).json()) as { user: unknown }).user).not.toBeNull();
		expect(
			(await first.post('/api/password', { current: PASSWORD, next: 'another long passphrase' })).status
		).toBe(200);
		expect(((await (await other.get('/api/me')).json()) as { user: unknown }).user).toBeNull();
		expect(((await (await first.get('/api/me')).json()) as { user: unknown }).user).not.toBeNull();
	});

	it('refuses a common password, the user’s name in it, and the one-time password kept as it is', async () => {
		const name = 'newbie';
		const { password } = (await (await users.admin.post('/api/users', { name, role: 'viewer' })).json()) as {
			password: string;
		};
		const c = from('10.7.7.3');
		await c.login(name, password);
		for (const next of ['qwertyuiop', 'password123', 'woaini1314', 'newbie2026!!', password]) {
			const res = await c.post('/api/password', { current: password, next });
			expect(res.status, next).toBe(400);
		}
		expect((await c.post('/api/password', { current: password, next: 'a phrase of my own' })).status).toBe(
			200
		);
	});
});

describe('one-time passwords expire (item 11)', () => {
	it('refuses a one-time password past ONE_TIME_PASSWORD_HOURS, and a session that still holds one', async () => {
		let now = Date.UTC(2026, 11, 7, 9);
		const short = await startOffice(build, { oneTimePasswordHours: 72, clock: () => now });
		try {
			const admin = new Client(short.url);
			await admin.login('admin', short.office.adminPassword!);
			await admin.post('/api/password', { current: short.office.adminPassword, next: PASSWORD });
			const { password } = (await (
				await admin.post('/api/users', { name: 'late', role: 'viewer' })
			).json()) as {
				password: string;
			};
			const early = new Client(short.url);
			expect((await early.login('late', password)).status).toBe(200);
			now += 73 * 3600_000;
			// the session opened with it ends too (the admin's, 8 h without activity, too)
			expect(((await (await early.get('/api/me')).json()) as { user: unknown }).user).toBeNull();
			await admin.login('admin', PASSWORD);
			const res = await new Client(short.url).login('late', password);
			expect(res.status).toBe(401);
			expect((await body(res)).error?.en).toMatch(/one-time password has expired/);
			// a reset gives a new one that works
			const reset = (await (
				await admin.post('/api/users', { name: 'late', resetPassword: true })
			).json()) as {
				password: string;
			};
			expect((await new Client(short.url).login('late', reset.password)).status).toBe(200);
		} finally {
			await short.stop();
		}
	});
});

describe('audit entries (item 6)', () => {
	it('stores a flood of long names cut to a bound, and pages and filters the log', async () => {
		const c = from('10.8.8.8');
		const huge = `${'x'.repeat(100 * 1024)}\u202Eevil`;
		expect((await c.login(huge, 'x')).status).toBe(401);
		const page = (await (
			await users.admin.get('/api/audit?action=login&outcome=refused&limit=3')
		).json()) as {
			entries: { user: string; action: string; outcome: string; detail: string }[];
			total: number;
			offset: number;
			limit: number;
		};
		expect(page.entries).toHaveLength(3);
		expect(page.limit).toBe(3);
		expect(page.total).toBeGreaterThan(10);
		expect(page.entries.every((e) => e.action === 'login' && e.outcome === 'refused')).toBe(true);
		const newest = page.entries[0]!;
		expect(newest.user.length).toBeLessThan(100);
		expect(newest.user).toMatch(/^x{64}…\(\+\d+\)$/);
		expect(newest.detail).toContain('from 10.8.8.8');
		// the next page follows on
		const next = (await (
			await users.admin.get('/api/audit?action=login&outcome=refused&limit=3&offset=3')
		).json()) as { entries: unknown[] };
		expect(next.entries).toHaveLength(3);
		expect(next.entries).not.toContainEqual(newest);
		// by user and by text
		const byUser = (await (await users.admin.get('/api/audit?user=CHANGER')).json()) as {
			entries: { user: string }[];
		};
		expect(byUser.entries.length).toBeGreaterThan(0);
		expect(byUser.entries.every((e) => e.user === 'changer')).toBe(true);
		const byText = (await (await users.admin.get('/api/audit?text=10.8.8.8')).json()) as { total: number };
		expect(byText.total).toBe(1);
		// at most 200 a page
		expect(
			((await (await users.admin.get('/api/audit?limit=100000')).json()) as { limit: number }).limit
		).toBe(200);
	});
});

describe('hosts, origins and frames (item 11)', () => {
	it('answers 403, not 500, to Origin: null', async () => {
		expect((await users.keeper.post('/api/logout', {}, { origin: 'null' })).status).toBe(403);
	});

	it('answers only to allowed host names: a rebound DNS name is refused, with its own Origin too', async () => {
		expect(await withHost('/', 'evil.example')).toBe(421);
		expect(await withHost('/', 'evil.example:4173')).toBe(421);
		// a page of evil.example whose name now points here: Host and Origin agree, and are both refused
		const rebound = await withHost(
			'/api/login',
			'evil.example',
			{ origin: 'http://evil.example', 'content-type': 'application/json' },
			'POST'
		);
		expect(rebound).toBe(421);
		expect((await users.keeper.post('/api/logout', {}, { origin: 'http://evil.example' })).status).toBe(403);
		expect(await withHost('/', 'localhost')).toBe(200);
	});

	it('tells browsers that no one may frame a page', async () => {
		const res = await fetch(`${run.url}/login`);
		expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(res.headers.get('x-frame-options')).toBe('DENY');
	});
});
