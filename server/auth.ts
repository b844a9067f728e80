// Logins and sessions over the store: scrypt passwords, lockout after repeated failures, sessions in an HttpOnly
// SameSite=Strict cookie (only the token's SHA-256 is stored), a CSRF token per session for every change.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { parse, serialize } from 'cookie';
import type { ServerConfig } from './config';
import { hashPassword, oneTimePassword, verifyPassword } from './passwords';
import { afterFailure, isLocked } from './roles';
import type { Session, Store, User } from './store';

export const COOKIE = 'yq_session';

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

export interface Signed {
	user: User;
	session: Session;
	tokenHash: string;
}

export type LoginResult =
	| { ok: true; user: User; token: string; csrf: string }
	| { ok: false; status: number; zh: string; en: string };

/** A hash to verify against when the user does not exist, so a wrong name costs the same time as a wrong password. */
let decoy: Promise<string> | undefined;

export class Auth {
	constructor(
		private readonly store: Store,
		private readonly config: ServerConfig
	) {}

	/** First start: an admin with a one-time password (returned, to be printed once); undefined when users exist. */
	async ensureAdmin(): Promise<string | undefined> {
		if ((await this.store.userCount()) > 0) return undefined;
		const password = oneTimePassword();
		await this.store.addUser('admin', 'admin', await hashPassword(password));
		return password;
	}

	async login(name: string, password: string, now = Date.now()): Promise<LoginResult> {
		const user = await this.store.user(name);
		const refused = {
			ok: false as const,
			status: 401,
			zh: '用户名或密码错误',
			en: 'wrong user name or password'
		};
		if (!user || user.disabled) {
			await verifyPassword(password, await (decoy ??= hashPassword(randomBytes(8).toString('hex'))));
			return refused;
		}
		if (isLocked(user.lockedUntil, now)) {
			const until = new Date(user.lockedUntil!).toISOString().slice(11, 16);
			return {
				ok: false,
				status: 423,
				zh: `连续登录失败次数过多，账户已锁定至 ${until}（UTC），或请管理员解锁`,
				en: `too many failed logins: the account is locked until ${until} UTC, or ask an admin to unlock it`
			};
		}
		if (!(await verifyPassword(password, user.hash))) {
			const next = afterFailure(user.failures, now, {
				failures: this.config.lockoutFailures,
				seconds: this.config.lockoutSeconds
			});
			await this.store.updateUser(name, { failures: next.failures, lockedUntil: next.lockedUntil ?? null });
			return refused;
		}
		await this.store.updateUser(name, { failures: 0, lockedUntil: null });
		const token = randomBytes(32).toString('base64url');
		const csrf = randomBytes(24).toString('base64url');
		await this.store.addSession(sha256(token), {
			user: name,
			csrf,
			expires: now + this.config.sessionTtlSeconds * 1000
		});
		return { ok: true, user, token, csrf };
	}

	/** The signed-in user of a request, if its cookie names a live session of an enabled account. */
	async signed(req: IncomingMessage, now = Date.now()): Promise<Signed | undefined> {
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
}
