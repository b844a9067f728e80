// The public map (build-public/, made by `npm run build:public` before these tests): its legend, and a coast with
// nothing cut by a box — the land data is cut to one, and a mask beyond the county's surround must hide its edges.
import { readFileSync } from 'node:fs';
import bbox from '@turf/bbox';
import type { FeatureCollection } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGE_CLASSES } from '../../src/lib/verdict/stage-classes';
import type { ProgressSummary } from '../../src/lib/progress/summary';
import { watchedPage, type Watched } from '../../scripts/lib/harness/browser';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { closeSite, openSite } from './site';

const OUT = 'build-public';
let server: Preview;
let browser: Browser;

beforeAll(async () => {
	({ server, browser } = await openSite({ dir: 'build-public' }));
});

afterAll(() => closeSite({ server, browser }));

/** A 360 px touch phone that aborts requests leaving the origin and records console errors. */
const phone = (): Promise<Watched> =>
	watchedPage(browser, server.url, { width: 360, height: 740 }, { touch: true });

async function dbReady(page: Page) {
	await page.waitForSelector('[data-testid="headline"] [data-figure="renovated"]', { timeout: 30_000 });
	await page.waitForSelector('.map[data-map-idle="true"]', { timeout: 90_000 });
}

/** Zoom the public map out one step; across each edge of the land data's box, the colour on either side. */
async function acrossLandBox(page: Page, shot: string) {
	await dbReady(page);
	const map = page.locator('.map');
	const before = await map.getAttribute('data-view');
	await page.getByRole('button', { name: '缩小' }).tap();
	await page.waitForFunction(
		(b) => {
			const el = document.querySelector('.map');
			return el?.getAttribute('data-map-idle') === 'true' && el.getAttribute('data-view') !== b;
		},
		before,
		{ timeout: 60_000 }
	);
	const [lon0, lat0, zoom] = (await map.getAttribute('data-view'))!.split(',').map(Number) as [
		number,
		number,
		number
	];
	await map.scrollIntoViewIfNeeded();
	const png = PNG.sync.read(await map.screenshot({ path: shot }));
	const box = (await map.boundingBox())!;
	const dpr = png.width / box.width;
	const controls = await page
		.locator('.maplibregl-ctrl')
		.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
	// Web Mercator as MapLibre draws it (512 px tiles), in CSS px from the map's top left
	const world = 512 * 2 ** zoom;
	const mx = (lon: number) => ((lon + 180) / 360) * world;
	const my = (lat: number) =>
		((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * world;
	const sx = (lon: number) => box.width / 2 + mx(lon) - mx(lon0);
	const sy = (lat: number) => box.height / 2 + my(lat) - my(lat0);
	const rgb = (x: number, y: number) => {
		const i = (Math.round(y * dpr) * png.width + Math.round(x * dpr)) * 4;
		return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
	};
	const usable = (x: number, y: number) =>
		x > 8 &&
		y > 8 &&
		x < box.width - 8 &&
		y < box.height - 8 &&
		!controls.some(
			(c) =>
				x + box.x > c.left - 8 && x + box.x < c.right + 8 && y + box.y > c.top - 8 && y + box.y < c.bottom + 8
		);
	const land = JSON.parse(readFileSync(`${OUT}/data/land.geojson`, 'utf8')) as FeatureCollection;
	const [w, s, e, n] = bbox({
		...land,
		features: land.features.filter((f) => f.properties?.surface === 'land')
	});
	// the old picture: land colour on one side of a straight edge, sea on the other
	const near = (c: number[], ref: readonly number[]) => c.every((v, i) => Math.abs(v - ref[i]!) <= 6);
	const [LAND, SEA] = [
		[0xef, 0xec, 0xe4],
		[0xdc, 0xe8, 0xf2]
	] as const;
	const pairs: { at: string; same: boolean; cut: boolean }[] = [];
	for (let k = 1; k < 8; k++) {
		const lon = w + ((e - w) * k) / 8;
		const lat = s + ((n - s) * k) / 8;
		// across the west and east edges (left/right of the line) and the south and north ones (above/below)
		for (const [x, y, dx, dy] of [
			[sx(w), sy(lat), 5, 0],
			[sx(e), sy(lat), 5, 0],
			[sx(lon), sy(s), 0, 5],
			[sx(lon), sy(n), 0, 5]
		] as const) {
			if (!usable(x - dx, y - dy) || !usable(x + dx, y + dy)) continue;
			const [a, b] = [rgb(x - dx, y - dy), rgb(x + dx, y + dy)];
			pairs.push({
				at: `(${x.toFixed(0)}, ${y.toFixed(0)}): ${a} | ${b}`,
				same: Math.max(...a.map((v, i) => Math.abs(v - b[i]!))) <= 4,
				cut: (near(a, LAND) && near(b, SEA)) || (near(a, SEA) && near(b, LAND))
			});
		}
	}
	return pairs;
}

describe('the public map', () => {
	it('the map has a legend: every public stage class and the town shading, readable at 360 px', async () => {
		const p = await phone();
		const { page } = p;
		await page.goto(server.url + '/progress/');
		await dbReady(page);
		const legend = page.getByTestId('map-legend');
		await legend.scrollIntoViewIfNeeded();
		const items = await page.getByTestId('legend-stages').locator('li').allTextContents();
		expect(items.map((x) => x.trim())).toEqual(STAGE_CLASSES.map((c) => c.zh));
		expect(await legend.textContent()).toContain('乡镇街道底色：已完成改造的小区数');
		const summary = JSON.parse(readFileSync(`${OUT}/data/summary.json`, 'utf8')) as ProgressSummary;
		const max = Math.max(...summary.towns.map((x) => x.renovated));
		expect(max).toBeGreaterThan(0);
		expect(await page.getByTestId('legend-max').textContent()).toBe(`${max} 个`);
		// nothing cut off: every line inside the screen, no text overflowing its box
		for (const box of await legend
			.locator('li, .what, .ramp')
			.evaluateAll((els) =>
				els.map((e) => ({ right: e.getBoundingClientRect().right, over: e.scrollWidth > e.clientWidth }))
			)) {
			expect(box.right).toBeLessThanOrEqual(360);
			expect(box.over).toBe(false);
		}
		await legend.screenshot({ path: 'test-results/progress-legend.png' });
		await page.getByTestId('lang-switch').tap();
		expect(
			(await page.getByTestId('legend-stages').locator('li').allTextContents()).map((x) => x.trim())
		).toEqual(STAGE_CLASSES.map((c) => c.en));
		await legend.screenshot({ path: 'test-results/progress-legend-en.png' });
		expect(p.errors).toEqual([]);
		await p.context.close();
	});

	it('zoomed out, nothing looks cut by a box: across each edge of the land data, one colour', async () => {
		const p = await phone();
		await p.page.goto(server.url + '/progress/');
		const pairs = await acrossLandBox(p.page, 'test-results/progress-zoomed-out.png');
		// the box is in view: most of its edge was checked; nowhere land meets sea along it, and (a town label
		// or a dot may sit on a sample) nearly everywhere both sides are one colour
		expect(pairs.length).toBeGreaterThan(16);
		expect(pairs.filter((x) => x.cut).map((x) => x.at)).toEqual([]);
		expect(pairs.filter((x) => x.same).length).toBeGreaterThanOrEqual(pairs.length * 0.85);
		expect(p.errors).toEqual([]);
		await p.context.close();
	});

	it('the box check is not blind: with the bare land file (no mask) it finds the cut', async () => {
		const p = await phone();
		await p.page.route('**/data/land.geojson', (r) =>
			r.fulfill({ body: readFileSync('data/geo/land-osm.geojson'), contentType: 'application/json' })
		);
		await p.page.goto(server.url + '/progress/');
		const pairs = await acrossLandBox(p.page, 'test-results/progress-zoomed-out-unmasked.png');
		expect(pairs.filter((x) => x.cut).length).toBeGreaterThan(3);
		await p.context.close();
	});
});
