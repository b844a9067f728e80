// A town records a works item and its cost (issue 22), in the browser at 390 px: a town user logs in, chooses one of
// its communities and an item of 附件1 it does not have yet, types a cost the importer refuses (named before saving,
// saving off), then a good one; before saving the form shows what it does to the community's money — 总投资 before →
// after, asked of the policy engine — and saves; the change list shows it by the item's name. The totals are summed
// by hand from the example's works.csv. Screenshots at 390 px and 1400 px in test-results/.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../src/lib/office/api';
import { WORKS_CATALOGUE } from '../../src/lib/policy';
import { exampleRows, type Client, type Running, townOffice } from '../../scripts/lib/harness/office';
import { launchBrowser, watchedPage } from '../../scripts/lib/harness/browser';
import { logIn } from './office-login';

let run: Running;
let browser: Browser;
let keeper: Client;
const PHONE = { width: 390, height: 844 };

const ours = exampleRows('communities').find((c) => c.town_code === '330382001')!; // 城东街道
const itsWorks = exampleRows('works').filter((w) => w.community_id === ours.id);
/** An item of 附件1 the community has not (not the lift: it is outside the total), and another. */
const [fresh, second] = WORKS_CATALOGUE.filter(
	(i) => !i.elevator && !itsWorks.some((w) => w.item_id === i.id)
);
/** 总投资 before, by hand (§五(二)1): the items' estimates, lifts excluded (none of its items has a final cost). */
const totalBefore = itsWorks
	.filter((w) => !WORKS_CATALOGUE.find((i) => i.id === w.item_id)!.elevator)
	.reduce((sum, w) => sum + Number(w.estimated_cost), 0);
/** 元 as the page writes them in Chinese: to the fen, grouped, 元. */
const yuan = (v: number) =>
	`${new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v)}元`;

beforeAll(async () => {
	mkdirSync('test-results', { recursive: true });
	({ run, keeper } = await townOffice({ chengdong: ['城东街道'] }));
	browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
	await browser?.close();
	await run?.stop();
});

const allChanges = async () =>
	((await (await keeper.get('/api/changes')).json()) as { changes: ChangeRecord[] }).changes;

describe('a town records a works item and its cost (390 px)', () => {
	it('sees what it does to the funding before saving, saves, and finds it in the change list', async () => {
		expect(itsWorks.length).toBeGreaterThan(0);
		expect(itsWorks.every((w) => w.final_cost === '')).toBe(true);
		const town = await watchedPage(browser, run.url, PHONE, { touch: true });
		const page = town.page;
		await logIn(page, run.url, 'chengdong', '/town');
		await page.getByRole('heading', { name: '本乡镇（街道）的小区' }).waitFor();
		await page.getByRole('combobox', { name: '选择小区' }).selectOption(ours.id!);
		const form = page.locator('form.works-form');
		await form.getByRole('heading', { name: /录入改造项目及金额/ }).waitFor();
		await form.locator('select[name=works-item]').selectOption(fresh!.id);
		await form.getByTestId('works-now').getByText('台账尚无此项').waitFor();

		// a cost the importer refuses: named with the value before saving, and saving is off
		await form.locator('input[name=works-estimated]').fill('-1');
		await page.getByTestId('works-problems').getByText('概算金额（元）：应不小于 0（所填为“-1”）').waitFor();
		expect(await form.getByRole('button', { name: '保存' }).isDisabled()).toBe(true);

		// a good one: the funding before → after, the engine's
		await form.locator('input[name=works-estimated]').fill('320000');
		await page
			.getByTestId('works-preview')
			.getByText(`将记录“${fresh!.name}”：概算 320,000.00元，决算 未定`)
			.waitFor();
		const funding = page.getByTestId('works-funding');
		const total = funding.locator('[data-figure=total]');
		expect(await total.locator('[data-when=before]').textContent()).toBe(yuan(totalBefore));
		expect(await total.locator('[data-when=after]').textContent()).toBe(yuan(totalBefore + 320000));
		for (const figure of ['basis', 'subsidy', 'residents'])
			expect(await funding.locator(`[data-figure=${figure}]`).count(), figure).toBe(1);
		await funding.scrollIntoViewIfNeeded();
		await page.screenshot({ path: 'test-results/town-works-form-390.png', fullPage: true });
		await form.screenshot({ path: 'test-results/town-works-form-390-detail.png' });
		// nothing fits wider than the phone
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

		await form.getByRole('button', { name: '保存' }).click();
		await page
			.getByTestId('works-message')
			.getByText(/已保存，等待市旧改办审核/)
			.waitFor({ timeout: 30_000 });
		const changes = await allChanges();
		expect(changes.map((c) => [c.communityId, c.field, c.before, c.after])).toEqual([
			[
				ours.id,
				`works.${fresh!.id}`,
				null,
				{ community_id: ours.id, item_id: fresh!.id, estimated_cost: 320000, final_cost: null }
			]
		]);
		// the change list: by the item's name, not its id
		const history = page.getByTestId('town-history');
		const item = history.locator(`[data-change="${changes[0]!.id}"]`);
		await item.getByText(`改造项目“${fresh!.name}”`).waitFor();
		await item.getByText('概算 320,000.00元，决算 未定').waitFor();
		expect(await history.textContent()).not.toContain(fresh!.id);
		await item.scrollIntoViewIfNeeded();
		await page.screenshot({ path: 'test-results/town-works-saved-390.png', fullPage: true });
		await history.screenshot({ path: 'test-results/town-works-saved-390-detail.png' });

		// on a desktop screen: another item typed (not saved), its preview shown
		await page.setViewportSize({ width: 1400, height: 900 });
		await form.locator('select[name=works-item]').selectOption(second!.id);
		await form.locator('input[name=works-estimated]').fill('150000');
		await form.locator('input[name=works-final]').fill('148000');
		await funding.waitFor();
		expect(await total.locator('[data-when=after]').textContent()).toBe(yuan(totalBefore + 150000));
		await funding.scrollIntoViewIfNeeded();
		await page.screenshot({ path: 'test-results/town-works-form-1400.png', fullPage: true });
		await form.screenshot({ path: 'test-results/town-works-form-1400-detail.png' });
		// in English on the phone, the typed item kept through the reload (this browser's storage)
		await page.setViewportSize(PHONE);
		await page.goto(`${run.url}/town?lang=en`);
		await page.getByRole('combobox', { name: 'Choose a community' }).selectOption(ours.id!);
		await funding.locator('[data-figure=total]').getByText('Total investment').waitFor();
		expect(await form.locator('input[name=works-final]').inputValue()).toBe('148000');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await form.screenshot({ path: 'test-results/town-works-form-390-en.png' });
		expect(town.errors).toEqual([]);
		expect(town.foreign).toEqual([]);
		await town.context.close();
	}, 180_000);
});
