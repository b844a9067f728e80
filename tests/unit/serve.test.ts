// `npm start`'s server (scripts/lib/serve.js): the site from build/, the data live from static/data/, so a data
// rebuild shows on the next request without a restart; browser-rendered pages fall back to index.html.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteServer } from '../../scripts/lib/serve.js';

let dir: string;
let url: string;
let server: ReturnType<typeof siteServer>;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'serve-test-'));
	mkdirSync(join(dir, 'build/data'), { recursive: true });
	mkdirSync(join(dir, 'data'));
	writeFileSync(join(dir, 'build/index.html'), '<p>fallback</p>');
	writeFileSync(join(dir, 'build/budget.html'), '<p>budget</p>');
	// the copy inside build/ is stale: the live folder wins
	writeFileSync(join(dir, 'build/data/manifest.json'), '{"asOf":"2025-01-01"}');
	writeFileSync(join(dir, 'data/manifest.json'), '{"asOf":"2026-11-15"}');
	server = siteServer({ site: join(dir, 'build'), data: join(dir, 'data') });
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise((r) => server.close(r));
	rmSync(dir, { recursive: true, force: true });
});

describe('npm start serves the data live', () => {
	it('answers /data/… from the live folder, and a rebuilt file on the next request', async () => {
		const first = await fetch(`${url}/data/manifest.json`);
		expect(first.headers.get('cache-control')).toBe('no-cache');
		expect(await first.json()).toEqual({ asOf: '2026-11-15' });
		// what `npm run data` does while the server runs: rewrite and add files
		writeFileSync(join(dir, 'data/manifest.json'), '{"asOf":"2026-12-01"}');
		writeFileSync(join(dir, 'data/new.parquet'), 'PAR1');
		expect(await (await fetch(`${url}/data/manifest.json`)).json()).toEqual({ asOf: '2026-12-01' });
		expect(await (await fetch(`${url}/data/new.parquet`)).text()).toBe('PAR1');
	});

	it('a missing data file is a 404, never the page', async () => {
		const res = await fetch(`${url}/data/missing.parquet`);
		expect(res.status).toBe(404);
		expect(await res.text()).toContain('not found');
	});

	it('pages: /budget → budget.html; a browser-rendered page gets index.html', async () => {
		expect(await (await fetch(`${url}/budget`)).text()).toBe('<p>budget</p>');
		const community = await fetch(`${url}/community/YQ000213`);
		expect(community.status).toBe(200);
		expect(await community.text()).toBe('<p>fallback</p>');
	});
});
