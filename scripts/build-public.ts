// npm run build:public [-- --input PATH ...] [--crs gcj02]
// The residents' site, alone: build-public/ holds /progress and the public data only — public tables with only
// their public columns (schema.ts), the published progress table and summary, the base map — then every file is
// scanned for internal names and values (scripts/lib/leak-scan.ts). Any hit fails the build and removes it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Manifest } from '../src/lib/data/manifest';
import { publicColumns } from '../src/lib/data/schema';
import { scanForLeaks } from './lib/leak-scan';

const WORK = '.public';
const FULL = `${WORK}/full`;
const DATA = `${WORK}/static/data`;
const OUT = 'build-public';

function run(args: string[], env: Record<string, string> = {}) {
	const r = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

const started = performance.now();
rmSync(WORK, { recursive: true, force: true });
// 1. the whole dataset, validated and derived as for the dashboard (the same build, into a scratch folder)
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
mkdirSync(DATA, { recursive: true });
const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
const db = await DuckDBInstance.create(':memory:');
const conn = await db.connect();
const counts: Record<string, number> = {};
for (const [table, columns] of Object.entries({ ...publicColumns(), progress: ['*'] })) {
	const select = columns.map((c) => (c === '*' ? c : `"${c}"`)).join(', ');
	await conn.run(
		`COPY (SELECT ${select} FROM read_parquet(${q(`${FULL}/${table}.parquet`)})) TO ${q(`${DATA}/${table}.parquet`)} (FORMAT parquet, COMPRESSION zstd)`
	);
	const n = await conn.runAndReadAll(
		`SELECT count(*)::INT AS n FROM read_parquet(${q(`${DATA}/${table}.parquet`)})`
	);
	counts[table] = Number(n.getRowObjects()[0]!.n);
}
// the internal values the scan must not find: contacts, internal notes
const secrets = await conn.runAndReadAll(
	`SELECT person AS v FROM read_parquet(${q(`${FULL}/contacts.parquet`)})
	 UNION SELECT phone FROM read_parquet(${q(`${FULL}/contacts.parquet`)})
	 UNION SELECT notes FROM read_parquet(${q(`${FULL}/communities.parquet`)}) WHERE notes IS NOT NULL AND notes <> ''`
);
const values = secrets.getRowObjects().map((r) => String(r.v));
conn.closeSync();
for (const file of ['summary.json', 'towns.geojson', 'boundary.geojson', 'land.geojson'])
	cpSync(join(FULL, file), join(DATA, file));
const manifest = JSON.parse(readFileSync(`${FULL}/manifest.json`, 'utf8')) as Manifest;
const publicManifest = {
	title: manifest.title,
	example: manifest.example,
	note: manifest.note,
	asOf: manifest.asOf,
	schemaVersion: manifest.schemaVersion,
	schematicBoundaries: manifest.schematicBoundaries,
	builtAt: manifest.builtAt,
	towns: manifest.towns,
	tables: counts
};
writeFileSync(`${DATA}/manifest.json`, JSON.stringify(publicManifest, null, '\t') + '\n');
// the site's root sends visitors to progress/ (a plain page: the build has no other route). Relative, and to the
// directory itself, so it works at any path (`/`, `/jiugai/`) on any static server.
writeFileSync(
	`${WORK}/static/index.html`,
	'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=progress/"><title>乐清市老旧小区改造进度</title></head><body><a href="progress/">乐清市老旧小区改造进度 / progress</a></body></html>\n'
);
rmSync(FULL, { recursive: true, force: true });

// 3. the site: only src/routes-public, with the public folder as its static assets
rmSync(OUT, { recursive: true, force: true });
// tsconfig.json extends .svelte-kit/tsconfig.json: on a fresh clone nothing has made it yet
run(['node_modules/@sveltejs/kit/svelte-kit.js', 'sync']);
run(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { PUBLIC_SITE: '1' });

// 4. nothing internal may be in it
const leaks = await scanForLeaks(OUT, values);
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
		)}); leak scan clean (${values.length} internal values, every internal column) in ${((performance.now() - started) / 1000).toFixed(1)} s`
);
