import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTER, type Filter } from '../../src/lib/filter/filters';
import { kpiSql, type Kpis } from '../../src/lib/filter/queries';
import { COLOUR_SCALES } from '../../src/lib/verdict/classes';
import { classRgb } from '../../src/lib/map/colours';
import { watchedPage, type Watched } from '../../scripts/lib/harness/browser';
import { countColours } from './pixels';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { closeSite, openSite } from './site';
import { tileTexts } from './kpis';
import { directSql } from './sql';

let server: Preview;
let browser: Browser;
let w: Watched;

beforeAll(async () => {
	({ server, browser, w } = await openSite({ watch: true }));
});

afterAll(() => closeSite({ server, browser }, [w]));

async function ready(page: Page) {
	await page.waitForSelector('[data-map-idle="true"]', { timeout: 60_000 });
	await page.waitForSelector('[data-testid="kpis"][aria-busy="false"]', { timeout: 30_000 });
	await page.waitForSelector('[data-map-idle="true"]', { timeout: 30_000 });
}

async function kpiTexts(page: Page): Promise<Record<string, string>> {
	return page.$$eval('[data-kpi]', (els) =>
		Object.fromEntries(
			els.map((e) => [e.getAttribute('data-kpi'), e.querySelector('.value')?.textContent?.trim()])
		)
	);
}

/** The KPI texts the page should show for a filter: the same SQL run directly, formatted the same way. */
async function expectedKpis(f: Filter): Promise<Record<string, string>> {
	const [k] = await directSql<Kpis>(kpiSql(f));
	// every tile's main figure (figures.ts), as the page formats its unit
	return tileTexts(k!);
}

async function settle(page: Page, before: Record<string, string>) {
	await page.waitForFunction((prev) => {
		const el = document.querySelector('[data-kpi="communities"] .value');
		return (
			el &&
			el.textContent?.trim() !== prev &&
			document.querySelector('[data-testid="kpis"]')?.getAttribute('aria-busy') === 'false'
		);
	}, before.communities);
}

describe('the leadership map /', () => {
	it('draws every community on the offline base map, coloured by eligibility, with a counted legend', async () => {
		const { page } = w;
		await page.goto(server.url + '/');
		await ready(page);
		const shot = await page.screenshot({ path: 'test-results/map.png' });
		const colours = COLOUR_SCALES.eligibility.classes.map((c) => classRgb('eligibility', c));
		const pixels = countColours(shot, colours);
		expect(pixels.filter((n) => n > 30).length, `pixels per class ${pixels}`).toBeGreaterThanOrEqual(3);
		const legend = await page.$$eval('[data-testid="legend"] li', (els) =>
			els.map((e) => [e.getAttribute('data-class'), Number(e.querySelector('.n')?.textContent)])
		);
		const sql = await directSql<{ class: string; n: number }>(
			'SELECT eligibility AS class, CAST(count(*) AS INT) AS n FROM community_view GROUP BY 1'
		);
		// every class is in the legend, 0 where no community is (资料不全 on the example: every fact is there), and
		// every community in one of them
		const bySql = Object.fromEntries(sql.map((r) => [r.class, r.n]));
		const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);
		expect(sum(legend.map(([, n]) => Number(n)))).toBe(sum(sql.map((r) => r.n)));
		expect(Object.fromEntries(legend)).toEqual(
			Object.fromEntries(
				COLOUR_SCALES.eligibility.classes.map((c) => [
					c.codes.join(' '),
					c.codes.reduce((n, code) => n + (bySql[code] ?? 0), 0)
				])
			)
		);
		expect(await page.textContent('header')).toContain('示例数据');
		expect(await page.textContent('.maplibregl-ctrl-attrib')).toContain('OpenStreetMap');
		expect(await kpiTexts(page)).toEqual(await expectedKpis(EMPTY_FILTER));
	});

	it('switching the colouring changes the legend and the colours on the map', async () => {
		const { page } = w;
		await page.getByLabel('改造进度').check();
		await page.waitForFunction(
			() => document.querySelector('[data-testid="legend"] h2')?.textContent === '改造进度'
		);
		await page.waitForSelector('[data-map-idle="true"]');
		const shot = await page.screenshot({ path: 'test-results/map-stage.png' });
		const stage = COLOUR_SCALES.stage.classes;
		const completed = classRgb(
			'stage',
			stage.find((c) => c.codes.includes('post-evaluation'))!
		);
		const [completedPixels, priorityPixels] = countColours(shot, [
			completed,
			classRgb('eligibility', COLOUR_SCALES.eligibility.classes[0]!)
		]);
		expect(completedPixels).toBeGreaterThan(30);
		expect(priorityPixels).toBeLessThan(completedPixels!);
		const legend = await page.$$eval('[data-testid="legend"] li .label', (els) =>
			els.map((e) => e.textContent)
		);
		expect(legend).toEqual(stage.map((c) => c.zh));
		expect(page.url()).toContain('c=stage');
	});

	it('each filter changes the KPIs to what the same SQL gives directly', async () => {
		const { page } = w;
		const lecheng = '330382002';
		let before = await kpiTexts(page);
		await page.locator(`[data-filter="towns"] input[value="${lecheng}"]`).check();
		await settle(page, before);
		let f: Filter = { ...EMPTY_FILTER, towns: [lecheng] };
		expect(await kpiTexts(page)).toEqual(await expectedKpis(f));

		before = await kpiTexts(page);
		await page.getByLabel('建成年份起').fill('1990');
		await page.getByLabel('建成年份起').press('Enter');
		await settle(page, before);
		f = { ...f, yearFrom: 1990 };
		expect(await kpiTexts(page)).toEqual(await expectedKpis(f));

		before = await kpiTexts(page);
		await page.locator('[data-filter="housing"] summary').click();
		await page.locator('[data-filter="housing"] input[value="commodity"]').check();
		await settle(page, before);
		f = { ...f, housing: ['commodity'] };
		expect(await kpiTexts(page)).toEqual(await expectedKpis(f));
		await page.waitForSelector('[data-map-idle="true"]');
		await page.screenshot({ path: 'test-results/map-filtered.png' });
	});

	it('the URL holds the view: opening it restores colouring and filter', async () => {
		const url = w.page.url();
		expect(url).toContain('towns=330382002');
		expect(url).toContain('yearFrom=1990');
		const expected = await kpiTexts(w.page);
		const other = await watchedPage(browser, server.url);
		await other.page.goto(url);
		await ready(other.page);
		expect(await other.page.getByLabel('改造进度').isChecked()).toBe(true);
		expect(await other.page.locator('[data-filter="towns"] input[value="330382002"]').isChecked()).toBe(true);
		expect(await kpiTexts(other.page)).toEqual(expected);
		expect(other.foreign).toEqual([]);
		expect(other.errors).toEqual([]);
	});
});
