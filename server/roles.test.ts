import { describe, expect, it } from 'vitest';
import { allows, validUserName } from './roles';

describe('roles', () => {
	it('orders town < viewer < keeper < admin', () => {
		expect(allows('town', 'viewer')).toBe(false);
		expect(allows('viewer', 'town')).toBe(true);
		expect(allows('viewer', 'keeper')).toBe(false);
		expect(allows('keeper', 'keeper')).toBe(true);
		expect(allows('keeper', 'admin')).toBe(false);
		expect(allows('admin', 'viewer')).toBe(true);
	});
	it('accepts plain user names only', () => {
		expect(validUserName('王芳')).toBe(true);
		expect(validUserName('keeper.li')).toBe(true);
		expect(validUserName('a')).toBe(false);
		expect(validUserName('../admin')).toBe(false);
		expect(validUserName('<b>x</b>')).toBe(false);
	});
});
