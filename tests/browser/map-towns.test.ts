import { readFileSync } from 'node:fs';
import bbox from '@turf/bbox';
import ExcelJS from 'exceljs';
import type { FeatureCollection } from 'geojson';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/files/csv';
import { EMPTY_FILTER } from '../../src/lib/filter/filters';
import { townSql } from '../../src/lib/filter/queries';
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
	await w.page.goto(server.url + '/?tm=investment');
	await w.page.waitForSelector('[data-testid="kpis"][aria-busy="false"]', { timeout: 90_000 });
	await w.page.waitForSelector('[data-testid="town-table"]', { timeout: 30_000 });
});

afterAll(() => closeSite({ server, browser }, [w]));

describe('towns and exports on /', () => {
	it('the town view shows each town’s KPI as the SQL gives it, and colours the towns', async () => {
		const expected = await directSql<{ town_code: string; investment: number }>(townSql(EMPTY_FILTER));
		const shown = await w.page.$$eval('[data-town]', (els) =>
			Object.fromEntries(els.map((e) => [e.getAttribute('data-town'), e.textContent]))
		);
		expect(Object.keys(shown)).toHaveLength(25);
		for (const r of expected) expect(shown[r.town_code], r.town_code).toBe(money(r.investment));
		await w.page.waitForSelector('[data-map-idle="true"]');
		await w.page.screenshot({ path: 'test-results/map-towns.png' });
	});

	it('drills into a town: filter, URL and KPIs follow', async () => {
		await w.page.getByRole('button', { name: '柳市镇', exact: true }).click();
		await w.page.waitForFunction(() => location.search.includes('towns=330382114'));
		await w.page.waitForFunction(
			() => document.querySelector('[data-testid="kpis"]')?.getAttribute('aria-busy') === 'false'
		);
		const [row] = await directSql<{ n: number }>(
			`SELECT CAST(count(*) AS INT) AS n FROM community_view WHERE town_code = '330382114'`
		);
		expect(await w.page.textContent('[data-kpi="communities"] .value')).toBe(`${row!.n}个`);
		expect(await w.page.textContent('.drill')).toContain('柳市镇');
		await w.page.waitForSelector('[data-map-idle="true"]');
		await w.page.screenshot({ path: 'test-results/map-drill.png' });
	});

	it('exports the filtered list as CSV and Excel with Chinese headers and the right rows', async () => {
		const ids = (
			await directSql<{ id: string }>(
				`SELECT id FROM community_view WHERE town_code = '330382114' ORDER BY id`
			)
		).map((r) => r.id);
		// the first export opens DuckDB-WASM (the map does not): allow for its boot
		const [csvDownload] = await Promise.all([
			w.page.waitForEvent('download', { timeout: 120_000 }),
			w.page.getByRole('button', { name: 'CSV' }).click()
		]);
		const csv = readFileSync((await csvDownload.path())!, 'utf8');
		const { rows } = parseCsv(csv);
		expect(rows[0]!.slice(0, 3)).toEqual(['小区编号', '小区名称', '乡镇街道']);
		expect(
			rows
				.slice(1)
				.map((r) => r[0])
				.sort()
		).toEqual(ids);
		expect(new Set(rows.slice(1).map((r) => r[2]))).toEqual(new Set(['柳市镇']));

		const [xlsxDownload] = await Promise.all([
			w.page.waitForEvent('download'),
			w.page.getByRole('button', { name: 'Excel' }).click()
		]);
		expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile((await xlsxDownload.path())!);
		const sheet = wb.getWorksheet('小区清单')!;
		expect(sheet.rowCount).toBe(ids.length + 1);
		expect(sheet.getRow(1).getCell(1).value).toBe('小区编号');
		const subsidyCol = (sheet.getRow(1).values as unknown[]).findIndex((h) =>
			String(h).startsWith('财政补助（元')
		);
		expect(subsidyCol).toBeGreaterThan(0);
		// issue 19: the file keeps the data date it stands at
		const manifest = JSON.parse(readFileSync('build/data/manifest.json', 'utf8')) as { asOf: string };
		expect(wb.getWorksheet('说明')!.getRow(2).values).toEqual([undefined, '数据截至', manifest.asOf]);
		// and the filter it was taken under, in words, with how many communities it lists
		const notes = wb
			.getWorksheet('说明')!
			.getSheetValues()
			.map((r) => (r as unknown[] | undefined)?.slice(1, 3));
		expect(notes).toContainEqual(['筛选：乡镇街道', '柳市镇']);
		expect(notes).toContainEqual(['小区数', ids.length]);
		const [sum] = await directSql<{ s: number }>(
			`SELECT CAST(sum(subsidy) AS DOUBLE) AS s FROM community_view WHERE town_code = '330382114'`
		);
		let total = 0;
		sheet.eachRow((row, n) => {
			if (n > 1) total += Number(row.getCell(subsidyCol).value);
		});
		expect(total).toBeCloseTo(sum!.s, 2);
	});

	it('filtering by towns fits the map to them (as drilling down does)', async () => {
		const { page } = w;
		await page.goto(server.url + '/');
		await page.waitForSelector('[data-map-idle="true"]', { timeout: 60_000 });
		const view = () => {
			const v = new URL(page.url()).searchParams.get('v');
			return v ? v.split(',').map(Number) : null;
		};
		expect(view(), 'the opening view is the home view').toBeNull();
		const towns = JSON.parse(readFileSync('build/data/towns.geojson', 'utf8')) as FeatureCollection;
		const extent = (codes: string[]) => {
			const [x0, y0, x1, y1] = bbox({
				type: 'FeatureCollection',
				features: towns.features.filter((f) => codes.includes(String(f.properties?.code)))
			});
			return { x0, x1, y0, y1 };
		};
		const fitted = async (codes: string[]) => {
			await page.waitForFunction(() => new URL(location.href).searchParams.has('v'));
			await page.waitForSelector('[data-map-idle="true"]');
			const [lon, lat, zoom] = view()!;
			const e = extent(codes);
			expect(lon, codes.join()).toBeGreaterThan(e.x0);
			expect(lon, codes.join()).toBeLessThan(e.x1);
			expect(lat, codes.join()).toBeGreaterThan(e.y0);
			expect(lat, codes.join()).toBeLessThan(e.y1);
			return zoom!;
		};
		// one town from the filter list: 大荆镇, in the north-east of the county
		const town = page.locator('[data-filter="towns"] input[value="330382101"]');
		await town.check();
		const zoomOne = await fitted(['330382101']);
		expect(zoomOne).toBeGreaterThan(9.3);
		await page.screenshot({ path: 'test-results/map-towns-filter.png' });
		// with 柳市镇, far to the south-west, the view widens to hold both
		await page.locator('[data-filter="towns"] input[value="330382114"]').check();
		await page.waitForFunction(
			(z) => Number(new URL(location.href).searchParams.get('v')?.split(',')[2]) < z,
			zoomOne
		);
		await fitted(['330382101', '330382114']);
		// a shared link with towns but no view opens fitted to them; one with a view keeps it
		await page.goto(server.url + '/?towns=330382114');
		await page.waitForSelector('[data-map-idle="true"]', { timeout: 60_000 });
		await fitted(['330382114']);
		await page.goto(server.url + '/?towns=330382114&v=121.1,28.3,10');
		await page.waitForSelector('[data-map-idle="true"]', { timeout: 60_000 });
		expect(view()).toEqual([121.1, 28.3, 10]);
	});
});
