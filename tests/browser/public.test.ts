// The public build (build-public/, made by `npm run build:public` before these tests): a resident on a phone
// finds their community; nothing internal is in the files; data is text, never HTML; the CSP holds.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { money } from '../../src/lib/i18n/format';
import { nextStep, WORKFLOW_STAGES, worksItem } from '../../src/lib/policy';
import { RENOVATED_STAGES } from '../../src/lib/verdict/stage-classes';
import {
	gunzipped,
	POINTS_FILE,
	progressFiles,
	readProgressPoints,
	readProgressSearch,
	SEARCH_FILE
} from '../../src/lib/progress/compact';
import type { ProgressSummary } from '../../src/lib/progress/summary';
import type { CardSlice } from '../../src/lib/progress/card-files';
import { internalNames, scanForLeaks } from '../../src/node/leak-scan';
import { axeViolations } from './axe';
import { watchedPage, type Watched } from '../../scripts/lib/harness/browser';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { closeSite, openSite } from './site';
import { directSql } from './sql';

const OUT = 'build-public';
const XSS = '<img src=x onerror=alert(1)>';
let server: Preview;
let browser: Browser;

beforeAll(async () => {
	({ server, browser } = await openSite({ dir: 'build-public' }));
});

afterAll(() => closeSite({ server, browser }));

interface Phone extends Watched {
	dialogs: string[];
}

/** A 360 px touch phone that records requests leaving the origin, console errors and dialogs. */
async function phone(locale = 'zh-CN', bypassCSP = false): Promise<Phone> {
	const out: Phone = {
		...(await watchedPage(
			browser,
			server.url,
			{ width: 360, height: 740 },
			{ touch: true, locale, bypassCSP }
		)),
		dialogs: []
	};
	out.page.on('dialog', (d) => {
		out.dialogs.push(d.message());
		void d.dismiss();
	});
	return out;
}

async function dbReady(page: Page) {
	await page.waitForSelector('[data-testid="headline"] [data-figure="renovated"]', { timeout: 30_000 });
	await page.waitForSelector('.map[data-map-idle="true"]', { timeout: 90_000 });
}

describe('the public progress site (build-public)', () => {
	it('holds only /progress and public data, and the leak scan finds nothing', async () => {
		const names = internalNames();
		expect(names).toEqual(expect.arrayContaining(['contacts', 'phone', 'person', 'garage_area', 'notes']));
		const contacts = await directSql<{ v: string }>(
			`SELECT phone AS v FROM '${'build/data'}/contacts.parquet' UNION SELECT person FROM 'build/data/contacts.parquet'`
		);
		expect(
			await scanForLeaks(
				OUT,
				contacts.map((c) => c.v)
			)
		).toEqual([]);
		expect(existsSync(`${OUT}/index.html`)).toBe(true);
		expect(existsSync(`${OUT}/community`)).toBe(false);
		expect(existsSync(`${OUT}/data/contacts.parquet`)).toBe(false);
		expect(existsSync(`${OUT}/data/map.arrow`)).toBe(false);
		expect(existsSync(`${OUT}/data/community`), 'the internal community files').toBe(false);
		// no page of the public site needs DuckDB-WASM or parquet-wasm: the build carries no wasm (issue 24)
		const all = readdirSync(OUT, { recursive: true, encoding: 'utf8' });
		expect(all.filter((f) => f.endsWith('.wasm'))).toEqual([]);
		expect(all.filter((f) => f.startsWith('data/card/')).length).toBeGreaterThan(0);
		const html = readFileSync(`${OUT}/progress/index.html`, 'utf8');
		const csp = /http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
		expect(csp).toContain("default-src 'self'");
		expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
		expect(csp, 'no wasm may run').not.toContain('wasm-unsafe-eval');
		expect(csp).not.toMatch(/https?:/);
		expect(csp).not.toContain("'unsafe-eval'");
		expect(csp).not.toContain("'unsafe-inline'");
		// the headline is in the HTML itself (prerendered from summary.json), before any script
		const summary = JSON.parse(readFileSync(`${OUT}/data/summary.json`, 'utf8')) as ProgressSummary;
		expect(html).toContain(
			`<div class="figure" data-figure="renovated"><span class="label">已完成改造</span><span class="value">${summary.renovated.communities}</span>`
		);
	});

	it('the scan is not blind: a planted phone number and an internal column are found', async () => {
		const dir = 'test-results/leak-plant';
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		const [contact] = await directSql<{ phone: string }>(
			`SELECT phone FROM 'build/data/contacts.parquet' LIMIT 1`
		);
		writeFileSync(`${dir}/chunk.js`, `const x = "${contact!.phone}";`);
		const db = await (await DuckDBInstance.create(':memory:')).connect();
		// a public table with an internal column, and an internal table
		await db.run(`COPY (SELECT 1.5 AS garage_area) TO '${dir}/communities.parquet' (FORMAT parquet)`);
		await db.run(`COPY (SELECT 1 AS n) TO '${dir}/status.parquet' (FORMAT parquet)`);
		const leaks = await scanForLeaks(dir, [contact!.phone]);
		expect(leaks.map((l) => `${l.file}:${l.needle}`).sort()).toEqual([
			`chunk.js:${contact!.phone}`,
			'communities.parquet:garage_area',
			'status.parquet:status'
		]);
	});

	it('on a phone: headline figures first, then a resident finds their community by pinyin initials', async () => {
		const p = await phone();
		const { page } = p;
		await page.goto(server.url + '/');
		await page.waitForURL(/\/progress\/$/);
		await page.waitForSelector('[data-figure="renovated"]', { timeout: 30_000 });
		const summary = JSON.parse(readFileSync(`${OUT}/data/summary.json`, 'utf8')) as ProgressSummary;
		const [renovated] = await directSql<{ n: number }>(
			`SELECT count(*)::INT AS n FROM community_view WHERE stage IN (${RENOVATED_STAGES.map((s) => `'${s}'`).join(',')})`
		);
		expect(summary.renovated.communities).toBe(renovated!.n);
		expect(await page.textContent('[data-figure="renovated"] .value')).toBe(String(renovated!.n));
		await dbReady(page);
		await page.screenshot({ path: 'test-results/progress-phone.png', fullPage: false });

		// a community under way, found as a resident would type it
		const [target] = await directSql<{ id: string; name: string; stage: string; investment: number }>(
			`SELECT id, name, stage, investment FROM community_view WHERE stage = 'construction' ORDER BY id LIMIT 1`
		);
		const db = await (await DuckDBInstance.create(':memory:')).connect();
		const [row] = (
			await db.runAndReadAll(
				`SELECT name_initials FROM '${OUT}/data/progress.parquet' WHERE id = '${target!.id}'`
			)
		).getRowObjectsJson() as { name_initials: string }[];
		await page.getByLabel('小区名称、地址或拼音首字母').fill(row!.name_initials);
		const result = page.locator('[data-testid="results"] button', { hasText: target!.name }).first();
		await result.waitFor({ timeout: 30_000 });
		await result.tap();
		const card = page.locator('[data-testid="card"]');
		await card.locator('h2').waitFor();
		expect(await card.locator('h2').textContent()).toBe(target!.name);
		// brought into view once its content is in: its top on the screen and as much of it shown as the screen
		// holds (scrolled while still a one-line placeholder, only that line showed, at the screen's foot)
		const onScreen = `(() => { const r = document.querySelector('[data-testid="card"]').getBoundingClientRect();
			const shown = Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);
			return r.top >= -1 && shown >= Math.min(r.height, innerHeight) - 2; })()`;
		await expect.poll(() => page.evaluate(onScreen), { timeout: 10_000 }).toBe(true);
		expect(await card.locator('[data-testid="card-stage"] strong').textContent()).toBe(
			WORKFLOW_STAGES.find((s) => s.id === 'construction')!.name
		);
		expect(await card.locator('[data-testid="card-investment"]').textContent()).toBe(
			money(target!.investment)
		);
		const next = nextStep({
			stage: 'construction',
			applicationVote: 'passed',
			schemeVote: 'passed',
			inScope: true
		})!.stage;
		expect(await card.locator('[data-testid="card-next"]').textContent()).toContain(next.name);
		// the office, never a person or a phone
		expect(await card.textContent()).not.toMatch(/1[3-9]\d{9}/);
		await card.screenshot({ path: 'test-results/progress-card.png' });
		// usable at 360 px: nothing wider than the screen
		expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
		expect(page.url()).toContain(`id=${target!.id}`);
		expect(p.foreign).toEqual([]);
		expect(p.errors).toEqual([]);
		await p.context.close();
	});

	it('without DuckDB-WASM (its wasm withheld): the headline, the map’s points, search and a card, whole', async () => {
		const p = await phone();
		const { page } = p;
		const fetched: string[] = [];
		page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
		await page.route('**/*.wasm', (r) => r.abort());
		await page.goto(server.url + '/progress/');
		const summary = JSON.parse(readFileSync(`${OUT}/data/summary.json`, 'utf8')) as ProgressSummary;
		await page.waitForSelector('[data-figure="renovated"] .value', { timeout: 30_000 });
		expect(await page.textContent('[data-figure="renovated"] .value')).toBe(
			String(summary.renovated.communities)
		);
		expect(await page.textContent('[data-figure="construction"] .value')).toBe(
			String(summary.construction.communities)
		);
		expect(await page.textContent('[data-figure="planned"] .value')).toBe(
			String(summary.planned.communities)
		);
		// every community on the map
		const [count] = await directSql<{ n: number }>(`SELECT count(*)::INT AS n FROM community_view`);
		await page.waitForSelector(`.map[data-map-idle="true"][data-points="${count!.n}"]`, { timeout: 90_000 });
		// the search answers by pinyin initials
		const [target] = await directSql<{ id: string; name: string }>(
			`SELECT id, name FROM community_view WHERE stage = 'construction' ORDER BY id LIMIT 1`
		);
		const db = await (await DuckDBInstance.create(':memory:')).connect();
		const [row] = (
			await db.runAndReadAll(
				`SELECT name_initials FROM '${OUT}/data/progress.parquet' WHERE id = '${target!.id}'`
			)
		).getRowObjectsJson() as { name_initials: string }[];
		await page.getByLabel('小区名称、地址或拼音首字母').fill(row!.name_initials);
		const result = page.locator('[data-testid="results"] button', { hasText: target!.name }).first();
		await result.waitFor({ timeout: 30_000 });
		await page.screenshot({ path: 'test-results/progress-no-wasm.png' });
		// the first screen loaded no table and no wasm, and no font
		expect(fetched.filter((f) => /\.(wasm|parquet|woff2?|ttf|otf)$/.test(f))).toEqual([]);
		expect(fetched.filter((f) => f.includes('/data/'))).toEqual(
			expect.arrayContaining(['/data/summary.json', `/data/${POINTS_FILE}`, `/data/${SEARCH_FILE}`])
		);
		// the card comes from its card file, whole, with no wasm and no table (issue 24)
		const [card] = await directSql<{ investment: number }>(
			`SELECT investment FROM community_view WHERE id = '${target!.id}'`
		);
		const works = await directSql<{ item_id: string }>(
			`SELECT item_id FROM works WHERE community_id = '${target!.id}'`
		);
		await result.tap();
		const shown = page.locator('[data-testid="card"]');
		await shown.locator('h2').waitFor({ timeout: 30_000 });
		expect(await shown.locator('h2').textContent()).toBe(target!.name);
		expect(await shown.locator('[data-testid="card-stage"] strong').textContent()).toBe(
			WORKFLOW_STAGES.find((s) => s.id === 'construction')!.name
		);
		expect(await shown.locator('[data-testid="card-investment"]').textContent()).toBe(
			money(card!.investment)
		);
		expect(await shown.locator('[data-testid="card-next"]').count()).toBe(1);
		const categories = new Set(works.map((w) => worksItem(w.item_id)?.category));
		expect(works.length).toBeGreaterThan(0);
		expect(await shown.locator('ul.works > li').count(), 'the works, by category').toBe(categories.size);
		await page.screenshot({ path: 'test-results/progress-card-no-wasm.png' });
		expect(
			fetched.filter((f) => /\.(wasm|parquet)$/.test(f)),
			'no wasm, no table'
		).toEqual([]);
		expect(fetched.filter((f) => f.startsWith('/data/card/'))).toHaveLength(1);
		expect(p.errors).toEqual([]);
		await p.context.close();
	});

	it('the timeline plays through the months; axe-core finds no WCAG A/AA violations', async () => {
		const p = await phone('zh-CN', true);
		const { page } = p;
		await page.goto(server.url + '/progress/');
		await dbReady(page);
		const before = await page.textContent('[data-testid="cursor"]');
		await page.getByTestId('play').tap();
		await page.waitForFunction(
			(b) => document.querySelector('[data-testid="cursor"]')?.textContent !== b,
			before
		);
		await page.waitForTimeout(600);
		await page.getByTestId('play').tap();
		expect(await page.textContent('[data-testid="cursor"]')).toMatch(
			/截至\d{4}年\d{1,2}月：累计完成 \d+ 个小区/
		);
		await page.locator('[data-testid="timeline"]').screenshot({ path: 'test-results/progress-timeline.png' });
		const violations = await axeViolations(page);
		expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
		expect(p.errors).toEqual([]);
		await p.context.close();
	});

	it('in English: ?lang=en', async () => {
		const p = await phone('en');
		await p.page.goto(server.url + '/progress/?lang=en');
		// the page's own headline (main), not the build's static Chinese one it replaces
		await p.page.waitForSelector('main [data-figure="renovated"]');
		expect(await p.page.textContent('h1')).toBe('Yueqing old community renovation: progress');
		expect(await p.page.textContent('[data-figure="renovated"] .label')).toBe('Renovated');
		expect(await p.page.locator('#prerendered').count()).toBe(0);
		expect(p.errors).toEqual([]);
		await p.context.close();
	});

	it('names from the data are text, never HTML (an <img onerror> name stays inert)', async () => {
		const p = await phone();
		const { page } = p;
		// the same public files, with one community and one town renamed to markup
		const db = await (await DuckDBInstance.create(':memory:')).connect();
		const [first] = (
			await db.runAndReadAll(`SELECT id FROM '${OUT}/data/communities.parquet' ORDER BY id LIMIT 1`)
		).getRowObjectsJson() as { id: string }[];
		// the card reads its card file (issue 24): the same name there
		await page.route('**/data/card/*.json', async (r) => {
			const slice = JSON.parse(
				readFileSync(`${OUT}/data/card/${new URL(r.request().url()).pathname.split('/').pop()}`, 'utf8')
			) as CardSlice;
			if (slice[first!.id]) slice[first!.id]!.card.name = XSS;
			return r.fulfill({ json: slice });
		});
		const summary = JSON.parse(readFileSync(`${OUT}/data/summary.json`, 'utf8')) as ProgressSummary;
		summary.towns[0]!.name = XSS;
		await page.route('**/data/summary.json', (r) => r.fulfill({ json: summary }));
		// the search reads the search file: the same name there
		const file = (name: string) => gunzipped(new Uint8Array(readFileSync(`${OUT}/data/${name}`)));
		const cols = readProgressSearch(await file(SEARCH_FILE), readProgressPoints(await file(POINTS_FILE)));
		cols.name[cols.id.indexOf(first!.id)] = XSS;
		const search = progressFiles(cols)[SEARCH_FILE]!;
		await page.route(`**/data/${SEARCH_FILE}`, (r) => r.fulfill({ body: Buffer.from(search) }));
		await page.goto(server.url + `/progress/?id=${first!.id}`);
		await dbReady(page);
		await page.getByLabel('小区名称、地址或拼音首字母').fill('onerror');
		const result = page.locator('[data-testid="results"] button').first();
		await result.waitFor({ timeout: 30_000 });
		expect(await result.locator('strong').textContent()).toBe(XSS);
		await page.locator('[data-testid="card"] h2').waitFor();
		expect(await page.locator('[data-testid="card"] h2').textContent()).toBe(XSS);
		expect(await page.locator('img[src="x"]').count()).toBe(0);
		expect(await page.locator('[data-testid="by-town"]').textContent()).toContain(XSS);
		expect(p.dialogs).toEqual([]);
		expect(p.errors).toEqual([]);
		await p.context.close();
	});
});
