/**
 * The one importer of the office's files, for the CLI and the browser alike (pure: no node:fs). Files are read by
 * content (workbooks, CSV/TXT in any of the office's encodings, GeoJSON), laid out (title rows, units, totals),
 * normalised, checked (swapped coordinates, plausibility, duplicates) and validated against the schema and the
 * policy. Every problem names file, sheet, row, column and value, in Chinese and English.
 */
import { gcj02ToWgs84 } from '../../geo/gcj02';
import { detectDelimiter, parseCsv } from '../../files/csv';
import type { Problem } from '../problems';
import { validateTownRegions } from '../regions';
import { validateDataset, type RawTable } from '../validate';
import { decodeText, MAX_FILE_BYTES, MAX_ROWS, sniff } from './decode';
import { readFeatures, readGeojson } from './geojson';
import { isShapefilePart, readKml, readShapefiles, unzipFiles, zipEntries, type Layer } from './gis';
import type { Grid } from './grid';
import { layOut, type Laid } from './layout';
import { readAsOf } from './as-of';
import { checkRows } from './checks';
import { normalise } from './normalise';
import { fillIds } from './ids';
import { mergePointLayers } from './points-layer';
import type { TownName } from './towns';
import { readWorkbook } from './sheet';
import type { ImportOptions, ImportResult, InputFile, UnplacedColumn } from './types';

export type { ImportOptions, ImportResult, InputFile, UnplacedColumn } from './types';
export type { ColumnMapping } from './mapping';
export { parseMapping } from './mapping';

/** Kinds said once for several rows (the row is the first of them): no one community is meant. */
const SEVERAL_ROWS = new Set([
	'header-found',
	'unit-line',
	'blank-rows',
	'total-row',
	'footnote',
	'filtered-rows',
	'line-break',
	'invisible',
	'town-mapped',
	'town-from-sheet',
	'month-only',
	'dms',
	'approximate',
	'crs',
	'unplaced',
	'duplicate-column',
	'hidden-column',
	'id-generated',
	'facts-missing'
]);

const WORKBOOK = /\.(xlsx|xlsm|xlsb|xls|et|ods)$/i;
/** Files a keeper keeps beside the data (documents, pictures): named in a notice, not read. */
const NOT_DATA = /\.(pdf|docx?|wps|pptx?|png|jpe?g|gif|bmp|tiff?|md)$/i;

/** The first bytes of a file as text (to tell a KML from other XML). */
const decodeHead = (bytes: Uint8Array) => new TextDecoder().decode(bytes.subarray(0, 2048));

/**
 * A zip that is not a workbook: a zipped shapefile (one or more layers), a KMZ (its .kml), or anything else —
 * refused naming what it holds.
 */
function readArchive(
	name: string,
	bytes: Uint8Array,
	entries: string[],
	problems: Problem[]
): Layer[] | undefined {
	const files = unzipFiles(bytes);
	if (files.some((f) => isShapefilePart(f.name)))
		return readShapefiles(
			files.filter((f) => isShapefilePart(f.name)),
			name,
			problems
		);
	const kml = files.find((f) => /\.kml$/i.test(f.name));
	if (kml) {
		const layer = readKml(name, decodeText(name, kml.bytes, problems), problems);
		return layer ? [layer] : undefined;
	}
	const shown = entries.slice(0, 5).join('、') + (entries.length > 5 ? '…' : '');
	problems.push({
		file: name,
		row: 0,
		kind: 'unreadable',
		zh: `压缩包中没有可读取的数据（应为Shapefile图层或KMZ；其中有：${shown || '（空）'}）`,
		en: `nothing readable in the zip (expected a shapefile layer or a KMZ; it holds: ${shown || '(nothing)'})`,
		level: 'error'
	});
	return undefined;
}

function textGrid(file: string, text: string, problems: Problem[]): Grid {
	const delimiter = detectDelimiter(text);
	const { rows, lines } = parseCsv(text, delimiter);
	if (delimiter === ';')
		problems.push({
			file,
			row: 0,
			kind: 'delimiter',
			zh: '列之间用分号（;）分隔，已按分号读取',
			en: 'columns are separated by semicolons (;): read as such',
			level: 'notice'
		});
	return { file, rows, rowNumbers: lines, bad: new Map() };
}

/** The towns the communities' names are resolved against: the files' towns table, else the bundled list. */
function townsOf(laid: Laid[], fallback: TownName[]): TownName[] {
	const t = laid.find((l) => l.table === 'towns');
	if (!t) return fallback;
	const code = t.placements.findIndex((p) => p?.column.name === 'code');
	const name = t.placements.findIndex((p) => p?.column.name === 'name');
	if (code < 0 || name < 0) return fallback;
	return t.body.map((i) => {
		const row = t.grid.rows[i]!;
		const text = (row[code] ?? '').normalize('NFKC').trim();
		return { code: /^\d{9}000$/.test(text) ? text.slice(0, 9) : text, name: (row[name] ?? '').trim() };
	});
}

export async function importFiles(files: InputFile[], options: ImportOptions): Promise<ImportResult> {
	const problems: Problem[] = [];
	const grids: Grid[] = [];
	const result: Omit<ImportResult, 'dataset'> = { problems, tables: [], unplaced: [], files: [] };
	const maxBytes = options.limits?.fileBytes ?? MAX_FILE_BYTES;
	const maxRows = options.limits?.rows ?? MAX_ROWS;
	const shapeParts: InputFile[] = [];
	const layers: Layer[] = [];
	for (const { name, bytes } of files) {
		const kind = sniff(bytes);
		const fail = (zh: string, en: string, k: string) =>
			problems.push({ file: name, row: 0, kind: k, zh, en, level: 'error' });
		if (kind === 'empty') {
			fail('文件为空', 'the file is empty', 'empty');
			continue;
		}
		if (bytes.length > maxBytes) {
			fail(
				`文件过大（${(bytes.length / 1048576).toFixed(1)} MB，上限 ${maxBytes / 1048576} MB）`,
				`file too large (${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${maxBytes / 1048576} MB)`,
				'too-large'
			);
			continue;
		}
		// A shapefile's parts are read together, once every file is in (the .shp needs its .dbf, .prj, .cpg).
		if (isShapefilePart(name) && kind !== 'zip') {
			shapeParts.push({ name, bytes });
			result.files.push(name);
			continue;
		}
		const notData = NOT_DATA.exec(name);
		if (notData && kind !== 'json') {
			problems.push({
				file: name,
				row: 0,
				kind: 'not-data',
				zh: `${notData[1]!.toUpperCase()} 文件不是数据文件，未读取`,
				en: `a ${notData[1]!.toUpperCase()} file is not a data file: not read`,
				level: 'notice'
			});
			continue;
		}
		if (kind === 'zip') {
			const entries = zipEntries(bytes) ?? [];
			if (!entries.some((e) => e.startsWith('xl/') || e === 'content.xml')) {
				const read = readArchive(name, bytes, entries, problems);
				if (read) {
					layers.push(...read);
					result.files.push(name);
				}
				continue;
			}
		}
		if (kind === 'markup' && (/\.kml$/i.test(name) || /<kml[\s>]/.test(decodeHead(bytes)))) {
			const layer = readKml(name, decodeText(name, bytes, problems), problems);
			if (layer) layers.push(layer);
			result.files.push(name);
			continue;
		}
		// Web systems export "xls" files that are HTML tables or SpreadsheetML: SheetJS reads those too.
		const legacy = /\.(xls|et)$/i.test(name) && kind === 'markup';
		if (kind !== 'zip' && kind !== 'ole2' && !legacy && WORKBOOK.test(name)) {
			fail(
				'无法读取Excel文件（应为 .xlsx、.xls、.xlsb 或 WPS .et），文件内容不是工作簿，可能已损坏',
				'cannot read the workbook (expected .xlsx, .xls, .xlsb or WPS .et): the content is not a workbook; damaged?',
				'unreadable'
			);
			continue;
		}
		if (kind === 'zip' || kind === 'ole2' || legacy) {
			const sheets = readWorkbook(name, bytes, problems);
			const asOf = readAsOf(sheets, problems);
			if (asOf) {
				result.asOf = asOf.date;
				result.asOfSource = { kind: 'file', file: asOf.file, sheet: asOf.sheet };
			}
			grids.push(...sheets);
		} else {
			const text = decodeText(name, bytes, problems);
			if (kind === 'json') {
				const geo = readGeojson(name, text, problems, options.defaultTowns);
				if (geo?.townRegions) {
					result.townRegions = geo.townRegions;
					result.townRegionsFile = name;
				}
				if (geo?.points) grids.push(geo.points);
			} else grids.push(textGrid(name, text, problems));
		}
		result.files.push(name);
	}
	layers.push(...readShapefiles(shapeParts, undefined, problems));
	for (const layer of layers) {
		const geo = readFeatures(layer.file, layer.features, problems, options.defaultTowns);
		if (geo?.townRegions) {
			result.townRegions = geo.townRegions;
			result.townRegionsFile = layer.file;
		}
		if (geo?.points) grids.push(geo.points);
	}
	const laid: Laid[] = [];
	for (const file of new Set(grids.map((g) => g.file))) {
		const mine = grids.filter((g) => g.file === file);
		const found = mine.map((g) => layOut(g, problems)).filter((l): l is Laid => l !== undefined);
		if (found.length === 0 && mine.some((g) => g.sheet !== undefined))
			problems.push({
				file,
				row: 0,
				kind: 'no-table',
				zh: '没有可识别的工作表（工作表名或表头应与数据说明一致）',
				en: 'no sheet named after a table or with its headers',
				level: 'error'
			});
		laid.push(...found);
	}
	const towns = townsOf(laid, options.defaultTowns);
	const tables: RawTable[] = [];
	const layerTables = new Set<RawTable>();
	const refusedTables = new Set<RawTable>();
	const unplaced: UnplacedColumn[] = [];
	for (const l of laid) {
		if (l.body.length > maxRows) {
			problems.push({
				file: l.grid.file,
				sheet: l.grid.sheet,
				row: 0,
				kind: 'too-many-rows',
				zh: `行数过多（${l.body.length}行，上限${maxRows}行）`,
				en: `too many rows (${l.body.length}; the limit is ${maxRows})`,
				level: 'error'
			});
			continue;
		}
		const n = normalise(l, towns, problems, options.mapping);
		result.tables.push(n.original);
		tables.push(n.table);
		if (n.refused) refusedTables.add(n.table);
		if (l.grid.layer === 'points') layerTables.add(n.table);
		unplaced.push(...n.unplaced);
	}
	result.unplaced = unplaced;
	if (files.length === 0)
		problems.push({
			file: '(输入 input)',
			row: 0,
			kind: 'no-files',
			zh: '没有可读取的数据文件',
			en: 'no data files given',
			level: 'error'
		});
	const read = mergePointLayers(
		tables.filter((t) => !refusedTables.has(t)),
		layerTables,
		problems
	);
	fillIds(read, problems);
	const refused = checkRows(read, problems);
	if (options.crs === 'gcj02') convertCommunities(read);
	const validated = validateDataset(read, {
		defaultTowns: options.defaultTowns,
		locate: options.locate,
		allowMissingPoint: options.allowMissingPoint,
		refused
	});
	// The validator's own problems: a value of a cell, or a table as a whole.
	// Its messages quote the cell as the file has it, not as normalised (20240230, not 2024-02-30).
	const [asWritten, asRead] = [cellReader(result.tables), cellReader(tables)];
	const quoted = (p: Problem) =>
		p.value !== undefined && asRead(p) === p.value ? (asWritten(p) ?? p.value) : p.value;
	problems.push(
		...validated.problems.map((p) => ({
			...p,
			value: quoted(p),
			kind: p.kind ?? (p.column ? 'value' : 'table')
		}))
	);
	if (options.outline && result.townRegions) {
		const codes = new Set(validated.dataset.towns.map((t) => t.code));
		problems.push(
			...validateTownRegions(result.townRegions, codes, options.outline, result.townRegionsFile!).map(
				(p) => ({
					...p,
					kind: 'boundary'
				})
			)
		);
	}
	// Each row's problem names its community too (the keeper finds a row by its 小区编号 as much as by its number).
	const idOf = communityOfRow(result.tables, tables);
	for (const p of problems)
		if (p.row > 0 && p.community === undefined && !(p.level === 'notice' && SEVERAL_ROWS.has(p.kind ?? '')))
			p.community = idOf(p);
	// In the order of the files, then sheet and row, as a clerk works through them.
	const order = new Map(files.map((f, i) => [f.name, i]));
	problems.sort(
		(a, b) =>
			(order.get(a.file) ?? -1) - (order.get(b.file) ?? -1) ||
			(a.sheet ?? '').localeCompare(b.sheet ?? '') ||
			a.row - b.row
	);
	return { ...result, dataset: validated.dataset };
}

/**
 * Reads a cell of tables (as written, or as normalised) by file, sheet, row and header. Indexes rows by file and
 * sheet only (not every cell: 300,000 communities have more cells than a Map may hold).
 */
function cellReader(
	tables: RawTable[]
): (p: { file: string; sheet?: string; row: number; column?: string }) => string | undefined {
	const bySheet = new Map<string, { table: RawTable; rowAt: Map<number, number> }[]>();
	for (const t of tables) {
		const key = `${t.file}|${t.sheet ?? ''}`;
		const rowAt = new Map(t.rowNumbers.map((r, i) => [r, i]));
		bySheet.set(key, [...(bySheet.get(key) ?? []), { table: t, rowAt }]);
	}
	return (p) => {
		for (const { table, rowAt } of bySheet.get(`${p.file}|${p.sheet ?? ''}`) ?? []) {
			const i = rowAt.get(p.row);
			const c = p.column === undefined ? -1 : table.header.indexOf(p.column);
			if (i !== undefined && c >= 0) return table.rows[i]![c] ?? '';
		}
		return undefined;
	};
}

/** The 小区编号 (or a child row's community) of a file's row, read from the rows as written. */
function communityOfRow(
	original: RawTable[],
	normalised: RawTable[]
): (p: { file: string; sheet?: string; row: number }) => string | undefined {
	const ids = new Map<string, string>();
	original.forEach((t, k) => {
		const n = normalised[k]!;
		const slot = n.placed?.findIndex((name) => name === 'id' || name === 'community_id') ?? -1;
		const at = slot < 0 ? -1 : t.header.indexOf(n.header[slot]!);
		if (at < 0) return;
		t.rows.forEach((row, i) => {
			const id = (row[at] ?? '').trim();
			if (id) ids.set(`${t.file}|${t.sheet ?? ''}|${t.rowNumbers[i]}`, id);
		});
	});
	return (p) => ids.get(`${p.file}|${p.sheet ?? ''}|${p.row}`);
}

function convertCommunities(tables: RawTable[]): void {
	for (const t of tables.filter((x) => x.table === 'communities')) {
		const [lonAt, latAt] = [t.placed!.indexOf('lon'), t.placed!.indexOf('lat')];
		if (lonAt < 0 || latAt < 0) continue;
		for (const row of t.rows) {
			const [lon, lat] = [Number(row[lonAt]), Number(row[latAt])];
			if (!Number.isFinite(lon) || !Number.isFinite(lat) || row[lonAt]!.trim() === '') continue;
			const [x, y] = gcj02ToWgs84(lon, lat);
			row[lonAt] = String(Math.round(x * 1e6) / 1e6);
			row[latAt] = String(Math.round(y * 1e6) / 1e6);
		}
	}
}
