import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { mjsAsJs } from './src/node/vite-mjs-as-js.js';

export default defineConfig({
	plugins: [sveltekit(), mjsAsJs()],
	// DuckDB-WASM and parquet-wasm load their wasm by URL; Vite's pre-bundling would break that.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
	preview: { port: Number(process.env.PORT ?? 4173), strictPort: true },
	// The unit tier (`npx vitest run`, `npm run test:unit`): the policy, the importer, the verdict, the filter and the
	// server's modules, in-process, at the example's size. The other tiers have their own configs beside this one:
	// vitest.data.config.ts (equality at scale, dataset builds), vitest.server.config.ts (real server processes),
	// vitest.browser.config.ts (the built site in Chromium).
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'server/**/*.test.ts'],
		environment: 'node',
		env: { TZ: 'Asia/Shanghai' },
		testTimeout: 60_000
	}
});
