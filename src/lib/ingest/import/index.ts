/**
 * The one importer of the office's files, for the CLI and the browser alike (pure: no node:fs). Files are read by
 * content (workbooks, CSV/TXT in any of the office's encodings, GeoJSON), laid out (title rows, units, totals),
 * normalised, checked (swapped coordinates, plausibility, duplicates) and validated against the schema and the
 * policy. Every problem names file, sheet, row, column and value, in Chinese and English.
 */
import { gcj02ToWgs84 } from '../../geo/gcj02';
import { parseCsv } from '../../files/csv';
import type { Problem } from '../problems';
import { validateTownRegions } from '../regions';
import { validateDataset, type RawTable } from '../validate';
import { decodeText, MAX_FILE_BYTES, MAX_ROWS, sniff } from './decode';
import { readGeojson } from './geojson';
import type { Grid } from './grid';
import { layOut, type Laid } from './layout';
import { readAsOf } from './as-of';
import { checkRows } from './checks';
import { normalise } from './normalise';
import type { TownName } from './towns';
import { readWorkbook } from './sheet';
import type { ImportOptions, ImportResult, InputFile, UnplacedColumn } from './types';

export type { ImportOptions, ImportResult, InputFile, UnplacedColumn } from './types';
export type { ColumnMapping } from './mapping';
export { parseMapping } from './mapping';

const WORKBOOK = /\.(xlsx|xlsm|xls|et|ods)$/i;

function textGrid(file: string, text: string): Grid {
	const firstLine = text.slice(0, text.search(/\r|\n|$/));
	const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
	const { rows, lines } = parseCsv(text, delimiter);
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
		// Web systems export "xls" files that are HTML tables or SpreadsheetML: SheetJS reads those too.
		const legacy = /\.(xls|et)$/i.test(name) && kind === 'markup';
		if (kind !== 'zip' && kind !== 'ole2' && !legacy && WORKBOOK.test(name)) {
			fail(
				'无法读取Excel文件（应为 .xlsx、.xls 或 WPS .et），文件内容不是工作簿，可能已损坏',
				'cannot read the workbook (expected .xlsx, .xls or WPS .et): the content is not a workbook; damaged?',
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
				const geo = readGeojson(name, text, problems);
				if (geo?.townRegions) {
					result.townRegions = geo.townRegions;
					result.townRegionsFile = name;
				}
				if (geo?.points) grids.push(geo.points);
			} else grids.push(textGrid(name, text));
		}
		result.files.push(name);
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
	const refused = checkRows(tables, problems);
	if (options.crs === 'gcj02') convertCommunities(tables);
	const validated = validateDataset(tables, {
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
