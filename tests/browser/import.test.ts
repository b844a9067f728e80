// The importer in Chromium gives the same verdict as in Node: the same file, the same rows, the same messages
// (issue 11: "one importer, two doors"). It is bundled for the browser as the app bundles it (no node:fs), then
// run in a page (with /data's options) on every field case of both rounds and every held-back kind — whose right
// outcomes tests/unit/data/field-cases*.test.ts check in Node — and on the office corpus's encodings.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	importFiles,
	parseMapping,
	type ColumnMapping,
	type ImportResult
} from '../../src/lib/ingest/import';
import { readFiles } from '../../src/node/read-input';
import { loadGeography } from '../../src/node/geography';
import { launchBrowser } from '../../scripts/lib/harness/browser';

const geo = loadGeography();
const FIXTURES = 'tests/fixtures';
/** Every field case (both rounds) and held-back kind, each folder's files as the keeper would drop them. */
const FOLDERS = ['field-cases', 'field-cases-r3', 'held-back'].flatMap((set) =>
	readdirSync(join(FIXTURES, set), { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.map((d) => join(FIXTURES, set, d.name))
);
const SHAPEFILE = /\.(shp|shx|dbf|prj|cpg)$/i;

interface Case {
	paths: string[];
	mapping?: ColumnMapping;
}

/**
 * The runs of one folder: each data file alone (a shapefile's parts together), each with each of the folder's
 * mapping files, and the folder as a whole (as `npm run data -- --input folder` reads it).
 */
function casesOf(folder: string): Case[] {
	const all = readFiles([folder]).map((f) => f.path);
	const mappings = all.filter((p) => /列映射.*\.json$/.test(p));
	const data = all.filter((p) => !/\.json$/.test(p) || /\.geojson$/.test(p));
	const units = new Map<string, string[]>();
	for (const p of data) {
		const key = SHAPEFILE.test(p) ? p.replace(SHAPEFILE, '') : p;
		units.set(key, [...(units.get(key) ?? []), p]);
	}
	const alone = [...units.values()];
	const cases: Case[] = alone.map((paths) => ({ paths }));
	for (const m of mappings) {
		const parsed = parseMapping(JSON.parse(readFileSync(m, 'utf8')));
		if (!parsed.ok) throw new Error(`${m}: ${parsed.zh}`);
		cases.push(...alone.map((paths) => ({ paths, mapping: parsed.mapping })));
	}
	if (alone.length > 1) cases.push({ paths: data });
	return cases;
}
const CASES: Case[] = [
	...FOLDERS.flatMap(casesOf),
	{ paths: ['tests/fixtures/bad/gbk-encoding/communities.csv'] },
	{ paths: ['tests/fixtures/office/utf16-tab/communities.txt'] },
	{ paths: ['tests/fixtures/office/two-row-header/台账.xlsx'] },
	{ paths: ['tests/fixtures/bad/formula-no-result/台账.xlsx'] }
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

	// one test per folder (and one for the corpus), each with its own time: a page per test
	const groups = new Map<string, Case[]>();
	for (const c of CASES) {
		const folder = c.paths[0]!.split('/').slice(0, -1).join('/');
		groups.set(folder, [...(groups.get(folder) ?? []), c]);
	}
	for (const [folder, cases] of groups)
		it(`gives the same dataset, problems and messages as in Node: ${folder}`, async () => {
			const page = await browser.newPage();
			await page.setContent('<!doctype html><meta charset="utf-8"><title>import</title>');
			await page.addScriptTag({ content: bundle });
			for (const { paths, mapping } of cases) {
				const input = files(paths);
				const inBrowser = await page.evaluate(
					async ({ input, towns, outline, mapping }) => {
						const w = window as unknown as { Importer: { importFiles: typeof importFiles } };
						const r = await w.Importer.importFiles(
							input.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) })),
							{ defaultTowns: towns, outline, mapping, allowMissingPoint: true }
						);
						return {
							dataset: r.dataset,
							problems: r.problems,
							unplaced: r.unplaced,
							asOf: r.asOf,
							townRegions: r.townRegions
						};
					},
					{ input, towns: geo.towns, outline: geo.outline, mapping }
				);
				const inNode = await importFiles(
					input.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) })),
					{ defaultTowns: geo.towns, outline: geo.outline, mapping, allowMissingPoint: true }
				);
				expect(
					JSON.parse(JSON.stringify(inBrowser)),
					`${paths.join(' + ')}${mapping ? ' (mapped)' : ''}`
				).toEqual(JSON.parse(JSON.stringify(summary(inNode))));
			}
			await page.close();
		});
});
