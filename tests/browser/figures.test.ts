// Issue 19: what the first screens say is true. The figures read off the pages — `/` (screen and print), a
// community page, `/progress` — equal the figures worked out by hand from the example's CSV files
// (tests/hand/figures.ts, no import from src/), and each says what it counts. Screenshots (desktop, 390 px) and the
// printed pages go to test-results/figures-*.png and print-figures-*.png.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { area, count, date, money, yuan } from '../../src/lib/i18n/format';
import { handCommunities, handHeadline, handKpis, PLAN_YEAR } from '../hand/figures';
import { watchedPage, type Watched } from '../../scripts/lib/harness/browser';
import { ensurePoppler, printToPdf } from './pdf';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { closeSite, openSite } from './site';

let server: Preview;
let browser: Browser;
let w: Watched;
const hand = handCommunities();
const k = handKpis(hand);
const COMMUNITIES = { zh: '个', en: '' };

beforeAll(async () => {
	ensurePoppler();
	({ server, browser, w } = await openSite({ watch: true }));
});

afterAll(() => closeSite({ server, browser }, [w]));

const kpi = (page: Page, key: string) =>
	page.textContent(
		`[data-testid="kpis"] [data-kpi="${key}"] .value, [data-testid="kpis"] [data-kpi-part="${key}"] .v`
	);

async function home(page: Page) {
	await page.goto(server.url + '/');
	await page.waitForSelector('[data-testid="kpis"][aria-busy="false"] [data-kpi="subsidy"]', {
		timeout: 90_000
	});
}

describe('`/`: the key figures are the hand’s, each with its definition', () => {
	it('财政补助需求 and every other figure on the screen equal the hand’s; the definitions are on the page', async () => {
		const { page } = w;
		await home(page);
		expect(await kpi(page, 'communities')).toBe(count(k.communities, COMMUNITIES));
		expect(await kpi(page, 'outOfScope')).toBe(count(k.outOfScope, COMMUNITIES));
		expect(await kpi(page, 'buildingArea')).toBe(area(k.buildingArea));
		expect(await kpi(page, 'remaining')).toBe(count(k.remaining, COMMUNITIES));
		for (const key of [
			'investment',
			'residentShare',
			'subsidy',
			'subsidyPlanned',
			'subsidyToArrange',
			'completedSubsidy',
			'earlierSubsidy'
		] as const)
			expect(await kpi(page, key), key).toBe(money(k[key]));
		expect(await kpi(page, 'subsidy')).toBe('225,075.6万元');
		expect(await kpi(page, 'earlier')).toBe(count(k.earlier, COMMUNITIES));
		expect(await kpi(page, 'readyForPlan')).toBe(count(k.readyForPlan, COMMUNITIES));
		expect(await kpi(page, 'awaitingReview')).toBe(count(k.awaitingReview, COMMUNITIES));
		// each figure says what it counts: on hover, and in the list under the tiles
		expect(await page.getAttribute('[data-kpi="subsidy"]', 'title')).toContain(
			'不含不在改造范围的、已完成的和早期项目'
		);
		const defs = await page.textContent('[data-testid="kpi-definitions"]');
		expect(defs).toContain('乡镇初审已通过');
		expect(defs).toContain('2024年1月5日前开工的项目');
		await page.waitForSelector('[data-map-idle="true"]', { timeout: 90_000 });
		await page.screenshot({ path: 'test-results/figures-home.png' });
	});

	it('the town table (财政补助需求 shading) adds up to the key figure, by the same definition', async () => {
		const { page } = w;
		await page.goto(server.url + '/?tm=subsidy');
		await page.waitForSelector('[data-testid="town-table"] td[data-town]', { timeout: 90_000 });
		const cells = await page.$$eval('[data-testid="town-table"] td[data-town]', (els) =>
			els.map((e) => [e.getAttribute('data-town')!, e.textContent!] as const)
		);
		for (const [town, text] of cells)
			expect(text, town).toBe(money(handKpis(hand.filter((c) => c.town === town)).subsidy));
		expect(await page.textContent('[data-testid="town-definition"]')).toContain('财政补助需求');
	});

	it('the candidates: none ready for the next plan; those in town review are listed apart, not as candidates', async () => {
		const { page } = w;
		await home(page);
		const awaiting = hand.filter((c) => c.awaiting).map((c) => c.id);
		const listed = await page.$$eval('[data-testid="awaiting-review"] a', (els) =>
			els.map((e) => e.getAttribute('href')!.split('/').pop()!)
		);
		expect(listed.sort()).toEqual(awaiting.sort());
		expect(await page.$$('[data-testid="candidates"] ol li')).toHaveLength(k.readyForPlan);
		expect(await page.textContent('[data-testid="candidates"] h2')).toContain(`${PLAN_YEAR}年`);
	});

	it('printed: the same figures and their definitions on paper', async () => {
		const { page } = w;
		await home(page);
		await page.waitForSelector('[data-testid="print-kpis"]', { state: 'attached', timeout: 60_000 });
		const printed = await printToPdf(page, 'figures-home');
		const text = printed.pages.join('\n');
		for (const v of [
			money(k.subsidy),
			money(k.subsidyPlanned),
			money(k.completedSubsidy),
			money(k.earlierSubsidy)
		])
			expect(text).toContain(v);
		expect(text).toContain('指标口径');
		expect(text).toContain('乡镇初审中（资金已到位，尚未通过）');
		expect(text).not.toContain('467,837.7万元');
	});

	it('390 px: the tiles and their parts fit the phone', async () => {
		const p = await watchedPage(browser, server.url, { width: 390, height: 844 }, { touch: true });
		await home(p.page);
		expect(await kpi(p.page, 'subsidy')).toBe(money(k.subsidy));
		expect(await p.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
		await p.page.locator('[data-testid="kpis"]').screenshot({ path: 'test-results/figures-home-390.png' });
		expect(p.foreign).toEqual([]);
		await p.context.close();
	});
});

describe('a community page says what its verdict means', () => {
	for (const [id, remedy] of [
		['YQ000080', 'no-remedy-urban-village'],
		['YQ000716', 'no-remedy-outside-urban-area'],
		['YQ000019', 'expropriation-beyond-horizon']
	] as const) {
		it(`${id}: outside the programme — no subsidy to pay, no renovation step, what would change it`, async () => {
			const { page } = w;
			await page.goto(`${server.url}/community/${id}`);
			await page.waitForSelector('[data-testid="funding"]', { timeout: 90_000 });
			expect(hand.find((c) => c.id === id)!.inScope).toBe(false);
			expect(await page.getAttribute('[data-testid="funding"]', 'data-basis')).toBe('out-of-scope');
			expect(await page.textContent('[data-testid="no-subsidy"]')).toContain('没有财政补助');
			expect(await page.$('[data-money="subsidy"]')).toBeNull();
			expect(await page.$('[data-testid="approval-path"]')).toBeNull();
			expect(await page.getAttribute('[data-testid="next-step"]', 'data-action')).toBe('out-of-scope');
			expect(await page.textContent('[data-testid="stages"]')).not.toContain('征求意见');
			expect(await page.$(`[data-remedy="${remedy}"]`)).not.toBeNull();
			await page.waitForSelector('[data-testid="locator"] [data-map-idle="true"]', { timeout: 90_000 });
			await page.screenshot({ path: `test-results/figures-${id}.png`, fullPage: true });
			const printed = await printToPdf(page, `figures-${id}`);
			expect(printed.pages.join('\n')).toContain('不在本次改造范围');
		});
	}

	it('YQ000071 东浦二区 (works 2022): an earlier project, its ledger’s money, no 47号 pricing', async () => {
		const { page } = w;
		await page.goto(`${server.url}/community/YQ000071`);
		await page.waitForSelector('[data-testid="funding"]', { timeout: 90_000 });
		const h = hand.find((c) => c.id === 'YQ000071')!;
		expect(h.set).toBe('earlier');
		expect(await page.getAttribute('[data-testid="funding"]', 'data-basis')).toBe('earlier');
		expect(await page.textContent('[data-testid="earlier-reason"]')).toContain('2022年6月19日开工');
		expect(await page.textContent('[data-money="subsidy"]')).toBe(yuan(h.subsidy / 100));
		expect(await page.$('[data-money="cap"]')).toBeNull();
		expect(await page.$('[data-testid="approval-path"]')).toBeNull();
		await page.waitForSelector('[data-testid="locator"] [data-map-idle="true"]', { timeout: 90_000 });
		await page.screenshot({ path: 'test-results/figures-YQ000071.png', fullPage: true });
		const p = await watchedPage(browser, server.url, { width: 390, height: 844 }, { touch: true });
		await p.page.goto(`${server.url}/community/YQ000071`);
		await p.page.waitForSelector('[data-testid="funding"]', { timeout: 90_000 });
		await p.page.screenshot({ path: 'test-results/figures-YQ000071-390.png', fullPage: true });
		expect(await p.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
		await p.context.close();
		await printToPdf(page, 'figures-YQ000071');
	});

	it('YQ000201: the approval path on §五(二)1’s total, and what the lift would change', async () => {
		const { page } = w;
		await page.goto(`${server.url}/community/YQ000201`);
		await page.waitForSelector('[data-testid="approval-path"]', { timeout: 90_000 });
		expect(await page.getAttribute('[data-testid="approval-path"]', 'data-path')).toBe(
			'proposal+feasibility+design'
		);
		expect(await page.textContent('[data-testid="approval-total"]')).toContain(money(9_234_503));
		expect(await page.textContent('[data-testid="approval-elevator"]')).toContain(
			money(9_234_503 + 1_650_000)
		);
	});
});

describe('/progress: cards that never overlap, each defined', () => {
	it('renovated, under construction, in a plan not yet begun — the hand’s, adding up to no more than all', async () => {
		const { page } = w;
		const h = handHeadline(hand);
		await page.goto(server.url + '/progress');
		await page.waitForSelector('[data-testid="headline"] [data-figure="planned"] .value', {
			timeout: 90_000
		});
		const value = async (key: string) => Number(await page.textContent(`[data-figure="${key}"] .value`));
		const shown = [await value('renovated'), await value('construction'), await value('planned')];
		expect(shown).toEqual([h.renovated.communities, h.construction.communities, h.planned.communities]);
		expect(shown.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(h.total.communities);
		expect(await page.textContent('[data-figure="construction"] .def')).toContain('已开工、尚未验收');
		expect(await page.textContent('[data-figure="planned"] .def')).toContain('2027年计划26个');
		expect(await page.textContent('[data-testid="headline-rest"]')).toContain(
			`全市共${h.total.communities}个小区`
		);
		await page.waitForSelector('[data-map-idle="true"]', { timeout: 90_000 });
		await page.screenshot({ path: 'test-results/figures-progress.png' });
		const p = await watchedPage(browser, server.url, { width: 390, height: 844 }, { touch: true });
		await p.page.goto(server.url + '/progress');
		await p.page.waitForSelector('[data-figure="planned"] .value', { timeout: 90_000 });
		await p.page.waitForSelector('[data-map-idle="true"]', { timeout: 90_000 });
		await p.page.screenshot({ path: 'test-results/figures-progress-390.png', fullPage: true });
		expect(await p.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
		await p.context.close();
	});
});

describe('/budget: forecasts a planner can believe', () => {
	it('the editor says how the funds date is forecast (the share raised, the data’s history)', async () => {
		const { page } = w;
		await page.goto(server.url + '/budget');
		await page.waitForSelector('[data-testid="year-table"]', { timeout: 120_000 });
		await page.waitForSelector('[data-testid="status"][data-running="false"]', { timeout: 60_000 });
		expect(await page.textContent('body')).toContain('尚未筹集的比例');
		expect(await page.textContent('body')).toContain(date('2026-11-15').slice(0, 4));
		await page.screenshot({ path: 'test-results/figures-budget.png', fullPage: false });
		const cutoff = page.locator('[data-param="builtBeforeCutoff"]');
		await cutoff.fill('2005-12-31');
		await cutoff.blur();
		await page.waitForSelector('[data-testid="impact-within"]', { timeout: 60_000 });
		await page.waitForSelector('[data-testid="status"][data-running="false"]', { timeout: 60_000 });
		const after = await page.textContent('[data-testid="impact-after"]');
		expect(after).toContain('在2028年之后才能安排');
		await page
			.locator('[data-testid="impact"]')
			.screenshot({ path: 'test-results/figures-budget-impact.png' });
	});
});
