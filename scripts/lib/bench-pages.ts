// The pages of issue 24 that answer without DuckDB-WASM, measured at the 乐清 size (the example build):
//  - the community page opened cold (a fresh context each run): navigation → the verdict shown (the funding
//    section), bytes transferred, .wasm requests;
//  - the public card on the phone profile (build-public served as plain files): the tap on a search result →
//    the card's title, and the bytes transferred after the tap;
//  - `/`'s first export of the current filter: the click → the file handed to the browser (the page's
//    `export:ready` mark), on a page whose map is idle.
// Bytes are what the network carried (CDP's encodedDataLength, all requests of the window). Timings recorded,
// never asserted.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { stats, type Stats } from './bench-stats';

export interface PagesRow {
	communityVerdictMs: Stats;
	communityMB: Stats;
	communityWasm: number;
	cardAfterTapMs: Stats;
	cardKB: Stats;
	cardWasm: number;
	exportMs: Stats;
	exportWasm: number;
}

/** Counts bytes and .wasm requests of a page from now on (reset with `zero`). */
async function meter(context: BrowserContext, page: Page) {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	const m = { bytes: 0, wasm: 0 };
	cdp.on('Network.loadingFinished', (e) => (m.bytes += e.encodedDataLength));
	cdp.on('Network.requestWillBeSent', (e) => {
		if (new URL(e.request.url).pathname.endsWith('.wasm')) m.wasm++;
	});
	return m;
}

/** The community page cold, `runs` fresh contexts: ms to the verdict shown, MB over the wire, .wasm asked for. */
async function communityRuns(browser: Browser, url: string, id: string, runs: number) {
	const ms: number[] = [];
	const mb: number[] = [];
	let wasm = 0;
	for (let r = 0; r < runs; r++) {
		const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
		const page = await context.newPage();
		const m = await meter(context, page);
		await page.goto(`${url}/community/${id}`);
		await page.waitForSelector('[data-testid="funding"]', { timeout: 120_000 });
		ms.push(await page.evaluate(() => performance.now()));
		// the locator map's tiles and the rest of the page, to the map's idle: the page's whole cost
		await page.waitForSelector('.locator[data-map-idle="true"]', { timeout: 120_000 }).catch(() => {});
		mb.push(m.bytes / 2 ** 20);
		wasm += m.wasm;
		await context.close();
	}
	return { ms, mb, wasm };
}

/** The public card on the phone profile: tap on a found community → its card's title; bytes after the tap. */
async function cardRuns(browser: Browser, url: string, initials: string, name: string, runs: number) {
	const ms: number[] = [];
	const kb: number[] = [];
	let wasm = 0;
	for (let r = 0; r < runs; r++) {
		const context = await browser.newContext({
			viewport: { width: 390, height: 844 },
			deviceScaleFactor: 2,
			isMobile: true,
			hasTouch: true,
			locale: 'zh-CN'
		});
		const page = await context.newPage();
		const m = await meter(context, page);
		await page.goto(`${url}/progress/`);
		await page.waitForSelector('.map[data-map-idle="true"]', { timeout: 120_000 });
		await page.getByLabel('小区名称、地址或拼音首字母').fill(initials);
		const result = page.locator('[data-testid="results"] button', { hasText: name }).first();
		await result.waitFor({ timeout: 60_000 });
		await page.waitForTimeout(300); // the search's own fetches settled
		m.bytes = 0;
		const t0 = await page.evaluate(() => performance.now());
		await result.tap();
		await page.locator('[data-testid="card"] h2').waitFor({ timeout: 120_000 });
		ms.push((await page.evaluate(() => performance.now())) - t0);
		kb.push(m.bytes / 1024);
		wasm += m.wasm;
		await context.close();
	}
	return { ms, kb, wasm };
}

/** `/`'s first export (CSV) on a fresh page whose map is idle: click → the file handed over. */
async function exportRuns(browser: Browser, url: string, runs: number) {
	const ms: number[] = [];
	let wasm = 0;
	for (let r = 0; r < runs; r++) {
		const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
		const page = await context.newPage();
		const m = await meter(context, page);
		await page.goto(`${url}/`);
		await page.waitForSelector('[data-map-idle="true"]', { timeout: 120_000 });
		const download = page.waitForEvent('download', { timeout: 120_000 });
		const t0 = await page.evaluate(() => {
			const t = performance.now();
			[...document.querySelectorAll<HTMLButtonElement>('.export button')]
				.find((b) => b.textContent === 'CSV')!
				.click();
			return t;
		});
		await download;
		const ready = await page.evaluate(
			() => performance.getEntriesByName('export:ready').at(-1)?.startTime ?? NaN
		);
		ms.push(ready - t0);
		wasm += m.wasm;
		await context.close();
	}
	return { ms, wasm };
}

/**
 * Runs the three measures: `dashboard` serves `build` (the example's data), `publicSite` serves build-public.
 * `community`: an id with every section; `card`: a community's 拼音 initials and name to search and tap.
 */
export async function measurePages(
	browser: Browser,
	dashboard: string,
	publicSite: string,
	community: string,
	card: { initials: string; name: string },
	runs: number
): Promise<PagesRow> {
	const c = await communityRuns(browser, dashboard, community, runs);
	const p = await cardRuns(browser, publicSite, card.initials, card.name, runs);
	const e = await exportRuns(browser, dashboard, runs);
	return {
		communityVerdictMs: stats(c.ms),
		communityMB: stats(c.mb),
		communityWasm: c.wasm,
		cardAfterTapMs: stats(p.ms),
		cardKB: stats(p.kb),
		cardWasm: p.wasm,
		exportMs: stats(e.ms),
		exportWasm: e.wasm
	};
}

/** docs/benchmarks.md's table of these measures beside their targets (issue 24). */
export function pagesTable(row: PagesRow | null, runs: number): string {
	if (!row) return '_not measured yet_';
	const f = (s: Stats, d = 0) => `${s.median.toFixed(d)} (p95 ${s.p95.toFixed(d)})`;
	const met = (ok: boolean) => (ok ? 'met' : '**missed**');
	return [
		`乐清 size (the example, 724 communities), ${runs} runs each, median (p95):`,
		'',
		'| measure | target | measured | |',
		'|---|---|---|---|',
		`| community page cold: navigation → verdict shown | ≤ 1.5 s | ${f(row.communityVerdictMs)} ms | ${met(row.communityVerdictMs.median <= 1500)} |`,
		`| community page cold: transferred (to the locator map idle) | ≤ 3 MB | ${f(row.communityMB, 2)} MB | ${met(row.communityMB.median <= 3)} |`,
		`| community page: .wasm fetched | none | ${row.communityWasm} | ${met(row.communityWasm === 0)} |`,
		`| public card (phone profile): tap → card shown | ≤ 1 s | ${f(row.cardAfterTapMs)} ms | ${met(row.cardAfterTapMs.median <= 1000)} |`,
		`| public card: transferred after the tap | ≤ 1 MB | ${f(row.cardKB, 1)} KB | ${met(row.cardKB.median <= 1024)} |`,
		`| public page with card: .wasm fetched | none | ${row.cardWasm} | ${met(row.cardWasm === 0)} |`,
		`| / first export (CSV, no filter): click → file | ≤ 1 s | ${f(row.exportMs)} ms | ${met(row.exportMs.median <= 1000)} |`,
		`| / export: .wasm fetched | none | ${row.exportWasm} | ${met(row.exportWasm === 0)} |`
	].join('\n');
}
