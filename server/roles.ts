// Roles and the account rules that need no database: who may do what, and when a login is locked out.

import { ROLES, type Role } from '../src/lib/office/api';

export { ROLES, type Role };

/** viewer: the internal dashboard; keeper: also imports, publishes and rolls back; admin: also accounts. */
export function allows(role: Role, needed: Role): boolean {
	return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface LockoutRule {
	failures: number;
	seconds: number;
}

/** After a failed login: the new failure count and, when it reaches the rule's count, the time the lock ends. */
export function afterFailure(
	failures: number,
	now: number,
	rule: LockoutRule
): { failures: number; lockedUntil?: number } {
	const next = failures + 1;
	return next >= rule.failures ? { failures: 0, lockedUntil: now + rule.seconds * 1000 } : { failures: next };
}

/** Whether an account is locked at `now` (ms). */
export function isLocked(lockedUntil: number | null | undefined, now: number): boolean {
	return lockedUntil != null && lockedUntil > now;
}

/** A user name: 2–32 letters, digits, `.`, `_`, `-` or CJK characters. */
export function validUserName(name: unknown): name is string {
	return typeof name === 'string' && /^[\p{L}\p{N}._-]{2,32}$/u.test(name);
}
