// /budget in the browser (issue 13: its chart ≤ 2 s at the 乐清 size): navigation → the budget chart shown
// (`[data-testid="budget-chart"]`, drawn from the worker's first run), a fresh browser context per run, every
// request off the server's origin aborted and counted; and the size of the budget-inputs.arrow the page's worker
// fetches. Timings are recorded, never asserted.
import { existsSync, statSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { INPUTS_FILE } from '../../src/lib/files/budget-inputs-file';

export interface BudgetPageRuns {
	/** Navigation → the chart visible, ms, per run that showed it. */
	chartMs: number[];
	/**
	 * Of which, from the page's marks (ms from navigation, per run): the worker holding the inputs, the data's
	 * state judged (every verdict under the policy in force), the first scenario runs back on the page.
	 */
	inputsMs: number[];
	stateMs: number[];
	firstRunMs: number[];
	/** Runs that did not show the chart within the time allowed, with why (first line). */
	failures: string[];
	/** budget-inputs.arrow as published with this size's data, MB (null: the build has none). */
	inputsMB: number | null;
	offOrigin: number;
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
	const file = `${dataDir}/${INPUTS_FILE}`;
	const out: BudgetPageRuns = {
		chartMs: [],
		inputsMs: [],
		stateMs: [],
		firstRunMs: [],
		failures: [],
		inputsMB: existsSync(file) ? Math.round((statSync(file).size / 2 ** 20) * 10) / 10 : null,
		offOrigin: 0
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
	return out;
}
