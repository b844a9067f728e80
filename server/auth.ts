// Logins and sessions over the store: scrypt passwords (hashed on a thread of their own, hasher.ts), login limits
// decided before any hashing (login-limits.ts), sessions in an HttpOnly SameSite=Strict cookie (only the token's
// SHA-256 is stored), a CSRF token per session for every change, and a signed device cookie that lets a browser
// which has logged in as a name before past the limits others may have run into.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { parse, serialize } from 'cookie';
import type { ServerConfig } from './config';
import { hasher } from './hasher';
import { LoginLimits } from './login-limits';
import { tooManyLogins } from './login-wait';
import { hashPassword, oneTimePassword, verifyPassword } from './passwords';
import { validUserName } from './roles';
import type { Session, Store, User } from './store';

export const COOKIE = 'yq_session';
/** The device cookie: sent to /api/login only. */
export const DEVICE_COOKIE = 'yq_device';
const DEVICE_DAYS = 180;
/** Logins waiting for the hasher beyond which a new attempt is told the server is busy (503). */
export const LOGIN_HASH_QUEUE = 8;

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

export interface Signed {
	user: User;
	session: Session;
	tokenHash: string;
}

/** What an attempt sends: the name and password, where it comes from (hosts.ts) and its device cookie. */
export interface LoginAttempt {
	name: string;
	password: string;
	source: string;
	deviceCookie?: string;
}

export type LoginResult =
	| { ok: true; user: User; token: string; csrf: string; device: string }
	| {
			ok: false;
			status: number;
			zh: string;
			en: string;
			headers: Record<string, string>;
			/** What the audit log should say, or null when this refusal is not worth an entry (a flood's repeats). */
			audit: string | null;
	  };

/** Wrong name or password — the same words, status and time for an unknown name, a disabled one or a wrong
 *  password, so that no answer tells whether a name exists. */
const WRONG = { status: 401, zh: '用户名或密码错误', en: 'wrong user name or password' } as const;

/** A hash to verify against when the user does not exist, so a wrong name costs the same time as a wrong password. */
let decoy: Promise<string> | undefined;

/** The device key (DATA_DIR/.device-key, readable by the server's user only), made at the first start. */
export function deviceKey(dataDir: string): Buffer {
	const file = join(dataDir, '.device-key');
	if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
	chmodSync(file, 0o600);
	return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
}

export class Auth {
	/** The login limits of this process (per source, per source and name, overall). */
	readonly limits: LoginLimits;

	constructor(
		private readonly store: Store,
		private readonly config: ServerConfig,
		private readonly key: Buffer = randomBytes(32)
	) {
		this.limits = new LoginLimits({
			perSourcePerMinute: config.loginPerSourcePerMinute,
			totalPerMinute: config.loginPerMinute,
			failures: config.lockoutFailures,
			lockSeconds: config.lockoutSeconds,
			sourceFailuresPerDay: config.loginSourceFailuresPerDay
		});
	}

	/** When a one-time password made at `now` stops working (ms). */
	otpExpires(now: number): number {
		return now + this.config.oneTimePasswordHours * 3600_000;
	}

	/** First start: an admin with a one-time password (returned, to be printed once); undefined when users exist.
	 *  One-time passwords of older stores, which never expired, expire from now on. */
	async ensureAdmin(now = this.config.clock()): Promise<string | undefined> {
		await this.store.expireOneTimePasswords(this.otpExpires(now));
		if ((await this.store.userCount()) > 0) return undefined;
		const password = oneTimePassword();
		await this.store.addUser('admin', 'admin', await hashPassword(password), this.otpExpires(now));
		return password;
	}

	async login(attempt: LoginAttempt, now = this.config.clock()): Promise<LoginResult> {
		const { name, password, source } = attempt;
		const device = this.deviceOf(name, attempt.deviceCookie);
		const admitted = await this.limits.admit(source, name, device);
		if (!admitted.ok) {
			return {
				ok: false,
				status: 429,
				...tooManyLogins(admitted.retryAfterSeconds),
				headers: { 'retry-after': String(admitted.retryAfterSeconds) },
				audit: admitted.first ? `limit: ${admitted.limit}, from ${source}` : null
			};
		}
		const through = admitted.device ? device : undefined;
		if (hasher.waiting >= LOGIN_HASH_QUEUE && !through)
			return {
				ok: false,
				status: 503,
				zh: '服务器正忙，请稍后再试',
				en: 'the server is busy: try again in a moment',
				headers: { 'retry-after': '5' },
				audit: null
			};
		const user = validUserName(name) ? await this.store.user(name) : undefined;
		let right: boolean;
		if (!user || user.disabled) {
			// a name that cannot exist is not worth a hash; one that could costs the same as a real one
			if (validUserName(name))
				await verifyPassword(password, await (decoy ??= hashPassword(randomBytes(8).toString('hex'))));
			right = false;
		} else right = await verifyPassword(password, user.hash);
		if (!right || !user) {
			const { locked } = await this.limits.failed(source, name, through);
			return {
				ok: false,
				...WRONG,
				headers: {},
				audit: `${WRONG.en}, from ${source}${locked ? ` (now waits ${Math.ceil(this.config.lockoutSeconds / 60)} min there)` : ''}`
			};
		}
		await this.limits.succeeded(source, name, through);
		if (user.mustChange && user.otpExpires !== null && user.otpExpires <= now)
			return {
				ok: false,
				status: 401,
				zh: '一次性密码已过期：请管理员重置密码（或在服务器上运行 npm run unlock -- 用户名 --reset-password）',
				en: 'the one-time password has expired: ask an admin to reset it (or run npm run unlock -- NAME --reset-password on the server)',
				headers: {},
				audit: `one-time password expired, from ${source}`
			};
		const token = randomBytes(32).toString('base64url');
		const csrf = randomBytes(24).toString('base64url');
		await this.store.addSession(sha256(token), {
			user: name,
			csrf,
			expires: now + this.config.sessionTtlSeconds * 1000
		});
		return { ok: true, user, token, csrf, device: this.deviceCookieValue(name, device) };
	}

	/** The signed-in user of a request, if its cookie names a live session of an enabled account (whose one-time
	 *  password, if it still has one, has not expired). */
	async signed(req: IncomingMessage, now = this.config.clock()): Promise<Signed | undefined> {
		const token = parse(req.headers.cookie ?? '')[COOKIE];
		if (!token) return undefined;
		const tokenHash = sha256(token);
		const session = await this.store.session(tokenHash);
		if (!session) return undefined;
		if (session.expires <= now) {
			await this.store.dropSession(tokenHash);
			return undefined;
		}
		const user = await this.store.user(session.user);
		if (!user || user.disabled) return undefined;
		if (user.mustChange && user.otpExpires !== null && user.otpExpires <= now) return undefined;
		// sliding expiry, written at most once a minute
		const expires = now + this.config.sessionTtlSeconds * 1000;
		if (expires - session.expires > 60_000) await this.store.touchSession(tokenHash, expires);
		return { user, session, tokenHash };
	}

	async logout(signed: Signed): Promise<void> {
		await this.store.dropSession(signed.tokenHash);
	}

	cookie(token: string): string {
		return serialize(COOKIE, token, {
			httpOnly: true,
			sameSite: 'strict',
			path: '/',
			secure: this.config.secureCookies,
			maxAge: this.config.sessionTtlSeconds
		});
	}

	clearCookie(): string {
		return serialize(COOKIE, '', { httpOnly: true, sameSite: 'strict', path: '/', maxAge: 0 });
	}

	/** The device cookie to set after a login as `name` (the same device id when it had one). */
	deviceCookie(value: string): string {
		return serialize(DEVICE_COOKIE, value, {
			httpOnly: true,
			sameSite: 'strict',
			path: '/api/login',
			secure: this.config.secureCookies,
			maxAge: DEVICE_DAYS * 86_400
		});
	}

	/** The device id of a cookie signed by this server for `name`, or undefined. */
	private deviceOf(name: string, cookie: string | undefined): string | undefined {
		const [who, id, mac] = (cookie ?? '').split('.');
		if (!who || !id || !mac || who !== Buffer.from(name).toString('base64url')) return undefined;
		const expected = this.mac(`${who}.${id}`);
		const given = Buffer.from(mac, 'base64url');
		return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
	}

	private deviceCookieValue(name: string, id = randomBytes(16).toString('base64url')): string {
		const body = `${Buffer.from(name).toString('base64url')}.${id}`;
		return `${body}.${this.mac(body).toString('base64url')}`;
	}

	private mac(text: string): Buffer {
		return createHmac('sha256', this.key).update(text).digest();
	}
}
