/// <reference types="vitest/config" />
// (vitest's `test` key typed by the reference alone: `npm ci --omit=dev` has no vitest, and npm start's first build
// reads this file)
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { mjsAsJs } from './src/node/vite-mjs-as-js.js';

export default defineConfig({
	plugins: [sveltekit(), mjsAsJs()],
	// DuckDB-WASM and parquet-wasm load their wasm by URL; Vite's pre-bundling would break that.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
	build: {
		// The chunks over Vite's 500 kB are two libraries' own prebuilt single-file bundles, which cannot be split:
		// maplibre-gl.mjs (1.1 MB, the map) and exceljs's browser build (0.93 MB, loaded only when someone exports a
		// workbook). Anything past 1.2 MB still warns.
		chunkSizeWarningLimit: 1200,
		// Rolldown's "[PLUGIN_TIMINGS]" note is a profiling hint (most of the time is SvelteKit writing the pages),
		// printed at every build on a busy machine: not a warning about this code.
		rolldownOptions: { checks: { bundlerTimings: false } }
	},
	preview: { port: Number(process.env.PORT ?? 4173), strictPort: true },
	// The unit tier (`npx vitest run`, `npm run test:unit`): the policy, the importer, the verdict, the filter and the
	// server's modules, in-process, at the example's size. The other tiers have their own configs beside this one:
	// vitest.data.config.ts (equality at scale, dataset builds), vitest.server.config.ts (real server processes),
	// vitest.browser.config.ts (the built site in Chromium).
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'server/**/*.test.ts'],
		environment: 'node',
		env: { TZ: 'Asia/Shanghai' },
		testTimeout: 60_000,
		// Files share their worker's modules instead of each re-importing SheetJS, exceljs, DuckDB, TypeScript… in a
		// fresh context: the tier took 160 s with isolation and 50 s without at the same load (docs/commands-and-tests.md).
		// So a file leaves no global behind (worker-client.test.ts unstubs its Worker) and shared fixtures are frozen
		// (tests/unit/data/load.ts `loadExample`). The other tiers keep isolation (their configs set it back).
		isolate: false
	}
});
