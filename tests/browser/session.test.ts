// One data session per app (issue 10): navigating / → a community → / → /budget → / → /progress opens DuckDB-WASM
// at most once, loads each file once (the community page and the residents' card read their small files, no table
// and no DuckDB: issue 24), and the map's second visit paints from the session without fetching anything again.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Watched } from '../../scripts/lib/harness/browser';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { closeSite, openSite } from './site';

let server: Preview;
let browser: Browser;
let w: Watched;

beforeAll(async () => {
	({ server, browser, w } = await openSite({ watch: true }));
});

afterAll(() => closeSite({ server, browser }));

/** Every data file the page fetched, by name, in order. */
function watchData(page: Page): string[] {
	const fetched: string[] = [];
	page.on('request', (r) => {
		const m = /\/data\/([^?]+)$/.exec(new URL(r.url()).pathname);
		if (m) fetched.push(m[1]!);
	});
	return fetched;
}

async function mapReady(page: Page) {
	await page.waitForSelector('[data-map-idle="true"]', { timeout: 60_000 });
	await page.waitForSelector('[data-testid="kpis"][aria-busy="false"]', { timeout: 30_000 });
}

describe('the app’s one data session', () => {
	it('opens DuckDB-WASM once across pages, loads each table once and lazily, repaints the map from memory', async () => {
		const { page } = w;
		const workers: string[] = [];
		page.on('worker', (wk) => workers.push(wk.url()));
		const requests: string[] = [];
		page.on('request', (r) => requests.push(new URL(r.url()).pathname));
		const fetched = watchData(page);
		const duckdbWorkers = () => workers.filter((u) => /duckdb/.test(u)).length;

		await page.goto(server.url + '/');
		await mapReady(page);
		// the map's first screen needs no SQL: DuckDB-WASM opens only when a page (or an export) asks for it
		expect(duckdbWorkers(), 'DuckDB-WASM workers after /').toBe(0);
		expect(fetched, 'the map reads no community details').not.toContain('works.parquet');
		expect(fetched.filter((f) => f === 'map.arrow')).toHaveLength(1);

		// a community from the next plan's list (a link: client-side navigation, as a reader clicks)
		await page.click('.candidates a[href*="/community/"]');
		await page.waitForSelector('[data-testid="funding"]', { timeout: 90_000 });
		expect(fetched, 'the community page reads no table').not.toContain('works.parquet');
		expect(
			fetched.filter((f) => f.startsWith('community/')),
			'its community file'
		).toHaveLength(1);
		expect(duckdbWorkers(), 'DuckDB-WASM not opened by the community page').toBe(0);

		// back to the map, then to the budget from the map's link, then back to the map
		await page.goBack();
		await mapReady(page);
		await page.click('[data-testid="budget-link"]');
		await page.waitForSelector('[data-testid="year-table"]', { timeout: 120_000 });
		const before = fetched.length;
		await page.click('a.back');
		await page.waitForSelector('[data-map-idle="true"]', { timeout: 60_000 });
		await mapReady(page);
		await page.screenshot({ path: 'test-results/session-map-again.png' });

		expect(fetched.slice(before), 'the map’s second visit fetched nothing').toEqual([]);
		expect(duckdbWorkers(), 'DuckDB-WASM workers after / → community → / → budget → /').toBeLessThanOrEqual(
			1
		);

		// the residents' page from the map's header: its first screen reads summary.json and the points, its card
		// the card file: no table
		await page.click('a.public-link');
		await page.waitForSelector('.map[data-map-idle="true"]', { timeout: 90_000 });
		await page.getByLabel('小区名称、地址或拼音首字母').fill('小区');
		await page.waitForSelector('[data-testid="results"] li', { timeout: 30_000 });
		expect(fetched, 'the public page’s points').toContain('progress-points.arrow.gz');
		expect(fetched, 'the public page’s search text').toContain('progress-search.arrow.gz');
		expect(fetched, 'no table for the public first screen').not.toContain('progress.parquet');
		await page.locator('[data-testid="results"] button').first().click();
		await page.waitForSelector('[data-testid="card"] h2', { timeout: 60_000 });
		expect(fetched, 'the card reads no table').not.toContain('progress.parquet');
		expect(
			fetched.filter((f) => f.startsWith('card/')),
			'its card file'
		).toHaveLength(1);
		expect(duckdbWorkers(), 'still at most one DuckDB-WASM worker').toBeLessThanOrEqual(1);
		const counts = new Map<string, number>();
		for (const f of fetched) counts.set(f, (counts.get(f) ?? 0) + 1);
		const twice = [...counts].filter(([, n]) => n > 1);
		expect(twice, 'data files fetched more than once').toEqual([]);
		expect(
			requests.filter((p) => p.endsWith('favicon.ico')),
			'no page asks for /favicon.ico'
		).toEqual([]);
		expect(w.foreign, 'requests that left the origin').toEqual([]);
		expect(w.errors, 'console errors').toEqual([]);
	});
});
