// The account side of the API: who am I, log in and out, change my password; accounts (admin) and the audit log.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'cookie';
import { DEVICE_COOKIE, type Signed } from './auth';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../src/lib/files/manifest';
import { currentDataDir, loginRequired, need, type Context } from './context';
import { sourceOf } from './hosts';
import { HttpError, readJson, sendJson } from './http';
import { hashPassword, oneTimePassword, passwordProblem, verifyPassword } from './passwords';
import { isRole, validUserName } from './roles';

/** Audit entries per page: 50 unless asked, at most 200. */
const AUDIT_PAGE = 50;

const str = (v: unknown, field: string): string => {
	if (typeof v !== 'string') throw new HttpError(400, `缺少字段“${field}”`, `missing field "${field}"`);
	return v;
};

/** The towns of a town account: names of the towns table of the data served now, each once. */
async function townsOf(ctx: Context, value: unknown): Promise<string[]> {
	if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
		throw new HttpError(400, '乡镇（街道）应为名称列表', 'towns must be a list of names');
	const known = new Set(
		(JSON.parse(readFileSync(join(currentDataDir(ctx), 'manifest.json'), 'utf8')) as Manifest).towns.map(
			(t) => t.name
		)
	);
	const unknown = value.filter((v) => !known.has(v));
	if (unknown.length > 0)
		throw new HttpError(
			400,
			`数据中没有这些乡镇（街道）：${unknown.join('、')}`,
			`no such town in the data: ${unknown.join(', ')}`
		);
	return [...new Set(value as string[])];
}

export async function accountApi(
	ctx: Context,
	req: IncomingMessage,
	res: ServerResponse,
	route: string,
	signed: Signed | undefined
): Promise<boolean> {
	const { store, auth } = ctx;
	if (route === 'GET /api/me') {
		sendJson(res, 200, {
			user: signed
				? {
						name: signed.user.name,
						role: signed.user.role,
						mustChange: signed.user.mustChange,
						towns: signed.user.towns
					}
				: null,
			csrf: signed?.session.csrf ?? null,
			loginRequired: loginRequired(ctx)
		});
		return true;
	}
	if (route === 'POST /api/login') {
		const body = await readJson(req);
		const name = str(body.name, 'name');
		const source = sourceOf(req, ctx.config);
		const result = await auth.login(
			{
				name,
				password: str(body.password, 'password'),
				source,
				deviceCookie: parse(req.headers.cookie ?? '')[DEVICE_COOKIE]
			},
			ctx.config.clock()
		);
		if (!result.ok) {
			// names are stored cut to a bound and escaped (store.audit); a flood's repeated refusals are not stored
			if (result.audit)
				await store.audit({
					user: name,
					action: 'login',
					target: null,
					outcome: 'refused',
					detail: result.audit
				});
			throw new HttpError(result.status, result.zh, result.en, {}, result.headers);
		}
		await store.audit({ user: name, action: 'login', target: null, outcome: 'ok', detail: `from ${source}` });
		res.setHeader('set-cookie', [auth.cookie(result.token), auth.deviceCookie(result.device)]);
		sendJson(res, 200, {
			user: { name, role: result.user.role, mustChange: result.user.mustChange },
			csrf: result.csrf
		});
		return true;
	}
	if (route === 'POST /api/logout') {
		const me = need(signed, 'town', { oneTimeOk: true });
		await auth.logout(me);
		await store.audit({ user: me.user.name, action: 'logout', target: null, outcome: 'ok', detail: null });
		sendJson(res, 200, { ok: true }, { 'set-cookie': auth.clearCookie() });
		return true;
	}
	if (route === 'POST /api/password') {
		const me = need(signed, 'town', { oneTimeOk: true });
		const body = await readJson(req);
		const next = str(body.next, 'next');
		const current = str(body.current, 'current');
		if (!(await verifyPassword(current, me.user.hash)))
			throw new HttpError(403, '当前密码不对', 'the current password is wrong');
		if (next === current)
			throw new HttpError(400, '新密码须与当前密码不同', 'the new password must differ from the current one');
		const problem = passwordProblem(next, me.user.name);
		if (problem) throw new HttpError(400, problem.zh, problem.en);
		await store.updateUser(me.user.name, {
			hash: await hashPassword(next),
			mustChange: false,
			otpExpires: null
		});
		// whoever else held a session of this account (a stolen one, another browser) must log in again
		await store.dropSessionsOf(me.user.name, me.tokenHash);
		await store.audit({
			user: me.user.name,
			action: 'password',
			target: me.user.name,
			outcome: 'ok',
			detail: 'other sessions ended'
		});
		sendJson(res, 200, { ok: true });
		return true;
	}
	if (route === 'GET /api/users') {
		need(signed, 'admin');
		const users = (await store.users()).map((u) => ({
			...u,
			lockedSources: auth.limits.lockedSources(u.name)
		}));
		sendJson(res, 200, { users });
		return true;
	}
	if (route === 'POST /api/users') {
		const me = need(signed, 'admin');
		const body = await readJson(req);
		const name = body.name;
		if (!validUserName(name))
			throw new HttpError(
				400,
				'用户名应为2–32个字母、数字或汉字',
				'a user name is 2–32 letters, digits or CJK'
			);
		const user = await store.user(name);
		const role = isRole(body.role) ? body.role : user?.role;
		const towns = body.towns === undefined ? undefined : await townsOf(ctx, body.towns);
		if (role === 'town' && (towns ?? user?.towns ?? []).length === 0)
			throw new HttpError(
				400,
				'乡镇（街道）账户须至少指定一个乡镇（街道）',
				'a town account needs at least one town'
			);
		const password = body.resetPassword || !user ? oneTimePassword() : undefined;
		const otpExpires = auth.otpExpires(ctx.config.clock());
		if (!user) {
			if (!isRole(body.role)) throw new HttpError(400, '角色无效', 'unknown role');
			await store.addUser(
				name,
				body.role,
				await hashPassword(password!),
				otpExpires,
				body.role === 'town' ? (towns ?? []) : []
			);
		} else {
			if (name === me.user.name && (body.disabled === true || (isRole(body.role) && body.role !== 'admin')))
				throw new HttpError(400, '不能停用或降级自己的账户', 'you cannot disable or demote your own account');
			await store.updateUser(name, {
				role: isRole(body.role) ? body.role : undefined,
				disabled: typeof body.disabled === 'boolean' ? body.disabled : undefined,
				towns: role === 'town' ? towns : [],
				...(password ? { hash: await hashPassword(password), mustChange: true, otpExpires } : {})
			});
			if (body.unlock) await auth.limits.unlock(name);
			await store.dropSessionsOf(name);
		}
		const detail = JSON.stringify({
			role: body.role,
			towns,
			disabled: body.disabled,
			reset: Boolean(password),
			unlock: body.unlock
		});
		await store.audit({
			user: me.user.name,
			action: user ? 'account-change' : 'account-create',
			target: name,
			outcome: 'ok',
			detail
		});
		sendJson(res, 200, { name, password: password ?? null });
		return true;
	}
	if (route === 'GET /api/audit') {
		need(signed, 'keeper');
		const q = new URL(req.url ?? '/', 'http://localhost').searchParams;
		const text = (key: string) => q.get(key)?.trim().slice(0, 200) || undefined;
		const whole = (key: string, fallback: number) => {
			const n = Number(q.get(key) ?? fallback);
			return Number.isInteger(n) && n >= 0 ? n : fallback;
		};
		const limit = Math.min(200, Math.max(1, whole('limit', AUDIT_PAGE)));
		const offset = whole('offset', 0);
		const page = await store.auditPage({
			user: text('user'),
			action: text('action'),
			outcome: text('outcome'),
			text: text('text'),
			offset,
			limit
		});
		sendJson(res, 200, { ...page, offset, limit });
		return true;
	}
	return false;
}
