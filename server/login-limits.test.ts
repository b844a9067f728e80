// The login limits (issue 21, items 3 and 5): per source, per source and name, per source and day, overall; a
// known device passes; nothing locks an account for everyone. Fake timers stand in for the minutes that pass.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoginLimits, type LoginLimitRules } from './login-limits';

const RULES: LoginLimitRules = {
	perSourcePerMinute: 10,
	totalPerMinute: 30,
	failures: 5,
	lockSeconds: 900,
	sourceFailuresPerDay: 100
};

beforeEach(() => {
	vi.useFakeTimers();
	vi.setSystemTime(Date.UTC(2026, 11, 7, 9));
});
afterEach(() => vi.useRealTimers());

/** An attempt that is admitted and then fails, as a wrong password does. */
async function wrong(limits: LoginLimits, source: string, name: string, device?: string) {
	const a = await limits.admit(source, name, device);
	expect(a.ok).toBe(true);
	return limits.failed(source, name, a.ok && a.device ? device : undefined);
}

describe('login limits', () => {
	it('lets one source try 10 times a minute, whatever the names, and no more; others are not affected', async () => {
		const limits = new LoginLimits(RULES);
		for (let i = 0; i < 10; i++) expect((await limits.admit('10.0.0.1', `nobody${i}`)).ok).toBe(true);
		const refused = await limits.admit('10.0.0.1', 'admin');
		expect(refused).toMatchObject({ ok: false, limit: 'source', first: true });
		expect(await limits.admit('10.0.0.1', 'admin')).toMatchObject({
			ok: false,
			limit: 'source',
			first: false
		});
		expect((await limits.admit('10.0.0.2', 'admin')).ok).toBe(true);
		vi.advanceTimersByTime(60_000);
		expect((await limits.admit('10.0.0.1', 'admin')).ok).toBe(true);
	});

	it('lets all sources together try 30 times a minute; a refused source spends none of it', async () => {
		const limits = new LoginLimits(RULES);
		// one noisy source is stopped at its own limit
		for (let i = 0; i < 25; i++) await limits.admit('10.0.0.99', `n${i}`);
		// its 10 admitted attempts leave 20 of the minute's 30 to everyone else
		for (let i = 0; i < 30; i++)
			expect((await limits.admit(`10.0.1.${i}`, 'x')).ok, `source ${i}`).toBe(i < 20);
		const over = await limits.admit('10.0.2.1', 'admin');
		expect(over).toMatchObject({ ok: false, limit: 'total' });
		expect(over.ok === false && over.retryAfterSeconds).toBeLessThanOrEqual(60);
	});

	it('makes a name wait at one source after 5 wrong passwords there, never at another; unknown names alike', async () => {
		const limits = new LoginLimits(RULES);
		const results = [];
		for (let i = 0; i < 5; i++) results.push(await wrong(limits, '10.0.0.1', 'admin'));
		expect(results.map((r) => r.locked)).toEqual([false, false, false, false, true]);
		const locked = await limits.admit('10.0.0.1', 'admin');
		expect(locked).toEqual({ ok: false, limit: 'name', retryAfterSeconds: 900, first: false });
		// the rightful admin elsewhere, and another name from the same source, go on
		expect((await limits.admit('10.0.0.2', 'admin')).ok).toBe(true);
		expect((await limits.admit('10.0.0.1', 'keeper')).ok).toBe(true);
		// an unknown name gets the very same answer
		for (let i = 0; i < 5; i++) await wrong(limits, '10.0.0.3', 'nobody-here');
		expect(await limits.admit('10.0.0.3', 'nobody-here')).toEqual(locked);
		expect(limits.lockedSources('admin')).toEqual(['10.0.0.1']);
		// the wait ends by itself
		vi.advanceTimersByTime(900_000);
		expect((await limits.admit('10.0.0.1', 'admin')).ok).toBe(true);
		expect(limits.lockedSources('admin')).toEqual([]);
	});

	it('counts wrong passwords in a row: the right one starts the count again', async () => {
		const limits = new LoginLimits(RULES);
		for (let i = 0; i < 4; i++) await wrong(limits, '10.0.0.1', 'admin');
		await limits.succeeded('10.0.0.1', 'admin');
		for (let i = 0; i < 4; i++) await wrong(limits, '10.0.0.1', 'admin');
		expect((await limits.admit('10.0.0.1', 'admin')).ok).toBe(true);
	});

	it('lets a browser that logged in as that name before through every limit but its own count', async () => {
		const limits = new LoginLimits(RULES);
		// an attacker at the admin's own source: the name waits there, and the source's minute is spent
		for (let i = 0; i < 5; i++) await wrong(limits, '10.0.0.1', 'admin');
		for (let i = 0; i < 10; i++) await limits.admit('10.0.0.1', 'x');
		expect((await limits.admit('10.0.0.1', 'admin')).ok).toBe(false);
		// the admin's known browser, at the same source
		expect(await limits.admit('10.0.0.1', 'admin', 'device-1')).toEqual({ ok: true, device: true });
		// a device cookie is for one name only (auth.ts checks the signature); its own 5 wrong passwords end its pass
		for (let i = 0; i < 5; i++) await wrong(limits, '10.0.0.1', 'admin', 'device-1');
		expect(await limits.admit('10.0.0.1', 'admin', 'device-1')).toMatchObject({ ok: false, limit: 'name' });
		expect((await limits.admit('10.0.0.1', 'admin', 'device-2')).ok).toBe(true);
		// the admin's login through a device gives the attacker at that source no fresh tries
		await limits.succeeded('10.0.0.1', 'admin', 'device-2');
		vi.advanceTimersByTime(60_000);
		expect(await limits.admit('10.0.0.1', 'admin')).toMatchObject({ ok: false, limit: 'name' });
	});

	it('makes a source wait out the day after 100 wrong passwords, over any names', async () => {
		const limits = new LoginLimits({ ...RULES, perSourcePerMinute: 1000, totalPerMinute: 1000 });
		let locked = 0;
		for (let i = 0; i < 100; i++) if ((await wrong(limits, '10.0.0.1', `name${i}`)).locked) locked++;
		expect(locked).toBe(1);
		expect(await limits.admit('10.0.0.1', 'admin')).toMatchObject({ ok: false, limit: 'source-day' });
		expect((await limits.admit('10.0.0.2', 'admin')).ok).toBe(true);
	});

	it('unlocks a name everywhere, or everything, from the console', async () => {
		const limits = new LoginLimits(RULES);
		for (const source of ['10.0.0.1', '10.0.0.2'])
			for (let i = 0; i < 5; i++) await wrong(limits, source, 'admin');
		for (let i = 0; i < 5; i++) await wrong(limits, '10.0.0.1', 'keeper');
		expect(await limits.unlock('admin')).toBe(2);
		vi.advanceTimersByTime(60_000); // the source's minute, which unlock leaves alone
		expect((await limits.admit('10.0.0.1', 'admin')).ok).toBe(true);
		expect((await limits.admit('10.0.0.1', 'keeper')).ok).toBe(false);
		await limits.unlockAll();
		expect((await limits.admit('10.0.0.1', 'keeper')).ok).toBe(true);
	});

	it('keys a name by at most 64 characters', async () => {
		const limits = new LoginLimits(RULES);
		const long = 'x'.repeat(100_000);
		for (let i = 0; i < 5; i++) await wrong(limits, '10.0.0.1', long);
		expect(await limits.admit('10.0.0.1', 'x'.repeat(64) + 'y')).toMatchObject({ ok: false, limit: 'name' });
	});
});
