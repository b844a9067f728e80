import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { hasher } from './hasher';
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
		expect(passwordProblem(p)).toBeUndefined();
	});
	it('refuses short new passwords', () => {
		expect(passwordProblem('short')?.en).toMatch(/10 characters/);
		expect(passwordProblem('long enough pass')).toBeUndefined();
	});
	it('refuses common passwords, with digits or symbols around them, the user’s name and the site’s name (issue 21, item 11)', () => {
		// in @zxcvbn-ts/language-common's list, as typed and in other cases
		for (const p of ['qwertyuiop', '1234567890', 'password123', 'Password123', '1qaz2wsx3edc', 'basketball'])
			expect(passwordProblem(p)?.en, p).toMatch(/too common/);
		// a listed word with digits or symbols around it
		for (const p of ['woaini1314', 'Dragon2024!!', '!!monkey2025', 'admin12345'])
			expect(passwordProblem(p)?.en, p).toMatch(/too common/);
		// the user's own name, and this site's
		expect(passwordProblem('wangxiaoming1', 'wangxiaoming')?.en).toMatch(/user name/);
		expect(passwordProblem('Yueqing2026!')?.en).toMatch(/too common/);
		expect(passwordProblem('乐清旧改地图2026')?.en).toMatch(/too common/);
		// one character over and over
		expect(passwordProblem('aaaaaaaaaaaa')?.en).toMatch(/4 different/);
		expect(passwordProblem('ab'.repeat(6))?.en).toMatch(/4 different/);
		// a long phrase is fine, Chinese too
		expect(passwordProblem('correct horse battery staple')).toBeUndefined();
		expect(passwordProblem('东门口那棵老榕树下面')).toBeUndefined();
		expect(passwordProblem('x'.repeat(2000))?.en).toMatch(/too long|4 different/);
	});
	it('hashes off the thread pool that serves files: a stat waits for no hash (issue 21, item 3)', async () => {
		// eight hashes at once used to fill libuv's four threads, and a file's stat queued behind them
		const order: string[] = [];
		const hashes = Array.from({ length: 8 }, (_, i) =>
			hashPassword(`password number ${i}`).then(() => order.push('hash'))
		);
		await stat('package.json').then(() => order.push('stat'));
		await Promise.all(hashes);
		expect(order[0]).toBe('stat');
		expect(hasher.waiting).toBe(0);
	});
});
