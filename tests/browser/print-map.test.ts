// Issue 12 "Reports that print": `/` printed on A4 landscape is a report, not a screen dump.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { date } from '../../src/lib/i18n/format';
import type { Watched } from '../../scripts/lib/harness/browser';
import { ensurePoppler, pdfPageSize, printToPdf, visibleControls } from './pdf';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { closeSite, openSite } from './site';
import { directSql } from './sql';

let server: Preview;
let browser: Browser;
let w: Watched;
const asOf = (JSON.parse(readFileSync('build/data/manifest.json', 'utf8')) as { asOf: string }).asOf;
const LIUSHI = '330382114';

/** Open `/` with a query and wait until the map, the KPIs, the towns and the candidates are all there. */
async function openMap(search: string) {
	await w.page.goto(`${server.url}/${search}`);
	await w.page.waitForSelector('[data-testid="kpis"][aria-busy="false"]', { timeout: 90_000 });
	await w.page.waitForFunction(
		() => document.querySelector('[data-testid="kpis"]')?.getAttribute('aria-busy') === 'false',
		undefined,
		{ timeout: 60_000 }
	);
	await w.page.waitForSelector('[data-testid="print-kpis"]', { state: 'attached', timeout: 30_000 });
	await w.page.waitForSelector(
		'[data-testid="print-candidates"], [data-testid="print-report"] .no-candidates',
		{
			state: 'attached',
			timeout: 30_000
		}
	);
}

/** Circles drawn in the printed map (each circle's path starts with M…a). */
const circles = () =>
	w.page.$$eval('[data-testid="print-map"] path', (els) =>
		els.reduce(
			(n, e) => n + ((e.getAttribute('d') ?? '').match(/a[\d.]+,[\d.]+ 0 1,0 [\d.]+,0/g)?.length ?? 0),
			0
		)
	);

beforeAll(async () => {
	ensurePoppler();
	({ server, browser, w } = await openSite({ watch: true }));
});

afterAll(() => closeSite({ server, browser }, [w]));

describe('/ printed (issue 12)', () => {
	it('with a town filter: a titled A4 landscape report with the filter in words, the map of that town and its legend', async () => {
		await openMap(`?towns=${LIUSHI}`);
		const [{ n }] = (await directSql<{ n: number }>(
			`SELECT CAST(count(*) AS INT) AS n FROM community_view WHERE town_code = '${LIUSHI}'`
		)) as [{ n: number }];
		// every community of the filter is drawn on the printed map (fitted to the town: none falls off the page)
		expect(await circles()).toBe(n);
		expect(await visibleControls(w.page), 'buttons, checkboxes or inputs on paper').toEqual([]);

		const printed = await printToPdf(w.page, 'map-town');
		const size = pdfPageSize(printed.pdf);
		expect(size.width).toBeCloseTo(842, -1);
		expect(size.height).toBeCloseTo(595, -1);
		expect(printed.pages.length).toBeGreaterThanOrEqual(2);
		expect(printed.pages.length).toBeLessThanOrEqual(6);
		const first = printed.pages[0]!;
		expect(first).toContain('乐清市城镇老旧小区改造总览');
		expect(first).toContain(`数据截至 ${date(asOf)}`);
		expect(first).toMatch(/乡镇街道：\s*柳市镇/);
		expect(first).toContain('改造资格'); // the legend's title (default colouring)
		expect(first).toContain('财政补助需求'); // the KPIs
		expect(printed.pages.join('\n')).not.toMatch(/towns=|330382114|画区域|清除区域|CSV|Excel/);
		const all = printed.pages.join('\n');
		expect(all).toContain('分乡镇街道');
		expect(all).toMatch(/年计划候选/);
	});

	it('in English: the same report in English words', async () => {
		await openMap(`?towns=${LIUSHI}&yearTo=2000&lang=en`);
		const printed = await printToPdf(w.page, 'map-town-en');
		const first = printed.pages[0]!;
		expect(first).toContain('Yueqing old residential community renovation: overview');
		expect(first).toContain(`Data as of ${date(asOf, 'en')}`);
		expect(first).toMatch(/Streets and towns\s*:?\s*Liushi/);
		expect(first).toMatch(/Year completed\s*:?\s*2000 or earlier/);
		expect(printed.pages.join('\n')).not.toMatch(/towns=|yearTo|330382114/);
	});

	it('unfiltered: the whole city; printed at 200 % the tables run over pages, each page with its header', async () => {
		await openMap('?lang=zh'); // the English test before left English as the remembered choice
		const printed = await printToPdf(w.page, 'map-all');
		expect(printed.pages[0]!).toContain('全市全部小区（未筛选）');
		expect(printed.pages.length).toBeLessThanOrEqual(4);

		const large = await printToPdf(w.page, 'map-all-200', 2);
		const towns = large.pages.findIndex((p) => /分乡镇街道/.test(p));
		const plan = large.pages.findIndex((p) => /年计划候选/.test(p));
		expect(towns).toBeGreaterThan(0);
		expect(plan, 'the town table needs more than one page at 200 %').toBeGreaterThan(towns + 1);
		// every page holding town rows repeats the header (the figures' own labels); the definitions follow
		for (let i = towns; i < plan; i++) {
			if (/\d+个\s+[\d,]+户/.test(large.pages[i]!))
				expect(large.pages[i], `page ${i + 1}`).toMatch(/乡镇街道\s+小区\s+户数/);
		}
		expect(large.pages.slice(towns, plan + 1).join('\f')).toContain('指标口径');
		// the candidates (none for the open plan in the example), then those in town review: every page of that
		// table repeats its header
		const candidatePages = large.pages.slice(plan);
		for (const [i, p] of candidatePages.entries()) {
			if (/(街道|镇|乡)\s+\d{4}年\d+月\d+日/.test(p))
				expect(p, `page ${plan + i + 1}`).toMatch(/小区\s+乡镇街道\s+资金到位/);
		}
		// no row split over two pages: each town (and each candidate) appears on exactly one page
		const body = large.pages.slice(towns).join('\f');
		for (const name of ['乐成街道', '岭底乡']) {
			expect(large.pages.slice(towns, plan).filter((p) => p.includes(name)).length, name).toBe(1);
		}
		// money is never split over two lines: every 万元 figure sits on one line with its number
		expect(body).not.toMatch(/[\d.,]\s*\n\s*万元/);
	});
});
