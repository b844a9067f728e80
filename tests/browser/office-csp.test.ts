// The dashboard under its Content-Security-Policy, served by the office server (issue 21, item 11): every page —
// the map with its workers and DuckDB-WASM, the budget, progress, a community, the data workbench with an import,
// login and the releases page — runs with no CSP violation and no console error; each page carries the meta policy
// (scripts by hash, 'wasm-unsafe-eval', blob: workers, nothing remote) and the server's frame-ancestors 'none'.
// And the page after login never leaves the site (item 9: /login?next=/%5Cevil.example/x). Screenshots at 1280 px.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, PASSWORD, startOffice, type Running } from '../../scripts/lib/harness/office';
import { launchBrowser, watchedPage, type Watched } from '../../scripts/lib/harness/browser';

let run: Running;
let browser: Browser;

beforeAll(async () => {
	mkdirSync('test-results', { recursive: true });
	run = await startOffice('build', { exampleDataDir: 'build/data' });
	await accounts(run);
	browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
	await browser?.close();
	await run?.stop();
});

/** A watched page that also records every CSP violation the document or its workers report. */
async function cspPage(): Promise<Watched & { violations: () => Promise<string[]> }> {
	const w = await watchedPage(browser, run.url, { width: 1280, height: 900 });
	await w.context.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __csp: string[] }).__csp = seen;
		document.addEventListener('securitypolicyviolation', (e) =>
			seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)
		);
	});
	return {
		...w,
		violations: () => w.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? [])
	};
}

async function logIn(page: Page, name: string, path: string) {
	await page.goto(`${run.url}/login?next=${encodeURIComponent(path)}`);
	await page.getByLabel('用户名').fill(name);
	await page.getByLabel('密码').fill(PASSWORD);
	await page.getByRole('button', { name: '登录' }).click();
}

const firstCommunity = () => {
	const lines = readFileSync('data/example/communities.csv', 'utf8').split('\n');
	return lines[1]!.split(',')[0]!;
};

describe('the dashboard under its CSP', () => {
	it('sends the meta policy and the frame-ancestors header with every page', async () => {
		for (const path of [
			'/',
			'/budget',
			'/progress',
			'/data',
			'/login',
			'/admin',
			'/town',
			`/community/${firstCommunity()}`
		]) {
			const res = await fetch(run.url + path);
			expect(res.status, path).toBe(200);
			expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
			const meta = /http-equiv="content-security-policy" content="([^"]+)"/.exec(await res.text())?.[1] ?? '';
			expect(meta, path).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[^']+')+;/);
			expect(meta, path).toContain("worker-src 'self' blob:");
			expect(meta, path).not.toMatch(/https?:|'unsafe-inline'|'unsafe-eval'/);
		}
	});

	it('runs every page with no violation and no console error', async () => {
		const pages: [string, (p: Page) => Promise<unknown>][] = [
			[
				'/',
				async (p) => {
					await p.waitForSelector('[data-map-idle="true"][data-painted="true"]', { timeout: 120_000 });
					await p.waitForSelector('[data-testid="kpis"][aria-busy="false"]', { timeout: 90_000 });
				}
			],
			['/budget', (p) => p.waitForSelector('[data-testid="year-table"]', { timeout: 120_000 })],
			['/progress', (p) => p.waitForLoadState('networkidle')],
			[
				`/community/${firstCommunity()}`,
				async (p) => {
					await p.waitForSelector('[data-testid="funding"]', { timeout: 90_000 });
					await p.waitForSelector('.locator[data-map-idle="true"]', { timeout: 60_000 });
				}
			],
			[
				'/data',
				async (p) => {
					await p.waitForSelector('[data-testid="drop-zone"]');
					await p.setInputFiles(
						'[data-testid="file-input"]',
						['communities.csv', 'towns.csv'].map((name) => ({
							name,
							mimeType: 'text/csv',
							buffer: readFileSync(`data/example/${name}`)
						}))
					);
					await p.waitForSelector('[data-testid="report-summary"]', { timeout: 90_000 });
				}
			],
			['/login', (p) => p.getByLabel('用户名').waitFor()]
		];
		for (const [path, ready] of pages) {
			const w = await cspPage();
			await w.page.goto(run.url + path);
			await ready(w.page);
			await w.page.waitForTimeout(500);
			const slug = path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home';
			await w.page.screenshot({ path: `test-results/office-csp-${slug}.png`, fullPage: path !== '/' });
			expect(await w.violations(), path).toEqual([]);
			expect(w.errors, path).toEqual([]);
			expect(w.foreign, path).toEqual([]);
			await w.context.close();
		}
		// the releases page, logged in as the keeper, with its audit log
		const w = await cspPage();
		await logIn(w.page, 'keeper', '/admin');
		await w.page.getByRole('heading', { name: '操作日志' }).waitFor();
		await w.page.locator('[data-total]').waitFor();
		await w.page.screenshot({ path: 'test-results/office-csp-admin.png', fullPage: true });
		// the audit log's filters: refused logins only, then back
		await w.page.getByLabel('结果').selectOption('refused');
		await w.page.getByRole('button', { name: '筛选' }).click();
		await w.page.locator('[data-total="0"]').waitFor();
		expect(await w.violations()).toEqual([]);
		expect(w.errors).toEqual([]);
		// and on a 390 px phone: nothing wider than the screen
		await w.page.setViewportSize({ width: 390, height: 844 });
		await w.page.screenshot({ path: 'test-results/office-csp-admin-390.png', fullPage: true });
		expect(await w.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
		await w.context.close();
	}, 600_000);

	it('after login, goes to a page of this site only: never to /\\evil.example or /<tab>/evil.example', async () => {
		for (const next of ['/\\evil.example/x', '/\t/evil.example/x', '//evil.example/x']) {
			const w = await cspPage();
			await logIn(w.page, 'viewer', next);
			await w.page
				.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 })
				.catch(() => undefined);
			await w.page.waitForLoadState('load');
			expect(w.foreign, JSON.stringify(next)).toEqual([]);
			expect(new URL(w.page.url()).origin, JSON.stringify(next)).toBe(run.url);
			await w.context.close();
		}
	}, 120_000);
});
