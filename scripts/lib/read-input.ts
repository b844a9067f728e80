// Reads the office's files — a folder of CSVs, CSV, XLSX or GeoJSON — into raw tables for validation. Text only:
// nothing from a file is ever treated as code or markup. CSVs in GBK/GB18030 are detected and read as such.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FeatureCollection } from 'geojson';
import { parseCsv } from '../../src/lib/data/csv';
import type { Problem } from '../../src/lib/data/problems';
import type { RawTable } from '../../src/lib/data/validate';
import { TABLES, type TableName } from '../../src/lib/data/schema';
import { gcj02ToWgs84 } from '../../src/lib/geo/gcj02';

export interface Input {
	tables: RawTable[];
	/** Town boundaries from a GeoJSON input, if one was given, and its file. */
	townRegions?: FeatureCollection;
	townRegionsFile?: string;
	problems: Problem[];
	/** Files read, for the manifest. */
	files: string[];
}

export interface ReadOptions {
	/** Convert community coordinates from GCJ-02 to WGS84 on import. */
	crs?: 'wgs84' | 'gcj02';
}

function tableFor(name: string): TableName | undefined {
	const n = name.trim().toLowerCase();
	return TABLES.find((t) => t.name === n || t.zh === name.trim())?.name;
}

/** The table whose columns a header matches best (at least half of its required columns). */
function tableByHeader(header: string[]): TableName | undefined {
	const cells = new Set(header.map((h) => h.trim()));
	let best: [TableName, number] | undefined;
	for (const t of TABLES) {
		const required = t.columns.filter((c) => c.required);
		const hits = required.filter((c) => cells.has(c.name) || cells.has(c.zh)).length / required.length;
		if (hits >= 0.5 && (!best || hits > best[1])) best = [t.name, hits];
	}
	return best?.[0];
}

function decode(file: string, bytes: Buffer, problems: Problem[]): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		problems.push({
			file,
			row: 0,
			zh: '文件不是UTF-8编码，已按GBK（GB18030）读取，请核对中文是否正确',
			en: 'not UTF-8; read as GBK (GB18030) — check the Chinese text',
			level: 'notice'
		});
		return new TextDecoder('gb18030').decode(bytes);
	}
}

function readCsvFile(path: string, out: Input): void {
	const file = basename(path);
	const bytes = readFileSync(path);
	const { rows, lines } = parseCsv(decode(file, bytes, out.problems));
	if (rows.length === 0) {
		out.problems.push({ file, row: 0, zh: '文件为空', en: 'the file is empty', level: 'error' });
		return;
	}
	const [header, ...body] = rows;
	const table = tableFor(basename(path, extname(path))) ?? tableByHeader(header!);
	if (!table) {
		out.problems.push({
			file,
			row: lines[0]!,
			zh: '无法识别是哪张表（文件名或表头应与数据说明一致）',
			en: 'cannot tell which table this is (name the file or its headers as data/README.md says)',
			level: 'error'
		});
		return;
	}
	out.tables.push({
		table,
		file,
		header: header!,
		headerRow: lines[0]!,
		rows: body,
		rowNumbers: lines.slice(1)
	});
	out.files.push(path);
}

function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((r) => r.text).join('');
		if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
		if ('text' in value) return String(value.text);
		if ('error' in value) return '';
		return '';
	}
	return String(value);
}

async function readXlsxFile(path: string, out: Input): Promise<void> {
	const file = basename(path);
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.readFile(path);
	} catch (e) {
		out.problems.push({
			file,
			row: 0,
			zh: '无法读取Excel文件（应为 .xlsx）',
			en: `cannot read the workbook (expected .xlsx): ${(e as Error).message}`,
			level: 'error'
		});
		return;
	}
	let found = 0;
	workbook.eachSheet((sheet) => {
		const table = tableFor(sheet.name);
		if (!table) return; // 说明 and other sheets
		const rows: string[][] = [];
		const numbers: number[] = [];
		let header: string[] | undefined;
		let headerRow = 0;
		const width = sheet.columnCount;
		sheet.eachRow({ includeEmpty: false }, (row, n) => {
			const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
			if (cells.every((c) => c.trim() === '')) return;
			if (!header) {
				header = cells;
				headerRow = n;
			} else {
				rows.push(cells);
				numbers.push(n);
			}
		});
		if (!header) return;
		found++;
		out.tables.push({ table, file, sheet: sheet.name, header, headerRow, rows, rowNumbers: numbers });
	});
	if (found === 0) {
		out.problems.push({
			file,
			row: 0,
			zh: `没有可识别的工作表（应为：${TABLES.map((t) => t.zh).join('、')}）`,
			en: 'no sheet named after a table',
			level: 'error'
		});
	}
	out.files.push(path);
}

function readGeojsonFile(path: string, out: Input): void {
	const file = basename(path);
	let fc: FeatureCollection;
	try {
		fc = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
	} catch (e) {
		out.problems.push({
			file,
			row: 0,
			zh: '不是有效的GeoJSON',
			en: `not valid GeoJSON: ${(e as Error).message}`,
			level: 'error'
		});
		return;
	}
	if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features) || fc.features.length === 0) {
		out.problems.push({
			file,
			row: 0,
			zh: 'GeoJSON应为包含要素的FeatureCollection',
			en: 'expected a FeatureCollection with features',
			level: 'error'
		});
		return;
	}
	const kinds = new Set(fc.features.map((f) => f.geometry?.type));
	if ([...kinds].every((k) => k === 'Polygon' || k === 'MultiPolygon')) {
		fc.features.forEach((f, i) => {
			const code = f.properties?.code ?? f.properties?.['区划代码'];
			if (code === undefined)
				out.problems.push({
					file,
					row: i + 1,
					column: 'code',
					zh: '乡镇街道边界缺少区划代码属性 code',
					en: 'town boundary feature has no code property',
					level: 'error'
				});
			else f.properties = { ...f.properties, code: String(code) };
		});
		out.townRegions = fc;
		out.townRegionsFile = file;
	} else if ([...kinds].every((k) => k === 'Point')) {
		// Community points: properties are the communities' columns, the geometry their location.
		const header = [
			...new Set(
				fc.features.flatMap((f) => Object.keys(f.properties ?? {})).filter((k) => k !== 'lon' && k !== 'lat')
			)
		];
		const rows = fc.features.map((f) => {
			const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
			return [...header.map((h) => String(f.properties?.[h] ?? '')), String(lon), String(lat)];
		});
		out.tables.push({
			table: 'communities',
			file,
			header: [...header, 'lon', 'lat'],
			headerRow: 0,
			rows,
			rowNumbers: rows.map((_, i) => i + 1)
		});
	} else {
		out.problems.push({
			file,
			row: 0,
			zh: 'GeoJSON应全为乡镇街道面（带 code）或全为小区点',
			en: 'expected all town polygons (with code) or all community points',
			level: 'error'
		});
		return;
	}
	out.files.push(path);
}

/** Reads every input path (a folder reads its *.csv, *.xlsx, *.geojson), then applies the coordinate system. */
export async function readInputs(paths: string[], options: ReadOptions = {}): Promise<Input> {
	const out: Input = { tables: [], problems: [], files: [] };
	const expanded = paths.flatMap((p) =>
		statSync(p).isDirectory()
			? readdirSync(p)
					.filter((f) => /\.(csv|xlsx|geojson|json)$/i.test(f) && f !== 'metadata.json')
					.sort()
					.map((f) => join(p, f))
			: [p]
	);
	for (const path of expanded) {
		const ext = extname(path).toLowerCase();
		if (statSync(path).size === 0) {
			out.problems.push({
				file: basename(path),
				row: 0,
				zh: '文件为空',
				en: 'the file is empty',
				level: 'error'
			});
		} else if (ext === '.csv') readCsvFile(path, out);
		else if (ext === '.xlsx') await readXlsxFile(path, out);
		else if (ext === '.geojson' || ext === '.json') readGeojsonFile(path, out);
		else
			out.problems.push({
				file: basename(path),
				row: 0,
				zh: '不支持的文件类型（应为 .csv、.xlsx 或 .geojson）',
				en: 'unsupported file type (expected .csv, .xlsx or .geojson)',
				level: 'error'
			});
	}
	if (expanded.length === 0) {
		out.problems.push({
			file: paths.join(', '),
			row: 0,
			zh: '没有可读取的数据文件（.csv、.xlsx、.geojson）',
			en: 'no data files (.csv, .xlsx, .geojson) found',
			level: 'error'
		});
	}
	if (options.crs === 'gcj02') convertCommunities(out.tables);
	return out;
}

function convertCommunities(tables: RawTable[]): void {
	for (const t of tables.filter((x) => x.table === 'communities')) {
		const find = (name: string, zh: string) =>
			t.header.findIndex((h) => h.trim() === name || h.trim() === zh);
		const [lonAt, latAt] = [find('lon', '经度'), find('lat', '纬度')];
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
