// /budget in the browser (issue 13: its chart ≤ 2 s at the 乐清 size): navigation → the budget chart shown
// (`[data-testid="budget-chart"]`, drawn from the worker's first run), a fresh browser context per run, every
// request off the server's origin aborted and counted; the sizes of the files the page's worker fetches
// (budget-inputs.arrow at once, budget-verdict-inputs.arrow only for a scenario changing a policy field); the date
// and the machine's load average (it is shared). Timings are recorded, never asserted.
import { existsSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { INPUTS_FILE, VERDICT_INPUTS_FILE } from '../../src/lib/files/budget-inputs-file';

export interface BudgetPageRuns {
	/** Navigation → the chart visible, ms, per run that showed it. */
	chartMs: number[];
	/**
	 * Of which, from the page's marks (ms from navigation, per run): the worker holding the inputs (the build's
	 * verdicts in force among them), the data's state back, the first scenario runs back on the page.
	 */
	inputsMs: number[];
	stateMs: number[];
	firstRunMs: number[];
	/** Runs that did not show the chart within the time allowed, with why (first line). */
	failures: string[];
	/** budget-inputs.arrow as published with this size's data, MB (null: the build has none). */
	inputsMB: number | null;
	/** budget-verdict-inputs.arrow (fetched only for a scenario changing a policy field), MB (null: none). */
	verdictInputsMB: number | null;
	offOrigin: number;
	/** The day measured and the 1-minute load average at the start and the end (`date, a → b`). */
	measured: string;
}

/** The chart's wait: generous, so a slow run is measured rather than lost (300k on a shared machine). */
const TIMEOUT_MS = 240_000;

export async function measureBudgetPage(
	browser: Browser,
	url: string,
	dataDir: string,
	runs: number,
	progress: () => void = () => {}
): Promise<BudgetPageRuns> {
	const mb = (name: string) => {
		const file = `${dataDir}/${name}`;
		return existsSync(file) ? Math.round((statSync(file).size / 2 ** 20) * 10) / 10 : null;
	};
	const load = () => loadavg()[0]!.toFixed(1);
	const startLoad = load();
	const out: BudgetPageRuns = {
		chartMs: [],
		inputsMs: [],
		stateMs: [],
		firstRunMs: [],
		failures: [],
		inputsMB: mb(INPUTS_FILE),
		verdictInputsMB: mb(VERDICT_INPUTS_FILE),
		offOrigin: 0,
		measured: ''
	};
	const origin = new URL(url).origin;
	for (let i = 0; i < runs; i++) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
		await context.route(
			(u) => u.origin !== origin && u.protocol.startsWith('http'),
			(route) => {
				out.offOrigin++;
				return route.abort();
			}
		);
		try {
			const page = await context.newPage();
			const t0 = Date.now();
			await page.goto(url + '/budget');
			await page.waitForSelector('[data-testid="budget-chart"]', { state: 'visible', timeout: TIMEOUT_MS });
			out.chartMs.push(Date.now() - t0);
			const marks = (await page.evaluate(
				`Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))`
			)) as Record<string, number>;
			out.inputsMs.push(marks['budget:inputs'] ?? NaN);
			out.stateMs.push(marks['budget:state'] ?? NaN);
			out.firstRunMs.push(marks['budget:first-run'] ?? NaN);
		} catch (e) {
			out.failures.push((e as Error).message.split('\n')[0] ?? 'failed');
		} finally {
			await context.close();
		}
		progress();
	}
	out.measured = `${new Date().toISOString().slice(0, 10)}, ${startLoad} → ${load()}`;
	return out;
}
