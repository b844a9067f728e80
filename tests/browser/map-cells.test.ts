// The leadership map draws cells where its communities pile up and points where they can be read (issue 24):
// zoomed out, rings counting the communities passing the filter per cell, which add up — in total and per class —
// to the SQL's counts for the same filter; the legend says what is drawn (zh and en); a cell's tooltip gives its
// count and shares; a filter changes the counts; zoomed in, points again.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTER, whereSql, type Filter } from '../../src/lib/filter/filters';
import { legendSql } from '../../src/lib/filter/queries';
import { COLOUR_SCALES } from '../../src/lib/verdict/classes';
import { classRgb } from '../../src/lib/map/colours';
import type { Watched } from '../../scripts/lib/harness/browser';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { PNG } from 'pngjs';
import { closeSite, openSite } from './site';
import { directSql } from './sql';

let server: Preview;
let browser: Browser;
let w: Watched;

beforeAll(async () => {
	({ server, browser, w } = await openSite({ watch: true }));
});

afterAll(() => closeSite({ server, browser }, [w]));

const MAP = 'div[data-drawn]';

async function settled(page: Page) {
	await page.waitForSelector('[data-map-idle="true"][data-painted="true"]', { timeout: 60_000 });
	await page.waitForSelector('[data-testid="kpis"][aria-busy="false"]', { timeout: 30_000 });
}

/** What the cells add up to, from the map element: total and per eligibility class. */
async function cellSums(page: Page): Promise<{ total: number; classes: number[] }> {
	return page.$eval(MAP, (e) => ({
		total: Number(e.getAttribute('data-cell-total')),
		classes: (e.getAttribute('data-cell-classes') ?? '').split(',').map(Number)
	}));
}

/** The SQL's count per eligibility class (the legend's order) for a filter. */
async function expected(f: Filter): Promise<{ total: number; classes: number[] }> {
	const [row] = await directSql<{ n: number }>(
		`SELECT CAST(count(*) AS INT) AS n FROM community_view WHERE ${whereSql(f)}`
	);
	const rows = await directSql<{ class: string; n: number }>(legendSql(f, 'eligibility'));
	const classes = COLOUR_SCALES.eligibility.classes.map((c) =>
		rows.filter((r) => c.codes.includes(r.class)).reduce((a, r) => a + Number(r.n), 0)
	);
	return { total: Number(row!.n), classes };
}

describe('cells where the communities pile up, points where they can be read', () => {
	it('zoomed out: cells whose counts add up to the SQL’s, and a legend that says so', async () => {
		const { page } = w;
		await page.goto(server.url + '/?v=121,28.22,7.5');
		await settled(page);
		await page.waitForSelector(`${MAP}[data-drawn="cells"]:not([data-cells="0"])`);
		expect(await cellSums(page)).toEqual(await expected(EMPTY_FILTER));
		expect(await page.textContent('[data-testid="legend-drawn"]')).toMatch(
			/按网格汇总：每个圆环为约 [\d.]+ 公里见方一格内符合筛选的小区数/
		);
		await page.screenshot({ path: 'test-results/map-cells.png' });
	});

	it('a cell’s tooltip gives its count and each class’s share', async () => {
		const { page } = w;
		// a pixel inside a ring: the colour of the 符合改造条件 class all around it, not under the legend
		const shot = PNG.sync.read(await page.locator(MAP).screenshot());
		const box = (await page.locator(MAP).boundingBox())!;
		const legend = (await page.getByTestId('legend').boundingBox())!;
		const [r, g, b] = classRgb('eligibility', COLOUR_SCALES.eligibility.classes[1]!);
		const ring = (x: number, y: number) => {
			const i = 4 * (y * shot.width + x);
			return (
				Math.abs(shot.data[i]! - r) <= 2 &&
				Math.abs(shot.data[i + 1]! - g) <= 2 &&
				Math.abs(shot.data[i + 2]! - b) <= 2
			);
		};
		const underLegend = (x: number, y: number) =>
			box.x + x <= legend.x + legend.width + 4 && box.y + y <= legend.y + legend.height + 4;
		let at: { x: number; y: number } | null = null;
		for (let y = 2; y < shot.height - 2 && !at; y++)
			for (let x = 2; x < shot.width - 2 && !at; x++)
				if (!underLegend(x, y) && [-2, 0, 2].every((d) => ring(x + d, y) && ring(x, y + d))) at = { x, y };
		expect(at, 'a ring on the map').not.toBeNull();
		await page.mouse.move(box.x + at!.x, box.y + at!.y);
		const tip = page.getByTestId('cell-tooltip');
		await tip.waitFor();
		const text = (await tip.textContent()) ?? '';
		const n = Number(/此格 (\d+) 个小区符合筛选/.exec(text)?.[1]);
		expect(n).toBeGreaterThan(0);
		// its classes' counts add up to its count, each with its share
		const rows = await tip
			.locator('li')
			.evaluateAll((els) =>
				els.map((e) => [Number(e.querySelector('.n')?.textContent), e.querySelector('.share')?.textContent])
			);
		expect(rows.reduce((a, [k]) => a + Number(k), 0)).toBe(n);
		for (const [k, share] of rows) expect(share).toBe(`${Math.round((1000 * Number(k)) / n) / 10}%`);
		expect(text).toContain('符合改造条件');
		await page.mouse.move(box.x + 2, box.y + box.height - 2);
	});

	it('a filter changes the cells’ counts to the SQL’s for it', async () => {
		const { page } = w;
		const before = await cellSums(page);
		await page.getByLabel('建成年份起').fill('1995');
		await page.getByLabel('建成年份起').press('Enter');
		const f: Filter = { ...EMPTY_FILTER, yearFrom: 1995 };
		const want = await expected(f);
		expect(want.total).toBeLessThan(before.total);
		await page.waitForSelector(`${MAP}[data-cell-total="${want.total}"]`);
		await settled(page);
		expect(await cellSums(page)).toEqual(want);
		expect(page.url()).toContain('yearFrom=1995');
	});

	it('in English the legend says what a ring counts', async () => {
		const { page } = w;
		await page.getByTestId('lang-switch').click();
		await page.waitForFunction(() =>
			document.querySelector('[data-testid="legend-drawn"]')?.textContent?.includes('each ring')
		);
		expect(await page.textContent('[data-testid="legend-drawn"]')).toMatch(
			/each ring is the number of communities passing the filter in a cell about [\d.]+ km across/
		);
		await page.getByTestId('lang-switch').click();
		await page.waitForFunction(() =>
			document.querySelector('[data-testid="legend-drawn"]')?.textContent?.includes('网格')
		);
	});

	it('zoomed in: points again, and the legend says each dot is a community', async () => {
		const { page } = w;
		const zoomIn = page.locator('.maplibregl-ctrl-zoom-in');
		for (let i = 0; i < 2; i++) {
			await zoomIn.click();
			await page.waitForSelector('[data-map-idle="true"]');
		}
		await page.waitForSelector(`${MAP}[data-drawn="points"]`);
		await settled(page);
		expect(await page.textContent('[data-testid="legend-drawn"]')).toContain('每个圆点为一个符合筛选的小区');
		expect(await page.getAttribute(MAP, 'data-cells')).toBe('0');
		await page.screenshot({ path: 'test-results/map-cells-zoomed-in.png' });
	});
});
