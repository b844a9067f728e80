// The public site on a phone profile: 360×740, touch, Chromium's CPU throttled ×4 and a slow network (a fast 3G
// link: 1.6 Mbit/s down, 150 ms), a fresh context per run. Measures navigation → headline figures shown,
// → the map's first idle, and → the search's first answer; and lists what the first load fetched (path, kind,
// bytes) up to the map's idle, so a font, a wasm or a chunk the first screen does not need shows up.
import { existsSync } from 'node:fs';
import { launchBrowser } from '../../tests/browser/browser';
import { startStatic } from '../../tests/browser/server';

export interface PublicBench {
	runs: number;
	/** Navigation → the headline figures in the page (visible). */
	headlineMs: number[];
	/** The browser's first contentful paint (from the navigation's start). */
	firstPaintMs: number[];
	mapIdleMs: number[];
	searchReadyMs: number[];
	/** The first run's requests up to the map's idle: path (from the site's root), resource type, bytes. */
	firstLoad: { path: string; type: string; bytes: number }[];
}

/** Chromium's network throttling for the profile: a fast 3G link. */
const SLOW_NETWORK = {
	offline: false,
	latency: 150,
	downloadThroughput: (1.6 * 1024 * 1024) / 8,
	uploadThroughput: (750 * 1024) / 8
};

/** How long the search may take to answer before the run records a miss. */
const SEARCH_TIMEOUT = 240_000;

export async function benchPublic(runs: number, dir = 'build-public'): Promise<PublicBench> {
	if (!existsSync(`${dir}/progress/index.html`)) throw new Error('npm run build:public first');
	const server = await startStatic(dir);
	const browser = await launchBrowser();
	const out: PublicBench = {
		runs,
		headlineMs: [],
		firstPaintMs: [],
		mapIdleMs: [],
		searchReadyMs: [],
		firstLoad: []
	};
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
			await cdp.send('Network.enable');
			await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
			const requests: PublicBench['firstLoad'] = [];
			let recording = i === 0;
			page.on('requestfinished', (r) => {
				if (!recording) return;
				void r.sizes().then((s) =>
					requests.push({
						path: r.url().slice(server.url.length),
						type: r.resourceType(),
						bytes: s.responseBodySize
					})
				);
			});
			const t0 = Date.now();
			// from the navigation's start, not its load event: the headline may show long before every script
			await page.goto(`${server.url}/progress/`, { waitUntil: 'commit' });
			await page.waitForSelector('[data-figure="renovated"]', { timeout: 120_000 });
			out.headlineMs.push(Date.now() - t0);
			// in the DOM is not yet on the screen: the first contentful paint too (the later of the two is when a
			// resident sees the figures)
			const fcp = await page.waitForFunction(
				() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
				undefined,
				{ timeout: 120_000 }
			);
			out.firstPaintMs.push((await fcp.jsonValue()) as number);
			await page.waitForSelector('.map[data-map-idle="true"]', { timeout: 180_000 });
			out.mapIdleMs.push(Date.now() - t0);
			recording = false;
			// any answer will do (the list is in the page, empty or not, once the search has answered)
			await page.getByLabel('小区名称、地址或拼音首字母').fill('小区');
			// not answered within the timeout: recorded as NaN (a miss, printed as such), the run goes on
			const answered = await page
				.waitForSelector('[data-testid="results"]', { state: 'attached', timeout: SEARCH_TIMEOUT })
				.then(
					() => true,
					() => false
				);
			out.searchReadyMs.push(answered ? Date.now() - t0 : NaN);
			if (i === 0) out.firstLoad = requests;
			await context.close();
			process.stdout.write('.');
		}
	} finally {
		await browser.close();
		await server.stop();
	}
	return out;
}
