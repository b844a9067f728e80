// How many logins the server hashes, decided before any hashing (issue 21, items 3 and 5). Counters in memory,
// from rate-limiter-flexible (RateLimiterMemory: no dependency, framework-free, maintained; each key expires by
// itself, so memory holds only recent sources and names). The limits:
//   - per source: LOGIN_PER_SOURCE_PER_MINUTE attempts a minute, whatever the name (unknown names included);
//   - per source: LOGIN_SOURCE_FAILURES_PER_DAY wrong passwords a day, then that source waits out the day;
//   - per source and name: LOCKOUT_FAILURES wrong passwords in a row, then that name from that source waits
//     LOCKOUT_SECONDS (an unknown name exactly as a known one);
//   - overall: LOGIN_PER_MINUTE attempts a minute from all sources together.
// No limit is ever on an account as such: wrong passwords sent from elsewhere never refuse the rightful user at
// another source, and a browser that has logged in as that name before (a signed device cookie, auth.ts) passes
// every limit but its own count of wrong passwords — so no one can lock the admin out for good, even from the
// admin's own network. `npm run unlock` (server/unlock.ts) clears them from the server's console.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface LoginLimitRules {
	/** Attempts a minute from one source (LOGIN_PER_SOURCE_PER_MINUTE, default 10). */
	perSourcePerMinute: number;
	/** Attempts a minute from all sources (LOGIN_PER_MINUTE, default 60). */
	totalPerMinute: number;
	/** Wrong passwords in a row for one name from one source (LOCKOUT_FAILURES, default 5) … */
	failures: number;
	/** … before that pair waits this long, seconds (LOCKOUT_SECONDS, default 900). */
	lockSeconds: number;
	/** Wrong passwords a day from one source before it waits out the day (LOGIN_SOURCE_FAILURES_PER_DAY, 100). */
	sourceFailuresPerDay: number;
}

/** Which limit refused an attempt. */
export type LimitName = 'source' | 'total' | 'name' | 'source-day';

export type Admission =
	| { ok: true; device: boolean }
	| {
			ok: false;
			limit: LimitName;
			/** Whole seconds until the limit lets this source try again. */
			retryAfterSeconds: number;
			/** The first refusal of this window (the one worth an audit entry). */
			first: boolean;
	  };

/** A name as a key: at most 64 characters (a 256 KB name must not make a 256 KB key). */
const nameKey = (name: string) => [...name].slice(0, 64).join('');
const pairKey = (source: string, name: string) => JSON.stringify([nameKey(name), source]);
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export class LoginLimits {
	private readonly source: RateLimiterMemory;
	private readonly total: RateLimiterMemory;
	private readonly pair: RateLimiterMemory;
	private readonly sourceDay: RateLimiterMemory;
	private readonly device: RateLimiterMemory;

	constructor(private readonly rules: LoginLimitRules) {
		this.source = new RateLimiterMemory({
			keyPrefix: 'source',
			points: rules.perSourcePerMinute,
			duration: 60
		});
		this.total = new RateLimiterMemory({ keyPrefix: 'total', points: rules.totalPerMinute, duration: 60 });
		this.pair = new RateLimiterMemory({
			keyPrefix: 'pair',
			points: rules.failures,
			duration: rules.lockSeconds
		});
		this.sourceDay = new RateLimiterMemory({
			keyPrefix: 'day',
			points: rules.sourceFailuresPerDay,
			duration: 86_400
		});
		this.device = new RateLimiterMemory({
			keyPrefix: 'device',
			points: rules.failures,
			duration: rules.lockSeconds
		});
	}

	/**
	 * May this attempt be hashed? `device` is the id of a valid device cookie for `name` (auth.ts), if any.
	 * Counts the attempt against the source's and the overall budget (a refused source spends no overall budget).
	 */
	async admit(source: string, name: string, device?: string): Promise<Admission> {
		if (device && !isSpent(await this.device.get(pairKey(device, name)), this.rules.failures))
			return { ok: true, device: true };
		const pair = await this.pair.get(pairKey(source, name));
		if (isSpent(pair, this.rules.failures))
			return { ok: false, limit: 'name', retryAfterSeconds: seconds(pair!.msBeforeNext), first: false };
		const day = await this.sourceDay.get(source);
		if (isSpent(day, this.rules.sourceFailuresPerDay))
			return { ok: false, limit: 'source-day', retryAfterSeconds: seconds(day!.msBeforeNext), first: false };
		for (const [limit, limiter, key] of [
			['source', this.source, source],
			['total', this.total, 'all']
		] as const) {
			try {
				await limiter.consume(key);
			} catch (e) {
				if (!(e instanceof RateLimiterRes)) throw e;
				return {
					ok: false,
					limit,
					retryAfterSeconds: seconds(e.msBeforeNext),
					first: e.consumedPoints === limiter.points + 1
				};
			}
		}
		return { ok: true, device: false };
	}

	/**
	 * A wrong password (or an unknown name): counted for the pair and the source's day, or for the device when the
	 * attempt came through one. `locked` says this failure began a wait (for the audit log).
	 */
	async failed(source: string, name: string, device?: string): Promise<{ locked: boolean }> {
		if (device) {
			const r = await this.device.penalty(pairKey(device, name));
			return { locked: r.consumedPoints === this.rules.failures };
		}
		const r = await this.pair.penalty(pairKey(source, name));
		// the wait runs from the last wrong password
		if (r.consumedPoints >= this.rules.failures)
			await this.pair.set(pairKey(source, name), r.consumedPoints, this.rules.lockSeconds);
		const day = await this.sourceDay.penalty(source);
		return {
			locked:
				r.consumedPoints === this.rules.failures || day.consumedPoints === this.rules.sourceFailuresPerDay
		};
	}

	/** The right password: that name's count from that source starts again — or, when it came through a device,
	 *  that device's count only (an attacker at the same source gets no fresh tries from the admin's login). */
	async succeeded(source: string, name: string, device?: string): Promise<void> {
		if (device) await this.device.delete(pairKey(device, name));
		else await this.pair.delete(pairKey(source, name));
	}

	/** Sources from which `name` now waits (the admin's accounts list). */
	lockedSources(name: string): string[] {
		const key = nameKey(name);
		return this.pair
			.dump()
			.storage.filter((r) => r.value >= this.rules.failures && (r.expiresAt ?? Infinity) > Date.now())
			.map((r) => JSON.parse(String(r.key)) as [string, string])
			.filter(([n]) => n === key)
			.map(([, source]) => source);
	}

	/** Clear every wait and count of `name`, from every source and device; how many sources waited. */
	async unlock(name: string): Promise<number> {
		const key = nameKey(name);
		const waited = this.lockedSources(name).length;
		for (const limiter of [this.pair, this.device])
			for (const r of limiter.dump().storage) {
				const [pairName] = JSON.parse(String(r.key)) as [string, string];
				if (pairName === key) await limiter.delete(String(r.key));
			}
		return waited;
	}

	/** Clear every login limit: all sources, names, devices and the overall budget. */
	async unlockAll(): Promise<void> {
		for (const limiter of [this.source, this.total, this.pair, this.sourceDay, this.device])
			for (const r of limiter.dump().storage) await limiter.delete(String(r.key));
	}
}

/** Whether a counter has reached `points` (a key with no record has not). */
function isSpent(r: RateLimiterRes | null, points: number): boolean {
	return r !== null && r.consumedPoints >= points && r.msBeforeNext > 0;
}
