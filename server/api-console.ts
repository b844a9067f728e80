// The server's console (issue 21, item 5): `npm run unlock` on the server's machine asks the running server —
// with the local key only the server's user can read (DATA_DIR/.backup-key) — to lift the login limits of a name
// (or all of them) and, if asked, to give it a new one-time password. Nothing here is reachable without that key.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from './context';
import { HttpError, readJson, sendJson } from './http';
import { hashPassword, oneTimePassword } from './passwords';
import { validUserName } from './roles';
import type { Store } from './store';

/** Whether a request carries this server's local key. */
export function hasLocalKey(ctx: Context, req: IncomingMessage): boolean {
	const given = req.headers['x-backup-key'];
	if (typeof given !== 'string' || !ctx.backupKey) return false;
	const a = Buffer.from(given);
	const b = Buffer.from(ctx.backupKey);
	return a.length === b.length && timingSafeEqual(a, b);
}

/** A new one-time password for `name`, valid until `otpExpires`; every session of the account ends. */
export async function resetOneTimePassword(store: Store, name: string, otpExpires: number): Promise<string> {
	const password = oneTimePassword();
	await store.updateUser(name, { hash: await hashPassword(password), mustChange: true, otpExpires });
	await store.dropSessionsOf(name);
	return password;
}

/** What `npm run unlock` prints: the name, how many sources it waited at, the new one-time password if any. */
export interface UnlockResult {
	name: string | null;
	sources: number;
	password: string | null;
}

/** POST /api/console/unlock {name, resetPassword} or {all: true}, with the local key. */
export async function consoleApi(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
	if (!hasLocalKey(ctx, req)) throw new HttpError(403, '本机密钥不对', 'wrong local key');
	const body = await readJson(req);
	if (body.all === true) {
		await ctx.auth.limits.unlockAll();
		await ctx.store.audit({
			user: null,
			action: 'account-change',
			target: null,
			outcome: 'ok',
			detail: 'every login limit lifted from the console'
		});
		return sendJson(res, 200, { name: null, sources: 0, password: null } satisfies UnlockResult);
	}
	const name = body.name;
	if (!validUserName(name) || !(await ctx.store.user(name)))
		throw new HttpError(404, `没有账户“${String(name)}”`, `no account "${String(name)}"`);
	const sources = await ctx.auth.limits.unlock(name);
	const password = body.resetPassword
		? await resetOneTimePassword(ctx.store, name, ctx.auth.otpExpires(ctx.config.clock()))
		: null;
	await ctx.store.audit({
		user: null,
		action: 'account-change',
		target: name,
		outcome: 'ok',
		detail: JSON.stringify({ unlock: true, sources, reset: password !== null, from: 'console' })
	});
	sendJson(res, 200, { name, sources, password } satisfies UnlockResult);
}
