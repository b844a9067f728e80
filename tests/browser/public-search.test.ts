// The public build (build-public/, `npm run build:public` first) on a 390 px phone: the map's points come before
// the search's text (issue 13: the whole of progress.arrow held the first screen back at 100k), the search says it
// is loading while its file is on the way, then answers. Screenshots: test-results/public-search-*.png.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	gunzipped,
	POINTS_FILE,
	readProgressPoints,
	readProgressSearch,
	SEARCH_FILE
} from '../../src/lib/progress/compact';
import { launchBrowser } from '../../scripts/lib/harness/browser';
import { startStatic, type Preview } from '../../scripts/lib/harness/site-server';

const OUT = 'build-public';
let server: Preview;
let browser: Browser;

beforeAll(async () => {
	mkdirSync('test-results', { recursive: true });
	if (!existsSync(`${OUT}/progress/index.html`)) throw new Error('run npm run build:public first');
	server = await startStatic(OUT);
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe('the public search without holding the first screen back', () => {
	it('points and headline first; the search says it is loading until its file has come, then answers', async () => {
		const file = (name: string) => gunzipped(new Uint8Array(readFileSync(`${OUT}/data/${name}`)));
		const points = readProgressPoints(await file(POINTS_FILE));
		const cols = readProgressSearch(await file(SEARCH_FILE), points);
		const context = await browser.newContext({
			viewport: { width: 390, height: 844 },
			deviceScaleFactor: 2,
			isMobile: true,
			hasTouch: true,
			locale: 'zh-CN'
		});
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(String(e)));
		const order: string[] = [];
		page.on('request', (r) => order.push(`request ${r.url().split('/').pop()}`));
		page.on('requestfinished', (r) => order.push(`finished ${r.url().split('/').pop()}`));
		// the search's file is held until the test lets it go
		let release = () => {};
		const held = new Promise<void>((r) => (release = r));
		await page.route(`**/data/${SEARCH_FILE}`, async (route: Route) => {
			await held;
			await route.fallback();
		});
		await page.goto(`${server.url}/progress/`);
		await page.waitForSelector('.headline [data-figure="renovated"]');
		await page.waitForSelector(`.map[data-map-idle="true"][data-points="${points.id.length}"]`, {
			timeout: 90_000
		});
		await page.screenshot({ path: 'test-results/public-search-first.png' });
		// the map's first idle asks for the search's text, after the points have come
		await expect.poll(() => order.includes(`request ${SEARCH_FILE}`), { timeout: 30_000 }).toBe(true);
		expect(order.indexOf(`finished ${POINTS_FILE}`)).toBeLessThan(order.indexOf(`request ${SEARCH_FILE}`));

		const i = Math.floor(points.id.length / 2);
		const box = page.getByLabel('小区名称、地址或拼音首字母');
		await box.fill(cols.initials[i]!);
		const status = page.locator('.search [role="status"]');
		await expect.poll(() => status.textContent()).toContain('加载');
		expect(await page.locator('[data-testid="results"]').count()).toBe(0);
		await page.locator('.search').screenshot({ path: 'test-results/public-search-loading.png' });

		release();
		const hit = page.locator('[data-testid="results"] button', { hasText: cols.name[i]! }).first();
		await hit.waitFor({ timeout: 30_000 });
		await page.locator('.search').screenshot({ path: 'test-results/public-search-answered.png' });
		// nothing wider than the phone
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		expect(errors).toEqual([]);
		await context.close();
	}, 180_000);
});
