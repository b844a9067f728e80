// The importer in Chromium gives the same verdict as in Node: the same file, the same rows, the same messages
// (issue 11: "one importer, two doors"). It is bundled for the browser as the app bundles it (no node:fs), then
// run in a page on the office's files: workbooks (.xlsx, .xls, .et), GBK and UTF-16 text, GeoJSON with a BOM.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles, type ImportResult } from '../../src/lib/ingest/import';
import { loadGeography } from '../../src/node/geography';
import { launchBrowser } from '../../scripts/lib/harness/browser';

const geo = loadGeography();
const CASES: string[][] = [
	['../shared/field-cases/01-title-row/台账-加标题行.xlsx'],
	['../shared/field-cases/17-xls-et/旧改台账.xls'],
	['../shared/field-cases/17-xls-et/旧改台账.et'],
	['../shared/field-cases/07-cn-date-format/旧改台账-中文日期.xlsx'],
	['../shared/field-cases/10-percent-satisfaction/小区-满意度百分比.xlsx'],
	['../shared/field-cases/04-units-wan/communities.csv', '../shared/field-cases/04-units-wan/works.csv'],
	['../shared/field-cases/05-year-as-text/communities.csv'],
	['../shared/field-cases/06-town-short-names/communities.csv'],
	[
		'../shared/field-cases/13-geojson-bom/communities.csv',
		'../shared/field-cases/13-geojson-bom/乡镇街道边界.geojson'
	],
	['tests/fixtures/bad/gbk-encoding/communities.csv'],
	['tests/fixtures/office/utf16-tab/communities.txt'],
	['tests/fixtures/office/two-row-header/台账.xlsx'],
	['tests/fixtures/bad/formula-no-result/台账.xlsx']
];

const files = (paths: string[]) =>
	paths.map((p) => ({ name: p.split('/').pop()!, bytes: [...readFileSync(p)] }));
const summary = (r: ImportResult) => ({
	dataset: r.dataset,
	problems: r.problems,
	unplaced: r.unplaced,
	asOf: r.asOf,
	townRegions: r.townRegions
});

let browser: Browser;
let bundle: string;

beforeAll(async () => {
	const out = await build({
		entryPoints: ['src/lib/ingest/import/index.ts'],
		bundle: true,
		platform: 'browser',
		format: 'iife',
		globalName: 'Importer',
		write: false,
		logLevel: 'silent'
	});
	bundle = out.outputFiles[0]!.text;
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
});

describe('importFiles in Chromium', () => {
	it('bundles for the browser without Node built-ins', () => {
		expect(bundle).not.toMatch(/require\("(node:)?fs"\)/);
	});

	it('gives the same dataset, problems and messages as in Node, file by file', async () => {
		const page = await browser.newPage();
		await page.setContent('<!doctype html><meta charset="utf-8"><title>import</title>');
		await page.addScriptTag({ content: bundle });
		for (const paths of CASES) {
			const input = files(paths);
			const inBrowser = await page.evaluate(
				async ({ input, towns, outline }) => {
					const w = window as unknown as { Importer: { importFiles: typeof importFiles } };
					const r = await w.Importer.importFiles(
						input.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) })),
						{ defaultTowns: towns, outline }
					);
					return {
						dataset: r.dataset,
						problems: r.problems,
						unplaced: r.unplaced,
						asOf: r.asOf,
						townRegions: r.townRegions
					};
				},
				{ input, towns: geo.towns, outline: geo.outline }
			);
			const inNode = await importFiles(
				input.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) })),
				{ defaultTowns: geo.towns, outline: geo.outline }
			);
			expect(JSON.parse(JSON.stringify(inBrowser)), paths.join(' + ')).toEqual(
				JSON.parse(JSON.stringify(summary(inNode)))
			);
		}
		await page.close();
	});
});
