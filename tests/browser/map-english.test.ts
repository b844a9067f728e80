// The English switch, keyboard use and accessibility of the leadership map.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../src/lib/filter/filters';
import { kpiSql, type Kpis } from '../../src/lib/filter/queries';
import { area, count, money } from '../../src/lib/i18n/format';
import { COLOUR_SCALES } from '../../src/lib/verdict/classes';
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

afterAll(() => closeSite({ server, browser }, [w]));

const CJK = /[\u4e00-\u9fff]/;

async function ready() {
	const { page } = w;
	await page.waitForSelector('[data-map-idle="true"]', { timeout: 60_000 });
	await page.waitForSelector('[data-testid="kpis"][aria-busy="false"]', { timeout: 30_000 });
	await page.waitForSelector('[data-map-idle="true"]', { timeout: 30_000 });
}

describe('the leadership map in English, by keyboard', () => {
	it('?lang=en shows the interface, legend, figures and town names in English', async () => {
		const { page } = w;
		await page.goto(server.url + '/?lang=en');
		await ready();
		expect(await page.textContent('h1')).toBe('Yueqing Renovation Map');
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		expect(await page.textContent('[data-testid="legend"] h2')).toBe(COLOUR_SCALES.eligibility.en);
		const legend = await page.$$eval('[data-testid="legend"] li .label', (els) =>
			els.map((e) => e.textContent)
		);
		expect(legend).toEqual(COLOUR_SCALES.eligibility.classes.map((c) => c.en));
		const [k] = await directSql<Kpis>(kpiSql(EMPTY_FILTER));
		expect(await page.textContent('[data-kpi="households"] .value')).toBe(
			count(k!.households, { zh: '户', en: '' }, 'en')
		);
		expect(await page.textContent('[data-kpi="buildingArea"] .value')).toBe(area(k!.buildingArea, 'en'));
		expect(await page.textContent('[data-kpi="subsidy"] .value')).toBe(money(k!.subsidy, 'en'));
		// the whole side panels carry no Chinese but community names
		const panelText = await page.$$eval(
			'[data-kpi] .label, [data-testid="town-table"] button, .filters summary',
			(els) => els.map((e) => e.textContent ?? '').join(' ')
		);
		expect(panelText).not.toMatch(CJK);
		expect(panelText).toContain('Yuecheng Subdistrict');
		await page.screenshot({ path: 'test-results/map-en.png' });
	});

	it('the switch goes back to Chinese, and the choice survives a reload', async () => {
		const { page } = w;
		await page.getByTestId('lang-switch').click();
		await page.waitForFunction(() => document.querySelector('h1')?.textContent === '乐清旧改地图');
		expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
		expect(await page.textContent('[data-testid="legend"] h2')).toBe(COLOUR_SCALES.eligibility.zh);
		await page.waitForFunction(() => !location.search.includes('lang=en'));
		await page.getByTestId('lang-switch').click();
		await page.waitForFunction(() => location.search.includes('lang=en'));
		await page.goto(server.url + '/');
		await page.waitForSelector('h1');
		expect(await page.textContent('h1')).toBe('Yueqing Renovation Map');
		await page.getByTestId('lang-switch').click();
		await page.waitForFunction(() => document.querySelector('h1')?.textContent === '乐清旧改地图');
	});

	it('every control is reached with Tab and has a name; the map pans and zooms by keyboard', async () => {
		const { page } = w;
		await page.goto(server.url + '/');
		await ready();
		const names: string[] = [];
		let reachedMap = false;
		for (let i = 0; i < 80 && !reachedMap; i++) {
			await page.keyboard.press('Tab');
			const focused = (await page.evaluate(`(() => {
				const e = document.activeElement;
				if (!e || e === document.body) return null;
				const label = e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].textContent) ||
					e.getAttribute('title') || e.textContent;
				return { tag: e.tagName, name: (label || '').trim(), map: !!e.closest('.maplibregl-map') };
			})()`)) as { tag: string; name: string; map: boolean } | null;
			if (!focused) continue;
			expect(focused.name, `${focused.tag} #${i} has no accessible name`).not.toBe('');
			names.push(focused.name);
			reachedMap = focused.map && focused.tag === 'CANVAS';
		}
		expect(names).toContain('画区域');
		expect(reachedMap, `Tab order: ${names.join(' | ')}`).toBe(true);
		const before = page.url();
		await page.keyboard.press('=');
		await page.keyboard.press('ArrowRight');
		await page.waitForFunction((u) => location.href !== u && location.search.includes('v='), before);
	});

	it('axe-core finds no WCAG A/AA violations on the map page', async () => {
		const violations = await axeViolations(w.page);
		expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
	});
});
