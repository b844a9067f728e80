// npm run data [-- --input PATH ...] [--mapping m.json] [--as-of YYYY-MM-DD] [--crs gcj02] [--out DIR]
// [--max-rows N --max-file-mb N: past the importer's per-file limits, for npm run bench's generated datasets]
// Validates the dataset (the bundled example, or the office's files) and writes static/data: one Parquet file
// per table, towns.geojson and manifest.json. On any error it writes nothing and the previous build stays.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { asOfSourceWords, isIsoDate, todayInYueqing } from '../src/lib/ingest/import/as-of';
import { parseArgs } from 'node:util';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { formatProblem } from '../src/lib/ingest/problems';
import type { DatasetMeta } from '../src/lib/schema/rows';
import { deriveStatus, mapColumns, policyInForce, STATUS_COLUMNS } from '../src/lib/verdict/derived';
import { SCHEMA_VERSION, type ColumnType } from '../src/lib/schema/schema';
import { validateTownRegions } from '../src/lib/ingest/regions';
import { makeLocate } from '../src/lib/geo/locate';
import { loadGeography } from '../src/node/geography';
import { mapArrow } from '../src/node/map-arrow';
import { budgetInputsFiles, INPUTS_FILE, VERDICT_INPUTS_FILE } from '../src/lib/files/budget-inputs-file';
import { readInputs } from '../src/node/read-input';
import { parseMapping, type ColumnMapping } from '../src/lib/ingest/import';
import { MAX_FILE_BYTES, MAX_ROWS } from '../src/lib/ingest/import/decode';
import { writeBuild } from '../src/node/write-build';
import { writeCardFiles } from '../src/node/public-data';
import { progressRows, progressSummary } from '../src/lib/progress/progress-table';
import { progressColumns, progressFiles } from '../src/lib/progress/compact';
import { townNameEn } from '../src/lib/files/pinyin';
import { landWithMask } from '../src/node/coast';
import { PROGRESS_COLUMNS } from '../src/lib/progress/summary';
import { communitySlices } from '../src/lib/files/community-slices';
import { LIST_COLUMNS_FILE, listColumns } from '../src/lib/files/list-columns';

const { values } = parseArgs({
	options: {
		input: { type: 'string', multiple: true },
		crs: { type: 'string', default: 'wgs84' },
		mapping: { type: 'string' },
		'as-of': { type: 'string' },
		out: { type: 'string', default: 'static/data' },
		// every problem as JSON (the office server's report), written whether or not the build succeeds
		report: { type: 'string' },
		// per-file limits past the importer's (npm run bench's generated 300k and 1M datasets only)
		'max-rows': { type: 'string' },
		'max-file-mb': { type: 'string' }
	}
});
if (values.crs !== 'wgs84' && values.crs !== 'gcj02') {
	console.error(`--crs 只能是 wgs84 或 gcj02 / --crs takes wgs84 or gcj02 (${values.crs})`);
	process.exit(2);
}
const asOfFlag = values['as-of'];
if (asOfFlag !== undefined && !isIsoDate(asOfFlag)) {
	console.error(`--as-of 应为日期 YYYY-MM-DD / --as-of takes a date YYYY-MM-DD (${asOfFlag})`);
	process.exit(2);
}
let mapping: ColumnMapping | undefined;
if (values.mapping) {
	let parsed: ReturnType<typeof parseMapping>;
	try {
		parsed = parseMapping(JSON.parse(readFileSync(values.mapping, 'utf8')));
	} catch (e) {
		parsed = { ok: false, zh: '不是有效的JSON', en: `not valid JSON: ${(e as Error).message}` };
	}
	if (!parsed.ok) {
		console.error(`映射文件 ${values.mapping}：${parsed.zh} / mapping file: ${parsed.en}`);
		process.exit(2);
	}
	mapping = parsed.mapping;
}
const started = performance.now();
const inputs = values.input ?? ['data/example'];
for (const p of inputs) {
	if (!existsSync(p)) {
		console.error(`找不到输入文件 / input not found: ${p}`);
		process.exit(2);
	}
}

const geo = loadGeography();
const input = await readInputs(inputs, {
	defaultTowns: geo.towns,
	locate: makeLocate(geo.outline),
	outline: geo.outline,
	crs: values.crs,
	mapping,
	limits:
		values['max-rows'] || values['max-file-mb']
			? {
					rows: Number(values['max-rows'] ?? MAX_ROWS),
					fileBytes: Number(values['max-file-mb'] ?? MAX_FILE_BYTES / 1048576) * 1048576
				}
			: undefined
});
const { dataset } = input;
const all = [...input.problems];

const regions = (input.townRegions ??
	JSON.parse(readFileSync('data/towns.geojson', 'utf8'))) as FeatureCollection<Polygon | MultiPolygon>;
const codes = new Set(dataset.towns.map((t) => t.code));
// A boundary file among the inputs was checked by the importer; the bundled schematic one is checked here.
if (!input.townRegions) all.push(...validateTownRegions(regions, codes, geo.outline, 'data/towns.geojson'));

if (values.report) writeFileSync(values.report, JSON.stringify(all));
for (const p of all.filter((x) => x.level === 'notice')) console.warn(`提示 notice: ${formatProblem(p)}`);
const errors = all.filter((p) => p.level === 'error');
if (errors.length > 0) {
	for (const p of errors) console.error(`错误 error: ${formatProblem(p)}`);
	console.error(
		`\n共 ${errors.length} 个错误，未写入任何文件，上一次的构建保持不变。\n${errors.length} error(s): nothing was written; the previous build is unchanged.`
	);
	process.exit(1);
}

const metaPath = inputs.map((p) => `${p}/metadata.json`).find((p) => existsSync(p));
const meta: DatasetMeta = metaPath
	? { ...(JSON.parse(readFileSync(metaPath, 'utf8')) as DatasetMeta), asOfSource: { kind: 'metadata' } }
	: {
			example: false,
			title: '乐清市城镇老旧小区改造数据',
			schemaVersion: SCHEMA_VERSION,
			// 数据截至: --as-of, else the workbook's 说明 sheet, else today — and where it came from, said below
			asOf: input.asOf ?? todayInYueqing(),
			asOfSource: input.asOfSource ?? { kind: 'today' },
			schematicBoundaries: !input.townRegions
		};
// --as-of wins over every other date, metadata.json's included
if (asOfFlag !== undefined) {
	meta.asOf = asOfFlag;
	meta.asOfSource = { kind: 'flag' };
}
const asOfFrom = asOfSourceWords(meta.asOfSource);
const asOfLine = `数据截至 ${meta.asOf}（${asOfFrom.zh}）/ data as of ${meta.asOf} (${asOfFrom.en})`;
if (meta.asOfSource?.kind === 'today') console.warn(`提示 notice: ${asOfLine}`);
else console.log(asOfLine);
if (input.townRegions)
	meta.schematicBoundaries = Boolean(input.townRegions.features[0]?.properties?.schematic);

let policy;
try {
	policy = policyInForce(meta.asOf);
} catch (e) {
	console.error(`错误 error: ${(e as Error).message}`);
	process.exit(1);
}
const status = deriveStatus(dataset, meta.asOf, policy);
const statusTable = {
	name: 'status',
	columns: STATUS_COLUMNS.map(([, name, type]): [string, ColumnType] => [name, type]),
	rows: status.map((s) => Object.fromEntries(STATUS_COLUMNS.map(([key, name]) => [name, s[key]])))
};
const progress = progressRows(dataset, status);
const progressTable = {
	name: 'progress',
	columns: PROGRESS_COLUMNS.map(([name, type]): [string, ColumnType] => [name, type]),
	rows: progress
};
const budget = budgetInputsFiles(dataset, status);
const namedTowns = dataset.towns.map((t) => ({ ...t, name_en: townNameEn(t) }));
const files = {
	'summary.json': JSON.stringify(progressSummary(dataset, progress, meta, namedTowns)),
	'map.arrow': mapArrow(mapColumns(dataset, status)),
	// the community page's rows without DuckDB-WASM: community/<n>.json (internal: the public build does not copy it)
	...communitySlices(dataset),
	// /'s list export without DuckDB-WASM: what map.arrow lacks of it, row for row
	[LIST_COLUMNS_FILE]: JSON.stringify(listColumns(dataset, status)),
	// /budget's worker inputs, read without DuckDB-WASM (internal: the public build copies neither): a run under the
	// policy in force with the verdicts above, and what a scenario changing a policy field judges again from
	[INPUTS_FILE]: budget.run,
	[VERDICT_INPUTS_FILE]: budget.verdict,
	// the public page's points and search text (two files), before (and without) DuckDB-WASM
	...progressFiles(progressColumns(dataset.communities.map((c, i) => ({ ...c, ...progress[i]! })))),
	'boundary.geojson': readFileSync('data/geo/yueqing-boundary.geojson', 'utf8'),
	// the land with a mask beyond the county's surround: no box edge of the land data in view
	'land.geojson': JSON.stringify(
		landWithMask(
			JSON.parse(readFileSync('data/geo/land-osm.geojson', 'utf8')) as FeatureCollection,
			JSON.parse(readFileSync('data/geo/yueqing-surround.geojson', 'utf8')) as FeatureCollection
		)
	)
};
const counts = await writeBuild(values.out, dataset, regions, meta, input.files, {
	tables: [statusTable, progressTable],
	files,
	// the residents' card without DuckDB-WASM (the dashboard's /progress; the public build writes its own)
	finish: (dir) => writeCardFiles(dir, dir)
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
	`数据构建完成 / built ${values.out}${meta.example ? '（示例数据 example data）' : ''}: ${Object.entries(
		counts
	)
		.map(([t, n]) => `${t} ${n}`)
		.join(', ')} in ${seconds} s`
);
