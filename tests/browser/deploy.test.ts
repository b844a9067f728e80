// The public site deploys anywhere: build-public/ as built, served by real static servers — Python's http.server
// and Debian's nginx with its stock configuration — at the server's root and from a sub-path (/jiugai/), with no
// rebuild. A resident's path through it: the root sends them on, the page loads, the headline, search, the card
// and the map all work, and no request leaves the origin or answers 404.
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchedPage } from '../../scripts/lib/harness/browser';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { startNginx, startPython } from './static-servers';

const OUT = 'build-public';
/**
 * The site as a deploy puts it: build-public/ copied (as built, no rebuild) into a folder of its own that every
 * user can enter (0755, in the system's temp folder), as jiugai/ — so one copy serves at a server's root (root
 * SITE/jiugai) and under /jiugai/ (root SITE). Not served in place: run as root, nginx's workers are www-data, and
 * the clone may sit in a folder closed to other users (a `mktemp -d` folder, mode 0700). The copy keeps each file's
 * mode, so a file a deployed server could not read fails here too.
 */
let SITE = '';
let browser: Browser;

beforeAll(async () => {
	if (!existsSync(`${OUT}/progress/index.html`)) throw new Error('run npm run build:public first');
	SITE = mkdtempSync(join(tmpdir(), 'deploy-site-'));
	chmodSync(SITE, 0o755);
	cpSync(OUT, `${SITE}/jiugai`, { recursive: true });
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	if (SITE) rmSync(SITE, { recursive: true, force: true });
});

const SERVERS = [
	{ name: 'python3 -m http.server', start: startPython },
	{ name: 'nginx (Debian, stock config)', start: startNginx }
] as const;
const PLACES = [
	{ path: '/', root: () => `${SITE}/jiugai` },
	{ path: '/jiugai/', root: () => SITE }
] as const;

// A root nginx's workers cannot read answers 404 at every path; the helper says so at once instead.
it('nginx: a root its workers cannot read is refused at start, saying why', async () => {
	const closed = mkdtempSync(join(tmpdir(), 'deploy-closed-'));
	mkdirSync(`${closed}/site`);
	writeFileSync(`${closed}/site/index.html`, '<!doctype html><title>x</title>');
	// closed to everyone but root's master process (not the workers, www-data or our own user)
	chmodSync(closed, 0o000);
	try {
		await expect(startNginx(`${closed}/site`)).rejects.toThrow(
			/cannot read the site's root .*deploy-closed-.*\/site[\s\S]*Permission denied/
		);
	} finally {
		chmodSync(closed, 0o700);
		rmSync(closed, { recursive: true, force: true });
	}
});

describe.each(SERVERS)('build-public/ on $name', ({ name, start }) => {
	it.each(PLACES)(
		'at $path: root → progress/, headline, search, card, map',
		async ({ path, root }) => {
			const server: Preview = await start(root());
			const { context, page, foreign, errors } = await watchedPage(
				browser,
				server.url,
				{ width: 390, height: 844 },
				{ touch: true }
			);
			try {
				const failed: string[] = [];
				page.on('response', (r) => {
					if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
				});

				// the folder's address, as a portal would link it: its index.html sends the reader to progress/
				await page.goto(server.url + path);
				await page.waitForURL(`${server.url}${path}progress/`, { timeout: 30_000 });
				await page.waitForSelector('[data-figure="renovated"] .value', { timeout: 30_000 });
				expect(await page.textContent('h1')).toBe('乐清市老旧小区改造进度');
				expect(await page.textContent('body')).not.toMatch(/404|Not Found/i);

				// search by pinyin initials (from the search file, at this path)
				await page.getByLabel('小区名称、地址或拼音首字母').fill('dp');
				const result = page.locator('[data-testid="results"] button').first();
				await result.waitFor({ timeout: 60_000 });
				const found = await result.locator('strong').textContent();
				await result.tap();
				// the card is the one part that needs DuckDB-WASM: it opens now
				await page.locator('[data-testid="card"] h2').waitFor({ timeout: 90_000 });
				expect(await page.textContent('[data-testid="card"] h2')).toBe(found);
				// the address keeps the directory form, so a reload or a shared link lands on the same card
				expect(new URL(page.url()).pathname).toBe(`${path}progress/`);
				expect(new URL(page.url()).searchParams.get('id')).toMatch(/^YQ\d+$/);

				// the map: MapLibre's worker loads (a JavaScript type on this server) and the map settles
				await page.waitForSelector('.map[data-map-idle="true"]', { timeout: 90_000 });
				await page.waitForSelector('[data-testid="map-legend"]');
				const shot = `test-results/deploy-${name.split(' ')[0]}-${path === '/' ? 'root' : 'jiugai'}`;
				await page.screenshot({ path: `${shot}-390.png`, fullPage: true });
				await page.reload();
				await page.locator('[data-testid="card"] h2').waitFor({ timeout: 60_000 });
				expect(await page.textContent('[data-testid="card"] h2')).toBe(found);

				// the same address on a desktop screen
				await page.setViewportSize({ width: 1280, height: 800 });
				await page.waitForSelector('.map[data-map-idle="true"]', { timeout: 90_000 });
				await page.screenshot({ path: `${shot}-1280.png` });

				expect(foreign).toEqual([]);
				expect(failed).toEqual([]);
				expect(errors).toEqual([]);
			} finally {
				await context.close();
				await server.stop();
			}
			// a whole resident's path (load, search, card, map, reload, desktop): past 120 s on two cores at a load of 25
		},
		300_000
	);
});
