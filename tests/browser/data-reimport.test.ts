// Re-imports keep history, on the real /data page (issue 20; field case 11-reimport-renumbered-renamed with the
// history of tests/fixtures/reimport-history): A is dropped and applied (the data loaded now), then B — renumbered,
// names tidied, SY006 gone, one new — is dropped: the comparison proposes the seven pairs with their reasons, the
// keeper carries the history over, and the applied data holds every history row, counted by hand from the files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchedPage } from '../../scripts/lib/harness/browser';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { dropFiles, fileInput } from './data-drop';
import { closeSite, openSite } from './site';

const CASE = join(import.meta.dirname, '../fixtures/field-cases-r3/11-reimport-renumbered-renamed');
const HISTORY = join(import.meta.dirname, '../fixtures/reimport-history');
const folder = (d: string) => readdirSync(join(HISTORY, d)).map((f) => join(HISTORY, d, f));
const A = [join(CASE, 'A-2024年6月台账（已发布）.xlsx'), ...folder('A')];
const B = [join(CASE, 'B-2024年12月台账（编号重排）.xlsx'), ...folder('B')];
let server: Preview;
let browser: Browser;

beforeAll(async () => {
	({ server, browser } = await openSite());
});
afterAll(() => closeSite({ server, browser }));

/** Data lines of a fixture CSV (header dropped), split on commas. */
const csvRows = (path: string) =>
	readFileSync(path, 'utf8')
		.trim()
		.split('\n')
		.slice(1)
		.map((l) => l.split(','));
const part = (files: string[], name: string) => csvRows(files.find((f) => f.includes(name))!);

async function sqlCount(page: Page, table: string): Promise<number> {
	await page.fill('#sql-editor', `SELECT count(*)::INT AS n FROM ${table}`);
	await page.keyboard.press('Control+Enter');
	await page.waitForSelector('[data-testid="sql-run"]:not([disabled])');
	const cell = await page.waitForSelector(
		'[data-testid="sql-result"][data-rows="1"] tbody tr:not(.spacer) td:nth-child(2)'
	);
	return Number(await cell.textContent());
}

describe('/data: a re-import with renumbered ids keeps the history', () => {
	it('proposes the 7 pairs with reasons, carries the history over, and the applied data holds it all', async () => {
		const { page, foreign, errors, context } = await watchedPage(browser, server.url);
		await page.goto(`${server.url}/data`);
		await page.waitForSelector('[data-testid="drop-zone"]');

		// A: the published ledger, applied in this browser — it is the data loaded now
		expect(await dropFiles(page, A)).toMatch(/0 个错误/);
		await page.waitForSelector('[data-testid="diff-counts"]', { timeout: 90_000 });
		await page.click('[data-testid="apply"]');
		await page.waitForSelector('[data-testid="workbench-imported"]', { timeout: 90_000 });
		for (let n = A.length; n > 0; n--) await page.getByRole('button', { name: '移除' }).first().click();

		// B: six months later, every id renumbered
		await page.setInputFiles('[data-testid="file-input"]', B.map(fileInput));
		await page.waitForSelector('[data-testid="renumber-summary"]', { timeout: 90_000 });
		expect(await page.textContent('[data-testid="renumber-summary"]')).toBe(
			'7 个可能是重新编号，1 个删除，1 个新增'
		);
		const pairs = page.getByTestId('renumber-pair');
		expect(await pairs.count()).toBe(7);
		const sy002 = page.locator('[data-testid="renumber-pair"][data-old="SY002"]');
		expect(await sy002.getAttribute('data-new')).toBe('LQ2024-002');
		const why = (await sy002.textContent())!;
		expect(why).toContain('同地址');
		expect(why).toContain('相距 0 米');
		expect(why).toContain('名称相近：试验二村 → 试验2村');
		// the rest of the diff: SY006 removed, LQ2024-009 new — the pairs are not listed as new and removed
		expect(await page.textContent('[data-testid="diff-added"]')).toContain('LQ2024-009 新例小区');
		expect(await page.textContent('[data-testid="diff-added"]')).not.toContain('LQ2024-001');
		expect(await page.textContent('[data-testid="diff-removed"]')).toContain('SY006 测试公寓');
		expect(await page.textContent('[data-testid="diff-removed"]')).not.toContain('SY001');

		// carry every pair's history over to the new ids
		await page.click('[data-testid="renumber-all-carry"]');
		await page.waitForSelector('[data-testid="renumber-result"]', { timeout: 60_000 });
		// by hand from the files: A's rows of the seven (SY006's left out) plus B's own, less what B already has
		const aVotes = part(A, '表决').filter((r) => r[0] !== 'SY006').length; // 2
		const aContacts = part(A, '联系人').filter((r) => r[0] !== 'SY006').length; // 2
		// funds: B has one of SY001's two equal deposits
		const funds = part(A, '资金').filter((r) => r[0] !== 'SY006').length + part(B, '资金').length - 1; // 3
		// stages: A's four of the seven and B's two; SY001's 征求意见 and SY002's 申请表决 are B's already, and A's
		// 征求意见 of SY002 (2024-03-01) is after B's 申请表决 (2024-02-15): refused, named
		const stages = part(A, '阶段').filter((r) => r[0] !== 'SY006').length + part(B, '阶段').length - 3; // 3
		const result = await page.textContent('[data-testid="renumber-result"]');
		expect(result).toContain(`表决 ${aVotes} 行`);
		expect(result).toContain(`联系人 ${aContacts} 行`);
		expect(result).toContain(`资金 ${funds} 行`);
		expect(result).toContain(`进度 ${stages} 行`);
		expect(result).toContain('改造内容 8 行');
		expect(await page.textContent('[data-testid="renumber-refused"]')).toContain('SY002 征求意见 2024-03-01');
		// B's own 申请表决 of SY002 differs from A's: B's is kept, A's said beside it
		expect(await page.textContent('[data-testid="renumber-carried"]')).toContain(
			'进度 LQ2024-002 application-vote：日期 2024-04-01 → 2024-02-15'
		);
		await page.screenshot({ path: 'test-results/data-reimport-1280.png', fullPage: true });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.locator('[data-testid="renumber"]').screenshot({ path: 'test-results/data-reimport-390.png' });
		await page.setViewportSize({ width: 1280, height: 900 });

		// apply: the data loaded now is B under the new ids, with the history
		await page.click('[data-testid="apply"]');
		await page.waitForSelector('[data-testid="renumber"]', { state: 'detached', timeout: 90_000 });
		await page.waitForSelector('[data-testid="sql-run"]:not([disabled])', { timeout: 90_000 });
		expect(await sqlCount(page, "communities WHERE id LIKE 'LQ2024-%'")).toBe(8);
		expect(await sqlCount(page, "votes WHERE community_id IN ('LQ2024-001', 'LQ2024-002')")).toBe(aVotes);
		expect(await sqlCount(page, 'contacts')).toBe(aContacts);
		expect(await sqlCount(page, 'funds')).toBe(funds);
		expect(await sqlCount(page, 'stage_events')).toBe(stages);
		expect(await sqlCount(page, "works WHERE community_id LIKE 'SY%'")).toBe(0);
		expect([foreign, errors]).toEqual([[], []]);
		await context.close();
	}, 400_000);
});
