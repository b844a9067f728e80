// /budget answers without DuckDB-WASM (issue #13): with every .wasm request withheld, the chart, the year table
// and the default budget come from budget-inputs.arrow (the build's verdicts under the policy in force, not judged
// again) and equal the page's SQL run directly; a §二(一) cutoff scenario fetches budget-verdict-inputs.arrow then
// (not before: the worker judges every community with the engine only for a policy change) and shows its impact;
// a filter from the map runs on map.arrow's filter. No Parquet table is fetched: nothing on /budget needs SQL any more.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateRates, history, type PipelineCommunity } from '../../src/lib/budget/forecast';
import { turnedEligible } from '../../src/lib/budget/impact';
import { readInputs } from '../../src/lib/budget/inputs';
import { pipelineSearch } from '../../src/lib/budget/pipeline-filter';
import { defaultBudgets, type PlanHistoryRow } from '../../src/lib/budget/plan-state';
import { HISTORY_SQL, pipelineSql, planHistorySql } from '../../src/lib/budget/queries';
import { defaultScenario, paramsOf, PLAN_YEARS } from '../../src/lib/budget/scenario';
import { ScenarioJudge } from '../../src/lib/budget/scenario-run';
import { firstOpenYear, simulate } from '../../src/lib/budget/simulate';
import { EMPTY_FILTER, type Filter } from '../../src/lib/filter/filters';
import type { Manifest } from '../../src/lib/files/manifest';
import { money } from '../../src/lib/i18n/format';
import { YUEQING_2023 } from '../../src/lib/policy';
import { watchedPage, type Watched } from '../../scripts/lib/harness/browser';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { closeSite, openSite } from './site';
import { directSql } from './sql';

let server: Preview;
let browser: Browser;
const manifestOf = () => JSON.parse(readFileSync('build/data/manifest.json', 'utf8')) as Manifest;

beforeAll(async () => {
	({ server, browser } = await openSite());
});

afterAll(() => closeSite({ server, browser }));

/** A page with every .wasm withheld, recording what it fetched of the data. */
async function withoutWasm(): Promise<Watched & { wasm: string[]; data: string[] }> {
	const w = await watchedPage(browser, server.url);
	const wasm: string[] = [];
	const data: string[] = [];
	await w.page.route('**/*.wasm', (route) => {
		wasm.push(route.request().url());
		return route.abort();
	});
	w.page.on('request', (r) => {
		if (r.url().includes('/data/')) data.push(r.url().split('/data/')[1]!);
	});
	return { ...w, wasm, data };
}

async function settled(page: Page) {
	await page.waitForSelector('[data-testid="year-table"]', { timeout: 120_000 });
	await page.waitForSelector('[data-testid="status"][data-running="false"]', { timeout: 60_000 });
}

async function yearCells(page: Page) {
	return page.$$eval('[data-testid="year-table"] tr[data-scenario="0"]', (rows) =>
		rows.map((r) => ({
			year: Number(r.getAttribute('data-year')),
			budget: r.querySelector('[data-col="budget"]')?.textContent,
			demand: r.querySelector('[data-col="demand"]')?.textContent,
			funded: r.querySelector('[data-col="funded"]')?.textContent
		}))
	);
}

/** The default run as the page computed it through SQL before: its queries over the same files, the engine. */
async function sqlRun(filter: Filter | null) {
	const { asOf } = manifestOf();
	const h = history(await directSql<PipelineCommunity>(HISTORY_SQL));
	const s = defaultScenario('x', 0, estimateRates(h));
	const rows = await directSql<PlanHistoryRow>(planHistorySql(filter));
	const all = await directSql<PipelineCommunity>(pipelineSql(null));
	const d = defaultBudgets(
		rows,
		firstOpenYear(asOf, paramsOf(s, YUEQING_2023)),
		all.reduce((a, c) => a + c.subsidy, 0) / PLAN_YEARS.length
	);
	s.budgets = { ...d.budgets };
	const result = simulate(await directSql<PipelineCommunity>(pipelineSql(filter)), s, h, asOf);
	return {
		s,
		h,
		cells: result.years.map((y) => ({
			year: y.year,
			budget: money(y.budget),
			demand: money(y.demand),
			funded: `${y.funded}个 · ${money(y.fundedAmount)}`
		}))
	};
}

describe('/budget without DuckDB-WASM', () => {
	it('chart, year table and default budget from budget-inputs.arrow; §二(一) cutoff 2005-12-31 shows its impact', async () => {
		const { page, errors, foreign, data } = await withoutWasm();
		await page.setViewportSize({ width: 390, height: 900 });
		await page.goto(server.url + '/budget');
		await settled(page);
		expect(await page.isVisible('[data-testid="budget-chart"]')).toBe(true);
		const expected = await sqlRun(null);
		expect(await yearCells(page)).toEqual(expected.cells);
		expect(data).toContain('budget-inputs.arrow');
		// the policy in force needs only the build's verdicts: the rest of the verdicts' inputs are not fetched
		expect(data).not.toContain('budget-verdict-inputs.arrow');
		expect(
			data.filter((f) => f.endsWith('.parquet')),
			'Parquet tables fetched'
		).toEqual([]);
		await page.screenshot({ path: 'test-results/budget-first-390.png', fullPage: true });

		// §二(一): built before 2005-12-31 — the communities turning eligible are the engine's over the SQL's inputs
		const judge = ScenarioJudge.of(await readInputs((sql) => directSql(sql)), manifestOf().asOf);
		const policy = { builtBeforeCutoff: '2005-12-31' };
		const run = judge.run({ ...expected.s, policy }, expected.h, null);
		const turned = turnedEligible(run.impact!)
			.map((d) => d.id)
			.sort();
		expect(turned.length).toBeGreaterThan(0);
		await page.setViewportSize({ width: 1280, height: 900 });
		const cutoff = page.locator('[data-param="builtBeforeCutoff"]');
		await cutoff.fill('2005-12-31');
		await cutoff.blur();
		await page.waitForSelector('[data-testid="impact"]', { timeout: 60_000 });
		await settled(page);
		const listed = await page.$$eval('[data-testid="impact"] [data-group="eligible"] li[data-id]', (els) =>
			els.map((e) => e.getAttribute('data-id')!)
		);
		expect(listed.sort()).toEqual(turned);
		expect(data.filter((f) => f === 'budget-verdict-inputs.arrow')).toHaveLength(1);
		await page.getByTestId('impact').screenshot({ path: 'test-results/budget-first-impact.png' });
		expect(data.filter((f) => f.endsWith('.parquet'))).toEqual([]);
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});

	it('from the map with a filter: the filter’s pipeline and its share of the plans, from map.arrow', async () => {
		const { page, errors, data } = await withoutWasm();
		const { towns } = manifestOf();
		const filter: Filter = { ...EMPTY_FILTER, towns: [towns[0]!.code], yearTo: 2000 };
		await page.goto(`${server.url}/budget?filter=${encodeURIComponent(pipelineSearch(filter))}`);
		await settled(page);
		expect(await page.textContent('[data-testid="basis-filter"]')).toContain(towns[0]!.name);
		expect(await yearCells(page)).toEqual((await sqlRun(filter)).cells);
		expect(data.filter((f) => f.endsWith('.parquet'))).toEqual([]);
		await page.screenshot({ path: 'test-results/budget-first-filter.png', fullPage: true });
		expect(errors).toEqual([]);
	});
});
