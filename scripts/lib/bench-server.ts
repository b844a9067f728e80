// The office server under load (issue 14): viewers opening the dashboard — the page and every file its first
// screen fetches, as real HTTP requests, logged in once real data is published — while keepers upload a small
// ledger that the server validates with the importer; then the same mix at a lower steady rate for a soak,
// sampling the server's resident memory. Bounded in count and time; loopback only. Timings are recorded, never
// asserted.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { launchBrowser } from './harness/browser';
import { Client, exampleFiles, PASSWORD } from './harness/office';
import { memoryVerdict, summarize, type MemoryVerdict, type Sample, type Summary } from './load-stats';
import { startOfficeProcess, type OfficeProcess } from './office-process';

export interface ServerBenchOptions {
	/** Simultaneous viewers in the load run (default 50, issue 14). */
	viewers: number;
	/** Simultaneous keepers validating uploads (default 5, issue 14). */
	keepers: number;
	/** Dashboard loads per viewer in the load run (default 3). */
	rounds: number;
	/** Validations per keeper in the load run (default 2). */
	validations: number;
	/** Soak length in minutes (default 10, issue 14; 0 skips it). */
	soakMinutes: number;
	/** Soak: dashboard loads started per second, across all viewers (default 1). */
	soakPagesPerSecond: number;
	/** Soak: seconds between two keepers' validations (default 30). */
	soakValidationSeconds: number;
	/** Soak: seconds between two memory samples (default 10, issue 14). */
	sampleSeconds: number;
}

export const SERVER_BENCH_DEFAULTS: ServerBenchOptions = {
	viewers: 50,
	keepers: 5,
	rounds: 3,
	validations: 2,
	soakMinutes: 10,
	soakPagesPerSecond: 1,
	soakValidationSeconds: 30,
	sampleSeconds: 10
};

/** A browser fetches from one host over at most six connections at a time (HTTP/1.1). */
const CONNECTIONS_PER_VIEWER = 6;
/** Any one request longer than this is an error: the run must end by itself. */
const REQUEST_TIMEOUT_MS = 120_000;

export interface MixResult {
	seconds: number;
	pageLoads: number;
	validationsDone: number;
	requests: number;
	errors: number;
	/** The first few errors, to say what failed. */
	errorSamples: string[];
	requestsPerSecond: number;
	megabytesPerSecond: number;
	pageLoadMs: Summary;
	validationMs: Summary;
	/** The load generator's own event-loop delay, p99 / max (ms): how far the bench itself was starved. */
	clientLagMs: { p99: number; max: number };
}

export interface ServerBenchResult {
	options: ServerBenchOptions;
	/** The paths the browser fetched for `/` on the example, replayed by every viewer. */
	files: string[];
	pageBytes: number;
	load: MixResult;
	soak: (MixResult & { memory: MemoryVerdict; samples: Sample[] }) | null;
	/** The server's RSS before the load run and after it, MB. */
	rssBeforeMB: number;
	rssAfterLoadMB: number;
}

/** What the browser fetches from the server when it opens `/` on the example, until the KPIs are shown. */
export async function firstScreenFiles(url: string): Promise<string[]> {
	const browser = await launchBrowser();
	try {
		const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
		const page = await context.newPage();
		const paths = new Set<string>();
		page.on('request', (r) => {
			const u = new URL(r.url());
			if (u.origin === url && r.method() === 'GET' && !u.pathname.startsWith('/api/'))
				paths.add(u.pathname + u.search);
		});
		await page.goto(url + '/');
		await page.waitForSelector('[data-map-idle="true"][data-painted="true"]', { timeout: 180_000 });
		await page.waitForSelector('main[data-kpi-version="1"]', { timeout: 60_000 });
		await context.close();
		return ['/', ...[...paths].filter((p) => p !== '/').sort()];
	} finally {
		await browser.close();
	}
}

/** Counters of one mix (load run or soak). */
export class Tally {
	readonly pageMs: number[] = [];
	readonly validationMs: number[] = [];
	requests = 0;
	bytes = 0;
	errors = 0;
	readonly errorSamples: string[] = [];
	private readonly lag = monitorEventLoopDelay({ resolution: 20 });

	constructor() {
		this.lag.enable();
	}

	error(what: string): void {
		this.errors++;
		if (this.errorSamples.length < 10) this.errorSamples.push(what);
	}

	result(seconds: number): MixResult {
		this.lag.disable();
		return {
			seconds: Math.round(seconds * 10) / 10,
			pageLoads: this.pageMs.length,
			validationsDone: this.validationMs.length,
			requests: this.requests,
			errors: this.errors,
			errorSamples: this.errorSamples,
			requestsPerSecond: Math.round((this.requests / seconds) * 10) / 10,
			megabytesPerSecond: Math.round((this.bytes / 1048576 / seconds) * 10) / 10,
			pageLoadMs: summarize(this.pageMs),
			validationMs: summarize(this.validationMs),
			clientLagMs: {
				p99: Math.round(this.lag.percentile(99) / 1e6),
				max: Math.round(this.lag.max / 1e6)
			}
		};
	}
}

/** One viewer opens the dashboard: the page, then its files over six connections, every body read. */
async function openDashboard(viewer: Client, files: string[], tally: Tally): Promise<void> {
	const t0 = performance.now();
	let ok = true;
	const get = async (path: string) => {
		tally.requests++;
		try {
			const res = await viewer.request(path, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
			const body = await res.arrayBuffer();
			tally.bytes += body.byteLength;
			if (res.status !== 200) {
				ok = false;
				tally.error(`GET ${path}: ${res.status}`);
			}
		} catch (e) {
			ok = false;
			tally.error(`GET ${path}: ${(e as Error).message} ${String((e as Error).cause ?? '')}`);
		}
	};
	await get(files[0]!);
	const queue = files.slice(1);
	await Promise.all(
		Array.from({ length: CONNECTIONS_PER_VIEWER }, async () => {
			for (let path = queue.shift(); path !== undefined; path = queue.shift()) await get(path);
		})
	);
	if (ok) tally.pageMs.push(performance.now() - t0);
}

/** A small ledger: the example's first 100 communities, with one household count changed, and its towns. */
export const LEDGER = exampleFiles((rows) =>
	rows.slice(0, 100).map((r, i) => (i === 0 ? { ...r, households: String(Number(r.households) + 1) } : r))
);

/** One keeper uploads the ledger; the server validates it with the importer and diffs it (a staged release). */
export async function validate(keeper: Client, tally: Tally): Promise<void> {
	const t0 = performance.now();
	tally.requests++;
	try {
		const form = new FormData();
		for (const f of LEDGER) form.append('files', new Blob([f.bytes]), f.name);
		const res = await keeper.request('/api/releases', {
			method: 'POST',
			body: form,
			signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
		});
		const body = (await res.json()) as { info?: { ok: boolean } };
		if (res.status !== 200 || !body.info?.ok) return tally.error(`upload: ${res.status}`);
		tally.validationMs.push(performance.now() - t0);
	} catch (e) {
		tally.error(`upload: ${(e as Error).message}`);
	}
}

export async function loggedIn(url: string, name: string, password: string): Promise<Client> {
	const c = new Client(url);
	const res = await c.login(name, password);
	if (!res.ok) throw new Error(`login ${name}: ${res.status}`);
	return c;
}

/** The name of the `i`-th keeper (0-based): each keeper of the bench is an account of its own, as in an office
 *  (the server caps one keeper's uploads in its validation queue). */
export const keeperName = (i: number) => (i === 0 ? 'keeper' : `keeper${i + 1}`);

/**
 * Accounts — a viewer, a second viewer, and `keepers` keepers — then the example published as real data: from
 * here on every page and data file needs a login.
 */
export async function publishExample(office: OfficeProcess, keepers = 5): Promise<void> {
	const admin = await loggedIn(office.url, 'admin', office.adminPassword);
	await admin.post('/api/password', { current: office.adminPassword, next: PASSWORD });
	for (const [name, role] of [
		['viewer', 'viewer'],
		['viewer2', 'viewer'],
		...Array.from({ length: Math.max(1, keepers) }, (_, i) => [keeperName(i), 'keeper'] as const)
	] as const) {
		const res = await admin.post('/api/users', { name, role });
		const { password } = (await res.json()) as { password: string };
		const c = await loggedIn(office.url, name, password);
		await c.post('/api/password', { current: password, next: PASSWORD });
	}
	const keeper = await loggedIn(office.url, 'keeper', PASSWORD);
	const staged = (await (
		await keeper.upload(exampleFiles((rows) => rows).map((f) => ({ name: f.name, bytes: f.bytes })))
	).json()) as { info: { id: string; ok: boolean } };
	if (!staged.info.ok) throw new Error('the example did not validate on the server');
	const res = await keeper.post(`/api/releases/${staged.info.id}/publish`, { base: null });
	if (!res.ok) throw new Error(`publish: ${res.status} ${await res.text()}`);
	if ((await new Client(office.url).get('/data/manifest.json')).status !== 401)
		throw new Error('the published data is open without login');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The load run, then the soak. */
export async function benchServer(options: ServerBenchOptions): Promise<ServerBenchResult> {
	// 55 logins from 127.0.0.1 within a minute: the login limits (issue 21) would refuse most of them from one
	// source, so they are raised for this run (the login flood, bench-login-flood.ts, runs with the defaults)
	const office = await startOfficeProcess({
		env: { LOGIN_PER_SOURCE_PER_MINUTE: '1000', LOGIN_PER_MINUTE: '1000' }
	});
	try {
		const files = await firstScreenFiles(office.url);
		await publishExample(office, options.keepers);
		const viewers: Client[] = [];
		for (let i = 0; i < options.viewers; i++) viewers.push(await loggedIn(office.url, 'viewer', PASSWORD));
		const keepers: Client[] = [];
		for (let i = 0; i < options.keepers; i++)
			keepers.push(await loggedIn(office.url, keeperName(i), PASSWORD));
		// one warm-up load, so the figures are of a running server (the first read of each file from disk)
		const warm = new Tally();
		await openDashboard(viewers[0]!, files, warm);
		if (warm.errors) throw new Error(`warm-up: ${warm.errorSamples.join('; ')}`);
		const pageBytes = warm.bytes;
		const rssBeforeMB = office.rssMB();

		const load = new Tally();
		const t0 = performance.now();
		await Promise.all([
			...viewers.map(async (v) => {
				for (let r = 0; r < options.rounds; r++) await openDashboard(v, files, load);
			}),
			...keepers.map(async (k) => {
				for (let r = 0; r < options.validations; r++) await validate(k, load);
			})
		]);
		const loadResult = load.result((performance.now() - t0) / 1000);
		const rssAfterLoadMB = office.rssMB();
		console.log('\nload:', JSON.stringify(loadResult));

		let soak: ServerBenchResult['soak'] = null;
		if (options.soakMinutes > 0) {
			const tally = new Tally();
			const samples: Sample[] = [];
			const pending = new Set<Promise<void>>();
			const track = (p: Promise<void>) => {
				pending.add(p);
				void p.finally(() => pending.delete(p));
			};
			const start = performance.now();
			const end = start + options.soakMinutes * 60_000;
			let nextPage = start;
			let nextValidation = start;
			let nextSample = start;
			let page = 0;
			let validation = 0;
			while (performance.now() < end) {
				const now = performance.now();
				if (now >= nextSample) {
					samples.push({ t: (now - start) / 1000, mb: office.rssMB() });
					nextSample += options.sampleSeconds * 1000;
				}
				if (now >= nextPage) {
					track(openDashboard(viewers[page++ % viewers.length]!, files, tally));
					nextPage += 1000 / options.soakPagesPerSecond;
				}
				if (now >= nextValidation) {
					track(validate(keepers[validation++ % keepers.length]!, tally));
					nextValidation += options.soakValidationSeconds * 1000;
				}
				await sleep(Math.max(1, Math.min(nextPage, nextValidation, nextSample, end) - performance.now()));
			}
			await Promise.all(pending);
			samples.push({ t: (performance.now() - start) / 1000, mb: office.rssMB() });
			soak = {
				...tally.result((performance.now() - start) / 1000),
				memory: memoryVerdict(samples),
				samples: samples.map((s) => ({ t: Math.round(s.t), mb: Math.round(s.mb * 10) / 10 }))
			};
			console.log('soak:', JSON.stringify({ ...soak, samples: undefined }));
		}
		return { options, files, pageBytes, load: loadResult, soak, rssBeforeMB, rssAfterLoadMB };
	} finally {
		await office.stop();
	}
}
