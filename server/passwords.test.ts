import { describe, expect, it } from 'vitest';
import { hashPassword, oneTimePassword, passwordProblem, verifyPassword } from './passwords';

describe('passwords (scrypt)', () => {
	it('verifies the right password and no other; each hash has its own salt', async () => {
		const a = await hashPassword('正确的马电池订书钉');
		const b = await hashPassword('正确的马电池订书钉');
		expect(a).not.toBe(b);
		expect(a.startsWith('scrypt$32768$8$1$')).toBe(true);
		expect(await verifyPassword('正确的马电池订书钉', a)).toBe(true);
		expect(await verifyPassword('正确的马电池订书钉 ', a)).toBe(false);
		expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
	});
	it('makes one-time passwords without look-alike characters', () => {
		const p = oneTimePassword();
		expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
		expect(oneTimePassword()).not.toBe(p);
	});
	it('refuses short new passwords', () => {
		expect(passwordProblem('short')?.en).toMatch(/10 characters/);
		expect(passwordProblem('long enough pass')).toBeUndefined();
	});
});
