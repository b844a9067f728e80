import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, headless, WebGL2 through SwiftShader, with no background traffic (see notes/stack.md). */
export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: [
			'--use-angle=swiftshader',
			'--enable-unsafe-swiftshader',
			'--ignore-gpu-blocklist',
			'--no-sandbox',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run'
		]
	});
}

export interface Watched {
	page: Page;
	/** Requests to anywhere but the page's own origin (each one aborted). */
	foreign: string[];
	/** Console errors and uncaught page errors, SwiftShader's harmless warnings left out. */
	errors: string[];
}

/** A page that aborts and records every request leaving `origin`, and records console errors. */
export async function watchedPage(
	browser: Browser,
	origin: string,
	viewport = { width: 1400, height: 900 }
): Promise<Watched> {
	const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
	const page = await context.newPage();
	const foreign: string[] = [];
	const errors: string[] = [];
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
		foreign.push(url);
		return route.abort();
	});
	page.on('console', (msg) => {
		if (msg.type() === 'error' && !/GPU stall due to ReadPixels/.test(msg.text())) errors.push(msg.text());
	});
	page.on('pageerror', (err) => errors.push(String(err)));
	return { page, foreign, errors };
}
