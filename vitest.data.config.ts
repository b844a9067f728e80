import { defineConfig } from 'vitest/config';
import unit from './vite.config.js';

// The data tier (`npm run test:data`): JS against SQL at 10k–300k communities, and whole dataset builds run as
// processes (`npm run data`, the generator, the public data). Minutes, not seconds: run it before a merge and after
// touching the build, the files or a figure's SQL.
export default defineConfig({
	...unit,
	test: {
		...unit.test,
		// each file in a fresh context, as vitest's default (the unit tier shares modules between files)
		isolate: true,
		// Two files at a time (Vitest's default on 2 cores is one): each file builds into its own folders.
		maxWorkers: 2,
		include: ['tests/data/**/*.test.ts'],
		// a 300k equality check or a build of 5,000 generated communities on a busy 2-core machine
		testTimeout: 600_000,
		hookTimeout: 600_000
	}
});
