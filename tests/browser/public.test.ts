// The public build (build-public/, made by `npm run build:public` before these tests): a resident on a phone
// finds their community; nothing internal is in the files; data is text, never HTML; the CSP holds.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import bbox from '@turf/bbox';
import type { FeatureCollection } from 'geojson';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { money } from '../../src/lib/i18n/format';
import { nextStage, WORKFLOW_STAGES } from '../../src/lib/policy';
import { RENOVATED_STAGES, STAGE_CLASSES } from '../../src/lib/progress/stages';
import type { ProgressSummary } from '../../src/lib/progress/summary';
import { internalNames, scanForLeaks } from '../../scripts/lib/leak-scan';
import { axeViolations } from './axe';
import { launchBrowser } from './browser';
import { startStatic, type Preview } from './server';
import { directSql } from './sql';

const OUT = 'build-public';
const XSS = '<img src=x onerror=alert(1)>';
let server: Preview;
let browser: Browser;

beforeAll(async () => {
	mkdirSync('test-results', { recursive: true });
	if (!existsSync(`${OUT}/progress/index.html`)) throw new Error('run npm run build:public first');
	server = await startStatic(OUT);
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

interface Phone {
	context: BrowserContext;
	page: Page;
	foreign: string[];
	errors: string[];
	dialogs: string[];
}

/** A phone-sized, touch browser page that records requests leaving the origin, console errors and dialogs. */
async function phone(lang = 'zh-CN', bypassCSP = false): Promise<Phone> {
	const context = await browser.newContext({
		// only to inject axe-core, which the page's CSP rightly refuses
		bypassCSP,
		viewport: { width: 360, height: 740 },
		deviceScaleFactor: 2,
		isMobile: true,
		hasTouch: true,
		locale: lang,
		timezoneId: 'Asia/Shanghai'
	});
	const page = await context.newPage();
	const out: Phone = { context, page, foreign: [], errors: [], dialogs: [] };
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (url.startsWith(server.url) || url.startsWith('data:') || url.startsWith('blob:'))
			return route.fallback();
		out.foreign.push(url);
		return route.abort();
	});
	page.on('console', (m) => {
		if (m.type() === 'error' && !/GPU stall due to ReadPixels/.test(m.text())) out.errors.push(m.text());
	});
	page.on('pageerror', (e) => out.errors.push(String(e)));
	page.on('dialog', (d) => {
		out.dialogs.push(d.message());
		void d.dismiss();
	});
	return out;
}

async function dbReady(page: Page) {
	await page.waitForSelector('[data-testid="headline"] [data-figure="renovated"]', { timeout: 30_000 });
	await page.waitForSelector('.map[data-map-idle="true"]', { timeout: 90_000 });
}

/** Zoom the public map out one step; across each edge of the land data's box, the colour on either side. */
async function acrossLandBox(page: Page, shot: string) {
	await dbReady(page);
	const map = page.locator('.map');
	const before = await map.getAttribute('data-view');
	await page.getByRole('button', { name: '缩小' }).tap();
	await page.waitForFunction(
		(b) => {
			const el = document.querySelector('.map');
			return el?.getAttribute('data-map-idle') === 'true' && el.getAttribute('data-view') !== b;
		},
		before,
		{ timeout: 60_000 }
	);
	const [lon0, lat0, zoom] = (await map.getAttribute('data-view'))!.split(',').map(Number) as [
		number,
		number,
		number
	];
	await map.scrollIntoViewIfNeeded();
	const png = PNG.sync.read(await map.screenshot({ path: shot }));
	const box = (await map.boundingBox())!;
	const dpr = png.width / box.width;
	const controls = await page
		.locator('.maplibregl-ctrl')
		.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
	// Web Mercator as MapLibre draws it (512 px tiles), in CSS px from the map's top left
	const world = 512 * 2 ** zoom;
	const mx = (lon: number) => ((lon + 180) / 360) * world;
	const my = (lat: number) =>
		((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * world;
	const sx = (lon: number) => box.width / 2 + mx(lon) - mx(lon0);
	const sy = (lat: number) => box.height / 2 + my(lat) - my(lat0);
	const rgb = (x: number, y: number) => {
		const i = (Math.round(y * dpr) * png.width + Math.round(x * dpr)) * 4;
		return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
	};
	const usable = (x: number, y: number) =>
		x > 8 &&
		y > 8 &&
		x < box.width - 8 &&
		y < box.height - 8 &&
		!controls.some(
			(c) =>
				x + box.x > c.left - 8 && x + box.x < c.right + 8 && y + box.y > c.top - 8 && y + box.y < c.bottom + 8
		);
	const land = JSON.parse(readFileSync(`${OUT}/data/land.geojson`, 'utf8')) as FeatureCollection;
	const [w, s, e, n] = bbox({
		...land,
		features: land.features.filter((f) => f.properties?.surface === 'land')
	});
	// the old picture: land colour on one side of a straight edge, sea on the other
	const near = (c: number[], ref: readonly number[]) => c.every((v, i) => Math.abs(v - ref[i]!) <= 6);
	const [LAND, SEA] = [
		[0xef, 0xec, 0xe4],
		[0xdc, 0xe8, 0xf2]
	] as const;
	const pairs: { at: string; same: boolean; cut: boolean }[] = [];
	for (let k = 1; k < 8; k++) {
		const lon = w + ((e - w) * k) / 8;
		const lat = s + ((n - s) * k) / 8;
		// across the west and east edges (left/right of the line) and the south and north ones (above/below)
		for (const [x, y, dx, dy] of [
			[sx(w), sy(lat), 5, 0],
			[sx(e), sy(lat), 5, 0],
			[sx(lon), sy(s), 0, 5],
			[sx(lon), sy(n), 0, 5]
		] as const) {
			if (!usable(x - dx, y - dy) || !usable(x + dx, y + dy)) continue;
			const [a, b] = [rgb(x - dx, y - dy), rgb(x + dx, y + dy)];
			pairs.push({
				at: `(${x.toFixed(0)}, ${y.toFixed(0)}): ${a} | ${b}`,
				same: Math.max(...a.map((v, i) => Math.abs(v - b[i]!))) <= 4,
				cut: (near(a, LAND) && near(b, SEA)) || (near(a, SEA) && near(b, LAND))
			});
		}
	}
	return pairs;
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
		const html = readFileSync(`${OUT}/progress/index.html`, 'utf8');
		const csp = /http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
		expect(csp).toContain("default-src 'self'");
		expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[^']+')*;/);
		expect(csp).not.toMatch(/https?:/);
		expect(csp).not.toContain("'unsafe-eval'");
		expect(csp).not.toContain("'unsafe-inline'");
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
		expect(await card.locator('[data-testid="card-stage"] strong').textContent()).toBe(
			WORKFLOW_STAGES.find((s) => s.id === 'construction')!.name
		);
		expect(await card.locator('[data-testid="card-investment"]').textContent()).toBe(
			money(target!.investment)
		);
		const next = nextStage('construction')!;
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

	it('the map has a legend: every public stage class and the town shading, readable at 360 px', async () => {
		const p = await phone();
		const { page } = p;
		await page.goto(server.url + '/progress/');
		await dbReady(page);
		const legend = page.getByTestId('map-legend');
		await legend.scrollIntoViewIfNeeded();
		const items = await page.getByTestId('legend-stages').locator('li').allTextContents();
		expect(items.map((x) => x.trim())).toEqual(STAGE_CLASSES.map((c) => c.zh));
		expect(await legend.textContent()).toContain('乡镇街道底色：已完成改造的小区数');
		const summary = JSON.parse(readFileSync(`${OUT}/data/summary.json`, 'utf8')) as ProgressSummary;
		const max = Math.max(...summary.towns.map((x) => x.renovated));
		expect(max).toBeGreaterThan(0);
		expect(await page.getByTestId('legend-max').textContent()).toBe(`${max} 个`);
		// nothing cut off: every line inside the screen, no text overflowing its box
		for (const box of await legend
			.locator('li, .what, .ramp')
			.evaluateAll((els) =>
				els.map((e) => ({ right: e.getBoundingClientRect().right, over: e.scrollWidth > e.clientWidth }))
			)) {
			expect(box.right).toBeLessThanOrEqual(360);
			expect(box.over).toBe(false);
		}
		await legend.screenshot({ path: 'test-results/progress-legend.png' });
		await page.getByTestId('lang-switch').tap();
		expect(
			(await page.getByTestId('legend-stages').locator('li').allTextContents()).map((x) => x.trim())
		).toEqual(STAGE_CLASSES.map((c) => c.en));
		await legend.screenshot({ path: 'test-results/progress-legend-en.png' });
		expect(p.errors).toEqual([]);
		await p.context.close();
	});

	it('zoomed out, nothing looks cut by a box: across each edge of the land data, one colour', async () => {
		const p = await phone();
		await p.page.goto(server.url + '/progress/');
		const pairs = await acrossLandBox(p.page, 'test-results/progress-zoomed-out.png');
		// the box is in view: most of its edge was checked; nowhere land meets sea along it, and (a town label
		// or a dot may sit on a sample) nearly everywhere both sides are one colour
		expect(pairs.length).toBeGreaterThan(16);
		expect(pairs.filter((x) => x.cut).map((x) => x.at)).toEqual([]);
		expect(pairs.filter((x) => x.same).length).toBeGreaterThanOrEqual(pairs.length * 0.85);
		expect(p.errors).toEqual([]);
		await p.context.close();
	});

	it('the box check is not blind: with the bare land file (no mask) it finds the cut', async () => {
		const p = await phone();
		await p.page.route('**/data/land.geojson', (r) =>
			r.fulfill({ body: readFileSync('data/geo/land-osm.geojson'), contentType: 'application/json' })
		);
		await p.page.goto(server.url + '/progress/');
		const pairs = await acrossLandBox(p.page, 'test-results/progress-zoomed-out-unmasked.png');
		expect(pairs.filter((x) => x.cut).length).toBeGreaterThan(3);
		await p.context.close();
	});

	it('in English: ?lang=en', async () => {
		const p = await phone('en');
		await p.page.goto(server.url + '/progress/?lang=en');
		await p.page.waitForSelector('[data-figure="renovated"]');
		expect(await p.page.textContent('h1')).toBe('Yueqing old community renovation: progress');
		expect(await p.page.textContent('[data-figure="renovated"] .label')).toBe('Renovated');
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
		const tampered = 'test-results/xss-communities.parquet';
		await db.run(
			`COPY (SELECT * REPLACE (CASE WHEN id = '${first!.id}' THEN '${XSS}' ELSE name END AS name) FROM '${OUT}/data/communities.parquet') TO '${tampered}' (FORMAT parquet)`
		);
		const summary = JSON.parse(readFileSync(`${OUT}/data/summary.json`, 'utf8')) as ProgressSummary;
		summary.towns[0]!.name = XSS;
		await page.route('**/data/communities.parquet', (r) => r.fulfill({ body: readFileSync(tampered) }));
		await page.route('**/data/summary.json', (r) => r.fulfill({ json: summary }));
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
