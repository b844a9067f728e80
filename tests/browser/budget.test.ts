// The planners' simulator /budget: numbers equal the engine's for the same inputs; scenarios compared, saved,
// shared and exported.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateRates, history, type PipelineCommunity } from '../../src/lib/budget/forecast';
import { HISTORY_SQL, pipelineSql } from '../../src/lib/budget/queries';
import { defaultScenario, PLAN_YEARS, type Scenario } from '../../src/lib/budget/scenario';
import { simulate } from '../../src/lib/budget/simulate';
import type { Manifest } from '../../src/lib/data/manifest';
import { money } from '../../src/lib/i18n/format';
import { launchBrowser, watchedPage, type Watched } from './browser';
import { startPreview, type Preview } from './server';
import { directSql } from './sql';

let server: Preview;
let browser: Browser;
let w: Watched;
const BUDGET_WAN = 15_000; // 1.5亿 a year: enough to fund some, not all

beforeAll(async () => {
	mkdirSync('test-results', { recursive: true });
	server = await startPreview();
	browser = await launchBrowser();
	w = await watchedPage(browser, server.url);
});

afterAll(async () => {
	expect(w.foreign, 'requests that left the origin').toEqual([]);
	expect(w.errors, 'console errors').toEqual([]);
	await browser?.close();
	await server?.stop();
});

async function settled(page: Page) {
	await page.waitForSelector('[data-testid="year-table"]', { timeout: 120_000 });
	await page.waitForSelector('[data-testid="status"][data-running="false"]', { timeout: 60_000 });
}

async function yearCells(page: Page, scenario = 0) {
	return page.$$eval(`[data-testid="year-table"] tr[data-scenario="${scenario}"]`, (rows) =>
		rows.map((r) => ({
			year: Number(r.getAttribute('data-year')),
			budget: r.querySelector('[data-col="budget"]')?.textContent,
			demand: r.querySelector('[data-col="demand"]')?.textContent,
			funded: r.querySelector('[data-col="funded"]')?.textContent
		}))
	);
}

/** The same run in Node: the page's SQL over the same files, the engine's simulation. */
async function expected(change: (s: Scenario) => void = () => {}) {
	const manifest = JSON.parse(readFileSync('build/data/manifest.json', 'utf8')) as Manifest;
	const pipeline = await directSql<PipelineCommunity>(pipelineSql(null));
	const h = history(await directSql<PipelineCommunity>(HISTORY_SQL));
	const s = defaultScenario('x', BUDGET_WAN * 10_000, estimateRates(h));
	change(s);
	return simulate(pipeline, s, h, manifest.asOf).years.map((y) => ({
		year: y.year,
		budget: money(y.budget),
		demand: money(y.demand),
		funded: `${y.funded}个 · ${money(y.fundedAmount)}`
	}));
}

async function setBudgets(page: Page, wan: number) {
	for (const y of PLAN_YEARS) {
		const input = page.locator(`[data-budget="${y}"]`);
		await input.fill(String(wan));
		await input.press('Enter');
		await input.blur();
	}
	await page.waitForFunction(
		(v) => document.querySelector('[data-testid="year-table"] [data-col="budget"]')?.textContent === v,
		money(wan * 10_000)
	);
	await settled(page);
}

describe('the budget simulator /budget', () => {
	it('a budget change gives the chart and year table the engine’s figures for the same inputs', async () => {
		const { page } = w;
		await page.goto(server.url + '/budget');
		await settled(page);
		await setBudgets(page, BUDGET_WAN);
		expect(await yearCells(page)).toEqual(await expected());
		const bars = await page.$$eval('[data-testid="budget-chart"] rect.demand[data-scenario="0"]', (els) =>
			els.map((e) => Number(e.getAttribute('data-demand')))
		);
		expect(bars.length).toBe(PLAN_YEARS.length);
		// the map colours each community by its funded year: the legend counts are the year table's
		await page.waitForSelector('[data-testid="year-map"] [data-map-idle="true"]', { timeout: 60_000 });
		const legend = await page.$$eval('[data-testid="year-map"] li', (els) =>
			Object.fromEntries(
				els.map((e) => [e.getAttribute('data-class'), Number(e.querySelector('.n')?.textContent)])
			)
		);
		const years = await expected();
		for (const y of years) expect(`${legend[String(y.year)]}个`).toBe(y.funded.split(' · ')[0]);
		await page.screenshot({ path: 'test-results/budget.png' });
		await page.locator('[data-testid="year-map"]').screenshot({ path: 'test-results/budget-map.png' });
	});

	it('a wrong input is named and the last good scenario keeps running', async () => {
		const { page } = w;
		const before = await yearCells(page);
		await page.locator('[data-budget="2025"]').fill('-5');
		await page.locator('[data-budget="2025"]').blur();
		await expect
			.poll(() => page.textContent('[data-testid="problems"]'))
			.toContain('2025年预算应为不小于 0 的金额');
		expect(await yearCells(page)).toEqual(before);
		await page.locator('[data-budget="2025"]').fill(String(BUDGET_WAN));
		await page.locator('[data-budget="2025"]').blur();
		await page.waitForSelector('[data-testid="problems"]', { state: 'detached' });
	});

	it('compares a second scenario (lower cap) with the base: Δ and who moves, as the engine says', async () => {
		const { page } = w;
		await page.getByTestId('add').click();
		await page.locator('[data-field="cap"]').fill('200');
		await page.locator('[data-field="cap"]').blur();
		await page.waitForSelector('[data-testid="diff"]');
		await settled(page);
		expect(await yearCells(page, 1)).toEqual(await expected((s) => (s.subsidyCapPerM2 = 200)));
		const diff = await page.textContent('[data-testid="diff"]');
		expect(diff).toMatch(/−|\+/);
		await page.screenshot({ path: 'test-results/budget-compare.png', fullPage: true });
	});

	it('saves in the browser (still there after a reload), shares by URL, exports XLSX with the right numbers', async () => {
		const { page } = w;
		await page.locator('.editor input').first().fill('低上限情景');
		await page.locator('.editor input').first().blur();
		await page.getByTestId('save').click();
		await page.reload();
		await settled(page);
		const saved = await page.$$eval('[data-testid="open"] option', (os) => os.map((o) => o.textContent));
		expect(saved).toContain('低上限情景');

		await page.getByTestId('open').selectOption('低上限情景');
		await settled(page);
		await page.getByTestId('share').click();
		const link = await page.getByTestId('share-link').inputValue();
		const other = await watchedPage(browser, server.url);
		await other.page.goto(link);
		await settled(other.page);
		expect(await other.page.locator('.tab.on button').textContent()).toBe('低上限情景');
		expect(await yearCells(other.page)).toEqual(await expected((s) => (s.subsidyCapPerM2 = 200)));
		expect(other.errors).toEqual([]);

		const [download] = await Promise.all([
			other.page.waitForEvent('download'),
			other.page.getByTestId('xlsx').click()
		]);
		const file = 'test-results/budget.xlsx';
		await download.saveAs(file);
		const { default: ExcelJS } = await import('exceljs');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(file);
		expect(wb.worksheets.map((s) => s.name)).toEqual([
			'汇总',
			'2024年',
			'2025年',
			'2026年',
			'2027年',
			'2028年',
			'2028年前未安排'
		]);
		const manifest = JSON.parse(readFileSync('build/data/manifest.json', 'utf8')) as Manifest;
		const pipeline = await directSql<PipelineCommunity>(pipelineSql(null));
		const h = history(await directSql<PipelineCommunity>(HISTORY_SQL));
		const s = defaultScenario('x', BUDGET_WAN * 10_000, estimateRates(h));
		s.subsidyCapPerM2 = 200;
		const r = simulate(pipeline, s, h, manifest.asOf);
		const summary = wb.getWorksheet('汇总')!;
		expect(summary.getRow(1).getCell(1).value).toBe('年度');
		r.years.forEach((y, i) => {
			const row = summary.getRow(i + 2);
			expect([row.getCell(1).value, row.getCell(3).value, row.getCell(4).value]).toEqual([
				y.year,
				y.demand,
				y.funded
			]);
		});
		expect(wb.getWorksheet('2028年')!.rowCount - 1).toBe(r.years.at(-1)!.funded);
	});

	it('a broken scenario file gets a clear message and changes nothing', async () => {
		const { page } = w;
		const before = await yearCells(page);
		const bad = 'test-results/broken.scenario.json';
		writeFileSync(bad, JSON.stringify({ version: 2, name: '坏情景', budgets: { 2024: -1 } }));
		await page.getByTestId('import').setInputFiles(bad);
		await expect
			.poll(() => page.textContent('[data-testid="message"]'))
			.toContain('情景文件“broken.scenario.json”无法读取');
		expect(await yearCells(page)).toEqual(before);
	});
});
