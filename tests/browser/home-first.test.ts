// `/` answers without DuckDB-WASM (issue #13): with every .wasm request withheld, the KPIs, the legend's counts,
// the town table and the next plan's candidates still show, equal to the SQL run directly; so does the list export
// (issue 24: from the map's columns and list-columns.json). Then a filter: the figures and the export follow, still
// without DuckDB.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTER, type Filter } from '../../src/lib/filter/filters';
import {
	awaitingReviewSql,
	candidatesSql,
	exportSql,
	kpiSql,
	legendSql,
	townSql,
	type Kpis
} from '../../src/lib/filter/queries';
import { toCsv, type ExportRow } from '../../src/lib/files/export';
import { readFileSync } from 'node:fs';
import { count } from '../../src/lib/i18n/format';
import { COLOUR_SCALES } from '../../src/lib/verdict/classes';
import { rankCandidates, type BudgetCandidate } from '../../src/lib/policy';
import { watchedPage, type Watched } from '../../scripts/lib/harness/browser';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { closeSite, openSite } from './site';
import { tileTexts } from './kpis';
import { directSql } from './sql';

let server: Preview;
let browser: Browser;
let w: Watched;
const withheld: string[] = [];

beforeAll(async () => {
	({ server, browser, w } = await openSite({ watch: true }));
	await w.page.route('**/*.wasm', (route) => {
		withheld.push(route.request().url());
		return route.abort();
	});
});

afterAll(() => closeSite({ server, browser }, [w], { errors: false }));

const COMMUNITIES = { zh: '个', en: '' };

async function expectedKpis(f: Filter): Promise<Record<string, string>> {
	const [k] = await directSql<Kpis>(kpiSql(f));
	// every tile's main figure (figures.ts), as the page formats its unit
	return tileTexts(k!);
}

/** Everything the first screen shows, read from the page. */
async function shown(page: Page) {
	return page.evaluate(() => {
		const text = (e: Element | null) => e?.textContent?.trim() ?? '';
		return {
			kpis: Object.fromEntries(
				[...document.querySelectorAll('[data-kpi]')].map((e) => [
					e.getAttribute('data-kpi'),
					text(e.querySelector('.value'))
				])
			),
			legend: [...document.querySelectorAll('[data-testid="legend"] li')].map((li) => [
				li.getAttribute('data-class'),
				text(li.querySelector('.n'))
			]),
			towns: Object.fromEntries(
				[...document.querySelectorAll('[data-testid="town-table"] td[data-town]')].map((td) => [
					td.getAttribute('data-town'),
					text(td)
				])
			),
			candidates: [...document.querySelectorAll('[data-testid="candidates"] ol li a')].map((a) =>
				decodeURIComponent(a.getAttribute('href')!.split('/').filter(Boolean).at(-1)!)
			),
			awaiting: [...document.querySelectorAll('[data-testid="awaiting-review"] li a')].map((a) =>
				decodeURIComponent(a.getAttribute('href')!.split('/').filter(Boolean).at(-1)!)
			)
		};
	});
}

/** The same figures from the SQL, run directly over the built Parquet files. */
async function expected(f: Filter) {
	const legendRows = await directSql<{ class: string; n: number }>(legendSql(f, 'eligibility'));
	const towns = await directSql<{ town_code: string; communities: number }>(townSql(f));
	const candidates = rankCandidates(await directSql<BudgetCandidate>(candidatesSql(f)));
	return {
		kpis: await expectedKpis(f),
		legend: COLOUR_SCALES.eligibility.classes.map((c) => [
			c.codes.join(' '),
			String(legendRows.filter((r) => c.codes.includes(r.class)).reduce((n, r) => n + Number(r.n), 0))
		]),
		towns: Object.fromEntries(towns.map((r) => [r.town_code, count(Number(r.communities), COMMUNITIES)])),
		candidates: candidates.slice(0, 30).map((c) => c.id),
		awaiting: (await directSql<{ id: string }>(awaitingReviewSql(f))).slice(0, 30).map((c) => c.id)
	};
}

describe('/ without DuckDB-WASM', () => {
	it('shows KPIs, legend counts, town table and candidates equal to the SQL without asking for the wasm; an export too', async () => {
		const { page } = w;
		await page.goto(`${server.url}/`);
		await page.waitForSelector('[data-map-idle="true"]', { timeout: 60_000 });
		await page.waitForSelector('[data-testid="kpis"][aria-busy="false"]', { timeout: 30_000 });
		await page.waitForSelector('[data-testid="candidates"] li', { timeout: 30_000 });
		const want = await expected(EMPTY_FILTER);
		// §三(四): the example has no candidate for the open plan yet (no town review passed); those in review are
		// listed apart, from the same columns
		expect(want.candidates.length + want.awaiting.length).toBeGreaterThan(0);
		expect(await shown(page)).toEqual(want);
		// DuckDB-WASM was not even asked for: `/` opens it only for an export
		expect(withheld, 'wasm asked for before any export').toEqual([]);
		expect(await page.locator('[data-db]').getAttribute('data-db')).toBe('idle');
		expect(await page.locator('[data-testid="export-wait"]').count()).toBe(0);
		// an export is written from the page's columns (issue 24): the same CSV as the SQL export, still no wasm
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 30_000 }),
			page.locator('.export button', { hasText: 'CSV' }).click()
		]);
		const csv = readFileSync((await download.path())!, 'utf8');
		expect(csv).toBe(toCsv(await directSql<ExportRow>(exportSql(EMPTY_FILTER))));
		expect(withheld, 'wasm asked for by the export').toEqual([]);
		expect(await page.locator('[data-db]').getAttribute('data-db')).toBe('idle');
		expect(await page.locator('[data-testid="export-wait"]').count()).toBe(0);
		expect(await shown(page)).toEqual(want);
		await page.screenshot({ path: 'test-results/home-no-wasm.png' });
	}, 120_000);

	it('a filter (a town, then a year range) updates every figure, still without DuckDB', async () => {
		const { page } = w;
		const town = (await directSql<{ code: string }>('SELECT code FROM towns ORDER BY code LIMIT 1'))[0]!.code;
		await page.locator(`[data-filter="towns"] input[value="${town}"]`).check();
		let f: Filter = { ...EMPTY_FILTER, towns: [town] };
		let want = await expected(f);
		// the KPIs come in the click's frame, the legend, the town table and the lists after the map's (MapHandover)
		await expect.poll(async () => (await shown(page)).kpis, { timeout: 10_000 }).toEqual(want.kpis);
		await expect.poll(() => shown(page), { timeout: 10_000 }).toEqual(want);

		await page.getByLabel('建成年份止').fill('1995');
		await page.getByLabel('建成年份止').press('Enter');
		f = { ...f, yearTo: 1995 };
		want = await expected(f);
		await expect.poll(async () => (await shown(page)).kpis, { timeout: 10_000 }).toEqual(want.kpis);
		await expect.poll(() => shown(page), { timeout: 10_000 }).toEqual(want);
		// the filtered list's export equals the SQL export of the same filter
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 30_000 }),
			page.locator('.export button', { hasText: 'CSV' }).click()
		]);
		const sql = await directSql<ExportRow>(exportSql(f));
		expect(sql.length).toBeGreaterThan(0);
		expect(readFileSync((await download.path())!, 'utf8')).toBe(toCsv(sql));
		expect(withheld).toEqual([]);
	}, 120_000);

	it('on a phone (390 px) the map comes first and the figures below it, nothing wider than the screen', async () => {
		const phone = await watchedPage(browser, server.url, { width: 390, height: 844 });
		await phone.page.route('**/*.wasm', (route) => route.abort());
		await phone.page.goto(`${server.url}/`);
		await phone.page.waitForSelector('[data-map-idle="true"]', { timeout: 60_000 });
		await phone.page.waitForSelector('[data-testid="kpis"][aria-busy="false"]', { timeout: 30_000 });
		const want = await expected(EMPTY_FILTER);
		expect((await shown(phone.page)).kpis).toEqual(want.kpis);
		expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		const map = (await phone.page.locator('.map').boundingBox())!;
		const kpis = (await phone.page.getByTestId('kpis').boundingBox())!;
		expect(map.y).toBeLessThan(kpis.y);
		await phone.page.screenshot({ path: 'test-results/home-no-wasm-390.png' });
		await phone.page.screenshot({ path: 'test-results/home-no-wasm-390-full.png', fullPage: true });
		expect(phone.foreign).toEqual([]);
		await phone.page.context().close();
	}, 120_000);
});
