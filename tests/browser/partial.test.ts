// Starting from a city's plan table on /data (issue 20, "start from a partial list"): the table with only 名称, 乡镇,
// 建成年代, 户数, 建筑面积（万㎡）, 总投资（万元）, 计划开工时间 goes in, the report counts the missing facts, every
// community is placed at its town's seat, and after apply the map shows them all as 资料不全 (incomplete data) in
// the eligibility colouring, its count in the legend with the words that define it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchedPage } from '../../scripts/lib/harness/browser';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { PLAN_ROWS } from '../fixtures/partial/make-plan-table';
import { closeSite, openSite } from './site';

let server: Preview;
let browser: Browser;

beforeAll(async () => {
	({ server, browser } = await openSite());
});

afterAll(() => closeSite({ server, browser }));

async function saved(page: Page, click: () => Promise<unknown>): Promise<{ name: string; bytes: Buffer }> {
	const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, unknown];
	return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

/** A link followed inside the app (client-side: the applied import stays in this browser's session). */
const follow = (page: Page, path: string) =>
	page.evaluate((href) => {
		const a = document.createElement('a');
		a.href = href;
		document.body.append(a);
		a.click();
	}, path);

const FIXTURE = join(import.meta.dirname, '../fixtures/partial/城市计划表.xlsx');

describe('/data from a partial list', () => {
	it('takes the plan table in, places it at the town seats, and the map shows 资料不全', async () => {
		const { page, foreign, errors } = await watchedPage(browser, server.url, { width: 1280, height: 900 });
		await page.goto(`${server.url}/`);
		await page.waitForSelector('[data-kpi="communities"]', { timeout: 90_000 });
		await page.click('a[href$="/data"]');
		await page.waitForSelector('[data-testid="drop-zone"]');
		await page.setInputFiles('[data-testid="file-input"]', {
			name: '城市计划表.xlsx',
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			buffer: readFileSync(FIXTURE)
		});
		await page.waitForSelector('[data-testid="report-summary"]', { timeout: 60_000 });
		await expect.poll(() => page.textContent('[data-testid="report-summary"] strong')).toMatch(/^0 个错误/);
		// the summary of missing facts: 建成年份 missing in 3 rows (counted by hand in the fixture)
		const years = PLAN_ROWS.filter((r) => r[2] === '').length;
		expect(await page.textContent('details[data-kind="facts-missing"]')).toContain(`建成年份缺${years}个`);

		// every community at its town's seat (the suggestion)
		const unlocated = page.locator('[data-testid="unlocated"]');
		expect(await unlocated.count()).toBe(PLAN_ROWS.length);
		// one by one for the first, then the others in one go (a plan table of hundreds of rows)
		await unlocated.nth(0).getByRole('button', { name: '用建议位置（镇街驻地）' }).click();
		const all = page.getByTestId('place-all-seats');
		expect(await all.textContent()).toContain(`其余 ${PLAN_ROWS.length - 1} 个全部放在所在镇街驻地`);
		await all.click();
		await expect
			.poll(() => page.locator('[data-testid="unlocated"]:has-text("已放置")').count())
			.toBe(PLAN_ROWS.length);
		await page.screenshot({ path: 'test-results/partial-data-1280.png', fullPage: true });

		// the diff against the published data first (as data.test.ts), then apply
		await page
			.waitForSelector('[data-testid="diff-counts"]', { timeout: 150_000 })
			.catch(async (e: unknown) => {
				await page.screenshot({ path: 'test-results/partial-diff-timeout.png', fullPage: true });
				console.log(errors, await page.locator('main').innerText());
				throw e;
			});
		expect(await page.textContent('[data-testid="diff-counts"]')).toMatch(
			new RegExp(`新增 ${PLAN_ROWS.length}`)
		);
		await page.click('[data-testid="apply"]');
		await page.waitForSelector('[data-testid="workbench-imported"]', { timeout: 180_000 });
		await page.click('a[href$="/"]:has-text("去看地图")');
		await page.waitForSelector('[data-testid="imported-badge"]');
		await expect
			.poll(() => page.textContent('[data-kpi="communities"]'), { timeout: 60_000 })
			.toMatch(new RegExp(`小区\\s*${PLAN_ROWS.length}个`));
		await page.check('input[name="colouring"][value="eligibility"]');
		// no fact of §二(一)'s exclusions is in a plan table: every community is 资料不全, none 不符合
		const count = (cls: string) => page.textContent(`[data-testid="legend"] li[data-class="${cls}"] .n`);
		await expect.poll(() => count('unknown')).toBe(String(PLAN_ROWS.length));
		expect(await count('ineligible')).toBe('0');
		expect(await page.textContent('[data-testid="legend-unknown"]')).toContain('资料不全');
		await page.waitForSelector('[data-map-idle="true"]', { timeout: 60_000 });
		await page.screenshot({ path: 'test-results/partial-map-1280.png' });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: 'test-results/partial-map-390.png', fullPage: true });
		await page.setViewportSize({ width: 1280, height: 900 });

		// back on /data: the completeness per town of the data applied, counted by hand from the plan table
		await page.click('a[href$="/data"]');
		await page.waitForSelector('[data-testid="completeness"]', { timeout: 60_000 });
		const town = (name: string) =>
			page.locator('[data-testid="completeness"] tbody tr', { has: page.locator(`th:text-is("${name}")`) });
		for (const name of ['乐成街道', '柳市镇', '虹桥镇']) {
			const rows = PLAN_ROWS.filter((r) => r[1] === name);
			const n = (k: string) => town(name).locator(`[data-n="${k}"]`).textContent();
			expect(await n('communities')).toBe(String(rows.length));
			// no plan-table community has 房屋类型 or 列入棚改计划: none can be judged yet
			expect(await n('judgeable')).toBe('0');
			expect(await n('incomplete')).toBe(String(rows.length));
			expect(await n('completion_year')).toBe(String(rows.filter((r) => r[2] === '').length));
			expect(await n('housing_type')).toBe(String(rows.length));
		}
		expect(await page.textContent('[data-testid="completeness-defs"]')).toContain('资料够判断');
		await page
			.locator('[data-testid="completeness"]')
			.screenshot({ path: 'test-results/partial-completeness.png' });

		// 乐成街道's 资料补充表: its communities by id, filled in by the town (as its office would, in Excel)
		const sheet = await saved(page, () =>
			town('乐成街道').locator('[data-testid="export-supplement"]').click()
		);
		expect(sheet.name).toBe('资料补充表-乐成街道.xlsx');
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(sheet.bytes as unknown as ArrayBuffer);
		const ws = book.getWorksheet('小区')!;
		const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
		const rowOf = (name: string) => {
			for (let r = 2; r <= ws.rowCount; r++)
				if (ws.getRow(r).getCell(headers.indexOf('小区名称') + 1).value === name) return ws.getRow(r);
			throw new Error(`${name} not in the sheet`);
		};
		expect(ws.rowCount - 1).toBe(PLAN_ROWS.filter((r) => r[1] === '乐成街道').length);
		const dongpu = rowOf('东浦一区');
		const id = String(dongpu.getCell(headers.indexOf('小区编号') + 1).value);
		dongpu.getCell(headers.indexOf('房屋类型') + 1).value = '商品房';
		dongpu.getCell(headers.indexOf('列入棚改计划') + 1).value = '否';
		rowOf('双雁新村').getCell(headers.indexOf('建成年份') + 1).value = 1993;

		// the plan table out, the filled sheet in: read as a supplement (its name says so), matched by id
		await page.getByRole('listitem').filter({ hasText: '城市计划表.xlsx' }).getByRole('button').click();
		await page.setInputFiles('[data-testid="file-input"]', {
			name: sheet.name,
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			buffer: Buffer.from(await book.xlsx.writeBuffer())
		});
		await page
			.waitForSelector('[data-testid="supplement-summary"]', { timeout: 20_000 })
			.catch(async (e: unknown) => {
				await page.screenshot({ path: 'test-results/partial-supplement-timeout.png', fullPage: true });
				console.log(errors, await page.locator('main').innerText());
				throw e;
			});
		expect(await page.isChecked('[data-testid="supplement"]')).toBe(true);
		expect(await page.textContent('[data-testid="supplement-summary"]')).toContain('补入3项资料，更正0项');
		await page.waitForSelector('[data-testid="diff-counts"]', { timeout: 60_000 });
		// only the two communities filled in change; none is new or removed
		await expect
			.poll(() => page.textContent('[data-testid="diff-counts"]'))
			.toMatch(/新增 0.*有变化 2.*将移除 0/);
		const changed = await page.textContent('[data-testid="diff-changed"]');
		expect(changed).toContain('房屋类型：（空） → 商品房');
		expect(changed).toContain('列入棚改计划：（空） → 否');
		expect(changed).toContain('建成年份：（空） → 1993');
		await page.screenshot({ path: 'test-results/partial-supplement-1280.png', fullPage: true });
		await page.click('[data-testid="apply"]');
		await page.waitForSelector('[data-testid="workbench-imported"]', { timeout: 180_000 });

		// the completeness counts the facts filled in; 东浦一区 is judged: 未知 → 符合改造条件 (中心城区 first)
		await expect.poll(() => town('乐成街道').locator('[data-n="judgeable"]').textContent()).toBe('1');
		expect(await town('乐成街道').locator('[data-n="completion_year"]').textContent()).toBe('0');
		expect(await town('全市').locator('[data-n="communities"]').textContent()).toBe(String(PLAN_ROWS.length));
		await follow(page, `/community/${id}`);
		await page.waitForSelector('[data-testid="eligibility"] .verdict');
		expect(await page.getAttribute('[data-testid="eligibility"] .verdict', 'data-status')).toBe('eligible');
		expect(await page.textContent('[data-testid="eligibility"] .verdict')).toContain('符合改造条件');

		// the completeness on a phone: the table scrolls within its region, the page is no wider than the screen
		await page.setViewportSize({ width: 390, height: 844 });
		await follow(page, '/data');
		await page.waitForSelector('[data-testid="completeness"]', { timeout: 60_000 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await page
			.locator('section.completeness')
			.screenshot({ path: 'test-results/partial-completeness-390.png' });

		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	}, 600_000);
});
