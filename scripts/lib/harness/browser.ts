import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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
	context: BrowserContext;
	page: Page;
	/** Requests to anywhere but the page's own origin (each one aborted). */
	foreign: string[];
	/** Console errors and uncaught page errors, SwiftShader's harmless warnings left out. */
	errors: string[];
}

export interface PageOptions {
	/** A touch phone: a mobile viewport, touch events and 2× pixels (the public site's reader). */
	touch?: boolean;
	/** The browser's language; zh-CN unless told. */
	locale?: string;
	/** Only to inject axe-core, which the public page's Content-Security-Policy rightly refuses. */
	bypassCSP?: boolean;
}

/** A page that aborts and records every request leaving `origin`, and records console errors. */
export async function watchedPage(
	browser: Browser,
	origin: string,
	viewport = { width: 1400, height: 900 },
	{ touch = false, locale = 'zh-CN', bypassCSP = false }: PageOptions = {}
): Promise<Watched> {
	const context = await browser.newContext({
		viewport,
		locale,
		timezoneId: 'Asia/Shanghai',
		bypassCSP,
		...(touch ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {})
	});
	const page = await context.newPage();
	const foreign: string[] = [];
	const errors: string[] = [];
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.fallback();
		foreign.push(url);
		return route.abort();
	});
	page.on('console', (msg) => {
		if (msg.type() === 'error' && !/GPU stall due to ReadPixels/.test(msg.text())) errors.push(msg.text());
	});
	page.on('pageerror', (err) => errors.push(String(err)));
	return { context, page, foreign, errors };
}
