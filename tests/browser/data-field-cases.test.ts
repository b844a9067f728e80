// Round-3 field cases on the real /data page, as a keeper would drop them (the importer's verdicts on every case are
// checked in Node by tests/unit/data/field-cases-r3.test.ts and shown equal in Chromium by import.test.ts; this is
// the page: its worker, its report's groups in Chinese, its mapping step and its diff).
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchedPage } from '../../scripts/lib/harness/browser';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { dropFiles } from './data-drop';
import { closeSite, openSite } from './site';

const R3 = join(import.meta.dirname, '../fixtures/field-cases-r3');
let server: Preview;
let browser: Browser;

beforeAll(async () => {
	({ server, browser } = await openSite());
});

afterAll(() => closeSite({ server, browser }));

async function drop(page: Page, paths: string[]): Promise<string> {
	await page.goto(`${server.url}/data`);
	await page.waitForSelector('[data-testid="drop-zone"]');
	return dropFiles(page, paths);
}

describe('/data: round-3 field cases', () => {
	it('a workbook of one sheet per town with a hidden sheet: towns from the sheets, the hidden sheet named, not read', async () => {
		const { page, foreign, errors, context } = await watchedPage(browser, server.url);
		const summary = await drop(page, [join(R3, '01-sheet-per-town-hidden/2024年旧改台账-分街道.xlsx')]);
		expect(summary).toMatch(/0 个错误/);
		expect(summary).toContain('5 个小区通过校验');
		const body = (await page.textContent('main'))!;
		expect(body).toContain('隐藏的工作表（未导入）');
		expect(body).toContain('隐藏工作表「旧台账（作废）」未导入');
		expect(body).toContain('按工作表名读取乡镇街道');
		expect(body).not.toContain('SY901');
		await page.screenshot({ path: 'test-results/data-r3-hidden-sheet.png', fullPage: true });
		expect([foreign, errors]).toEqual([[], []]);
		await context.close();
	});

	it('offers the blank template as a download: the importer reads it back with no error but "no communities"', async () => {
		const { page, foreign, errors, context } = await watchedPage(browser, server.url);
		await page.goto(`${server.url}/data`);
		await page.waitForSelector('[data-testid="download-template"]');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.click('[data-testid="download-template"]')
		]);
		expect(download.suggestedFilename()).toBe('乐清旧改台账模板.xlsx');
		const bytes = readFileSync((await download.path())!);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(bytes as unknown as ArrayBuffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual([
			'说明',
			'乡镇街道',
			'小区',
			'改造内容',
			'表决',
			'资金',
			'进度',
			'联系人'
		]);
		expect(wb.getWorksheet('小区')!.getRow(1).getCell(1).value).toBe('小区编号');
		expect([foreign, errors]).toEqual([[], []]);
		await context.close();
	});

	it('a hidden column with a visible look-alike: asked in the mapping step, marked hidden; choosing fixes it', async () => {
		const { page, foreign, errors, context } = await watchedPage(browser, server.url);
		const summary = await drop(page, [join(R3, '02-autofilter-hidden-rows-columns/小区-筛选与隐藏.xlsx')]);
		expect(summary).not.toMatch(/^0 个错误/);
		const body = (await page.textContent('main'))!;
		expect(body).toContain('隐藏的列');
		expect(body).toContain('筛选隐藏了6行');
		const hiddenTag = page.locator('[data-testid="unplaced-column"]', { hasText: '隐藏列' });
		expect(await hiddenTag.count()).toBe(1);
		await page.selectOption('select[data-header="核实建筑面积"]', 'building_area');
		await expect
			.poll(() => page.textContent('[data-testid="report-summary"] strong'), { timeout: 60_000 })
			.toMatch(/^0 个错误/);
		expect(await page.textContent('[data-testid="report-summary"]')).toContain('8 个小区通过校验');
		expect([foreign, errors]).toEqual([[], []]);
		await context.close();
	});

	it('a zipped shapefile of community points beside the ledger, and the boundary layer as sidecar files', async () => {
		const { page, foreign, errors, context } = await watchedPage(browser, server.url);
		const shp = (f: string) => join(R3, '07-shapefile-gbk', f);
		const summary = await drop(page, [
			join(R3, 'control-ledger.xlsx'),
			shp('小区点位.zip'),
			...['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => shp(`乡镇街道边界.${e}`))
		]);
		expect(summary).toMatch(/0 个错误/);
		expect(summary).toContain('8 个小区通过校验');
		const body = (await page.textContent('main'))!;
		expect(body).toContain('Shapefile 图层');
		expect(body).toContain('8个点对上台账的小区');
		expect(body).toContain('属性按GBK读取');
		expect(body).not.toContain('损坏');
		await page.screenshot({ path: 'test-results/data-r3-shapefile.png', fullPage: true });
		expect([foreign, errors]).toEqual([[], []]);
		await context.close();
	});
});
