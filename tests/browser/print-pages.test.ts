// Issue 12 "Reports that print": a community's page (A4 portrait, one or two pages) and /budget (assumptions
// first, then the chart and tables) as PDFs, with no controls on paper and no blank map.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { date } from '../../src/lib/i18n/format';
import type { Watched } from '../../scripts/lib/harness/browser';
import { ensurePoppler, pdfPageSize, printToPdf, visibleControls } from './pdf';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { closeSite, openSite } from './site';

let server: Preview;
let browser: Browser;
let w: Watched;
const asOf = (JSON.parse(readFileSync('build/data/manifest.json', 'utf8')) as { asOf: string }).asOf;

beforeAll(async () => {
	ensurePoppler();
	({ server, browser, w } = await openSite({ watch: true }));
});

afterAll(() => closeSite({ server, browser }, [w]));

describe('a community page printed (issue 12)', () => {
	// YQ000024: a resident breakdown; YQ000041: among the longest works lists of the example (17 items)
	for (const id of ['YQ000024', 'YQ000041']) {
		it(`${id}: A4 portrait, one or two pages, name, data date and the locator map on paper`, async () => {
			await w.page.goto(`${server.url}/community/${id}`);
			await w.page.waitForSelector('[data-testid="funding"]', { timeout: 90_000 });
			await w.page.waitForSelector('.locator-print [data-testid="print-map"]', {
				state: 'attached',
				timeout: 60_000
			});
			const name = (await w.page.textContent('h1'))!.trim();
			expect(await visibleControls(w.page), 'controls on paper').toEqual([]);
			const printed = await printToPdf(w.page, `community-${id}`);
			const size = pdfPageSize(printed.pdf);
			expect(size.width).toBeCloseTo(595, -1);
			expect(size.height).toBeCloseTo(842, -1);
			expect(printed.pages.length).toBeGreaterThanOrEqual(1);
			expect(printed.pages.length).toBeLessThanOrEqual(2);
			const first = printed.pages[0]!;
			expect(first).toContain(name);
			expect(first).toContain(`数据截至 ${date(asOf)}`);
			expect(printed.pages.join('\n')).not.toMatch(/返回总览|English/);
			// the locator prints as SVG with the community's dot (a WebGL canvas would print blank)
			expect(
				await w.page.$$eval('.locator-print [data-testid="print-map"] path[d*="a"]', (els) => els.length)
			).toBeGreaterThan(0);
			// money is never split over two lines
			expect(printed.pages.join('\n')).not.toMatch(/[\d.,]\s*\n\s*元/);
		});
	}
});

describe('/budget printed (issue 12)', () => {
	it('assumptions first (budget per year, cap, shares, fill rule, data date, scenario names), then chart and tables', async () => {
		await w.page.goto(`${server.url}/budget`);
		await w.page.waitForSelector('[data-testid="year-table"]', { timeout: 120_000 });
		await w.page.waitForSelector('[data-testid="status"][data-running="false"]', { timeout: 60_000 });
		await w.page.waitForSelector('[data-testid="year-map"] [data-testid="print-map"]', {
			state: 'attached',
			timeout: 60_000
		});
		const names = await w.page.$$eval('[role="tab"]', (els) => els.map((e) => e.textContent!.trim()));
		expect(names.length).toBeGreaterThan(0);
		expect(await visibleControls(w.page), 'controls on paper').toEqual([]);
		const printed = await printToPdf(w.page, 'budget');
		const size = pdfPageSize(printed.pdf);
		expect(size.width).toBeCloseTo(842, -1);
		expect(printed.pages.length).toBeGreaterThanOrEqual(2);
		expect(printed.pages.length).toBeLessThanOrEqual(12);
		const all = printed.pages.join('\f');
		const first = printed.pages[0]!;
		expect(first).toContain('补助预算情景报告');
		expect(first).toContain(`数据截至 ${date(asOf)}`);
		for (const n of names) expect(first).toContain(n);
		for (const label of ['年补助预算', '补助上限', '居民出资：基础类', '安排规则', '候选范围']) {
			expect(first, label).toContain(label);
		}
		// assumptions come before the results
		expect(all.indexOf('假设')).toBeLessThan(all.indexOf('年度汇总'));
		expect(all).not.toMatch(/保存|分享链接|导出|打印报告/);
		// no money split over two lines
		expect(all).not.toMatch(/[\d.,]\s*\n\s*万元/);
	});

	it('opened from the map with a filter, the pipeline prints in words, not URL text', async () => {
		await w.page.goto(`${server.url}/budget?filter=${encodeURIComponent('towns=330382114&yearTo=2000')}`);
		await w.page.waitForSelector('[data-testid="year-table"]', { timeout: 120_000 });
		await w.page.waitForSelector('[data-testid="status"][data-running="false"]', { timeout: 60_000 });
		const printed = await printToPdf(w.page, 'budget-filter');
		const first = printed.pages[0]!;
		expect(first).toMatch(/柳市镇/);
		expect(first).toMatch(/2000年及以前/);
		expect(printed.pages.join('\n')).not.toMatch(/towns=|yearTo|330382114/);
	});
});
