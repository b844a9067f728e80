import { describe, expect, it } from 'vitest';
import { AUDIT_LIMITS, boundText } from './audit-text';

describe('audit text (issue 21, item 6)', () => {
	it('cuts a long name to its bound and says how much was left out', () => {
		const name = 'x'.repeat(100 * 1024);
		const out = boundText(name, AUDIT_LIMITS.user)!;
		expect(out).toBe(`${'x'.repeat(64)}…(+${100 * 1024 - 64})`);
	});
	it('counts characters, not UTF-16 units, and never splits one', () => {
		expect(boundText('乐清'.repeat(40), 64)).toBe(`${'乐清'.repeat(32)}…(+16)`);
		expect(boundText('😀'.repeat(70), 64)).toBe(`${'😀'.repeat(64)}…(+6)`);
	});
	it('shows control, line-breaking and invisible characters as escapes', () => {
		expect(boundText('admin\nlogin ok', 64)).toBe('admin\\u{a}login ok');
		expect(boundText('evil\u202Enimda', 64)).toBe('evil\\u{202e}nimda');
		expect(boundText('a\u200Bb\u0000c\u2028d', 64)).toBe('a\\u{200b}b\\u{0}c\\u{2028}d');
		expect(boundText('正常的名字 ok', 64)).toBe('正常的名字 ok');
		expect(boundText(null, 64)).toBeNull();
	});
});
