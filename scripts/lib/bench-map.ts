// The map page (`/`) and its peer (`/peer/`, Mosaic with pre-aggregation on the same engine and data) in one
// headless Chromium, interleaved: each run opens a fresh context for the product and one for the peer, the order
// alternating, and toggles the same towns on both. No request may leave the server's origin (counted, aborted).
import type { Browser, BrowserContext } from 'playwright-core';
import { rendererMB, TIME_TOGGLES, toggleSequence, type ToggleTiming } from './bench-page';

/** Towns toggled, three per run, rotating (every size has the 乐清 towns). */
const TOWNS = ['330382002', '330382114', '330382101', '330382004', '330382108', '330382003'];

export interface MapRuns {
	load: number[];
	heap: number[];
	tab: number[];
	ready: number[];
	firstIdle: number[];
	toggles: ToggleTiming[];
	peer: { load: number[]; tab: number[]; toggles: ToggleTiming[]; failure: string | null } | null;
	/** Requests to another origin (aborted): must stay 0. */
	offOrigin: number;
}

export async function measureMap(
	browser: Browser,
	url: string,
	runs: number,
	withPeer: boolean,
	progress: () => void
): Promise<MapRuns> {
	const out: MapRuns = {
		load: [],
		heap: [],
		tab: [],
		ready: [],
		firstIdle: [],
		toggles: [],
		peer: withPeer ? { load: [], tab: [], toggles: [], failure: null } : null,
		offOrigin: 0
	};
	const origin = new URL(url).origin;
	const open = async (width: number) => {
		const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
		await context.route(
			(u) => u.origin !== origin && u.protocol.startsWith('http'),
			(route) => {
				out.offOrigin++;
				return route.abort();
			}
		);
		return context;
	};
	const steps = (i: number) =>
		JSON.stringify(toggleSequence(TOWNS[i % 6]!, TOWNS[(i + 1) % 6]!, TOWNS[(i + 2) % 6]!));

	const product = async (i: number, context: BrowserContext) => {
		const page = await context.newPage();
		const t0 = Date.now();
		await page.goto(url + '/');
		await page.waitForSelector('[data-map-idle="true"][data-painted="true"]', { timeout: 120_000 });
		out.load.push(Date.now() - t0);
		// `/` answers from map.arrow; DuckDB-WASM opens only for an export, so nothing waits for it here
		await page.waitForSelector('main:not([data-kpi-version="0"])', { timeout: 60_000 });
		await page.waitForSelector('[data-painted="true"]', { timeout: 60_000 });
		out.toggles.push(...((await page.evaluate(`(${TIME_TOGGLES})(${steps(i)})`)) as ToggleTiming[]));
		const cdp = await context.newCDPSession(page);
		await cdp.send('Performance.enable');
		const m = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
		out.heap.push((m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20);
		out.tab.push(rendererMB());
		const marks = (await page.evaluate(
			`Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))`
		)) as Record<string, number>;
		out.ready.push(marks['map:data-and-libraries'] ?? NaN);
		out.firstIdle.push(marks['map:first-idle'] ?? NaN);
	};
	const peer = async (i: number, context: BrowserContext) => {
		const p = out.peer!;
		const page = await context.newPage();
		const t0 = Date.now();
		await page.goto(url + '/peer/index.html');
		await page.waitForSelector('main[data-ready]', { timeout: 180_000 });
		const state = await page.getAttribute('main', 'data-ready');
		if (state !== 'true') throw new Error(`peer: ${await page.getAttribute('main', 'data-error')}`);
		p.load.push(Date.now() - t0);
		if ((await page.getAttribute('main', 'data-preagg-tables')) === '0')
			throw new Error('peer: Mosaic built no pre-aggregated table');
		p.toggles.push(...((await page.evaluate(`(${TIME_TOGGLES})(${steps(i)})`)) as ToggleTiming[]));
		p.tab.push(rendererMB());
	};

	for (let i = 0; i < runs; i++) {
		const order = i % 2 === 0 ? [product, peer] : [peer, product];
		for (const f of order) {
			if (f === peer && (!out.peer || out.peer.failure)) continue;
			const context = await open(1400);
			try {
				await f(i, context);
			} catch (e) {
				if (f === product) throw e;
				out.peer!.failure = (e as Error).message.split('\n')[0] ?? 'failed';
			} finally {
				await context.close();
			}
		}
		progress();
	}
	return out;
}
