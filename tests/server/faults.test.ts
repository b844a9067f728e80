// One request can never stop the office server (issue 21, item 1): a multipart upload whose body has no closing
// boundary, a client that hangs up mid-upload, and an error thrown where no handler waits for it — each answered
// or dropped, logged, and the process serves the next request. Real server processes (server/main.ts).
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { officeServers } from './process';

const start = officeServers();

const BOUNDARY = 'yq-test-boundary';
/** A multipart body with one file part and no closing boundary: the form never ends. */
const TRUNCATED = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="communities.csv"\r\nContent-Type: text/csv\r\n\r\nid,name\n1,一\n`;

describe('one request cannot stop the server', () => {
	it('refuses a multipart upload with no closing boundary, and serves the next request', async () => {
		const server = await start();
		const admin = await server.admin();
		const res = await admin.request('/api/releases', {
			method: 'POST',
			headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
			body: TRUNCATED
		});
		expect(res.status).toBe(400);
		const body = (await res.json()) as { error: { zh: string; en: string } };
		expect(body.error.zh).toContain('上传');
		expect(body.error.en).toContain('upload');
		expect(server.alive()).toBe(true);
		expect((await admin.get('/api/release')).status).toBe(200);
		// and again, several at once
		const many = await Promise.all(
			Array.from({ length: 5 }, () =>
				admin.request('/api/releases', {
					method: 'POST',
					headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
					body: TRUNCATED
				})
			)
		);
		expect(many.map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
		expect((await admin.get('/api/release')).status).toBe(200);
	});

	it('survives a client that hangs up in the middle of an upload', async () => {
		const server = await start();
		const admin = await server.admin();
		const cookie = (admin as unknown as { cookies: Map<string, string> }).cookies;
		await new Promise<void>((resolve) => {
			const req = request(`${server.url}/api/releases`, {
				method: 'POST',
				headers: {
					'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
					'content-length': '1000000',
					cookie: [...cookie].map(([k, v]) => `${k}=${v}`).join('; '),
					'x-csrf-token': admin.csrf
				}
			});
			req.on('error', () => resolve());
			req.write(TRUNCATED);
			setTimeout(() => {
				req.destroy();
				resolve();
			}, 300);
		});
		await new Promise((r) => setTimeout(r, 300));
		expect(server.alive()).toBe(true);
		expect((await admin.get('/api/release')).status).toBe(200);
	});

	it('answers 500 to a request whose code throws where nothing catches it, logs it, and goes on', async () => {
		const server = await start({ OFFICE_FAULT: 'throw-in-request' });
		const admin = await server.admin();
		const res = await admin.get('/api/release?fault=1');
		expect(res.status).toBe(500);
		expect(((await res.json()) as { error: { en: string } }).error.en).toContain('internal');
		expect(server.alive()).toBe(true);
		expect((await admin.get('/api/release')).status).toBe(200);
		// not swallowed: the stack is on the console, with the request it came from
		expect(server.output()).toContain('injected fault');
		expect(server.output()).toContain('GET /api/release');
	});
});
