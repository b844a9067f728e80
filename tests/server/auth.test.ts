// The office server's logins: lockout, expiry, roles, CSRF (issue 14, "Login"). Loopback only.
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
beforeAll(async () => {
	run = await startOffice(scratchBuild(false), { lockoutFailures: 3, lockoutSeconds: 600 });
	users = await accounts(run);
}, 60_000);
afterAll(() => run.stop());

describe('logins', () => {
	it('creates the first admin with a one-time password that must be changed before any change', async () => {
		expect(run.office.adminPassword).toMatch(/^[A-Za-z0-9]{16}$/);
		const fresh = new Client(run.url);
		const { password } = (await (
			await users.admin.post('/api/users', { name: 'newcomer', role: 'keeper' })
		).json()) as {
			password: string;
		};
		await fresh.login('newcomer', password);
		const me = (await (await fresh.get('/api/me')).json()) as { user: { mustChange: boolean } };
		expect(me.user.mustChange).toBe(true);
		const upload = await fresh.upload([{ name: 'a.csv', bytes: 'x' }]);
		expect(upload.status).toBe(403);
		expect(((await upload.json()) as { mustChange: boolean }).mustChange).toBe(true);
	});

	it('makes a name wait at a source after repeated wrong passwords, even with the right one, and logs it', async () => {
		const c = new Client(run.url);
		for (let i = 0; i < 3; i++) expect((await c.login('viewer', `wrong ${i}`)).status).toBe(401);
		const locked = await c.login('viewer', PASSWORD);
		expect(locked.status).toBe(429);
		expect(((await locked.json()) as { error: { zh: string } }).error.zh).toContain('登录尝试过多');
		// an admin unlocks it
		await users.admin.post('/api/users', { name: 'viewer', unlock: true });
		expect((await c.login('viewer', PASSWORD)).status).toBe(200);
		const log = (await (await users.admin.get('/api/audit')).json()) as {
			entries: { user: string; action: string; outcome: string; detail: string }[];
		};
		const viewerLogins = log.entries.filter((e) => e.user === 'viewer' && e.action === 'login');
		const refused = viewerLogins.filter((e) => e.outcome === 'refused');
		expect(refused.length).toBeGreaterThanOrEqual(3);
		expect(refused.some((e) => e.detail.includes('now waits'))).toBe(true);
		expect(log.entries.some((e) => e.action === 'account-change')).toBe(true);
	});

	it('says the same for an unknown user as for a wrong password', async () => {
		const a = await new Client(run.url).login('nobody-here', 'x');
		const b = await new Client(run.url).login('keeper', 'x');
		expect(a.status).toBe(401);
		expect(await a.json()).toEqual(await b.json());
	});

	it('lets a viewer read but not import, publish or manage accounts', async () => {
		// (the unlock above ended the viewer's sessions)
		await users.viewer.login('viewer', PASSWORD);
		expect((await users.viewer.get('/api/me')).status).toBe(200);
		expect((await users.viewer.upload([{ name: 'a.csv', bytes: 'x' }])).status).toBe(403);
		expect(
			(await users.viewer.post('/api/releases/20260101-000000-aaaaaa/publish', { base: null })).status
		).toBe(403);
		expect((await users.viewer.post('/api/users', { name: 'mallory', role: 'admin' })).status).toBe(403);
		expect((await users.keeper.post('/api/users', { name: 'mallory', role: 'admin' })).status).toBe(403);
		expect((await users.viewer.get('/api/releases')).status).toBe(403);
		expect((await new Client(run.url).get('/api/releases')).status).toBe(401);
	});

	it('needs the session’s CSRF token on every change, and refuses other origins', async () => {
		const noToken = await users.keeper.post('/api/logout', {}, { 'x-csrf-token': '' });
		expect(noToken.status).toBe(403);
		expect((await users.keeper.post('/api/logout', {}, { 'x-csrf-token': 'forged' })).status).toBe(403);
		expect(
			(
				await users.admin.post(
					'/api/users',
					{ name: 'x1', role: 'viewer' },
					{ 'x-csrf-token': users.keeper.csrf }
				)
			).status
		).toBe(403);
		expect((await users.keeper.post('/api/logout', {}, { origin: 'http://evil.example' })).status).toBe(403);
		// a login by a form from elsewhere (not JSON) is refused too
		const form = await fetch(`${run.url}/api/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'name=keeper&password=x'
		});
		expect(form.status).toBe(415);
		expect(((await (await users.keeper.get('/api/me')).json()) as { user: unknown }).user).not.toBeNull();
	});

	it('ends a session at logout', async () => {
		const c = new Client(run.url);
		await c.login('keeper', PASSWORD);
		expect((await c.post('/api/logout')).status).toBe(200);
		expect(((await (await c.get('/api/me')).json()) as { user: unknown }).user).toBeNull();
	});
});

describe('session expiry', () => {
	it('forgets a session after its lifetime without activity, and keeps one in use', async () => {
		let now = Date.UTC(2026, 0, 5, 9);
		const short = await startOffice(scratchBuild(false), { sessionTtlSeconds: 3600, clock: () => now });
		try {
			const admin = new Client(short.url);
			await admin.login('admin', short.office.adminPassword!);
			const signedIn = async () =>
				((await (await admin.get('/api/me')).json()) as { user: unknown }).user !== null;
			now += 50 * 60_000; // 50 minutes later: still signed in, and the use extends the session
			expect(await signedIn()).toBe(true);
			now += 50 * 60_000;
			expect(await signedIn()).toBe(true);
			now += 61 * 60_000; // over an hour without activity
			expect(await signedIn()).toBe(false);
			expect((await admin.post('/api/logout')).status).toBe(401);
		} finally {
			await short.stop();
		}
	});
});
