// A worker that fails to load is said on the page, not waited on (issue 23): /budget with its simulator's script
// answering 404 shows an alert naming the budget simulator's worker, in Chinese and, with ?lang=en, in English —
// before the one worker client (src/lib/util/worker-client.ts) it said “loading” for ever.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchedPage, type Watched } from '../../scripts/lib/harness/browser';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { closeSite, openSite } from './site';

let server: Preview;
let browser: Browser;
const pages: Watched[] = [];

beforeAll(async () => {
	({ server, browser } = await openSite());
});

afterAll(() => closeSite({ server, browser }, pages, { errors: false }));

/** /budget with the simulator's worker script (`_app/immutable/workers/worker-*.js`) answering 404. */
async function budgetWithoutItsWorker(search: string): Promise<{ alert: string; refused: string[] }> {
	const w = await watchedPage(browser, server.url);
	pages.push(w);
	const refused: string[] = [];
	await w.page.route(/\/workers\/worker-[^/]*\.js$/, (route) => {
		refused.push(route.request().url());
		return route.fulfill({ status: 404, body: 'not found' });
	});
	await w.page.goto(`${server.url}/budget${search}`);
	const alert = w.page.getByRole('alert').first();
	await alert.waitFor({ timeout: 120_000 });
	await w.page.screenshot({ path: `test-results/budget-worker-404${search ? '-en' : ''}.png` });
	return { alert: (await alert.textContent()) ?? '', refused };
}

describe('/budget when its worker cannot be loaded', () => {
	it('says so in Chinese: the budget simulator’s worker could not be loaded, reload the page', async () => {
		const { alert, refused } = await budgetWithoutItsWorker('');
		expect(refused.length).toBeGreaterThan(0);
		expect(alert).toContain('预算模拟的后台线程未能加载');
		expect(alert).toContain('请刷新页面');
	});

	it('…and in English with ?lang=en', async () => {
		const { alert } = await budgetWithoutItsWorker('?lang=en');
		expect(alert).toContain("The budget simulator's worker could not be loaded");
	});
});
