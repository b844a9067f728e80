// The account side of the API: who am I, log in and out, change my password; accounts (admin) and the audit log.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Signed } from './auth';
import { loginRequired, need, type Context } from './context';
import { HttpError, readJson, sendJson } from './http';
import { hashPassword, oneTimePassword, passwordProblem, verifyPassword } from './passwords';
import { isRole, validUserName } from './roles';

const str = (v: unknown, field: string): string => {
	if (typeof v !== 'string') throw new HttpError(400, `缺少字段“${field}”`, `missing field "${field}"`);
	return v;
};

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
				? { name: signed.user.name, role: signed.user.role, mustChange: signed.user.mustChange }
				: null,
			csrf: signed?.session.csrf ?? null,
			loginRequired: loginRequired(ctx)
		});
		return true;
	}
	if (route === 'POST /api/login') {
		const body = await readJson(req);
		const name = str(body.name, 'name');
		const result = await auth.login(name, str(body.password, 'password'), ctx.config.clock());
		if (!result.ok) {
			await store.audit({ user: name, action: 'login', target: null, outcome: 'refused', detail: result.en });
			throw new HttpError(result.status, result.zh, result.en);
		}
		await store.audit({ user: name, action: 'login', target: null, outcome: 'ok', detail: null });
		sendJson(
			res,
			200,
			{ user: { name, role: result.user.role, mustChange: result.user.mustChange }, csrf: result.csrf },
			{ 'set-cookie': auth.cookie(result.token) }
		);
		return true;
	}
	if (route === 'POST /api/logout') {
		const me = need(signed, 'viewer');
		await auth.logout(me);
		await store.audit({ user: me.user.name, action: 'logout', target: null, outcome: 'ok', detail: null });
		sendJson(res, 200, { ok: true }, { 'set-cookie': auth.clearCookie() });
		return true;
	}
	if (route === 'POST /api/password') {
		const me = need(signed, 'viewer');
		const body = await readJson(req);
		const next = str(body.next, 'next');
		if (!(await verifyPassword(str(body.current, 'current'), me.user.hash)))
			throw new HttpError(403, '当前密码不对', 'the current password is wrong');
		const problem = passwordProblem(next);
		if (problem) throw new HttpError(400, problem.zh, problem.en);
		await store.updateUser(me.user.name, { hash: await hashPassword(next), mustChange: false });
		await store.audit({
			user: me.user.name,
			action: 'password',
			target: me.user.name,
			outcome: 'ok',
			detail: null
		});
		sendJson(res, 200, { ok: true });
		return true;
	}
	if (route === 'GET /api/users') {
		need(signed, 'admin');
		sendJson(res, 200, { users: await store.users() });
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
		const password = body.resetPassword || !user ? oneTimePassword() : undefined;
		if (!user) {
			if (!isRole(body.role)) throw new HttpError(400, '角色无效', 'unknown role');
			await store.addUser(name, body.role, await hashPassword(password!));
		} else {
			if (name === me.user.name && (body.disabled === true || (isRole(body.role) && body.role !== 'admin')))
				throw new HttpError(400, '不能停用或降级自己的账户', 'you cannot disable or demote your own account');
			await store.updateUser(name, {
				role: isRole(body.role) ? body.role : undefined,
				disabled: typeof body.disabled === 'boolean' ? body.disabled : undefined,
				...(password ? { hash: await hashPassword(password), mustChange: true } : {}),
				...(body.unlock ? { failures: 0, lockedUntil: null } : {})
			});
			await store.dropSessionsOf(name);
		}
		const detail = JSON.stringify({
			role: body.role,
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
		sendJson(res, 200, { entries: await store.auditLog() });
		return true;
	}
	return false;
}
