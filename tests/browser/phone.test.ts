// Issue 10 "on a phone": `/` opened from a chat app at 360–430 px — the map first, the panels below it,
// nothing wider than the screen, touch targets usable.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchedPage, type Watched } from '../../scripts/lib/harness/browser';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { closeSite, openSite } from './site';

let server: Preview;
let browser: Browser;
const watched: Watched[] = [];

beforeAll(async () => {
	({ server, browser } = await openSite());
});

afterAll(() => closeSite({ server, browser }, watched));

describe('/ on a phone (issue 10)', () => {
	for (const [width, height] of [
		[390, 844],
		[360, 740],
		[430, 932]
	] as const) {
		it(`${width}×${height}: no sideways overflow, the map in the first screen, panels below and usable`, async () => {
			const w = await watchedPage(browser, server.url, { width, height });
			watched.push(w);
			const { page } = w;
			await page.goto(`${server.url}/?towns=330382114`);
			await page.waitForSelector('[data-map-idle="true"]', { timeout: 90_000 });
			await page.waitForSelector('[data-testid="kpis"][aria-busy="false"]', { timeout: 90_000 });
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

			// the map: full width, most of the first screen, starting near the top
			const map = (await page.locator('.map').first().boundingBox())!;
			expect(map.x).toBeGreaterThanOrEqual(0);
			expect(map.x + map.width).toBeLessThanOrEqual(width + 0.5);
			expect(map.width).toBeGreaterThan(width * 0.9);
			expect(map.y).toBeLessThan(height * 0.3);
			expect(map.y + map.height).toBeLessThanOrEqual(height);
			expect(map.height).toBeGreaterThan(height * 0.4);

			// the panels come after the map, within the width; every element stays inside the screen's width
			const kpis = (await page.locator('[data-testid="kpis"]').boundingBox())!;
			expect(kpis.y).toBeGreaterThanOrEqual(map.y + map.height);
			const wide = await page.evaluate((vw) => {
				const out: string[] = [];
				for (const el of document.querySelectorAll('.app *')) {
					const r = el.getBoundingClientRect();
					if (r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5) && !el.closest('.map'))
						out.push(`${el.tagName}.${el.className}`);
				}
				return out;
			}, width);
			expect(wide, 'elements wider than the screen').toEqual([]);

			// touch targets: the filters' choices and buttons are at least 40 px tall
			const small = await page.$$eval('.app label:has(input[type="checkbox"]), .app aside button', (els) =>
				els
					.map((e) => e.getBoundingClientRect())
					.filter((r) => r.width > 0 && r.height < 40)
					.map((r) => r.height)
			);
			expect(small, 'touch targets under 40 px').toEqual([]);

			// the filters' and definitions' headings keep their disclosure marker (▶/▼) at touch size
			const summaries = await page.$$eval('aside summary', (els) =>
				els.map((e) => ({
					text: e.textContent,
					marker: getComputedStyle(e).display === 'list-item',
					height: e.getBoundingClientRect().height
				}))
			);
			expect(summaries.length).toBeGreaterThan(3);
			for (const s of summaries) {
				expect(s.marker, `${s.text}: a marker`).toBe(true);
				expect(s.height, `${s.text}: height`).toBeGreaterThanOrEqual(40);
			}
			// every town's row is in the page (no box scrolling inside it, which showed five rows and no sign of more)
			const townRows = await page.$eval('[data-testid="town-table"]', (table) => {
				const box = table.parentElement!;
				return { rows: table.querySelectorAll('tr').length, hidden: box.scrollHeight - box.clientHeight };
			});
			expect(townRows.rows).toBeGreaterThan(20);
			expect(townRows.hidden).toBeLessThanOrEqual(1);
			// the map's credit is whole: nothing lies over either end of its text, and it ends inside the map
			const credit = await page.evaluate(() => {
				const inner = document.querySelector('.maplibregl-ctrl-attrib-inner')!;
				const r = inner.getBoundingClientRect();
				const map = document.querySelector('.map')!.getBoundingClientRect();
				const at = (x: number) => inner.contains(document.elementFromPoint(x, r.top + r.height / 2));
				return {
					text: inner.textContent,
					left: at(r.left + 2),
					right: at(r.right - 2),
					inMap: r.right <= map.right
				};
			});
			expect(credit).toEqual({ text: '© OpenStreetMap contributors', left: true, right: true, inMap: true });

			// the panels are reachable and work: adding a town in the filters below the map updates the KPIs
			const busy = () =>
				page.waitForFunction(
					() => document.querySelector('[data-testid="kpis"]')?.getAttribute('aria-busy') === 'false'
				);
			await busy();
			const before = await page.textContent('[data-kpi="communities"] .value');
			const lecheng = page.getByRole('checkbox', { name: '乐成街道', exact: true });
			await lecheng.scrollIntoViewIfNeeded();
			await lecheng.click();
			await page.waitForFunction(() => location.search.includes('330382002'));
			await busy();
			expect(await page.textContent('[data-kpi="communities"] .value')).not.toBe(before);
			await page.evaluate(() => window.scrollTo(0, 0));
			await page.screenshot({ path: `test-results/phone-${width}.png` });
			await page.screenshot({ path: `test-results/phone-${width}-full.png`, fullPage: true });
		});
	}
});

describe('a community page on a phone', () => {
	it('390×844: nothing wider than the screen (vote table, funding, works list)', async () => {
		const w = await watchedPage(browser, server.url, { width: 390, height: 844 });
		watched.push(w);
		const { page } = w;
		// YQ000213: a failed vote, a long works list
		await page.goto(`${server.url}/community/YQ000213`);
		await page.waitForSelector('[data-testid="works"] table', { timeout: 90_000 });
		const wide = await page.evaluate(() => {
			const vw = document.documentElement.clientWidth;
			return [...document.querySelectorAll('.page *')]
				.filter((el) => {
					const r = el.getBoundingClientRect();
					return r.width > 0 && r.right > vw + 0.5;
				})
				.map((el) => `${el.tagName}.${el.className}`);
		});
		expect(wide).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await page.screenshot({ path: 'test-results/phone-community.png', fullPage: true });
	});
});
