// Password hashing with node:crypto's scrypt (a standard memory-hard slow hash; no native add-on to install).
// Stored as `scrypt$N$r$p$salt$hash` (base64url) so the cost can be raised later without breaking old hashes.
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const COST = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) =>
			err ? reject(err) : resolve(key)
		)
	);
}

/** A new hash of `password` with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(password, salt, COST);
	return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches `stored` (constant-time comparison); a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [kind, n, r, p, salt, hash] = stored.split('$');
	if (kind !== 'scrypt' || !salt || !hash) return false;
	const expected = Buffer.from(hash, 'base64url');
	const key = await derive(password, Buffer.from(salt, 'base64url'), {
		N: Number(n),
		r: Number(r),
		p: Number(p),
		maxmem: COST.maxmem
	});
	return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A one-time password a person can type: 16 characters without look-alikes (0/O, 1/l/I). */
export function oneTimePassword(): string {
	const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	return Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** Why a new password is refused (zh / en), or undefined when it is acceptable: at least 10 characters. */
export function passwordProblem(password: string): { zh: string; en: string } | undefined {
	if ([...password].length < 10)
		return { zh: '密码至少10个字符', en: 'a password needs at least 10 characters' };
	return undefined;
}
