// The query door against DuckDB-WASM at one generated size (issue 14): the office server (its own process, a free
// loopback port) serving that size's data build as its example; filter → KPIs through `/api/query` with the
// dashboard's connector and KPI SQL; then the map page in Chromium with `?engine=server` and with DuckDB-WASM
// (`?engine=browser`): load, filter → KPI result in the page, and the tab's memory.
import type { Browser } from 'playwright-core';
import { launchBrowser } from './harness/browser';
import { EMPTY_FILTER, type Filter } from '../../src/lib/filter/filters';
import { kpiSql } from '../../src/lib/filter/queries';
import { openServerConnector } from '../../src/lib/query/server-connector';
import { rendererMB, TIME_TOGGLES, type ToggleTiming } from './bench-page';
import { summarize, type Summary } from './load-stats';
import { startOfficeProcess } from './office-process';

export interface EngineRun {
	engine: 'server' | 'browser';
	/** Page loads that reached the KPIs (of those tried). */
	runs: number;
	tried: number;
	loadMs: Summary;
	/** Navigation → the first KPIs shown (DuckDB-WASM loaded, or the door's first answer). */
	kpisMs: Summary;
	filterToQueryMs: Summary;
	tabMB: Summary;
	/** Why a run did not finish (time limit, crash), when one did not. */
	failure?: string;
}

export interface DoorResult {
	size: string;
	communities: number;
	/** The first query: the server builds its query database from the data build's Parquet. */
	queryDbSeconds: number;
	/** Filter → KPIs through `/api/query` from Node, a different filter each time. */
	kpiMs: Summary;
	filters: number;
	/** The server's RSS after the door's queries, MB. */
	serverRssMB: number;
	engines: EngineRun[];
}

/** Distinct filters of the kinds the map's panel sets: one town, a range of completion years, both. */
function filters(towns: string[], count: number): Filter[] {
	return Array.from({ length: count }, (_, i) => {
		const town = towns[i % towns.length]!;
		const from = 1975 + (i % 20);
		if (i % 3 === 0) return { ...EMPTY_FILTER, towns: [town] };
		if (i % 3 === 1) return { ...EMPTY_FILTER, yearFrom: from, yearTo: from + 10 };
		return { ...EMPTY_FILTER, towns: [town, towns[(i + 7) % towns.length]!], yearFrom: from };
	});
}

async function pageRuns(
	browser: Browser,
	url: string,
	engine: 'server' | 'browser',
	runs: number,
	timeoutMs: number
): Promise<EngineRun> {
	const load: number[] = [];
	const kpis: number[] = [];
	const query: number[] = [];
	const tab: number[] = [];
	let failure: string | undefined;
	for (let i = 0; i < runs && !failure; i++) {
		const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
		try {
			const page = await context.newPage();
			const t0 = Date.now();
			await page.goto(`${url}/?engine=${engine}`);
			await page.waitForSelector('[data-map-idle="true"][data-painted="true"]', { timeout: timeoutMs });
			load.push(Date.now() - t0);
			await page.waitForSelector('main[data-kpi-version="1"]', { timeout: timeoutMs });
			kpis.push(Date.now() - t0);
			await page.waitForSelector('[data-painted="true"]', { timeout: 60_000 });
			const town = i % 2 === 0 ? '330382002' : '330382114';
			const steps = JSON.stringify([{ code: town, kind: 'first' }]);
			const [t] = (await page.evaluate(`(${TIME_TOGGLES})(${steps})`)) as ToggleTiming[];
			query.push(t!.kpiResult);
			tab.push(rendererMB());
		} catch (e) {
			failure = (e as Error).message.split('\n')[0];
		} finally {
			await context.close().catch(() => undefined);
		}
		process.stdout.write('.');
	}
	return {
		engine,
		runs: load.length && kpis.length === query.length ? query.length : 0,
		tried: Math.min(runs, load.length + (failure ? 1 : 0)),
		loadMs: summarize(load),
		kpisMs: summarize(kpis),
		filterToQueryMs: summarize(query),
		tabMB: summarize(tab),
		...(failure ? { failure } : {})
	};
}

export interface DoorOptions {
	/** Filters sent through the door (default 20). */
	queries: number;
	/** Page loads per engine (default 3: each is tens of seconds at these sizes). */
	pageRuns: number;
	/** Engines to open the page with; DuckDB-WASM may be left out at a size past one tab. */
	engines: ('server' | 'browser')[];
	/** One page load's time limit (default 5 min). */
	timeoutMs: number;
}

export async function benchDoor(size: string, dataDir: string, options: DoorOptions): Promise<DoorResult> {
	const office = await startOfficeProcess({ exampleDataDir: dataDir, env: { QUERY_SECONDS: '120' } });
	try {
		const door = openServerConnector(`${office.url}/api/query`);
		const t0 = performance.now();
		const [count] = await door.query<{ n: number }>('SELECT count(*) AS n FROM community_view');
		const queryDbSeconds = (performance.now() - t0) / 1000;
		const towns = (await door.query<{ code: string }>('SELECT code FROM towns ORDER BY code')).map(
			(t) => t.code
		);
		const kpi: number[] = [];
		for (const f of filters(towns, options.queries)) {
			const t = performance.now();
			await door.query(kpiSql(f));
			kpi.push(performance.now() - t);
		}
		const serverRssMB = office.rssMB();
		const browser = await launchBrowser();
		const engines: EngineRun[] = [];
		try {
			for (const engine of options.engines)
				engines.push(await pageRuns(browser, office.url, engine, options.pageRuns, options.timeoutMs));
		} finally {
			await browser.close();
		}
		return {
			size,
			communities: Number(count?.n),
			queryDbSeconds: Math.round(queryDbSeconds * 10) / 10,
			kpiMs: summarize(kpi),
			filters: kpi.length,
			serverRssMB: Math.round(serverRssMB),
			engines
		};
	} finally {
		await office.stop();
	}
}
