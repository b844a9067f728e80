// npm run data [-- --input PATH ...] [--mapping m.json] [--as-of YYYY-MM-DD] [--crs gcj02] [--out DIR]
// [--previous BUILD|PATH ... [--renumber r.json] [--write-renumber r.json]]: compare with the previous data (a
// build folder such as static/data, or its ledger files); say which new ids are probably renumbered old ones;
// carry their history over as the renumbering file says (src/lib/ingest/renumber.ts, carry-history.ts)
// [--place-at-seat]: a list without coordinates (a city's plan table, issue 20) is placed as /data's suggestion does —
// each community without a point at its town's seat (驻地), said in one notice; move them later on /data
// [--max-rows N --max-file-mb N: past the importer's per-file limits, for npm run bench's generated datasets]
// Validates the dataset (the bundled example, or the office's files) and writes static/data: one Parquet file
// per table, towns.geojson and manifest.json. On any error it writes nothing and the previous build stays.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { asOfSourceWords, isIsoDate, todayInYueqing } from '../src/lib/ingest/import/as-of';
import { parseArgs } from 'node:util';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readDatasetMeta } from '../src/lib/ingest/dataset-meta';
import { formatProblem } from '../src/lib/ingest/problems';
import type { DatasetMeta } from '../src/lib/schema/rows';
import { deriveStatus, mapColumns, policyInForce, STATUS_COLUMNS } from '../src/lib/verdict/derived';
import { COMMUNITY_FACTS, SCHEMA_VERSION, type ColumnType } from '../src/lib/schema/schema';
import { validateTownRegions } from '../src/lib/ingest/regions';
import { makeLocate } from '../src/lib/geo/locate';
import { loadGeography } from '../src/node/geography';
import { mapArrow } from '../src/node/map-arrow';
import { budgetInputsFiles, INPUTS_FILE, VERDICT_INPUTS_FILE } from '../src/lib/files/budget-inputs-file';
import { readInputs } from '../src/node/read-input';
import { placeAtSeats } from '../src/lib/ingest/placement';
import { completenessByTown, factEnglish, factHeader } from '../src/lib/ingest/completeness';
import { parseMapping, type ColumnMapping, type ImportOptions } from '../src/lib/ingest/import';
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
import type { Dataset } from '../src/lib/schema/rows';
import type { Problem } from '../src/lib/ingest/problems';
import { diffCommunities } from '../src/lib/ingest/diff';
import {
	matchable,
	proposeRenumbering,
	reasonWords,
	renumberFile,
	renumberSummary
} from '../src/lib/ingest/renumber';
import {
	carryHistory,
	checkRenumbering,
	historyCounts,
	supersededWords,
	parseRenumbering,
	type Renumbering
} from '../src/lib/ingest/carry-history';
import { isBuildFolder, readBuild } from '../src/node/read-build';

const { values } = parseArgs({
	options: {
		input: { type: 'string', multiple: true },
		crs: { type: 'string', default: 'wgs84' },
		mapping: { type: 'string' },
		'as-of': { type: 'string' },
		out: { type: 'string', default: 'static/data' },
		// every problem as JSON (the office server's report), written whether or not the build succeeds
		report: { type: 'string' },
		// the data to compare with: a build folder (static/data) or the previous ledger's files
		previous: { type: 'string', multiple: true },
		// the keeper's renumbering (old id → new id, keep new or old): the history carried over
		renumber: { type: 'string' },
		// write the proposed renumbering there, for the keeper to check and pass back with --renumber
		'write-renumber': { type: 'string' },
		// communities without a point placed at their town's seat (/data's 用建议位置), with a notice naming them
		'place-at-seat': { type: 'boolean', default: false },
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
let renumbering: Renumbering[] | undefined;
if (values.renumber) {
	if (!values.previous) {
		console.error(
			'--renumber 需要 --previous（上次的数据）/ --renumber needs --previous (the previous data)'
		);
		process.exit(2);
	}
	let parsed: ReturnType<typeof parseRenumbering>;
	try {
		parsed = parseRenumbering(JSON.parse(readFileSync(values.renumber, 'utf8')));
	} catch (e) {
		parsed = { ok: false, zh: '不是有效的JSON', en: `not valid JSON: ${(e as Error).message}` };
	}
	if (!parsed.ok) {
		console.error(`对应表文件 ${values.renumber}：${parsed.zh} / renumbering file: ${parsed.en}`);
		process.exit(2);
	}
	renumbering = parsed.renumbering;
}
const started = performance.now();
const inputs = values.input ?? ['data/example'];
for (const p of [...inputs, ...(values.previous ?? [])]) {
	if (!existsSync(p)) {
		console.error(`找不到输入文件 / input not found: ${p}`);
		process.exit(2);
	}
}

const geo = loadGeography();
const importOptions: ImportOptions = {
	defaultTowns: geo.towns,
	locate: makeLocate(geo.outline),
	outline: geo.outline,
	crs: values.crs,
	mapping,
	allowMissingPoint: values['place-at-seat'],
	limits:
		values['max-rows'] || values['max-file-mb']
			? {
					rows: Number(values['max-rows'] ?? MAX_ROWS),
					fileBytes: Number(values['max-file-mb'] ?? MAX_FILE_BYTES / 1048576) * 1048576
				}
			: undefined
};
const input = await readInputs(inputs, importOptions);
let { dataset } = input;
const all = [...input.problems];
if (values['place-at-seat']) {
	const placed = placeAtSeats(dataset, inputs.join(', '));
	dataset = placed.dataset;
	// one notice for them all instead of one per row (请在地图上放置)
	all.splice(0, all.length, ...all.filter((p) => p.kind !== 'no-point'), ...placed.problems);
}

const regions = (input.townRegions ??
	JSON.parse(readFileSync('data/towns.geojson', 'utf8'))) as FeatureCollection<Polygon | MultiPolygon>;
const codes = new Set(dataset.towns.map((t) => t.code));
// A boundary file among the inputs was checked by the importer; the bundled schematic one is checked here.
if (!input.townRegions) all.push(...validateTownRegions(regions, codes, geo.outline, 'data/towns.geojson'));

if (values.previous && !all.some((p) => p.level === 'error')) {
	const compared = await compareWithPrevious(values.previous, dataset);
	dataset = compared.dataset;
	all.push(...compared.problems);
}

// a folder's metadata.json (the data's title and date), checked: a broken one is an error naming its field
const metaPath = inputs.map((p) => `${p}/metadata.json`).find((p) => existsSync(p));
const metaRead = metaPath
	? readDatasetMeta(readFileSync(metaPath, 'utf8'), 'metadata.json', !input.townRegions)
	: undefined;
if (metaRead) all.push(...metaRead.problems);

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

const meta: DatasetMeta = metaRead?.meta
	? { ...metaRead.meta, asOfSource: { kind: 'metadata' } }
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
	'map.arrow': mapArrow(mapColumns(dataset, status, meta.asOf)),
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

// 资料完整度 per town (issue 20), as /data's view counts it: only when some community lacks a fact
const lacks = new Map(status.map((s) => [s.id, s.missing ? s.missing.split(',') : []]));
const complete = completenessByTown(dataset, (c) => lacks.get(c.id) ?? []);
if (complete.total.incomplete > 0) {
	console.log('资料完整度 / completeness (per town: communities, judgeable, lacking facts; lacking each):');
	for (const t of [...complete.towns, complete.total]) {
		const each = COMMUNITY_FACTS.filter((f) => t.missing[f] > 0);
		console.log(
			`  ${t.name}：${t.communities}个小区，资料够判断${t.judgeable}个，缺资料${t.incomplete}个${
				each.length > 0 ? `（${each.map((f) => `${factHeader(f)}缺${t.missing[f]}`).join('、')}）` : ''
			} / ${t.code ? `${t.name} (${t.code})` : 'all'}: ${t.communities} communities, ${t.judgeable} judgeable, ${t.incomplete} lacking facts${
				each.length > 0 ? ` (${each.map((f) => `${factEnglish(f)} ${t.missing[f]}`).join(', ')})` : ''
			}`
		);
	}
}

/**
 * The comparison with the previous data (--previous): its summary, the proposed renumbering (written with
 * --write-renumber), and the history carried over as --renumber says. Returns the dataset to build and the
 * problems (a renumbering that does not fit, a carried stage out of order: errors; rows superseded: notices).
 */
async function compareWithPrevious(
	paths: string[],
	imported: Dataset
): Promise<{ dataset: Dataset; problems: Problem[] }> {
	const where = paths.join(', ');
	let previous: Dataset;
	if (paths.length === 1 && isBuildFolder(paths[0]!)) previous = await readBuild(paths[0]!);
	else {
		const read = await readInputs(paths, importOptions);
		const errors = read.problems.filter((p) => p.level === 'error');
		if (errors.length > 0) {
			for (const p of errors) console.error(`错误 error（上次的数据 previous data）: ${formatProblem(p)}`);
			console.error(
				`上次的数据 ${where} 有 ${errors.length} 个错误，无法对比 / the previous data has ${errors.length} error(s): cannot compare`
			);
			process.exit(2);
		}
		previous = read.dataset;
	}
	const diff = diffCommunities(previous.communities, imported.communities);
	const proposal = proposeRenumbering(diff.removed.map(matchable), diff.added.map(matchable), imported.towns);
	const summary = renumberSummary(proposal);
	console.log(
		`与上次的数据对比（${where}）：${summary.zh}，${diff.changed.length} 个有变化，${diff.unchanged} 个无变化\n` +
			`compared with the previous data (${where}): ${summary.en}, ${diff.changed.length} changed, ${diff.unchanged} unchanged`
	);
	const pairLine = (p: (typeof proposal.pairs)[number]) =>
		`  ${p.old.id} ${p.old.name} → ${p.new.id} ${p.new.name}：${p.reasons.map((r) => reasonWords(r).zh).join('；')} / ${p.reasons.map((r) => reasonWords(r).en).join('; ')}`;
	for (const p of proposal.pairs) console.log(pairLine(p));
	for (const t of proposal.ties) {
		console.log('  证据相当、未配对，请自行判断 / equally strong, not paired — yours to decide:');
		for (const p of t.candidates) console.log(`  ${pairLine(p)}`);
	}
	if (values['write-renumber']) {
		writeFileSync(values['write-renumber'], JSON.stringify(renumberFile(proposal), null, '\t') + '\n');
		console.log(
			`建议的对应表已写入 ${values['write-renumber']}：核对（删去不对的，"keep":"old" 保留旧编号）后用 --renumber 传入\n` +
				`proposed renumbering written to ${values['write-renumber']}: check it (drop wrong pairs; "keep":"old" keeps the old id), then pass it with --renumber`
		);
	}
	if (!renumbering) {
		if (proposal.pairs.length > 0)
			console.warn(
				`提示 notice: 未带入历史：${proposal.pairs.length} 个可能重新编号的小区按新增处理，其旧编号下的改造内容、表决、资金、阶段不会带过来；用 --write-renumber 写出建议、--renumber 带入\n` +
					`notice: no history carried: the ${proposal.pairs.length} probably renumbered communities count as new, their works, votes, funds and stages under the old ids stay behind; --write-renumber writes the proposal, --renumber carries it over`
			);
		return { dataset: imported, problems: [] };
	}
	const file = values.renumber!;
	const misfit = checkRenumbering(
		renumbering,
		new Set(previous.communities.map((c) => c.id)),
		new Set(imported.communities.map((c) => c.id)),
		file
	);
	if (misfit.length > 0) return { dataset: imported, problems: misfit };
	const result = carryHistory(imported, previous, renumbering, where);
	const keptNew = renumbering.filter((r) => r.keep === 'new').length;
	const [moved, there] = [historyCounts(result.carried), historyCounts(result.alreadyThere)];
	console.log(
		`按 ${file} 处理 ${renumbering.length} 个重新编号的小区（${keptNew} 个用新编号，${renumbering.length - keptNew} 个保留旧编号）；` +
			`带入的历史记录：${moved.zh}；新台账已有：${there.zh}\n` +
			`${renumbering.length} renumbered communities as ${file} says (${keptNew} under the new id, ${renumbering.length - keptNew} keep the old one); ` +
			`history rows carried over: ${moved.en}; already in the new ledger: ${there.en}`
	);
	const superseded: Problem[] = result.superseded.map((s) => {
		const words = supersededWords(s);
		return {
			file: where,
			row: 0,
			community: (s.kept as { community_id: string }).community_id,
			zh: `新台账的同一行取值不同，用新台账的：${words.zh}`,
			en: `the new ledger's row of the same key differs; the new ledger's is kept: ${words.en}`,
			kind: 'renumber-superseded',
			level: 'notice'
		};
	});
	return { dataset: result.dataset, problems: [...result.problems, ...superseded] };
}
