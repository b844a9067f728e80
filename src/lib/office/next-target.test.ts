import { describe, expect, it } from 'vitest';
import { nextTarget } from './next-target';

const ORIGIN = 'http://127.0.0.1:4173';

describe('the page after login (issue 21, item 9)', () => {
	it('goes to a page of this site, whole', () => {
		expect(nextTarget('/admin', ORIGIN)).toBe(`${ORIGIN}/admin`);
		expect(nextTarget('/community/YQ000123?tab=works#votes', ORIGIN)).toBe(
			`${ORIGIN}/community/YQ000123?tab=works#votes`
		);
		expect(nextTarget(null, ORIGIN)).toBe(`${ORIGIN}/`);
		expect(nextTarget('', ORIGIN)).toBe(`${ORIGIN}/`);
	});
	it('never to another host, however it is spelled', () => {
		// what URLSearchParams hands over for ?next=/%5Cevil.example/x and ?next=/%09/evil.example/x
		for (const next of [
			'/\\evil.example/x',
			'/\t/evil.example/x',
			'/\n/evil.example',
			'\\\\evil.example',
			'//evil.example',
			'https://evil.example/admin',
			'http://127.0.0.1:4174/',
			'javascript:alert(1)',
			'data:text/html,<script>alert(1)</script>',
			'http://127.0.0.1:4173@evil.example/'
		])
			expect(new URL(nextTarget(next, ORIGIN)).origin, JSON.stringify(next)).toBe(ORIGIN);
	});
	it('keeps a path that looks like a host a path of this site', () => {
		// `/.//evil.example` is this site's path //evil.example: returned whole, it cannot be read as a host
		const target = nextTarget('/.//evil.example', ORIGIN);
		expect(new URL(target).origin).toBe(ORIGIN);
		expect(target.startsWith(`${ORIGIN}/`)).toBe(true);
	});
});
