import { defineConfig } from 'vitest/config';
import unit from './vite.config.js';

// The server tier (`npm run test:server`): the office server as real processes on 127.0.0.1 (log-in, uploads,
// releases, the query door, crashes, backups). Run it after touching server/ or what it imports.
export default defineConfig({
	...unit,
	test: {
		...unit.test,
		// each file in a fresh context, as vitest's default (the unit tier shares modules between files)
		isolate: true,
		// Two files at a time (Vitest's default on 2 cores is one): the files mostly wait on their own server processes,
		// each on a free port with its own folders; measured passing with two at once at load average 15.
		maxWorkers: 2,
		include: ['tests/server/**/*.test.ts'],
		testTimeout: 300_000,
		hookTimeout: 300_000
	}
});
