import { defineConfig } from 'vitest/config';

// Browser tests: Playwright drives Debian's Chromium against the built site (`npm run test:browser` builds first).
export default defineConfig({
	test: {
		include: ['tests/browser/**/*.test.ts'],
		environment: 'node',
		env: { TZ: 'Asia/Shanghai' },
		testTimeout: 120_000,
		hookTimeout: 120_000,
		fileParallelism: false
	}
});
