// Starting from a city's plan table on /data (issue 20, "start from a partial list"): the table with only 名称, 乡镇,
// 建成年代, 户数, 建筑面积（万㎡）, 总投资（万元）, 计划开工时间 goes in, the report counts the missing facts, every
// community is placed at its town's seat, and after apply the map shows them all as 资料不全 (incomplete data) in
// the eligibility colouring, its count in the legend with the words that define it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
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
		for (let i = 0; i < PLAN_ROWS.length; i++)
			await unlocated.nth(i).getByRole('button', { name: '用建议位置（镇街驻地）' }).click();
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

		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	}, 600_000);
});
