// The data keeper's workbench /data, driven as a keeper would: drop a workbook with a title row and units in the
// headers → report → map two columns → place one community without coordinates → diff → apply → the map and KPIs
// show it → an SQL query over it → export CSV and XLSX and read them back; the ledger and the report too.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { parseCsv } from '../../src/lib/files/csv';
import type { Manifest } from '../../src/lib/files/manifest';
import { axeViolations } from './axe';
import { watchedPage } from '../../scripts/lib/harness/browser';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { closeSite, openSite } from './site';

let server: Preview;
let browser: Browser;

beforeAll(async () => {
	({ server, browser } = await openSite());
});

afterAll(() => closeSite({ server, browser }));

/**
 * The office's ledger: a merged title row above the header, areas in 万㎡ written in the headers, a 序号 column,
 * two columns under words the importer does not know (产权类别, 物业形式), and 试验四村 without coordinates.
 */
async function ledgerWorkbook(): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('小区台账');
	const header = [
		'序号',
		'小区编号',
		'小区名称',
		'所在街道',
		'地址',
		'经度',
		'纬度',
		'建成年份',
		'建筑面积（万㎡）',
		'户数',
		'业主人数',
		'专有部分面积（万㎡）',
		'楼栋数',
		'产权类别',
		'列入棚改计划',
		'设施不完善',
		'改造意愿强烈',
		'物业形式'
	];
	ws.addRow(['乐清市老旧小区改造台账（2024年6月）']);
	ws.mergeCells(1, 1, 1, header.length);
	ws.addRow(header);
	const rows: (string | number)[][] = [
		[
			1,
			'FC001',
			'试验一村',
			'乐成街道',
			'试验路1号',
			120.9612,
			28.1201,
			1992,
			1.8,
			140,
			138,
			1.5,
			6,
			'商品房',
			'否',
			'是',
			'是',
			'业主自治'
		],
		[
			2,
			'FC002',
			'试验二村',
			'城南街道',
			'试验路2号',
			120.985,
			28.105,
			1996,
			2.4,
			190,
			185,
			2.0,
			8,
			'房改房',
			'否',
			'是',
			'是',
			'专业物业'
		],
		[
			3,
			'FC003',
			'试验三村',
			'柳市镇',
			'试验路3号',
			120.898,
			28.055,
			1989,
			0.9,
			80,
			80,
			0.75,
			3,
			'单位房',
			'否',
			'是',
			'否',
			'无'
		],
		[
			4,
			'FC004',
			'试验四村',
			'乐成街道',
			'试验路4号',
			'',
			'',
			1994,
			1.2,
			100,
			98,
			1.0,
			4,
			'商品房',
			'否',
			'是',
			'是',
			'社区托管'
		]
	];
	for (const r of rows) ws.addRow(r);
	return Buffer.from(await wb.xlsx.writeBuffer());
}

async function saved(page: Page, click: () => Promise<unknown>): Promise<{ name: string; bytes: Buffer }> {
	const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, unknown];
	const path = await download.path();
	return { name: download.suggestedFilename(), bytes: readFileSync(path!) };
}

const readXlsx = async (bytes: Buffer) => {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes as unknown as ArrayBuffer);
	return wb;
};

describe('the data keeper’s workbench /data', () => {
	it('takes an office workbook through report, mapping, placing, diff and apply, then SQL and exports', async () => {
		const { page, foreign, errors } = await watchedPage(browser, server.url, { width: 1280, height: 900 });
		await page.goto(`${server.url}/`);
		await page.waitForSelector('[data-kpi="communities"]', { timeout: 90_000 });
		const publishedCount = await page.textContent('[data-kpi="communities"]');
		// to /data from the dashboard's header, as a keeper would
		await page.click('a[href$="/data"]');
		await page.waitForSelector('[data-testid="drop-zone"]');

		await page.setInputFiles('[data-testid="file-input"]', {
			name: '旧改台账.xlsx',
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			buffer: await ledgerWorkbook()
		});
		await page.waitForSelector('[data-testid="report-summary"]', { timeout: 60_000 });

		// the report: the header row found (row 2), and the two columns it could not place, shown for mapping
		await expect.poll(() => page.textContent('details[data-kind="header-found"]')).toMatch(/2/);
		expect(await page.locator('[data-testid="unplaced-column"]').count()).toBe(2);
		// issue 19: the ledger gives no 数据截至 — the report says the day of the import stands in, never silently
		expect(await page.textContent('[data-testid="report-as-of"]')).toContain('文件未注明「数据截至」');
		// issue 20: 房屋类型 and 物业管理 may stay empty (a partial list) — no error, but the 资料不全 notice counts them
		const missingBefore = await page.textContent('details[data-kind="facts-missing"]');
		expect(missingBefore).toContain('房屋类型缺4个');
		expect(missingBefore).toContain('物业管理缺4个');

		// map the two columns; the importer runs again and every community passes
		await page.selectOption('select[data-header="产权类别"]', 'housing_type');
		await expect.poll(() => page.locator('[data-testid="unplaced-column"]').count()).toBe(1);
		await page.selectOption('select[data-header="物业形式"]', 'property_management');
		await expect.poll(() => page.locator('[data-testid="unplaced-column"]').count()).toBe(0);
		await expect.poll(() => page.textContent('[data-testid="report-summary"] strong')).toMatch(/^0 个错误/);
		// the two facts are read now: the notice no longer names them
		await expect
			.poll(() =>
				page.evaluate(() => document.querySelector('details[data-kind="facts-missing"]')?.textContent ?? '')
			)
			.not.toMatch(/房屋类型缺|物业管理缺/);
		const mapping = await saved(page, () => page.click('[data-testid="export-mapping"]'));
		expect(JSON.parse(mapping.bytes.toString('utf8'))).toEqual({
			version: 1,
			columns: [
				{ table: 'communities', header: '产权类别', column: 'housing_type' },
				{ table: 'communities', header: '物业形式', column: 'property_management' }
			]
		});

		// place 试验四村 by a click on the map (zoomed to 乐成街道)
		const fc004 = page.locator('[data-testid="unlocated"][data-id="FC004"]');
		await fc004.getByRole('button', { name: '在地图上点选' }).click();
		await page.waitForSelector('[data-testid="preview-map"][data-map-idle="true"]', { timeout: 60_000 });
		const box = (await page.locator('[data-testid="preview-map"]').boundingBox())!;
		await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
		await expect.poll(() => fc004.textContent()).toMatch(/已放置/);
		const placed = (await fc004.locator('code').textContent())!.split(',').map(Number);
		expect(placed[0]).toBeGreaterThan(120.8);
		expect(placed[0]).toBeLessThan(121.1);
		expect(placed[1]).toBeGreaterThan(28);
		expect(placed[1]).toBeLessThan(28.3);

		// the diff against the published data: four new, every published one removed
		await page.waitForSelector('[data-testid="diff-counts"]', { timeout: 90_000 });
		expect(await page.textContent('[data-testid="diff-counts"]')).toMatch(/新增 4/);
		// the example's communities all go, and the page says why (the example is what is loaded)
		const removed = /将移除 (\d+)/.exec((await page.textContent('[data-testid="diff-counts"]'))!)![1];
		expect(await page.textContent('[data-testid="diff-example"]')).toContain(`示例的 ${removed} 个小区`);
		expect(await page.textContent('[data-testid="diff-added"]')).toContain('FC004 试验四村');
		await page.screenshot({ path: 'test-results/data-1280.png', fullPage: true });

		// the report workbook: the office's rows at their own numbers, the empty 经度 of 试验四村 marked
		const report = await readXlsx(
			(await saved(page, () => page.click('[data-testid="download-report"]'))).bytes
		);
		const office = report.getWorksheet('小区台账')!;
		const officeHead = (office.getRow(1).values as unknown[]).slice(1);
		expect(officeHead.slice(0, 3)).toEqual(['原行号', '序号', '小区编号']);
		expect(officeHead.at(-1)).toBe('问题');
		const row6 = office.getRows(2, office.rowCount - 1)!.find((r) => r.getCell(1).value === 6)!;
		expect(row6.getCell(3).value).toBe('FC004');
		expect(String(row6.getCell(officeHead.length).value)).toContain('没有坐标');
		expect(row6.getCell(officeHead.indexOf('经度') + 1).fill).toMatchObject({ type: 'pattern' });

		// the site's data files as a zip, made in the browser (Parquet through parquet-wasm)
		const zip = unzipSync((await saved(page, () => page.click('[data-testid="export-static"]'))).bytes);
		for (const name of ['communities', 'status', 'progress', 'works'])
			expect(zip[`data/${name}.parquet`]?.length, name).toBeGreaterThan(0);
		const manifest = JSON.parse(new TextDecoder().decode(zip['data/manifest.json'])) as Manifest;
		expect(manifest.tables.communities).toBe(4);
		expect(manifest.example).toBe(false);
		expect(zip['data/map.arrow']?.length).toBeGreaterThan(0);
		expect(zip['data/progress-points.arrow.gz']?.length).toBeGreaterThan(0);
		expect(zip['data/progress-search.arrow.gz']?.length).toBeGreaterThan(0);

		// the ledger in template form, with the placed point and areas in ㎡
		const ledger = await readXlsx(
			(await saved(page, () => page.click('[data-testid="export-ledger"]'))).bytes
		);
		const sheet = ledger.getWorksheet('小区')!;
		const head = (sheet.getRow(1).values as unknown[]).slice(1);
		const fc4 = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === 'FC004')!;
		expect(fc4.getCell(head.indexOf('经度') + 1).value).toBeCloseTo(placed[0]!, 4);
		expect(fc4.getCell(head.indexOf('建筑面积') + 1).value).toBe(12000);
		// issue 19: its 说明 sheet keeps 数据截至 (the day of the import, said so), so a re-import keeps the date
		const help = ledger.getWorksheet('说明')!;
		const helpRows = help
			.getSheetValues()
			.filter((r) => Array.isArray(r))
			.map((r) => (r as unknown[]).slice(1));
		expect(helpRows.find((r) => r[0] === '数据截至')?.[1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(String(helpRows.find((r) => r[0] === '日期来源')?.[1])).toContain('按构建/导入当天计');

		// apply: the dashboard shows the import
		await page.click('[data-testid="apply"]');
		await page.waitForSelector('[data-testid="workbench-imported"]', { timeout: 90_000 });
		await page.click('a[href$="/"]:has-text("去看地图")');
		await page.waitForSelector('[data-testid="imported-badge"]');
		await expect.poll(() => page.textContent('[data-kpi="communities"]'), { timeout: 60_000 }).toMatch(/4/);
		expect(await page.textContent('[data-kpi="communities"]')).not.toBe(publishedCount);
		await page.waitForSelector('[data-map-idle="true"]', { timeout: 60_000 });
		await page.screenshot({ path: 'test-results/data-applied-map.png' });

		// /budget under the import: its worker's inputs come through the session's SQL over the import, not from
		// the published budget-inputs.arrow (which the worker fetches itself otherwise: budget-first.test.ts sees it)
		const inputsFile: string[] = [];
		page.on('request', (r) => {
			if (r.url().includes('budget-inputs.arrow')) inputsFile.push(r.url());
		});
		await page.click('[data-testid="budget-link"]');
		await page.waitForSelector('[data-testid="imported-badge"]');
		await page.waitForSelector('[data-testid="budget-chart"]', { timeout: 120_000 });
		expect(inputsFile).toEqual([]);
		await page.goBack();
		await page.waitForSelector('[data-map-idle="true"]', { timeout: 60_000 });

		// the public progress page too: 试验四村 found by its pinyin initials (made in the browser on apply)
		await page.click('a[href$="/progress"]');
		await page.fill('#search', 'sysc');
		await expect
			.poll(() => page.textContent('[data-testid="results"]'), { timeout: 60_000 })
			.toContain('试验四村');

		// an SQL query over the imported data, back on /data (same session: no reload)
		await page.goBack();
		await page.waitForSelector('[data-testid="imported-badge"]');
		await page.click('a[href$="/data"]');
		await page.waitForSelector('[data-testid="sql-console"]');
		const sqlConsole = page.getByTestId('sql-console');
		await page.fill(
			'#sql-editor',
			`SELECT id, name, building_area, lon FROM community_view WHERE id = 'FC004'`
		);
		await page.getByRole('button', { name: /^运行/ }).click();
		await page.waitForSelector('[data-testid="sql-result"]', { timeout: 60_000 });
		const csv = await saved(page, () => sqlConsole.getByRole('button', { name: 'CSV', exact: true }).click());
		const table = parseCsv(csv.bytes.toString('utf8'));
		expect(table.rows[0]).toEqual(['id', 'name', 'building_area', 'lon']);
		expect(table.rows[1]!.slice(0, 3)).toEqual(['FC004', '试验四村', '12000']);
		expect(Number(table.rows[1]![3])).toBeCloseTo(placed[0]!, 5);
		const xlsx = await readXlsx(
			(await saved(page, () => sqlConsole.getByRole('button', { name: 'Excel', exact: true }).click())).bytes
		);
		const rows = xlsx.worksheets[0]!.getSheetValues();
		expect((rows[2] as unknown[]).slice(1, 3)).toEqual(['FC004', '试验四村']);

		// discard: the published data is back
		await page.click('[data-testid="discard"]');
		await expect.poll(() => page.locator('[data-testid="imported-badge"]').count()).toBe(0);

		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});

	it('fits a phone: 390 px wide, nothing wider than the screen', async () => {
		const { page, errors } = await watchedPage(browser, server.url, { width: 390, height: 844 });
		await page.goto(`${server.url}/data`);
		await page.waitForSelector('[data-testid="drop-zone"]');
		await page.setInputFiles('[data-testid="file-input"]', {
			name: '旧改台账.xlsx',
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			buffer: await ledgerWorkbook()
		});
		await page.waitForSelector('[data-testid="report-summary"]', { timeout: 60_000 });
		await page.waitForSelector('[data-testid="preview-map"][data-map-idle="true"]', { timeout: 60_000 });
		await page.screenshot({ path: 'test-results/data-390.png', fullPage: true });
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(390);
		// accessible as well (the map canvas is MapLibre's own; the console's schema list is checked by its own test)
		expect(await axeViolations(page, ['[data-testid="preview-map"]', '.schema'])).toEqual([]);
		// and in English
		await page.click('[data-testid="lang-switch"]');
		await page.waitForSelector('text=Data workbench');
		await page.screenshot({ path: 'test-results/data-390-en.png', fullPage: true });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		expect(errors).toEqual([]);
	});
});
