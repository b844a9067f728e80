// npm run bench [-- --sizes yueqing,10000,100000,300000 --runs 20] [--table-only]
// Builds datasets of each size, serves the built site with each, and measures in headless Chromium (median and
// p95): page load → map interactive; filter change → query results; filter change → map repainted; JS heap.
// Writes bench/results.json and the table in BENCHMARKS.md. Timings are recorded, never asserted.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tests/browser/browser';
import { startPreview } from '../tests/browser/server';
import { benchBudget } from './lib/bench-budget';
import { replaceBlock } from './lib/bench-doc';
import { benchPublic } from './lib/bench-public';
import { rendererMB, TIME_FILTER } from './lib/bench-page';

const { values } = parseArgs({
	options: {
		sizes: { type: 'string', default: 'yueqing,10000,100000,300000' },
		runs: { type: 'string', default: '20' },
		/** Rewrite the table in BENCHMARKS.md from bench/results.json, measuring nothing. */
		'table-only': { type: 'boolean', default: false },
		/** Leave out the public site's phone-profile run (it builds build-public first). */
		'skip-public': { type: 'boolean', default: false }
	}
});
const sizes = values.sizes.split(',');
const runs = Number(values.runs);
const OUT = 'bench/out';

function sh(cmd: string, args: string[]) {
	const r = spawnSync(cmd, args, { stdio: 'inherit' });
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

const stats = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
	return { median: Math.round(q(0.5) * 10) / 10, p95: Math.round(q(0.95) * 10) / 10, n: s.length };
};

mkdirSync(OUT, { recursive: true });
if (!values['table-only'])
	sh(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);

const results: Record<string, unknown>[] = [];
for (const size of values['table-only'] ? [] : sizes) {
	const dir = `${OUT}/${size}`;
	const ds = `${dir}/dataset`;
	const data = `${dir}/data`;
	if (!existsSync(`${ds}/metadata.json`)) {
		const t = performance.now();
		sh(process.execPath, [
			'--max-old-space-size=8192',
			'--import',
			'tsx',
			'scripts/generate-dataset.ts',
			'--out',
			ds,
			...(size === 'yueqing' ? [] : ['--count', size])
		]);
		console.log(`generated ${size} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
	}
	const tb = performance.now();
	sh(process.execPath, [
		'--max-old-space-size=16384',
		'--import',
		'tsx',
		'scripts/build-data.ts',
		'--input',
		ds,
		'--out',
		data,
		// the generated sizes are past the importer's per-file limits, which are for the office's files
		...(size === 'yueqing' ? [] : ['--max-rows', '20000000', '--max-file-mb', '4096'])
	]);
	const buildSeconds = (performance.now() - tb) / 1000;
	// the built site with this size's data
	const site = `${dir}/site`;
	rmSync(site, { recursive: true, force: true });
	cpSync('build', site, { recursive: true, filter: (src) => !src.startsWith('build/data') });
	symlinkSync(`../data`, `${site}/data`);

	const server = await startPreview(site);
	const browser = await launchBrowser();
	const load: number[] = [];
	const query: number[] = [];
	const repaint: number[] = [];
	const heap: number[] = [];
	const tab: number[] = [];
	const ready: number[] = [];
	const firstIdle: number[] = [];
	try {
		for (let i = 0; i < runs; i++) {
			const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
			const page = await context.newPage();
			const t0 = Date.now();
			await page.goto(server.url + '/');
			await page.waitForSelector('[data-map-idle="true"][data-painted="true"]', { timeout: 120_000 });
			load.push(Date.now() - t0);
			await page.waitForSelector('[data-db="ready"]', { timeout: 180_000 });
			await page.waitForSelector('main[data-kpi-version="1"]', { timeout: 60_000 });
			await page.waitForSelector('[data-painted="true"]', { timeout: 60_000 });
			// alternate two town filters so each change is a new query (the coordinator caches repeats)
			const town = i % 2 === 0 ? '330382002' : '330382114';
			const [q, r] = (await page.evaluate(`(${TIME_FILTER})(${JSON.stringify(town)})`)) as [number, number];
			query.push(q);
			repaint.push(r);
			const cdp = await context.newCDPSession(page);
			await cdp.send('Performance.enable');
			const m = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
			heap.push((m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024);
			tab.push(rendererMB());
			const marks = (await page.evaluate(
				`Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))`
			)) as Record<string, number>;
			ready.push(marks['map:data-and-libraries'] ?? NaN);
			firstIdle.push(marks['map:first-idle'] ?? NaN);
			await context.close();
			process.stdout.write('.');
		}
	} finally {
		await browser.close();
		await server.stop();
	}
	const manifest = JSON.parse(readFileSync(`${data}/manifest.json`, 'utf8'));
	const row = {
		size,
		communities: manifest.tables.communities,
		buildSeconds: Math.round(buildSeconds * 10) / 10,
		loadMs: stats(load),
		filterToQueryMs: stats(query),
		filterToRepaintMs: stats(repaint),
		jsHeapMB: stats(heap),
		tabMB: stats(tab),
		dataAndLibrariesMs: stats(ready),
		mapFirstIdleMs: stats(firstIdle),
		budget: await (async () => {
			// the simulator on this size's pipeline (Monte Carlo at the 乐清 size only: its target is there)
			const b = await benchBudget(data, manifest.asOf, runs, size === 'yueqing' ? 5 : 0);
			return {
				pipeline: b.pipeline,
				simulateMs: stats(b.simulateMs),
				projectBudgetMs: stats(b.projectBudgetMs),
				monteCarlo1000Ms: b.monteCarlo1000Ms.length ? stats(b.monteCarlo1000Ms) : null
			};
		})()
	};
	console.log('\n', JSON.stringify(row));
	results.push(row);
}

const machine = {
	cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
	memoryGB: Math.round(totalmem() / 2 ** 30),
	node: process.version,
	chromium: execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim(),
	webgl: 'SwiftShader (software)',
	date: new Date().toISOString().slice(0, 10)
};
// The public site on a phone profile (issue 6), on the example data's public build.
let publicRow: Record<string, unknown> | null = null;
if (!values['table-only'] && !values['skip-public']) {
	sh(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', 'scripts/build-public.ts']);
	const p = await benchPublic(runs);
	publicRow = {
		runs: p.runs,
		headlineMs: stats(p.headlineMs),
		mapIdleMs: stats(p.mapIdleMs),
		searchReadyMs: stats(p.searchReadyMs)
	};
	console.log('\n', JSON.stringify(publicRow));
}

// Merge with the sizes measured before (a run may measure only some), in the order of the default sizes.
mkdirSync('bench', { recursive: true });
const stored = existsSync('bench/results.json')
	? (JSON.parse(readFileSync('bench/results.json', 'utf8')) as {
			results: Record<string, unknown>[];
			public?: Record<string, unknown>;
		})
	: { results: [] };
const previous = stored.results;
publicRow ??= stored.public ?? null;
const order = ['yueqing', '10000', '100000', '300000'];
const merged = [...previous.filter((p) => !results.some((r) => r.size === p.size)), ...results].sort(
	(a, b) => order.indexOf(String(a.size)) - order.indexOf(String(b.size))
);
results.splice(0, results.length, ...merged);
writeFileSync(
	'bench/results.json',
	JSON.stringify({ machine, runs, results, public: publicRow ?? undefined }, null, '\t') + '\n'
);

const f = (s: unknown) => {
	const x = s as { median: number; p95: number };
	return `${x.median} / ${x.p95}`;
};
const table = [
	'| dataset | communities | runs | data build (s) | load → map interactive, median / p95 (ms) | of which: data + map libraries / map first idle (ms, median) | filter → query results (ms) | filter → repainted (ms) | JS heap (MB) | tab incl. DuckDB worker (MB) |',
	'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
	...results.map((r) => {
		const m = (s: unknown) => (s ? String((s as { median: number }).median) : '—');
		return `| ${r.size} | ${r.communities} | ${(r.loadMs as { n: number }).n} | ${r.buildSeconds} | ${f(r.loadMs)} | ${m(r.dataAndLibrariesMs)} / ${m(r.mapFirstIdleMs)} | ${f(r.filterToQueryMs)} | ${f(r.filterToRepaintMs)} | ${f(r.jsHeapMB)} | ${r.tabMB ? f(r.tabMB) : '—'} |`;
	})
].join('\n');
const publicTable = publicRow
	? [
			'| runs | → headline figures, median / p95 (ms) | → map first idle (ms) | → search ready (DuckDB-WASM loaded) (ms) |',
			'| --- | --- | --- | --- |',
			`| ${String(publicRow.runs)} | ${f(publicRow.headlineMs)} | ${f(publicRow.mapIdleMs)} | ${f(publicRow.searchReadyMs)} |`
		].join('\n')
	: '(not measured yet)';

const path = 'BENCHMARKS.md';
let doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
const stamp = `Measured ${machine.date} on ${machine.cpus}, ${machine.memoryGB} GB, ${machine.chromium}, WebGL on ${machine.webgl}.`;
doc = replaceBlock(doc, 'map', `${stamp}\n\n${table}`);
doc = replaceBlock(doc, 'public', publicTable);
const budgetTable = [
	'| dataset | pipeline (communities) | one run: forecast + funding + projectBudget, median / p95 (ms) | projectBudget alone (ms) | Monte Carlo, 1,000 draws (ms) |',
	'| --- | --- | --- | --- | --- |',
	...results
		.filter((r) => r.budget)
		.map((r) => {
			const b = r.budget as Record<string, unknown>;
			return `| ${r.size} | ${String(b.pipeline)} | ${f(b.simulateMs)} | ${f(b.projectBudgetMs)} | ${b.monteCarlo1000Ms ? f(b.monteCarlo1000Ms) : '—'} |`;
		})
].join('\n');
doc = replaceBlock(doc, 'budget', budgetTable);
writeFileSync(path, doc);
console.log(`wrote bench/results.json and ${path}`);
