import { defineConfig } from 'vitest/config';

// Browser tests: Playwright drives Debian's Chromium against the built site (`npm run test:browser` builds first).
export default defineConfig({
	test: {
		include: ['tests/browser/**/*.test.ts'],
		environment: 'node',
		env: { TZ: 'Asia/Shanghai' },
		testTimeout: 180_000,
		hookTimeout: 180_000,
		// expect.poll's own default (1 s) is too short for a page on a loaded machine
		expect: { poll: { timeout: 30_000 } },
		// Two files at a time (a file alone left this 2-core machine's CPU idle about two thirds of the time, waiting
		// on servers, DuckDB-WASM starting, the map's idle): every file serves its own site on a free port and writes
		// under names of its own, so two never share a server or a file.
		maxWorkers: 2
	}
});
