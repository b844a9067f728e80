// The planners' simulator /budget: numbers equal the engine's for the same inputs; scenarios compared, saved,
// shared and exported.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { polygon } from '@turf/helpers';
import { estimateRates, history, type PipelineCommunity } from '../../src/lib/budget/forecast';
import { pipelineFilter } from '../../src/lib/budget/pipeline-filter';
import { defaultBudgets, waitingList, type PlanHistoryRow } from '../../src/lib/budget/plan-state';
import { HISTORY_SQL, pipelineSql, planHistorySql } from '../../src/lib/budget/queries';
import { defaultScenario, paramsOf, PLAN_YEARS, type Scenario } from '../../src/lib/budget/scenario';
import { firstOpenYear, simulate } from '../../src/lib/budget/simulate';
import { EMPTY_FILTER, type Filter } from '../../src/lib/filter/filters';
import type { Manifest } from '../../src/lib/files/manifest';
import { candidatesSql } from '../../src/lib/filter/queries';
import { communityStatus, nextPlan } from '../../src/lib/verdict/status';
import { readInputs } from '../../src/lib/budget/inputs';
import { ScenarioJudge } from '../../src/lib/budget/scenario-run';
import { pipelineFrom, verdictsUnder } from '../../src/lib/budget/verdicts';
import { runInputsOf } from '../../src/lib/files/budget-inputs-file';
import { scenarioToParam } from '../../src/lib/budget/storage';
import { money } from '../../src/lib/i18n/format';
import {
	policyFor,
	rankCandidates,
	YUEQING_2023,
	type BudgetCandidate,
	type PolicyParams
} from '../../src/lib/policy';
import type { ProgressSummary } from '../../src/lib/progress/summary';
import { watchedPage, type Watched } from '../../scripts/lib/harness/browser';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { closeSite, openSite } from './site';
import { directSql } from './sql';

let server: Preview;
let browser: Browser;
let w: Watched;
const BUDGET_WAN = 15_000; // 1.5亿 a year: enough to fund some, not all

beforeAll(async () => {
	({ server, browser, w } = await openSite({ watch: true }));
});

afterAll(() => closeSite({ server, browser }, [w]));

async function settled(page: Page) {
	await page.waitForSelector('[data-testid="year-table"]', { timeout: 120_000 });
	await page.waitForSelector('[data-testid="status"][data-running="false"]', { timeout: 60_000 });
}

async function yearCells(page: Page, scenario = 0) {
	return page.$$eval(`[data-testid="year-table"] tr[data-scenario="${scenario}"]`, (rows) =>
		rows.map((r) => ({
			year: Number(r.getAttribute('data-year')),
			budget: r.querySelector('[data-col="budget"]')?.textContent,
			demand: r.querySelector('[data-col="demand"]')?.textContent,
			funded: r.querySelector('[data-col="funded"]')?.textContent
		}))
	);
}

const manifestOf = () => JSON.parse(readFileSync('build/data/manifest.json', 'utf8')) as Manifest;

/** The page's default scenario, computed in Node: its SQL over the same files, the engine's functions. */
async function defaultRun(filter: Filter | null = null) {
	const { asOf } = manifestOf();
	const pipeline = await directSql<PipelineCommunity>(pipelineSql(filter));
	const h = history(await directSql<PipelineCommunity>(HISTORY_SQL));
	const s = defaultScenario('x', 0, estimateRates(h));
	const open = firstOpenYear(asOf, paramsOf(s, YUEQING_2023));
	const rows = await directSql<PlanHistoryRow>(planHistorySql(filter));
	const all = await directSql<PipelineCommunity>(pipelineSql(null));
	const fallback = all.reduce((a, c) => a + c.subsidy, 0) / PLAN_YEARS.length;
	const d = defaultBudgets(rows, open, fallback);
	s.budgets = { ...d.budgets };
	if (filter) s.pipeline = { kind: 'filter', search: '' };
	return { s, d, open, rows, result: simulate(pipeline, s, h, asOf) };
}

const cellsOf = (
	years: { year: number; budget: number; demand: number; funded: number; fundedAmount: number }[]
) =>
	years.map((y) => ({
		year: y.year,
		budget: money(y.budget),
		demand: money(y.demand),
		funded: `${y.funded}个 · ${money(y.fundedAmount)}`
	}));

/** The same run in Node: the page's SQL over the same files, the engine's simulation. */
async function expected(change: (s: Scenario) => void = () => {}) {
	const manifest = manifestOf();
	const pipeline = await directSql<PipelineCommunity>(pipelineSql(null));
	const h = history(await directSql<PipelineCommunity>(HISTORY_SQL));
	const s = defaultScenario('x', BUDGET_WAN * 10_000, estimateRates(h));
	change(s);
	// a policy change judges every community again (the worker's ScenarioJudge; its verdicts are checked against
	// communityStatus below, and its pipeline under the policy in force against pipelineSql)
	const result =
		Object.keys(s.policy).length === 0
			? simulate(pipeline, s, h, manifest.asOf)
			: ScenarioJudge.of(await readInputs((sql) => directSql(sql)), manifest.asOf).run(s, h, null).result;
	return result.years.map((y) => ({
		year: y.year,
		budget: money(y.budget),
		demand: money(y.demand),
		funded: `${y.funded}个 · ${money(y.fundedAmount)}`
	}));
}

async function setBudgets(page: Page, wan: number) {
	for (const y of PLAN_YEARS) {
		const input = page.locator(`[data-budget="${y}"]`);
		await input.fill(String(wan));
		await input.press('Enter');
		await input.blur();
	}
	await page.waitForFunction(
		(v) => document.querySelector('[data-testid="year-table"] [data-col="budget"]')?.textContent === v,
		money(wan * 10_000)
	);
	await settled(page);
}

describe('the budget simulator /budget', () => {
	it('§三(四): the map’s candidates, the simulator’s first open year and /progress’s 列入计划 agree (same SQL and engine)', async () => {
		const { asOf } = manifestOf();
		const { result, open } = await defaultRun();
		// the map: 可列入{year}年计划 is nextPlan's year, its list candidatesSql ranked by the engine
		expect(open).toBe(nextPlan(asOf, YUEQING_2023).year);
		const map = rankCandidates(
			await directSql<BudgetCandidate & { name: string }>(candidatesSql(EMPTY_FILTER))
		);
		// none in the example: no town review has passed for the open plan yet (§三(四)); the agreement still holds
		// the simulator: the years before are decided; the map's candidates are exactly its data-ready ones, first
		expect(result.years.map((y) => y.decided)).toEqual(PLAN_YEARS.map((y) => y < open));
		const first = result.outcomes
			.filter((o) => o.fundedYear === open && o.reason.code === 'funded')
			.sort((a, b) =>
				a.reason.code === 'funded' && b.reason.code === 'funded' ? a.reason.rank - b.reason.rank : 0
			);
		const ready = result.outcomes.filter((o) => o.readyForPlan);
		expect(ready.map((o) => o.id).sort()).toEqual(map.map((c) => c.id).sort());
		expect(ready.every((o) => !o.planned && !o.milestones.forecast)).toBe(true);
		expect(first.slice(0, map.length).map((o) => o.id)).toEqual(map.map((c) => c.id));
		expect(
			waitingList(result.outcomes)
				.slice(0, map.length)
				.map((o) => o.id)
		).toEqual(map.map((c) => c.id));
		// §三(四): funds in and the town review begun is not a candidate: forecast, not ready on the data date
		const awaiting = await directSql<{ id: string }>('SELECT id FROM community_view WHERE awaiting_review');
		const byId = new Map(result.outcomes.map((o) => [o.id, o]));
		for (const { id } of awaiting) {
			expect(byId.get(id)?.readyForPlan, id).toBe(false);
			expect(byId.get(id)?.milestones.forecast, id).toBe(true);
		}
		// /progress: its 已列入计划、待开工 in the plan for asOfYear+1, with those of that plan already building, are
		// the simulator's decided year of that number
		const summary = JSON.parse(readFileSync('build/data/summary.json', 'utf8')) as ProgressSummary;
		const year = Number(asOf.slice(0, 4)) + 1;
		const planned = result.years.find((y) => y.year === year)!;
		const [building] = await directSql<{ n: number }>(
			`SELECT count(*)::INT AS n FROM community_view v WHERE stage = 'construction' AND (SELECT year(min(e.date)) + 1
			 FROM stage_events e WHERE e.community_id = v.id AND e.stage = 'annual-plan') = ${year}`
		);
		const inPlan = (summary.planned.years.find((y) => y.year === year)?.communities ?? 0) + building!.n;
		expect(inPlan).toBeGreaterThan(0);
		expect(planned.decided).toBe(true);
		expect(planned.funded).toBe(inPlan);
		expect(result.outcomes.filter((o) => o.planned && o.fundedYear === planned.year).length).toBe(inPlan);
	});

	it('opens on the data’s state: decided years marked, the default budget from the plans, no invented surplus', async () => {
		const { page } = w;
		await page.goto(server.url + '/budget');
		await settled(page);
		const { result, d, open } = await defaultRun();
		expect(await yearCells(page)).toEqual(cellsOf(result.years));
		const status = await page.$$eval('[data-testid="year-table"] tr[data-scenario="0"]', (rows) =>
			rows.map((r) => [Number(r.getAttribute('data-year')), r.getAttribute('data-decided')])
		);
		expect(status).toEqual(PLAN_YEARS.map((y) => [y, String(y < open)]));
		// decided years: the budget is what the plan holds, nothing unspent; open years: the plans' average
		for (const y of result.years.filter((x) => x.decided)) expect(y.unspent).toBe(0);
		expect(d.budgets[open]).toBeLessThan(25_000 * 10_000);
		expect(await page.textContent('[data-testid="budget-basis"]')).toContain(`${open}年以前各年度计划已定`);
		// the funded list opens on the first open year, and marks the data's plans apart from the forecast
		expect(await page.locator('[data-testid="list-year"]').inputValue()).toBe(String(open));
		await page.locator('[data-testid="list-year"]').selectOption(String(open - 1));
		const marks = await page.$$eval('[data-testid="funded-list"] [data-col="status"]', (els) =>
			els.map((e) => e.getAttribute('data-planned'))
		);
		expect(marks.length).toBe(result.years.find((y) => y.year === open - 1)!.funded);
		expect(new Set(marks)).toEqual(new Set(['true']));
		await page.locator('[data-testid="list-year"]').selectOption(String(open));
		// the chart: decided years on their own ground; the key's funded swatch is not the base scenario's colour
		expect(
			await page.$$eval('[data-testid="budget-chart"] rect.decided', (els) =>
				els.map((e) => Number(e.getAttribute('data-decided-year')))
			)
		).toEqual(PLAN_YEARS.filter((y) => y < open));
		const colour = (sel: string) =>
			page.$$eval(`[data-testid="budget-chart"] figcaption ${sel}`, (els) =>
				els.map((e) => getComputedStyle(e).backgroundColor)
			);
		const scenarioColours = await colour('.sw:not(.light):not(.dark):not(.ground)');
		expect(scenarioColours.length).toBe(1);
		for (const c of [...(await colour('.sw.light')), ...(await colour('.sw.dark'))])
			expect(scenarioColours).not.toContain(c);
		// the waiting list (§三(一)) shows the share raised
		expect(await page.textContent('[data-testid="waiting-list"] thead')).toContain('资金到位比例');
		const waiting = await page.$$eval('[data-testid="waiting-list"] tbody tr', (rows) =>
			rows.map((r) => r.getAttribute('data-id'))
		);
		expect(waiting).toEqual(
			waitingList(result.outcomes)
				.slice(0, waiting.length)
				.map((o) => o.id)
		);
		expect(waiting.length).toBe(Math.min(100, result.outcomes.filter((o) => !o.planned).length));
		await page.screenshot({ path: 'test-results/budget-state.png' });
		await page.locator('[data-testid="budget-chart"]').screenshot({ path: 'test-results/budget-chart.png' });
	});

	it('a budget change gives the chart and year table the engine’s figures for the same inputs', async () => {
		const { page } = w;
		await page.goto(server.url + '/budget');
		await settled(page);
		await setBudgets(page, BUDGET_WAN);
		expect(await yearCells(page)).toEqual(await expected());
		const bars = await page.$$eval('[data-testid="budget-chart"] rect.demand[data-scenario="0"]', (els) =>
			els.map((e) => Number(e.getAttribute('data-demand')))
		);
		expect(bars.length).toBe(PLAN_YEARS.length);
		// the map colours each community by its funded year: the legend counts are the year table's
		await page.waitForSelector('[data-testid="year-map"] [data-map-idle="true"]', { timeout: 60_000 });
		const legend = await page.$$eval('[data-testid="year-map"] li', (els) =>
			Object.fromEntries(
				els.map((e) => [e.getAttribute('data-class'), Number(e.querySelector('.n')?.textContent)])
			)
		);
		const years = await expected();
		for (const y of years) expect(`${legend[String(y.year)]}个`).toBe(y.funded.split(' · ')[0]);
		await page.screenshot({ path: 'test-results/budget.png' });
		await page.locator('[data-testid="year-map"]').screenshot({ path: 'test-results/budget-map.png' });
	});

	it('a wrong input is named and the last good scenario keeps running', async () => {
		const { page } = w;
		const before = await yearCells(page);
		await page.locator('[data-budget="2025"]').fill('-5');
		await page.locator('[data-budget="2025"]').blur();
		await expect
			.poll(() => page.textContent('[data-testid="problems"]'))
			.toContain('2025年预算应为不小于 0 的金额');
		expect(await yearCells(page)).toEqual(before);
		await page.locator('[data-budget="2025"]').fill(String(BUDGET_WAN));
		await page.locator('[data-budget="2025"]').blur();
		await page.waitForSelector('[data-testid="problems"]', { state: 'detached' });
	});

	it('compares a second scenario (lower cap) with the base: Δ and who moves, as the engine says', async () => {
		const { page } = w;
		await page.getByTestId('add').click();
		await page.locator('[data-param="subsidyCapPerM2"]').fill('200');
		await page.locator('[data-param="subsidyCapPerM2"]').blur();
		await page.waitForSelector('[data-testid="diff"]');
		await settled(page);
		expect(await yearCells(page, 1)).toEqual(await expected((s) => (s.policy = { subsidyCapPerM2: 200 })));
		const diff = await page.textContent('[data-testid="diff"]');
		expect(diff).toMatch(/−|\+/);
		await page.screenshot({ path: 'test-results/budget-compare.png', fullPage: true });
	});

	it('saves in the browser (still there after a reload), shares by URL, exports XLSX with the right numbers', async () => {
		const { page } = w;
		await page.locator('.editor input').first().fill('低上限情景');
		await page.locator('.editor input').first().blur();
		await page.getByTestId('save').click();
		await page.reload();
		await settled(page);
		const saved = await page.$$eval('[data-testid="open"] option', (os) => os.map((o) => o.textContent));
		expect(saved).toContain('低上限情景');
		// the scenarios open before the reload come back, in order
		const tabs = () => page.$$eval('.tab button[role="tab"]', (bs) => bs.map((b) => b.textContent));
		expect(await tabs()).toEqual(['基准情景', '低上限情景']);
		// opening the saved one again, or copying, never gives two scenarios one name
		await page.getByTestId('open').selectOption('低上限情景');
		await settled(page);
		expect(await tabs()).toEqual(['基准情景', '低上限情景', '低上限情景 (2)']);
		await page.locator('.tab button[aria-label="移除 低上限情景 (2)"]').click();
		// typing a name another scenario has is refused, with a message
		await page.locator('.tab button[role="tab"]').first().click();
		await page.locator('.editor input').first().fill('低上限情景');
		await page.locator('.editor input').first().blur();
		await expect.poll(() => page.textContent('[data-testid="problems"]')).toContain('已被另一情景使用');
		expect(await tabs()).toEqual(['基准情景', '低上限情景']);
		await page.locator('.editor input').first().fill('基准情景');
		await page.locator('.editor input').first().blur();
		await page.waitForSelector('[data-testid="problems"]', { state: 'detached' });
		await page.locator('.tab button[role="tab"]').nth(1).click();
		await page.getByTestId('share').click();
		const link = await page.getByTestId('share-link').inputValue();
		const other = await watchedPage(browser, server.url);
		await other.page.goto(link);
		await settled(other.page);
		expect(await other.page.locator('.tab.on button').textContent()).toBe('低上限情景');
		expect(await yearCells(other.page)).toEqual(await expected((s) => (s.policy = { subsidyCapPerM2: 200 })));
		expect(other.errors).toEqual([]);

		const [download] = await Promise.all([
			other.page.waitForEvent('download'),
			other.page.getByTestId('xlsx').click()
		]);
		const file = 'test-results/budget.xlsx';
		await download.saveAs(file);
		const { default: ExcelJS } = await import('exceljs');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(file);
		expect(wb.worksheets.map((s) => s.name)).toEqual([
			'汇总',
			'2024年',
			'2025年',
			'2026年',
			'2027年',
			'2028年',
			'截至2028年仍未安排',
			'说明'
		]);
		const manifest = JSON.parse(readFileSync('build/data/manifest.json', 'utf8')) as Manifest;
		// issue 19: the workbook keeps the data date it was run from
		expect(wb.getWorksheet('说明')!.getRow(3).values).toEqual([undefined, '数据截至', manifest.asOf]);
		const h = history(await directSql<PipelineCommunity>(HISTORY_SQL));
		const s = defaultScenario('x', BUDGET_WAN * 10_000, estimateRates(h));
		s.policy = { subsidyCapPerM2: 200 };
		const r = ScenarioJudge.of(await readInputs((sql) => directSql(sql)), manifest.asOf).run(
			s,
			h,
			null
		).result;
		const summary = wb.getWorksheet('汇总')!;
		expect(summary.getRow(1).getCell(1).value).toBe('年度');
		r.years.forEach((y, i) => {
			const row = summary.getRow(i + 2);
			expect([row.getCell(1).value, row.getCell(3).value, row.getCell(4).value]).toEqual([
				y.year,
				y.demand,
				y.funded
			]);
		});
		expect(wb.getWorksheet('2028年')!.rowCount - 1).toBe(r.years.at(-1)!.funded);
	});

	it('a broken scenario file gets a clear message and changes nothing', async () => {
		const { page } = w;
		const before = await yearCells(page);
		const bad = 'test-results/broken.scenario.json';
		writeFileSync(bad, JSON.stringify({ version: 2, name: '坏情景', budgets: { 2024: -1 } }));
		await page.getByTestId('import').setInputFiles(bad);
		await expect
			.poll(() => page.textContent('[data-testid="message"]'))
			.toContain('情景文件“broken.scenario.json”无法读取');
		expect(await yearCells(page)).toEqual(before);
	});

	it('a filter from the map keeps its drawn area, is shown in words, and a shared scenario runs on its own filter', async () => {
		const { page } = w;
		await page.goto(server.url + '/?towns=330382002');
		await page.waitForSelector('[data-testid="kpis"][aria-busy="false"]', { timeout: 90_000 });
		await page.waitForSelector('[data-map-idle="true"]', { timeout: 30_000 });
		await page.getByRole('button', { name: '画区域' }).click();
		const box = (await page.locator('.map').boundingBox())!;
		const cx = box.x + box.width * 0.45;
		const cy = box.y + box.height * 0.7;
		for (const [dx, dy] of [
			[-150, -150],
			[150, -150],
			[150, 150],
			[-150, 150]
		])
			await page.mouse.click(cx + dx!, cy + dy!);
		await page.getByRole('button', { name: '完成' }).click();
		await page.waitForFunction(() => location.search.includes('poly='));
		const poly = new URL(page.url()).searchParams
			.get('poly')!
			.split(';')
			.map((p) => p.split(',').map(Number) as [number, number]);
		const shape = polygon([[...poly, poly[0]!]]);
		const all = await directSql<{ id: string; lon: number; lat: number }>(
			'SELECT id, lon, lat FROM community_view'
		);
		const inside = all.filter((c) => booleanPointInPolygon([c.lon, c.lat], shape)).map((c) => c.id);
		await page.getByTestId('budget-link').click();
		await page.waitForURL(/\/budget/);
		await settled(page);
		const search = new URL(page.url()).searchParams.get('filter')!;
		const sent = pipelineFilter(search);
		expect(sent.towns).toEqual(['330382002']);
		// the drawn area travels as its polygon (a short link), resolved over the map's columns when it runs: the
		// run below must equal the engine's over the communities inside it
		expect(sent.polygon).toEqual(poly);
		expect(search).not.toContain('area=');
		expect(inside.length).toBeGreaterThan(0);
		const filter = { ...sent, area: inside };
		const words = await page.textContent('[data-testid="pipeline-filter"]');
		expect(words).toContain('乐成街道');
		expect(words).toContain('地图上绘制的区域内');
		expect(words).not.toContain('towns=');
		expect(await page.textContent('[data-testid="basis-filter"]')).toContain('乐成街道');
		const run = await defaultRun(filter);
		expect(run.result.outcomes.length).toBeGreaterThan(0);
		expect(await yearCells(page)).toEqual(cellsOf(run.result.years));
		await page.screenshot({ path: 'test-results/budget-filter.png' });

		// shared, the scenario runs on its own filter on a page opened without one
		await page.getByTestId('share').click();
		const link = await page.getByTestId('share-link').inputValue();
		const other = await watchedPage(browser, server.url);
		await other.page.goto(link);
		await settled(other.page);
		expect(await yearCells(other.page)).toEqual(cellsOf(run.result.years));
		expect(other.errors).toEqual([]);
	});
});

describe('a policy change on /budget: every verdict judged again under the scenario', () => {
	/** Every community's status under `params`, by the engine's communityStatus, on the built files. */
	async function engineVerdicts(params: PolicyParams) {
		const { asOf } = manifestOf();
		const d = await readInputs((sql) => directSql(sql));
		const of = <T extends { community_id: string }>(rows: readonly T[], id: string) =>
			rows.filter((r) => r.community_id === id);
		return d.communities.map((c, i) =>
			communityStatus(
				{
					community: c,
					town: d.towns.find((t) => t.code === c.town_code)!,
					works: of(d.works, c.id),
					votes: of(d.votes, c.id),
					funds: of(d.funds, c.id),
					stages: of(d.stage_events, c.id)
				},
				asOf,
				params,
				i
			)
		);
	}

	it('§二(一): cutoff 2005-12-31 — communities turn eligible in the Δ list and on the scenario map, as the engine says', async () => {
		const { page, errors } = await watchedPage(browser, server.url);
		await page.goto(server.url + '/budget');
		await settled(page);
		const base = policyFor(manifestOf().asOf)!;
		const [before, after] = await Promise.all([
			engineVerdicts(base),
			engineVerdicts({ ...base, builtBeforeCutoff: '2005-12-31' })
		]);
		const turned = before
			.filter((b, i) => b.eligibility === 'ineligible' && after[i]!.eligibility !== 'ineligible')
			.map((b) => b.id)
			.sort();
		expect(turned.length).toBeGreaterThan(0);

		// a value out of the table's bounds is refused, naming the field and its bounds; the last good run stays
		const approval = page.locator('[data-param="approvalThreshold"]');
		expect(await approval.inputValue()).toBe('75');
		await approval.fill('40');
		await approval.blur();
		await expect
			.poll(() => page.textContent('[data-testid="problems"]'))
			.toContain('表决同意率（面积、人数）（§三(一)）应在 50% – 100% 之间，现为 40%');
		expect(await page.$('[data-testid="impact"]')).toBeNull();
		await approval.fill('75');
		await approval.blur();
		await page.waitForSelector('[data-testid="problems"]', { state: 'detached' });

		const cutoff = page.locator('[data-param="builtBeforeCutoff"]');
		expect(await cutoff.inputValue()).toBe('2000-12-31');
		await cutoff.fill('2005-12-31');
		await cutoff.blur();
		await page.waitForSelector('[data-testid="impact"]', { timeout: 60_000 });
		await settled(page);
		const listed = await page.$$eval('[data-testid="impact"] [data-group="eligible"] li[data-id]', (els) =>
			els.map((e) => e.getAttribute('data-id')!)
		);
		expect(listed.sort()).toEqual(turned);
		expect(await page.textContent('[data-testid="impact"] [data-group="eligible"] [data-count]')).toBe(
			String(turned.length)
		);

		// the scenario map, coloured by eligibility under the scenario: its legend counts are the engine's
		await page.getByTestId('map-mode').selectOption('eligibility');
		await page.waitForSelector('[data-testid="year-map"] [data-map-idle="true"]', { timeout: 60_000 });
		const legend = Object.fromEntries(
			await page.$$eval('[data-testid="year-map"] li', (els) =>
				els.map((e) => [e.getAttribute('data-class'), Number(e.querySelector('.n')?.textContent)])
			)
		) as Record<string, number>;
		for (const cls of ['eligible-priority', 'eligible', 'conditional', 'ineligible'])
			expect(legend[cls], cls).toBe(after.filter((s) => s.eligibility === cls).length);
		expect(legend.ineligible).toBeLessThan(before.filter((s) => s.eligibility === 'ineligible').length);

		await page.screenshot({ path: 'test-results/budget-cutoff-zh.png', fullPage: true });
		await page.getByTestId('impact').screenshot({ path: 'test-results/budget-cutoff-impact-zh.png' });
		await page.getByTestId('year-map').screenshot({ path: 'test-results/budget-cutoff-map-zh.png' });
		await page.getByTestId('editor').screenshot({ path: 'test-results/budget-cutoff-editor-zh.png' });
		await page.getByTestId('lang-switch').click();
		await page.waitForSelector('[data-testid="impact"] h2:has-text("What the policy changes do")');
		await page.screenshot({ path: 'test-results/budget-cutoff-en.png', fullPage: true });
		await page.getByTestId('impact').screenshot({ path: 'test-results/budget-cutoff-impact-en.png' });
		await page.getByTestId('editor').screenshot({ path: 'test-results/budget-cutoff-editor-en.png' });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.getByTestId('lang-switch').click();
		await page.waitForSelector('[data-testid="impact"] h2:has-text("政策调整的影响")');
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(390);
		await page.screenshot({ path: 'test-results/budget-cutoff-390.png' });
		await page.getByTestId('impact').screenshot({ path: 'test-results/budget-cutoff-impact-390.png' });
		await page.getByTestId('editor').screenshot({ path: 'test-results/budget-cutoff-editor-390.png' });
		expect(errors).toEqual([]);
	});

	it('under the policy in force, the pipeline from the judged verdicts is the one pipelineSql reads', async () => {
		const { asOf } = manifestOf();
		const inputs = await readInputs((sql) => directSql(sql));
		const base = verdictsUnder(inputs, asOf, policyFor(asOf)!);
		const judged = pipelineFrom(runInputsOf(inputs, base).communities, base, base, null);
		expect(judged).toEqual(await directSql<PipelineCommunity>(pipelineSql(null)));
	});

	it('a shared link with an unknown policy field is refused, naming the field', async () => {
		const { page } = await watchedPage(browser, server.url);
		const h = history(await directSql<PipelineCommunity>(HISTORY_SQL));
		const s = { ...defaultScenario('坏链接', 0, estimateRates(h)), policy: { cutoff: '2005-12-31' } };
		await page.goto(`${server.url}/budget?s=${scenarioToParam(s)}`);
		await expect
			.poll(() => page.textContent('[data-testid="link-problems"]'), { timeout: 120_000 })
			.toContain('policy.cutoff');
		expect(await page.textContent('[data-testid="link-problems"]')).toContain('未知的政策参数');
	});
});
