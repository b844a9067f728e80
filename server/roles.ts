// Roles and the account rules that need no database: who may do what, and what a user name may be.
// (How many logins are let through is login-limits.ts.)

import { ROLES, type Role } from '../src/lib/office/api';

export { ROLES, type Role };

/** viewer: the internal dashboard; keeper: also imports, publishes and rolls back; admin: also accounts. */
export function allows(role: Role, needed: Role): boolean {
	return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A user name: 2–32 letters, digits, `.`, `_`, `-` or CJK characters. */
export function validUserName(name: unknown): name is string {
	return typeof name === 'string' && /^[\p{L}\p{N}._-]{2,32}$/u.test(name);
}
