// The set-up the browser test files share: a built site served on a free port, Debian's Chromium launched, and
// (for most) one page watched for requests off the site's origin and console errors; closed again at the end,
// after checking the watched pages. Each file calls `openSite` in beforeAll and `closeSite` in afterAll.
import { existsSync, mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { launchBrowser, watchedPage, type Watched } from '../../scripts/lib/harness/browser';
import { startPreview, startStatic, type Preview } from '../../scripts/lib/harness/site-server';

export interface Site {
	server: Preview;
	browser: Browser;
}

export interface SiteOptions {
	/**
	 * `build` (the dashboard, through `vite preview`) or `build-public` (the public site, served as plain files by
	 * `startStatic`, as any web server would; `npm run build:public` must have made it).
	 */
	dir?: 'build' | 'build-public';
}

/** Serve the built site and launch the browser; `test-results/` exists for screenshots afterwards. */
export async function openSite(options?: SiteOptions & { watch?: false }): Promise<Site>;
/** …and open one watched page (1400 × 900, zh-CN) on it. */
export async function openSite(options: SiteOptions & { watch: true }): Promise<Site & { w: Watched }>;
export async function openSite({ dir = 'build', watch = false }: SiteOptions & { watch?: boolean } = {}) {
	mkdirSync('test-results', { recursive: true });
	if (dir === 'build-public' && !existsSync(`${dir}/progress/index.html`))
		throw new Error('run npm run build:public first');
	const server = dir === 'build' ? await startPreview(dir) : await startStatic(dir);
	const browser = await launchBrowser();
	return watch ? { server, browser, w: await watchedPage(browser, server.url) } : { server, browser };
}

export interface CloseChecks {
	/** Whether a console error of a watched page fails the file (off-origin requests always do). */
	errors?: boolean;
}

/**
 * Check that the watched pages sent no request off the origin and (unless `errors: false`) logged no console
 * error, then close the browser and stop the server — those two even when a check fails or the set-up did not
 * finish.
 */
export async function closeSite(
	{ server, browser }: Partial<Site>,
	watched: readonly (Watched | undefined)[] = [],
	{ errors = true }: CloseChecks = {}
): Promise<void> {
	try {
		for (const w of watched) {
			if (!w) continue;
			expect(w.foreign, 'requests that left the origin').toEqual([]);
			if (errors) expect(w.errors, 'console errors').toEqual([]);
		}
	} finally {
		await browser?.close();
		await server?.stop();
	}
}
