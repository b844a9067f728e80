import { describe, expect, it } from 'vitest';
import type { Signed } from './auth';
import { need } from './context';
import type { HttpError } from './http';
import type { Role } from './roles';

const signed = (role: Role, mustChange: boolean) =>
	({
		user: { name: 'x', role, hash: '', mustChange, otpExpires: null, disabled: false, towns: [] },
		session: { user: 'x', csrf: '', expires: 0 },
		tokenHash: ''
	}) satisfies Signed;

const status = (f: () => unknown) => {
	try {
		f();
		return 200;
	} catch (e) {
		return (e as HttpError).status;
	}
};

describe('need (issue 21, item 11: the one-time password must be changed)', () => {
	it('opens nothing to a one-time password but changing it and logging out — not even a viewer’s reading', () => {
		expect(status(() => need(signed('viewer', true), 'viewer'))).toBe(403);
		expect(status(() => need(signed('admin', true), 'viewer'))).toBe(403);
		expect(status(() => need(signed('viewer', true), 'viewer', { oneTimeOk: true }))).toBe(200);
		expect(status(() => need(signed('viewer', false), 'viewer'))).toBe(200);
		expect(status(() => need(signed('viewer', false), 'keeper'))).toBe(403);
		expect(status(() => need(undefined, 'viewer'))).toBe(401);
	});
	it('keeps a town account (issue 22) below a viewer: no internal dashboard, no keeper work', () => {
		expect(status(() => need(signed('town', false), 'town'))).toBe(200);
		expect(status(() => need(signed('town', false), 'viewer'))).toBe(403);
		expect(status(() => need(signed('town', false), 'keeper'))).toBe(403);
		expect(status(() => need(signed('viewer', false), 'town'))).toBe(200);
	});
});
