// npm run build:public [-- --input PATH ...] [--crs gcj02]
//   or [-- --data DIR] [--out DIR] [--site-from DIR]: publish an existing full data build (DIR as `npm run data`
//   writes it) instead of building one; write the site to another folder; copy the pages of an earlier public
//   build instead of building them again (only the data and the headline change: `npm run bench` per size);
//   with --site-from only, --skip-leak-scan: the bench's sites, never served to anyone (the scan takes ~30 s at
//   300k now, but the generated 100k/300k data has a contact named 黄华, also in community names: a hit).
// The residents' site, alone: build-public/ holds /progress and the public data only — public tables with only
// their public columns (schema.ts), the published progress table and summary, the base map — then every file is
// scanned for internal names and values (src/node/leak-scan.ts). Any hit fails the build and removes it.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'vite';
import type { ProgressSummary } from '../src/lib/progress/summary';
import { scanForLeaks } from '../src/node/leak-scan';
import { writePublicData } from '../src/node/public-data';

/** This script's own options, taken out of the arguments passed on to build-data.ts. */
function option(name: string): string | null {
	const i = process.argv.indexOf(name);
	if (i < 0) return null;
	const value = process.argv[i + 1];
	if (!value) throw new Error(`${name} needs a folder`);
	process.argv.splice(i, 2);
	return value;
}
const GIVEN = option('--data');
const OUT = option('--out') ?? 'build-public';
const SITE_FROM = option('--site-from')?.replace(/\/+$/, '');
const SKIP_SCAN = process.argv.includes('--skip-leak-scan');
if (SKIP_SCAN && !SITE_FROM) throw new Error('--skip-leak-scan is only for the bench (with --site-from)');
if (SKIP_SCAN) process.argv.splice(process.argv.indexOf('--skip-leak-scan'), 1);

const WORK = '.public';
const FULL = GIVEN ?? `${WORK}/full`;
const DATA = `${WORK}/static/data`;

function run(args: string[], env: Record<string, string> = {}) {
	const r = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

const started = performance.now();
rmSync(WORK, { recursive: true, force: true });
// 1. the whole dataset, validated and derived as for the dashboard (the same build, into a scratch folder)
if (!GIVEN)
	run([
		'--max-old-space-size=8192',
		'--import',
		'tsx',
		'scripts/build-data.ts',
		...process.argv.slice(2),
		'--out',
		FULL
	]);

// 2. the public data: public tables, public columns only
const { counts, secrets: values } = await writePublicData(FULL, DATA);
// the site's root sends visitors to progress/ (a plain page: the build has no other route). Relative, and to the
// directory itself, so it works at any path (`/`, `/jiugai/`) on any static server.
writeFileSync(
	`${WORK}/static/index.html`,
	'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=progress/"><title>乐清市老旧小区改造进度</title></head><body><a href="progress/">乐清市老旧小区改造进度 / progress</a></body></html>\n'
);
if (!GIVEN) rmSync(FULL, { recursive: true, force: true });

// 3. the site: only src/routes-public, with the public folder as its static assets
rmSync(OUT, { recursive: true, force: true });
if (SITE_FROM) {
	// the pages of an earlier build, with this data
	cpSync(SITE_FROM, OUT, { recursive: true, filter: (src) => src !== `${SITE_FROM}/data` });
	cpSync(DATA, `${OUT}/data`, { recursive: true });
} else {
	// tsconfig.json extends .svelte-kit/tsconfig.json: on a fresh clone nothing has made it yet
	run(['node_modules/@sveltejs/kit/svelte-kit.js', 'sync']);
	run(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { PUBLIC_SITE: '1' });
	if (OUT !== 'build-public') cpSync('build-public', OUT, { recursive: true });
}

// 4. the headline, static: written into the page's HTML from summary.json (the dictionary's words, compiled by
// Vite as the page is), so a phone shows it before any script has run
const vite = await createServer({ server: { middlewareMode: true }, appType: 'custom', logLevel: 'warn' });
try {
	const { withHeadline } = (await vite.ssrLoadModule(
		'/src/lib/progress/prerender.ts'
	)) as typeof import('../src/lib/progress/prerender');
	const page = `${OUT}/progress/index.html`;
	const summary = JSON.parse(readFileSync(`${OUT}/data/summary.json`, 'utf8')) as ProgressSummary;
	writeFileSync(page, withHeadline(readFileSync(page, 'utf8'), summary));
} finally {
	await vite.close();
}

// 5. nothing internal may be in it
const leaks = SKIP_SCAN ? [] : await scanForLeaks(OUT, values);
if (leaks.length > 0) {
	for (const l of leaks.slice(0, 50)) console.error(`泄露 leak: ${l.file}: ${l.where} “${l.needle}”`);
	console.error(
		`\n公开版含内部数据，已删除 ${OUT}。\nThe public build holds internal data (${leaks.length} hit(s)); ${OUT} was removed.`
	);
	rmSync(OUT, { recursive: true, force: true });
	process.exit(1);
}
console.log(
	`公开版构建完成 / built ${OUT} (${Object.entries(counts)
		.map(([t, n]) => `${t} ${n}`)
		.join(
			', '
		)}); ${SKIP_SCAN ? 'leak scan skipped (bench)' : `leak scan clean (${values.length} internal values, every internal column)`} in ${((performance.now() - started) / 1000).toFixed(1)} s`
);
