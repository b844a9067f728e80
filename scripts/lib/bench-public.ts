// The public site on a phone profile: 360×740, touch, Chromium's CPU throttled ×4 and a slow network (a fast 3G
// link: 1.6 Mbit/s down, 150 ms), a fresh context per run. Measures navigation → headline figures shown,
// → the map's first idle, and → the search's first answer; and lists what the first load fetched (path, kind,
// bytes) up to the map's idle, so a font, a wasm or a chunk the first screen does not need shows up. At every size
// of the bench (benchPublicSizes): the public build's pages with that size's data (build-public.ts --data).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { launchBrowser } from './harness/browser';
import { startStatic } from './harness/site-server';
import { stats, type Stats } from './bench-stats';

export interface PublicBench {
	runs: number;
	/** Navigation → the headline figures in the page (in the HTML: prerendered). */
	headlineMs: number[];
	/** The browser's first contentful paint (from the navigation's start). */
	firstPaintMs: number[];
	/** Navigation → the map idle with its points drawn. */
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
			// idle with its points drawn (idle alone may be the base map before the points have come)
			// not within the timeout: NaN (a miss), as for the search
			const drawn = await page
				.waitForSelector('.map[data-map-idle="true"]:not([data-points="0"])', {
					timeout: SEARCH_TIMEOUT
				})
				.then(
					() => true,
					() => false
				);
			out.mapIdleMs.push(drawn ? Date.now() - t0 : NaN);
			recording = false;
			// any answer will do (the list is in the page, empty or not, once the search has answered)
			// (the search's text is fetched on the box's first focus or the map's idle, whichever came first)
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

/** One size's figures, as bench/results.json keeps them (`public`, one row per size). */
export interface PublicRow {
	size: string;
	communities: number;
	runs: number;
	headlineMs: Stats;
	firstPaintMs: Stats;
	mapIdleMs: Stats;
	searchReadyMs: Stats;
	/** What the first run fetched up to the map's idle (kB, as sent). */
	firstLoadKB: number;
}

/** At most this many phone runs per size: a run at 300k on the slow link takes minutes. */
const MAX_RUNS = 5;

/**
 * The public site at each size: the pages built once (`build-public/`, from the example) with each size's data
 * published into `${out}/<size>/public` (`build-public.ts --data … --site-from build-public`: the public data
 * and the headline in the HTML; the leak scan skipped, as it takes hours at 300k), then measured on the phone
 * profile.
 */
export async function benchPublicSizes(
	sizes: readonly string[],
	runs: number,
	out: string
): Promise<PublicRow[]> {
	const rows: PublicRow[] = [];
	for (const size of sizes) {
		const site = `${out}/${size}/public`;
		const r = spawnSync(
			process.execPath,
			[
				'--max-old-space-size=8192',
				'--import',
				'tsx',
				'scripts/build-public.ts',
				'--data',
				`${out}/${size}/data`,
				'--out',
				site,
				'--site-from',
				'build-public',
				// the pages were scanned in build-public/; the scan of every size's data would take hours at 300k
				'--skip-leak-scan'
			],
			{ stdio: 'inherit' }
		);
		if (r.status !== 0) throw new Error(`public build at ${size} failed`);
		const p = await benchPublic(Math.min(runs, MAX_RUNS), site);
		const manifest = JSON.parse(readFileSync(`${site}/data/manifest.json`, 'utf8')) as {
			tables: Record<string, number>;
		};
		const row: PublicRow = {
			size,
			communities: manifest.tables.communities ?? 0,
			runs: p.runs,
			headlineMs: stats(p.headlineMs),
			firstPaintMs: stats(p.firstPaintMs),
			mapIdleMs: stats(p.mapIdleMs),
			searchReadyMs: stats(p.searchReadyMs),
			firstLoadKB: Math.round(p.firstLoad.reduce((t, f) => t + f.bytes, 0) / 1024)
		};
		console.log('\n', JSON.stringify(row));
		rows.push(row);
	}
	return rows;
}

/** The rows measured now, with the stored ones of the sizes not measured now (a row from before sizes: dropped). */
export function mergePublic(stored: unknown, now: readonly PublicRow[]): PublicRow[] {
	const kept = Array.isArray(stored) ? (stored as PublicRow[]) : [];
	const order = ['yueqing', '10000', '100000', '300000'];
	return [...kept.filter((k) => !now.some((n) => n.size === k.size)), ...now].sort(
		(a, b) => order.indexOf(a.size) - order.indexOf(b.size)
	);
}
