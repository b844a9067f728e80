// The public site on a phone profile: 360×740, touch, Chromium's CPU throttled ×4, a fresh context per run.
// Measures navigation → headline figures shown (from summary.json, before DuckDB-WASM loads), → the map's
// first idle, and → DuckDB-WASM ready (the search works). Serves build-public as plain files.
import { existsSync } from 'node:fs';
import { launchBrowser } from '../../tests/browser/browser';
import { startStatic } from '../../tests/browser/server';

export interface PublicBench {
	runs: number;
	headlineMs: number[];
	mapIdleMs: number[];
	searchReadyMs: number[];
}

export async function benchPublic(runs: number): Promise<PublicBench> {
	if (!existsSync('build-public/progress.html')) throw new Error('npm run build:public first');
	const server = await startStatic('build-public');
	const browser = await launchBrowser();
	const out: PublicBench = { runs, headlineMs: [], mapIdleMs: [], searchReadyMs: [] };
	try {
		for (let i = 0; i < runs; i++) {
			const context = await browser.newContext({
				viewport: { width: 360, height: 740 },
				deviceScaleFactor: 2,
				isMobile: true,
				hasTouch: true,
				locale: 'zh-CN'
			});
			const page = await context.newPage();
			const cdp = await context.newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
			const t0 = Date.now();
			await page.goto(`${server.url}/progress`);
			await page.waitForSelector('[data-figure="renovated"]', { timeout: 120_000 });
			out.headlineMs.push(Date.now() - t0);
			await page.waitForSelector('.map[data-map-idle="true"]', { timeout: 180_000 });
			out.mapIdleMs.push(Date.now() - t0);
			// any answer will do (the list is in the page, empty or not, once DuckDB-WASM has answered)
			await page.getByLabel('小区名称、地址或拼音首字母').fill('小区');
			await page.waitForSelector('[data-testid="results"]', { state: 'attached', timeout: 180_000 });
			out.searchReadyMs.push(Date.now() - t0);
			await context.close();
			process.stdout.write('.');
		}
	} finally {
		await browser.close();
		await server.stop();
	}
	return out;
}
