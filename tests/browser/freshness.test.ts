// Freshness on the map and the towns' changes live on the internal dashboard (issue 22), on the office server
// (`npm start` over the built site): a town user records a scheme vote at 390 px; a viewer's map coloured by 数据更新
// counts that community as updated within 7 days of today (the legend's classes against a hand count from the
// example's CSVs) and the filter 超过 N 天未更新 leaves it out; its page shows the 乡镇填报（未审核） panel — at 1400
// and at 390 px. The static build has no town changes: there the legend says it counts the data's own dates to
// 数据截至. Screenshots in test-results/.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../src/lib/office/api';
import { townOffice, type Client, type Running } from '../../scripts/lib/harness/office';
import { launchBrowser, watchedPage } from '../../scripts/lib/harness/browser';
import { closeSite, openSite } from './site';
import { logIn } from './office-login';
import { exampleRows } from '../../scripts/lib/harness/office';

let run: Running;
let browser: Browser;
let keeper: Client;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1400, height: 900 };

const communities = exampleRows('communities');
const CHENGDONG = '330382001';
const ours = communities.find((c) => c.town_code === CHENGDONG)!; // 城东街道

/** By hand: each community's latest dated record (votes, funds, stage_events). */
const latest = new Map<string, string>();
for (const t of ['votes', 'funds', 'stage_events'])
	for (const r of exampleRows(t))
		if (!(latest.get(r.community_id!)! >= r.date!)) latest.set(r.community_id!, r.date!);
const days = (from: string, to: string) =>
	(Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
/** By hand: ≤7 / 8–30 / 31–90 / >90 days, or none. */
const classOf = (last: string | undefined, ref: string) => {
	if (!last) return 'none';
	const age = Math.max(0, days(last, ref));
	return age <= 7 ? 'week' : age <= 30 ? 'month' : age <= 90 ? 'quarter' : 'older';
};
/** Today in Beijing, as the server counts it. */
const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function mapReady(page: Page) {
	await page.waitForSelector('[data-map-idle="true"]', { timeout: 60_000 });
	await page.waitForSelector('[data-testid="kpis"][aria-busy="false"]', { timeout: 30_000 });
}

const legendCounts = (page: Page) =>
	page.$$eval('[data-testid="legend"] li[data-class]', (els) =>
		Object.fromEntries(
			els.map((e) => [e.getAttribute('data-class'), Number(e.querySelector('.n')?.textContent)])
		)
	);

beforeAll(async () => {
	mkdirSync('test-results', { recursive: true });
	({ run, keeper } = await townOffice({ chengdong: ['城东街道'] }));
	browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
	await browser?.close();
	await run?.stop();
});

describe('freshness on the map, town changes live on the dashboard (issue 22)', () => {
	it('a town user records a scheme vote (390 px)', async () => {
		const owners = Number(ours.owners);
		const area = Number(ours.exclusive_area);
		const P = Math.ceil(owners * 0.8);
		const partArea = Math.round(area * 0.8 * 100) / 100;
		const town = await watchedPage(browser, run.url, PHONE, { touch: true });
		const page = town.page;
		await logIn(page, run.url, 'chengdong', '/town');
		await page.getByRole('combobox', { name: '选择小区' }).selectOption(ours.id!);
		await page.locator('select[name=kind]').selectOption('scheme');
		await page.locator('input[name=date]').fill('2026-12-01');
		await page.locator('input[name=participating_owners]').fill(String(P));
		await page.locator('input[name=participating_area]').fill(String(partArea));
		await page.locator('input[name=agree_owners]').fill(String(P));
		await page.locator('input[name=agree_area]').fill(String(partArea));
		await page.getByTestId('vote-preview').waitFor();
		await page.locator('form.vote-form').getByRole('button', { name: '保存' }).click();
		await page
			.getByTestId('vote-message')
			.getByText(/已保存/)
			.waitFor();
		const changes = ((await (await keeper.get('/api/changes')).json()) as { changes: ChangeRecord[] })
			.changes;
		expect(changes.map((c) => [c.communityId, c.state])).toEqual([[ours.id, 'pending']]);
		expect(town.errors).toEqual([]);
		expect(town.foreign).toEqual([]);
		await town.context.close();
	}, 120_000);

	for (const [label, viewport] of [
		['1400', DESKTOP],
		['390', PHONE]
	] as const)
		it(`a viewer's map counts it updated today; its page shows 乡镇填报（未审核） (${label} px)`, async () => {
			const today = beijingToday();
			const w = await watchedPage(browser, run.url, viewport, { touch: viewport === PHONE });
			const page = w.page;
			await logIn(page, run.url, 'viewer', `/?c=freshness&towns=${CHENGDONG}`);
			await mapReady(page);
			const legend = page.getByTestId('legend-freshness');
			await expect.poll(() => legend.getAttribute('data-source')).toBe('office');
			expect(await legend.textContent()).toContain(today);
			// by hand: 城东街道's communities by the class of their latest date, ours recorded today
			const mine = communities.filter((c) => c.town_code === CHENGDONG);
			const byHand: Record<string, number> = { week: 0, month: 0, quarter: 0, older: 0, none: 0 };
			for (const c of mine) byHand[c.id === ours.id ? 'week' : classOf(latest.get(c.id!), today)]!++;
			// its class without the change would not be today's: the change is what moved it
			expect(classOf(latest.get(ours.id!), today)).not.toBe('week');
			await expect.poll(() => legendCounts(page)).toEqual(byHand);
			await page.screenshot({ path: `test-results/freshness-map-${label}.png` });
			// 超过 0 天未更新: every 城东 community but ours (updated today), 无记录 included
			await page.getByLabel('超过多少天未更新（天）').fill('0');
			await page.getByLabel('超过多少天未更新（天）').press('Enter');
			const stale = mine.filter(
				(c) => c.id !== ours.id && (!latest.has(c.id!) || days(latest.get(c.id!)!, today) > 0)
			);
			await expect
				.poll(() => page.locator('[data-kpi="communities"] .value').textContent())
				.toContain(String(stale.length));
			await expect.poll(() => legendCounts(page)).toEqual({ ...byHand, week: byHand.week! - 1 });
			await expect.poll(() => new URL(page.url()).searchParams.get('stale')).toBe('0');

			// its page: the reviewed figures as published, and beside them the town's vote, not reviewed
			await page.goto(`${run.url}/community/${ours.id}`);
			const panel = page.getByTestId('live-changes');
			await panel.waitFor({ timeout: 60_000 });
			expect(await panel.getByRole('heading').textContent()).toBe('乡镇填报（未审核）');
			expect(await panel.locator('[data-state="pending"]').count()).toBe(1);
			expect(await panel.textContent()).toContain('chengdong');
			expect(await panel.textContent()).toContain('方案表决');
			await page.screenshot({ path: `test-results/freshness-community-${label}.png`, fullPage: true });
			expect(w.errors).toEqual([]);
			expect(w.foreign).toEqual([]);
			await w.context.close();
		}, 180_000);

	it('the static build: no town changes, the legend counts the data’s own dates to 数据截至', async () => {
		const site = await openSite({ watch: true });
		const page = site.w.page;
		await page.goto(`${site.server.url}/?c=freshness`);
		await mapReady(page);
		const legend = page.getByTestId('legend-freshness');
		await legend.waitFor();
		expect(await legend.getAttribute('data-source')).toBe('data');
		const asOf = (JSON.parse(readFileSync('data/example/metadata.json', 'utf8')) as { asOf: string }).asOf;
		expect(await legend.textContent()).toContain(asOf);
		const byHand: Record<string, number> = { week: 0, month: 0, quarter: 0, older: 0, none: 0 };
		for (const c of communities) byHand[classOf(latest.get(c.id!), asOf)]!++;
		await expect.poll(() => legendCounts(page)).toEqual(byHand);
		await page.screenshot({ path: 'test-results/freshness-map-static.png' });
		await closeSite(site, [site.w]);
	}, 120_000);
});
