// npm run bench [-- --sizes yueqing,10000,100000,300000 --runs 20] [--table-only] [--skip-public] [--skip-peer]
//   [--pages-only]: only the pages that answer without DuckDB-WASM (issue 24: the community page cold, the public
//   card, the first export) at the 乐清 size, from `build` and `build-public` as they are (npm run data, vite build,
//   npm run build:public first); every other table keeps its stored figures.
//   [--budget-only]: only /budget (the page in the browser, the simulator in Node) at the sizes given; the map,
//   peer, public and pages figures, the machine and the run count keep their stored values.
//   [--reuse-data]: a size's built data kept when newer than its dataset (measure again without building again).
//   [--budget-only]: only /budget (the page in the browser, the simulator in Node) at the sizes given; the map,
//   peer, public and pages figures keep their stored values.
// Builds datasets of each size, serves the built site with each (and the Mosaic peer page beside it), and
// measures in headless Chromium (median and p95): page load → map interactive; town toggles, the first on a fresh
// page and later ones on the same page, → KPI result, → KPI text, → repaint; the same toggles on the peer; tab
// memory; the budget simulator in Node. Writes bench/results.json and the tables in docs/benchmarks.md. Timings are
// recorded, never asserted.
import { execFileSync, spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { launchBrowser } from './lib/harness/browser';
import { startPreview } from './lib/harness/site-server';
import { benchBudget, readPipeline, replicatePipeline } from './lib/bench-budget';
import { measureBudgetPage } from './lib/bench-budget-page';
import { benchWorkerSteps } from './lib/bench-budget-worker';
import { replaceBlock } from './lib/bench-doc';
import { measureMap } from './lib/bench-map';
import { buildPeer } from './lib/bench-peer';
import { benchPublicSizes, mergePublic, type PublicRow } from './lib/bench-public';
import { ratio, stats, toggleStats } from './lib/bench-stats';
import { budgetPageTable, budgetTable, mapTable, publicTable, toggleTable } from './lib/bench-tables';
import { measurePages, pagesTable, type PagesRow } from './lib/bench-pages';
import { startStatic } from './lib/harness/site-server';
import { DuckDBInstance } from '@duckdb/node-api';

/** The issue-24 pages at the 乐清 size (build/ and build-public/ as they are), into results.json and docs/benchmarks.md. */
async function benchPages(): Promise<void> {
	if (!existsSync('build/data/community') || !existsSync('build-public/data/card'))
		throw new Error('run npm run data && npx vite build && npm run build:public first');
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	const one = async (sql: string) =>
		(await conn.runAndReadAll(sql)).getRowObjectsJson()[0] as Record<string, string>;
	// the community page's example: one with a short scheme vote (every section has something to say)
	const { id } = await one(
		`SELECT s.id FROM 'build/data/status.parquet' s WHERE scheme_vote = 'short' ORDER BY id LIMIT 1`
	);
	const card = await one(
		`SELECT name, name_initials AS initials FROM 'build-public/data/progress.parquet' p JOIN 'build-public/data/communities.parquet' c USING (id) WHERE stage = 'construction' ORDER BY id LIMIT 1`
	);
	conn.closeSync();
	const dashboard = await startPreview('build');
	const pub = await startStatic('build-public');
	const browser = await launchBrowser();
	let row: PagesRow;
	try {
		row = await measurePages(
			browser,
			dashboard.url,
			pub.url,
			id!,
			{ initials: card.initials!, name: card.name! },
			runs
		);
	} finally {
		await browser.close();
		await dashboard.stop();
		await pub.stop();
	}
	console.log(JSON.stringify(row));
	const stored = existsSync('bench/results.json')
		? (JSON.parse(readFileSync('bench/results.json', 'utf8')) as Record<string, unknown>)
		: {};
	writeFileSync(
		'bench/results.json',
		JSON.stringify({ ...stored, pages: { runs, ...row } }, null, '\t') + '\n'
	);
	const doc = readFileSync('docs/benchmarks.md', 'utf8');
	writeFileSync('docs/benchmarks.md', replaceBlock(doc, 'pages', pagesTable(row, runs)));
	console.log('wrote bench/results.json (pages) and docs/benchmarks.md (bench:pages)');
}

const { values } = parseArgs({
	options: {
		sizes: { type: 'string', default: 'yueqing,10000,100000,300000' },
		runs: { type: 'string', default: '20' },
		/** Rewrite the table in docs/benchmarks.md from bench/results.json, measuring nothing. */
		'table-only': { type: 'boolean', default: false },
		/** Leave out the public site's phone-profile run (it builds build-public first). */
		'skip-public': { type: 'boolean', default: false },
		/** Leave out the Mosaic peer page. */
		'skip-peer': { type: 'boolean', default: false },
		/** Only the community page, the public card and the first export (issue 24), from the builds present. */
		'pages-only': { type: 'boolean', default: false },
		/** Only /budget (page and simulator) at the sizes given; every other figure keeps its stored value. */
		'budget-only': { type: 'boolean', default: false },
		/**
		 * Keep a size's built data (bench/out/<size>/data) when it is there and newer than its dataset, instead of
		 * building it again (to measure again on a quieter machine; build again after changing the build).
		 */
		'reuse-data': { type: 'boolean', default: false }
	}
});
const sizes = values.sizes.split(',');
const budgetOnly = values['budget-only'];
const runs = Number(values.runs);
const OUT = 'bench/out';

function sh(cmd: string, args: string[]) {
	const r = spawnSync(cmd, args, { stdio: 'inherit' });
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

mkdirSync(OUT, { recursive: true });
if (values['pages-only']) {
	await benchPages();
	process.exit(0);
}
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
	const reuse =
		values['reuse-data'] &&
		existsSync(`${data}/manifest.json`) &&
		statSync(`${data}/manifest.json`).mtimeMs > statSync(`${ds}/metadata.json`).mtimeMs;
	if (!reuse)
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

	if (!values['skip-peer'] && !budgetOnly) await buildPeer(site);

	const server = await startPreview(site);
	const browser = await launchBrowser();
	let m;
	let budgetPage;
	try {
		if (!budgetOnly)
			m = await measureMap(browser, server.url, runs, !values['skip-peer'], () => process.stdout.write('.'));
		// /budget: navigation → chart, at most 5 fresh contexts per size (a 300k run takes tens of seconds)
		budgetPage = await measureBudgetPage(browser, server.url, data, Math.min(runs, 5), () =>
			process.stdout.write('b')
		);
	} finally {
		await browser.close();
		await server.stop();
	}
	const manifest = JSON.parse(readFileSync(`${data}/manifest.json`, 'utf8'));
	const pipeline = await readPipeline(data);
	const b = benchBudget(pipeline, manifest.asOf, runs, size === 'yueqing' ? 5 : 0);
	// at the 乐清 size, also its pipeline replicated to 300k communities (no 300k build needed)
	const big =
		size === 'yueqing'
			? benchBudget(
					{ pipeline: replicatePipeline(pipeline.pipeline, 300_000), h: pipeline.h },
					manifest.asOf,
					Math.min(runs, 5),
					0
				)
			: null;
	const budgetPart = {
		budgetPage: {
			chartMs: stats(budgetPage.chartMs),
			inputsMs: stats(budgetPage.inputsMs),
			stateMs: stats(budgetPage.stateMs),
			firstRunMs: stats(budgetPage.firstRunMs),
			failures: budgetPage.failures,
			inputsMB: budgetPage.inputsMB,
			verdictInputsMB: budgetPage.verdictInputsMB,
			offOrigin: budgetPage.offOrigin,
			runs: budgetPage.chartMs.length + budgetPage.failures.length,
			measured: budgetPage.measured,
			// the worker's steps in Node over the same files (CPU time beside wall time)
			worker: benchWorkerSteps(data, manifest.asOf)
		},
		budget: {
			pipeline: b.pipeline,
			simulateMs: stats(b.simulateMs),
			projectBudgetMs: stats(b.projectBudgetMs),
			projectBudgetFirstMs: Math.round(b.projectBudgetFirstMs),
			monteCarlo1000Ms: b.monteCarlo1000Ms.length ? stats(b.monteCarlo1000Ms) : null,
			simulateCpuMs: stats(b.simulateCpuMs),
			projectBudgetCpuMs: stats(b.projectBudgetCpuMs),
			monteCarlo1000CpuMs: b.monteCarlo1000CpuMs.length ? stats(b.monteCarlo1000CpuMs) : null,
			heapAfterRunMB: b.heapAfterRunMB,
			heapAfterDrawsMB: b.heapAfterDrawsMB,
			at300k: big
				? {
						pipeline: big.pipeline,
						simulateMs: stats(big.simulateMs),
						projectBudgetMs: stats(big.projectBudgetMs),
						projectBudgetFirstMs: Math.round(big.projectBudgetFirstMs),
						simulateCpuMs: stats(big.simulateCpuMs),
						projectBudgetCpuMs: stats(big.projectBudgetCpuMs),
						heapAfterRunMB: big.heapAfterRunMB
					}
				: null
		}
	};
	if (budgetOnly || !m) {
		// the stored figures of this size kept, its /budget figures replaced (merged below)
		console.log('\n', JSON.stringify(budgetPart));
		results.push({ size, budgetOnly: true, ...budgetPart });
		continue;
	}
	const toggles = toggleStats(m.toggles);
	const peerToggles = m.peer && !m.peer.failure ? toggleStats(m.peer.toggles) : null;
	const row = {
		size,
		communities: manifest.tables.communities,
		buildSeconds: Math.round(buildSeconds * 10) / 10,
		loadMs: stats(m.load),
		// the first toggle on a fresh page (the column kept from earlier runs)
		filterToQueryMs: toggles.first.kpiResult,
		filterToRepaintMs: toggles.first.repaint,
		toggles,
		jsHeapMB: stats(m.heap),
		tabMB: stats(m.tab),
		dataAndLibrariesMs: stats(m.ready),
		mapFirstIdleMs: stats(m.firstIdle),
		offOriginRequests: m.offOrigin,
		peer: m.peer
			? {
					failure: m.peer.failure,
					loadMs: stats(m.peer.load),
					tabMB: stats(m.peer.tab),
					toggles: peerToggles,
					// product click → KPI text over peer click → KPI text, medians
					ratioFirst: peerToggles
						? ratio(toggles.first.kpiText.median, peerToggles.first.kpiText.median)
						: null,
					ratioLater: peerToggles
						? ratio(toggles.later.kpiText.median, peerToggles.later.kpiText.median)
						: null
				}
			: null,
		...budgetPart
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
// The public site on a phone profile (issue 6) at every size: the public build's pages with each size's data.
let publicRows: PublicRow[] = [];
if (!values['table-only'] && !values['skip-public'] && !budgetOnly) {
	sh(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', 'scripts/build-public.ts']);
	try {
		publicRows = await benchPublicSizes(sizes, runs, OUT);
	} catch (e) {
		// the map and budget figures above are kept; the public table keeps its stored figures
		console.error(`public site run failed, its stored figures kept: ${(e as Error).message}`);
	}
}

// Merge with the sizes measured before (a run may measure only some), in the order of the default sizes.
mkdirSync('bench', { recursive: true });
const stored = existsSync('bench/results.json')
	? (JSON.parse(readFileSync('bench/results.json', 'utf8')) as {
			results: Record<string, unknown>[];
			public?: unknown;
			machine?: unknown;
			runs?: number;
		})
	: { results: [] };
const previous = stored.results;
const publicRow = mergePublic(stored.public, publicRows);
const order = ['yueqing', '10000', '100000', '300000'];
// a --budget-only row keeps the stored row of its size, its /budget figures replaced
for (const [i, r] of results.entries())
	if (r.budgetOnly) {
		const { budgetOnly: _, ...part } = r;
		results[i] = { ...(previous.find((p) => p.size === r.size) ?? {}), ...part };
	}
const merged = [...previous.filter((p) => !results.some((r) => r.size === p.size)), ...results].sort(
	(a, b) => order.indexOf(String(a.size)) - order.indexOf(String(b.size))
);
results.splice(0, results.length, ...merged);
writeFileSync(
	'bench/results.json',
	JSON.stringify(
		{
			// --budget-only: the machine and run count of the other figures stay (each /budget row says its own)
			...(budgetOnly ? { machine: stored.machine ?? machine, runs: stored.runs ?? runs } : { machine, runs }),
			results,
			public: publicRow.length ? publicRow : stored.public
		},
		null,
		'\t'
	) + '\n'
);

const path = 'docs/benchmarks.md';
let doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
const stamp = `Measured ${machine.date} on ${machine.cpus}, ${machine.memoryGB} GB, ${machine.chromium}, WebGL on ${machine.webgl}.`;
if (!budgetOnly) {
	doc = replaceBlock(doc, 'map', `${stamp}\n\n${mapTable(results)}`);
	doc = replaceBlock(doc, 'toggles', toggleTable(results));
	doc = replaceBlock(
		doc,
		'public',
		publicTable((publicRow.length ? publicRow : (stored.public ?? null)) as Parameters<typeof publicTable>[0])
	);
}
doc = replaceBlock(doc, 'budget', budgetTable(results));
doc = replaceBlock(doc, 'budget-page', budgetPageTable(results));
writeFileSync(path, doc);
console.log(`wrote bench/results.json and ${path}`);
// the issue-24 pages at the 乐清 size (build-public was built above)
if (!values['table-only'] && !values['skip-public'] && !budgetOnly && sizes.includes('yueqing'))
	await benchPages();
