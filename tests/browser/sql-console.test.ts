// The SQL console (issue 11): tables and columns with meaning and unit, a query over the session's DuckDB whose
// result matches the same SQL run directly, 100k rows shown with only a window of rows in the page, a plain
// bilingual error, history and saved queries kept across a reload, CSV and XLSX exports read back.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
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

afterAll(() => closeSite({ server, browser }));

const TOWNS_SQL = `SELECT town_name, CAST(count(*) AS DOUBLE) AS n FROM community_view GROUP BY town_name ORDER BY n DESC, town_name`;

async function runSql(page: Page, sql: string) {
	await page.fill('#sql-editor', sql);
	await page.keyboard.press('Control+Enter');
	await page.waitForSelector('[data-testid="sql-run"]:not([disabled])');
}

async function ready(page: Page) {
	await page.waitForSelector('[data-testid="sql-run"]:not([disabled])', {
		timeout: 90_000
	});
}

describe('the SQL console', () => {
	it('queries the session’s data, shows 100k rows in a window, explains errors, remembers and exports', async () => {
		const { page } = w;
		await page.goto(server.url + '/data');
		await ready(page);
		// the schema: a table's columns with their Chinese name and unit
		await page.click('summary:has-text("communities")');
		const col = await page.textContent('li:has(button:text-is("building_area"))');
		expect(col).toContain('建筑面积');
		expect(col).toContain('㎡');

		// a query, checked against the same SQL run directly on the built Parquet files
		await runSql(page, TOWNS_SQL);
		const expected = await directSql<{ town_name: string; n: number }>(TOWNS_SQL);
		await page.waitForSelector(`[data-testid="sql-result"][data-rows="${expected.length}"]`);
		const firstRow = await page.$$eval('[data-testid="sql-result"] tbody tr:not(.spacer) td', (tds) =>
			tds.slice(0, 3).map((td) => td.textContent)
		);
		expect(firstRow).toEqual(['1', expected[0]!.town_name, String(expected[0]!.n)]);

		// CSV and XLSX of that result, read back
		const [csv] = await Promise.all([page.waitForEvent('download'), page.click('button:text-is("CSV")')]);
		const text = readFileSync((await csv.path())!, 'utf8');
		expect(text.charCodeAt(0), 'UTF-8 BOM for Excel').toBe(0xfeff);
		const lines = text.slice(1).trim().split('\n');
		expect(lines[0]).toBe('town_name,n');
		expect(lines).toHaveLength(expected.length + 1);
		expect(lines[1]).toBe(`${expected[0]!.town_name},${expected[0]!.n}`);
		const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('button:text-is("Excel")')]);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile((await xlsx.path())!);
		const ws = wb.worksheets[0]!;
		expect(ws.rowCount).toBe(expected.length + 1);
		expect(ws.getRow(2).values).toEqual([undefined, expected[0]!.town_name, expected[0]!.n]);

		// 100,000 rows: all counted, only a window of them in the page, the last one reachable by scrolling
		await runSql(page, `SELECT range AS i, 'row ' || range AS label FROM range(100000)`);
		const table = await page.waitForSelector('[data-testid="sql-result"][data-rows="100000"]');
		expect(Number(await table.getAttribute('data-rendered'))).toBeLessThan(200);
		expect(await page.$$eval('[data-testid="sql-result"] tbody tr', (trs) => trs.length)).toBeLessThan(200);
		await table.evaluate((el) => (el.scrollTop = el.scrollHeight));
		await page.waitForSelector('[data-testid="sql-result"] td:text-is("row 99999")');
		await page.screenshot({ path: 'test-results/sql-console-100k.png' });

		// an error, in plain words, with DuckDB's own message
		await runSql(page, 'SELECT no_such_column FROM community_view');
		const error = await page.textContent('[data-testid="sql-error"]');
		expect(error).toContain('查询出错');
		expect(error).toContain('no_such_column');
		expect(error).toContain('请检查表名和字段名');

		// save a query; history and saved queries survive a reload
		await page.fill('#sql-editor', TOWNS_SQL);
		await page.fill('input[aria-label="查询名称"]', '各乡镇小区数');
		await page.click('button:text-is("保存查询")');
		await page.reload();
		await ready(page);
		await page.click('summary:has-text("已保存的查询")');
		await page.click('button:text-is("各乡镇小区数")');
		expect(await page.inputValue('#sql-editor')).toBe(TOWNS_SQL);
		await page.click('summary:has-text("历史")');
		const history = await page.$$eval('[data-testid="sql-history"] button', (bs) =>
			bs.map((b) => b.textContent)
		);
		expect(history[0]).toBe('SELECT no_such_column FROM community_view');
		expect(history).toContain(TOWNS_SQL);
		await page.screenshot({ path: 'test-results/sql-console.png', fullPage: true });
		expect(await axeViolations(page), 'axe-core: WCAG A/AA').toEqual([]);

		// on a phone
		await page.setViewportSize({ width: 390, height: 844 });
		await runSql(page, TOWNS_SQL);
		await page.screenshot({ path: 'test-results/sql-console-390.png', fullPage: true });
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, 'no sideways scroll at 390 px').toBeLessThanOrEqual(0);

		expect(w.foreign, 'requests that left the origin').toEqual([]);
		expect(
			w.errors.filter((e) => !/no_such_column/.test(e)),
			'console errors'
		).toEqual([]);
	});
});
