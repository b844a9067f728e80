import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { polygon } from '@turf/helpers';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../src/lib/filter/filters';
import { kpiSql, type Kpis } from '../../src/lib/filter/queries';
import { money } from '../../src/lib/i18n/format';
import type { Watched } from '../../scripts/lib/harness/browser';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { closeSite, openSite } from './site';
import { directSql } from './sql';

let server: Preview;
let browser: Browser;
let w: Watched;

beforeAll(async () => {
	({ server, browser, w } = await openSite({ watch: true }));
});

afterAll(() => closeSite({ server, browser }, [w]));

describe('area selection on /', () => {
	it('a drawn polygon selects the communities inside it, and the KPIs are theirs; the URL keeps the polygon', async () => {
		const { page } = w;
		await page.goto(server.url + '/');
		await page.waitForSelector('[data-testid="kpis"][aria-busy="false"]', { timeout: 90_000 });
		await page.waitForSelector('[data-map-idle="true"]', { timeout: 30_000 });
		await page.getByRole('button', { name: '画区域' }).click();
		const box = (await page.locator('.map').boundingBox())!;
		// a square around the middle of the map (the centre of 乐清's built-up south)
		const cx = box.x + box.width * 0.45;
		const cy = box.y + box.height * 0.7;
		for (const [dx, dy] of [
			[-90, -90],
			[90, -90],
			[90, 90],
			[-90, 90]
		]) {
			await page.mouse.click(cx + dx!, cy + dy!);
		}
		expect(await page.textContent('.area')).toContain('4个顶点');
		await page.getByRole('button', { name: '完成' }).click();
		await page.waitForSelector('[data-testid="area-count"]');
		await page.waitForFunction(() => location.search.includes('poly='));
		await page.waitForFunction(
			() => document.querySelector('[data-testid="kpis"]')?.getAttribute('aria-busy') === 'false'
		);

		const poly = new URL(page.url()).searchParams
			.get('poly')!
			.split(';')
			.map((p) => p.split(',').map(Number) as [number, number]);
		expect(poly).toHaveLength(4);
		const shape = polygon([[...poly, poly[0]!]]);
		const all = await directSql<{ id: string; lon: number; lat: number }>(
			'SELECT id, lon, lat FROM community_view'
		);
		const inside = all.filter((c) => booleanPointInPolygon([c.lon, c.lat], shape)).map((c) => c.id);
		expect(inside.length).toBeGreaterThan(5);
		expect(await page.textContent('[data-testid="area-count"]')).toBe(`区域内 ${inside.length} 个小区`);
		const [k] = await directSql<Kpis>(kpiSql({ ...EMPTY_FILTER, area: inside }));
		expect(await page.textContent('[data-kpi="communities"] .value')).toBe(`${k!.communities}个`);
		expect(await page.textContent('[data-kpi="subsidy"] .value')).toBe(money(k!.subsidy));
		await page.waitForSelector('[data-map-idle="true"]');
		await page.screenshot({ path: 'test-results/map-area.png' });
	});

	it('one count: the area says as many communities as the KPIs, with the other filters applied', async () => {
		const { page } = w;
		// a rectangle around the communities of 城东街道, and only those built by 2000
		const [b] = await directSql<{ x0: number; x1: number; y0: number; y1: number }>(
			`SELECT min(lon) AS x0, max(lon) AS x1, min(lat) AS y0, max(lat) AS y1 FROM community_view WHERE town_code = '330382001'`
		);
		const poly: [number, number][] = [
			[b!.x0 - 0.001, b!.y0 - 0.001],
			[b!.x1 + 0.001, b!.y0 - 0.001],
			[b!.x1 + 0.001, b!.y1 + 0.001],
			[b!.x0 - 0.001, b!.y1 + 0.001]
		];
		await page.goto(`${server.url}/?yearTo=2000&poly=${poly.map((xy) => xy.join(',')).join(';')}`);
		await page.waitForSelector('[data-testid="kpis"][aria-busy="false"]', { timeout: 90_000 });
		await page.waitForSelector('[data-testid="area-count"]');
		await page.waitForFunction(
			() => document.querySelector('[data-testid="kpis"]')?.getAttribute('aria-busy') === 'false'
		);
		const shape = polygon([[...poly, poly[0]!]]);
		const all = await directSql<{ id: string; lon: number; lat: number; completion_year: number }>(
			'SELECT id, lon, lat, completion_year FROM community_view'
		);
		const inside = all.filter((c) => booleanPointInPolygon([c.lon, c.lat], shape));
		const both = inside.filter((c) => c.completion_year <= 2000).map((c) => c.id);
		// the year filter must matter here, or the test could not tell the two counts apart
		expect(both.length).toBeGreaterThan(0);
		expect(both.length).toBeLessThan(inside.length);
		const [k] = await directSql<Kpis>(
			kpiSql({ ...EMPTY_FILTER, yearTo: 2000, area: inside.map((c) => c.id) })
		);
		expect(k!.communities).toBe(both.length);
		expect(await page.textContent('[data-testid="area-count"]')).toBe(`区域内 ${both.length} 个小区`);
		expect(await page.textContent('[data-kpi="communities"] .value')).toBe(`${both.length}个`);
	});
});
