import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config';
import { hostAllowed, originAllowed, sourceOf } from './hosts';

const config = (env: Record<string, string> = {}) => readConfig(env);
const request = (remoteAddress: string, forwarded?: string) =>
	({
		socket: { remoteAddress },
		headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded }
	}) as unknown as IncomingMessage;

describe('allowed hosts (issue 21, item 11)', () => {
	it('answers to the loopback names and HOST by default, at any port, and to nothing else', () => {
		const c = config();
		for (const h of ['127.0.0.1:4173', 'localhost', 'LOCALHOST:80', '[::1]:4173'])
			expect(hostAllowed(h, c), h).toBe(true);
		for (const h of ['evil.example', 'evil.example:4173', '127.0.0.1.evil.example', '', 'a b', 'x@127.0.0.1'])
			expect(hostAllowed(h, c), h).toBe(false);
		expect(hostAllowed(undefined, c)).toBe(false);
		expect(hostAllowed('10.1.2.3:4173', config({ HOST: '10.1.2.3' }))).toBe(true);
		expect(hostAllowed('0.0.0.0', config({ HOST: '0.0.0.0' }))).toBe(false);
	});
	it('answers to ALLOWED_HOSTS besides the loopback names; a name with a port allows that port', () => {
		const c = config({ ALLOWED_HOSTS: 'jiugai.yq.internal, Office.Local:8443' });
		expect(hostAllowed('jiugai.yq.internal', c)).toBe(true);
		expect(hostAllowed('jiugai.yq.internal:443', c)).toBe(true);
		expect(hostAllowed('office.local:8443', c)).toBe(true);
		expect(hostAllowed('office.local', c)).toBe(false);
		expect(hostAllowed('evil.example', c)).toBe(false);
		expect(hostAllowed('127.0.0.1:4173', c)).toBe(true);
	});
	it('takes an Origin only on an allowed host: never null, another scheme or something unparseable', () => {
		const c = config({ ALLOWED_HOSTS: 'jiugai.yq.internal' });
		expect(originAllowed('https://jiugai.yq.internal', c)).toBe(true);
		expect(originAllowed('http://jiugai.yq.internal:8080', c)).toBe(true);
		for (const o of [
			'null',
			'http://evil.example',
			'file://',
			'https://jiugai.yq.internal.evil.example',
			'https://jiugai.yq.internal/path',
			'javascript:alert(1)',
			''
		])
			expect(originAllowed(o, c), o).toBe(false);
	});
});

describe('the source of a login', () => {
	it('is the connection’s address; X-Forwarded-For counts only from a trusted proxy', () => {
		expect(sourceOf(request('10.0.0.5', '1.2.3.4'), config())).toBe('10.0.0.5');
		const behind = config({ TRUSTED_PROXIES: '127.0.0.1' });
		expect(sourceOf(request('127.0.0.1', '6.6.6.6, 10.0.0.7'), behind)).toBe('10.0.0.7');
		expect(sourceOf(request('::ffff:127.0.0.1', '10.0.0.8'), behind)).toBe('10.0.0.8');
		expect(sourceOf(request('10.0.0.9', '10.0.0.8'), behind)).toBe('10.0.0.9');
		expect(sourceOf(request('127.0.0.1', 'not an address'), behind)).toBe('127.0.0.1');
		expect(sourceOf(request('127.0.0.1'), behind)).toBe('127.0.0.1');
	});
	it('counts an IPv6 client by its /64', () => {
		expect(sourceOf(request('2001:db8:1:2:aaaa::1'), config())).toBe('2001:db8:1:2::/64');
		expect(sourceOf(request('2001:db8:1:2:bbbb:cccc:dddd:eeee'), config())).toBe('2001:db8:1:2::/64');
		expect(sourceOf(request('::ffff:10.0.0.1'), config())).toBe('10.0.0.1');
	});
});
