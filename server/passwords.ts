// Password hashing with node:crypto's scrypt (a standard memory-hard slow hash; no native add-on to install), run
// on a worker thread of its own (hasher.ts) so that logins never hold the thread pool that serves files.
// Stored as `scrypt$N$r$p$salt$hash` (base64url) so the cost can be raised later without breaking old hashes.
// New passwords are checked against @zxcvbn-ts/language-common's list of common passwords (49,000 from breach
// corpora, maintained with zxcvbn-ts), the user's name and this site's names (NIST SP 800-63B §5.1.1.2).
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
import { hasher, type ScryptCost } from './hasher';

const COST: ScryptCost = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;
/** The most bytes of a password that are hashed: a 256 KB "password" must not cost more than a long one. */
const MAX_PASSWORD_BYTES = 1024;

const derive = (password: string, salt: Buffer, cost: ScryptCost) =>
	hasher.derive(password.normalize('NFC'), salt, KEY_LENGTH, cost);

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
	if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) return false;
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

/** Words of this site that make a guessable password (lower case, spaces dropped). */
const SITE_WORDS = [
	'yueqing',
	'jiugai',
	'乐清',
	'旧改',
	'乐清旧改',
	'乐清旧改地图',
	'admin',
	'keeper',
	'viewer'
];

let common: Set<string> | undefined;
/** The common-password list, loaded on first use (lower case). */
function commonPasswords(): Set<string> {
	return (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));
}

/**
 * Why a new password is refused (zh / en), or undefined when it is acceptable: at least 10 characters, at most
 * 1,024 bytes, not a common password, not a common password or a name with digits or symbols around it
 * (`woaini1314`, `Yueqing2024!`), not the user's name, and at least 4 different characters.
 */
export function passwordProblem(password: string, userName = ''): { zh: string; en: string } | undefined {
	const chars = [...password];
	if (chars.length < 10) return { zh: '密码至少10个字符', en: 'a password needs at least 10 characters' };
	if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES)
		return { zh: '密码过长（最多1024字节）', en: 'the password is too long (1,024 bytes at most)' };
	if (new Set(chars).size < 4)
		return {
			zh: '密码须含至少4个不同的字符',
			en: 'a password needs at least 4 different characters'
		};
	const plain = password.normalize('NFC').toLowerCase().replace(/\s+/g, '');
	// the word inside: digits, punctuation and spaces around it removed
	const stem = plain.replace(/^[\p{N}\p{P}\p{S}]+|[\p{N}\p{P}\p{S}]+$/gu, '');
	const name = userName.normalize('NFC').toLowerCase();
	const guessable = (s: string) =>
		s.length > 0 && (commonPasswords().has(s) || SITE_WORDS.includes(s) || (name.length > 0 && s === name));
	if (guessable(plain) || guessable(stem) || (name.length > 1 && plain.includes(name)))
		return {
			zh: '这个密码太常见或与用户名、本站名称相近，容易被猜中，请换一个（可用几个词组成的长句）',
			en: 'this password is too common or close to the user name or the site’s name, so it is easy to guess: choose another (a few words make a good one)'
		};
	return undefined;
}
