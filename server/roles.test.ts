import { describe, expect, it } from 'vitest';
import { afterFailure, allows, isLocked, validUserName } from './roles';

describe('roles', () => {
	it('orders viewer < keeper < admin', () => {
		expect(allows('viewer', 'keeper')).toBe(false);
		expect(allows('keeper', 'keeper')).toBe(true);
		expect(allows('keeper', 'admin')).toBe(false);
		expect(allows('admin', 'viewer')).toBe(true);
	});
	it('locks after the rule’s count of failures in a row, for the rule’s time', () => {
		const rule = { failures: 3, seconds: 60 };
		let state: { failures: number; lockedUntil?: number } = { failures: 0 };
		for (let i = 0; i < 2; i++) state = afterFailure(state.failures, 1000, rule);
		expect(state).toEqual({ failures: 2 });
		state = afterFailure(state.failures, 1000, rule);
		expect(state).toEqual({ failures: 0, lockedUntil: 61_000 });
		expect(isLocked(state.lockedUntil, 60_999)).toBe(true);
		expect(isLocked(state.lockedUntil, 61_000)).toBe(false);
		expect(isLocked(null, 0)).toBe(false);
	});
	it('accepts plain user names only', () => {
		expect(validUserName('王芳')).toBe(true);
		expect(validUserName('keeper.li')).toBe(true);
		expect(validUserName('a')).toBe(false);
		expect(validUserName('../admin')).toBe(false);
		expect(validUserName('<b>x</b>')).toBe(false);
	});
});
