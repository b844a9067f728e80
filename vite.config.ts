import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { mjsAsJs } from './src/node/vite-mjs-as-js.js';

export default defineConfig({
	plugins: [sveltekit(), mjsAsJs()],
	// DuckDB-WASM and parquet-wasm load their wasm by URL; Vite's pre-bundling would break that.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
	preview: { port: Number(process.env.PORT ?? 4173), strictPort: true },
	test: {
		include: [
			'src/**/*.test.ts',
			'tests/unit/**/*.test.ts',
			'server/**/*.test.ts',
			'tests/server/**/*.test.ts'
		],
		environment: 'node',
		env: { TZ: 'Asia/Shanghai' },
		// some dataset tests run the data build as a process: seconds on a busy 2-core machine
		testTimeout: 60_000
	}
});
