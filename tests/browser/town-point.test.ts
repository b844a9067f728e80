// A town sets its community's point by a tap on the map (issue 22), in the browser at 390 px: the form's map (the
// app's offline base, no tile server: every request stays on the page's origin) is centred on the community's
// point; a tap puts the new point — its WGS84 coordinates (6 decimals) are those of the pixel tapped, worked out
// here by hand from Web Mercator — and the distance moved is shown in metres (haversine by hand); a point typed in
// another town is refused naming it; saved, the change is in the community's history with the point before and
// the metres moved. Screenshots at 390 px and 1400 px in test-results/.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../src/lib/office/api';
import { Client, type Running, townOffice } from '../../scripts/lib/harness/office';
import { launchBrowser, watchedPage } from '../../scripts/lib/harness/browser';
import { logIn } from './office-login';
import { exampleRows } from '../../scripts/lib/harness/office';

let run: Running;
let browser: Browser;
let keeper: Client;
const PHONE = { width: 390, height: 844 };

const ours = exampleRows('communities').find((c) => c.town_code === '330382001')!; // 城东街道
const lecheng = exampleRows('towns').find((t) => t.name === '乐成街道')!;
const now: [number, number] = [Number(ours.lon), Number(ours.lat)];
/** The zoom the form's map starts at (PointMap.svelte). */
const ZOOM = 13;

/** Web Mercator at MapLibre's 512 px tiles: a point's world pixel at `zoom`, and back. */
const world = (zoom: number) => 512 * 2 ** zoom;
const toPixel = ([lon, lat]: [number, number], zoom: number): [number, number] => {
	const phi = (lat * Math.PI) / 180;
	return [
		((lon + 180) / 360) * world(zoom),
		((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * world(zoom)
	];
};
const toPoint = ([x, y]: [number, number], zoom: number): [number, number] => [
	(x / world(zoom)) * 360 - 180,
	((2 * Math.atan(Math.exp(Math.PI * (1 - (2 * y) / world(zoom)))) - Math.PI / 2) * 180) / Math.PI
];
/** Haversine on turf's mean Earth radius, in metres. */
function metres(a: [number, number], b: [number, number]): number {
	const rad = (d: number) => (d * Math.PI) / 180;
	const h =
		Math.sin(rad(b[1] - a[1]) / 2) ** 2 +
		Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(rad(b[0] - a[0]) / 2) ** 2;
	return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

beforeAll(async () => {
	mkdirSync('test-results', { recursive: true });
	({ run, keeper } = await townOffice({ chengdong: ['城东街道'] }));
	browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
	await browser?.close();
	await run?.stop();
});

const allChanges = async () =>
	((await (await keeper.get('/api/changes')).json()) as { changes: ChangeRecord[] }).changes;

describe("a town sets its community's point by a tap on the map (390 px)", () => {
	it('tap: the coordinates and the metres moved shown; another town refused; saved into the history', async () => {
		const town = await watchedPage(browser, run.url, PHONE, { touch: true });
		const page = town.page;
		await logIn(page, run.url, 'chengdong', '/town');
		await page.getByRole('combobox', { name: '选择小区' }).selectOption(ours.id!);
		const form = page.locator('form.point-form');
		await form
			.getByTestId('point-now')
			.getByText(`${now[0].toFixed(6)}, ${now[1].toFixed(6)}`)
			.waitFor();
		const map = form.getByTestId('point-map');
		await map.scrollIntoViewIfNeeded();
		await form.locator('[data-testid=point-map][data-map-idle=true]').waitFor({ timeout: 60_000 });
		await page.screenshot({ path: 'test-results/town-point-map-390.png', fullPage: true });

		// a tap 60 px right of and 40 px above the map's centre (the community's point, at the form's zoom 13)
		const box = (await map.locator('canvas').boundingBox())!;
		const [dx, dy] = [60, -40];
		await page.touchscreen.tap(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
		const [cx, cy] = toPixel(now, ZOOM);
		const expected = toPoint([cx + dx, cy + dy], ZOOM);
		await expect.poll(() => form.locator('input[name=point-lon]').inputValue()).not.toBe('');
		const lon = await form.locator('input[name=point-lon]').inputValue();
		const lat = await form.locator('input[name=point-lat]').inputValue();
		// six decimals, as the ledger keeps them; within about a pixel (≈ 8 m here) of the pixel tapped
		expect(lon).toMatch(/^\d+\.\d{6}$/);
		expect(lat).toMatch(/^\d+\.\d{6}$/);
		expect(Math.abs(Number(lon) - expected[0])).toBeLessThan(8e-5);
		expect(Math.abs(Number(lat) - expected[1])).toBeLessThan(8e-5);
		// the metres moved, from the point now to the one tapped
		const moved = Math.round(metres(now, [Number(lon), Number(lat)]));
		expect(moved).toBeGreaterThan(400);
		const preview = form.getByTestId('point-preview');
		await preview
			.getByText(`${now[0].toFixed(6)}, ${now[1].toFixed(6)} → ${lon}, ${lat}，移动 ${moved} 米`)
			.waitFor();
		await page.screenshot({ path: 'test-results/town-point-tapped-390.png', fullPage: true });

		// a point typed in another town: refused as typed, naming both towns, and saving is off
		await form.locator('input[name=point-lon]').fill(lecheng.seat_lon!);
		await form.locator('input[name=point-lat]').fill(lecheng.seat_lat!);
		await form
			.getByTestId('point-problems')
			.getByText('位置在乐成街道，不在本小区所属的城东街道范围内', { exact: false })
			.waitFor();
		expect(await form.getByRole('button', { name: '保存' }).isDisabled()).toBe(true);
		await page.screenshot({ path: 'test-results/town-point-refused-390.png', fullPage: true });

		// tapped again at the same place of the map (the page has moved under it: the canvas is found again), saved
		const again = (await map.locator('canvas').boundingBox())!;
		await page.touchscreen.tap(again.x + again.width / 2 + dx, again.y + again.height / 2 + dy);
		await expect.poll(() => form.locator('input[name=point-lon]').inputValue()).toBe(lon);
		expect(await form.locator('input[name=point-lat]').inputValue()).toBe(lat);
		await preview.waitFor();
		await form.getByRole('button', { name: '保存' }).click();
		await form
			.getByTestId('point-message')
			.getByText(/已保存，等待市旧改办审核/)
			.waitFor();
		const [change] = await allChanges();
		expect(change).toMatchObject({
			communityId: ours.id,
			field: 'communities.point',
			before: now,
			after: { community_id: ours.id, lon: Number(lon), lat: Number(lat) },
			state: 'pending'
		});
		// in the community's change list: the new point, the one before and the metres moved
		const history = page.getByTestId('town-history');
		const item = history.locator(`[data-change="${change!.id}"]`);
		await item.getByText('小区位置', { exact: false }).waitFor();
		await item.getByText(`位置：${lon}, ${lat}`).waitFor();
		await item.getByText(`此前：${now[0].toFixed(6)}, ${now[1].toFixed(6)}，移动 ${moved} 米`).waitFor();
		await item.scrollIntoViewIfNeeded();
		await page.screenshot({ path: 'test-results/town-point-saved-390.png', fullPage: true });
		expect(town.foreign).toEqual([]);
		expect(town.errors).toEqual([]);
		await town.context.close();
	}, 180_000);

	it('at 1400 px the form and its map sit in the page’s column', async () => {
		const desk = await watchedPage(browser, run.url, { width: 1400, height: 900 });
		await logIn(desk.page, run.url, 'chengdong', '/town');
		await desk.page.getByRole('combobox', { name: '选择小区' }).selectOption(ours.id!);
		const form = desk.page.locator('form.point-form');
		await form.getByTestId('point-map').scrollIntoViewIfNeeded();
		await form.locator('[data-testid=point-map][data-map-idle=true]').waitFor({ timeout: 60_000 });
		await desk.page.screenshot({ path: 'test-results/town-point-1400.png', fullPage: true });
		expect(desk.foreign).toEqual([]);
		expect(desk.errors).toEqual([]);
		await desk.context.close();
	}, 120_000);
});
