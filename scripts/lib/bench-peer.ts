// Builds the bench's peer page (scripts/lib/bench-peer-page.ts) into a site folder's `peer/`: one esbuild bundle,
// its HTML, and the same DuckDB-WASM (the app's pinned build, not Mosaic's own nested copy) and parquet-wasm files,
// all served by the bench's server from the page's origin.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const DUCKDB = 'node_modules/@duckdb/duckdb-wasm/dist';
const PARQUET = 'node_modules/parquet-wasm/esm';

const HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Mosaic peer (bench only)</title></head>
<body><main data-kpi-version="0"><section data-testid="kpis"></section><div data-filter="towns"></div></main>
<script type="module" src="./peer.js"></script></body></html>
`;

/** Writes `${site}/peer/` (index.html, peer.js, the engine files). */
export async function buildPeer(site: string): Promise<void> {
	const out = join(site, 'peer');
	mkdirSync(out, { recursive: true });
	await build({
		entryPoints: ['scripts/lib/bench-peer-page.ts'],
		outfile: join(out, 'peer.js'),
		bundle: true,
		format: 'esm',
		platform: 'browser',
		target: 'es2022',
		logLevel: 'warning',
		plugins: [
			{
				// Mosaic pins a DuckDB-WASM of its own; the peer must run on the app's
				name: 'app-duckdb',
				setup(b) {
					b.onResolve({ filter: /^@duckdb\/duckdb-wasm$/ }, (args) =>
						args.pluginData === 'app'
							? undefined
							: b.resolve(args.path, {
									kind: args.kind,
									resolveDir: process.cwd(),
									pluginData: 'app'
								})
					);
				}
			}
		]
	});
	writeFileSync(join(out, 'index.html'), HTML);
	for (const f of [
		'duckdb-eh.wasm',
		'duckdb-browser-eh.worker.js',
		'duckdb-mvp.wasm',
		'duckdb-browser-mvp.worker.js'
	])
		copyFileSync(join(DUCKDB, f), join(out, f));
	copyFileSync(join(PARQUET, 'parquet_wasm_bg.wasm'), join(out, 'parquet_wasm_bg.wasm'));
}
