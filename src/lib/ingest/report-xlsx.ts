/**
 * The import report as a workbook the keeper fixes the ledger in: each table as read (the office's own header and
 * rows, at the office's own row numbers), the cells with a problem filled (error red, notice yellow) with the
 * message as a comment, and a 问题 column saying every problem of the row. Problems not tied to a row go to a
 * sheet of their own. Every cell is written as text or number, never as a formula.
 */
import type { Problem } from './problems';
import type { RawTable } from './validate';

/** Fill colours (ARGB): error and notice, light enough to read the value through. */
const FILL = { error: 'FFF8C4C4', notice: 'FFFFF1B8' } as const;

/** Excel allows 31 characters in a sheet name and none of `\ / ? * [ ] :`. */
function sheetName(raw: string, taken: Set<string>): string {
	const clean = raw.replace(/[\\/?*[\]:]/g, '_').slice(0, 28) || '表';
	let name = clean;
	for (let i = 2; taken.has(name); i++) name = `${clean.slice(0, 26)}(${i})`;
	taken.add(name);
	return name;
}

const problemText = (p: Problem) =>
	`${p.level === 'error' ? '错误' : '提示'}${p.column ? `「${p.column}」` : ''}：${p.zh} / ${p.en}`;

/** The problems of one table, by its row number as the clerk sees it. */
export function problemsByRow(t: RawTable, problems: readonly Problem[]): Map<number, Problem[]> {
	const out = new Map<number, Problem[]>();
	for (const p of problems) {
		if (p.file !== t.file || (p.sheet ?? '') !== (t.sheet ?? '') || p.row <= 0) continue;
		if (!t.rowNumbers.includes(p.row)) continue;
		const list = out.get(p.row) ?? [];
		list.push(p);
		out.set(p.row, list);
	}
	return out;
}

/**
 * The columns (0-based, in `header`) a problem names: its column as written, or each of a pair such as
 * `经度/纬度` (swapped coordinates name both).
 */
export function problemColumns(header: readonly string[], p: Problem): number[] {
	if (p.column === undefined) return [];
	const at = (name: string) => header.findIndex((h) => h.trim() === name.trim());
	const whole = at(p.column);
	if (whole >= 0) return [whole];
	return p.column
		.split('/')
		.map(at)
		.filter((i) => i >= 0);
}

/** Problems that no row of any table carries (whole-file notices, skipped rows, unknown sheets). */
export function looseProblems(tables: readonly RawTable[], problems: readonly Problem[]): Problem[] {
	return problems.filter(
		(p) =>
			!tables.some(
				(t) => p.file === t.file && (p.sheet ?? '') === (t.sheet ?? '') && t.rowNumbers.includes(p.row)
			)
	);
}

export async function reportXlsx(
	tables: readonly RawTable[],
	problems: readonly Problem[]
): Promise<Uint8Array> {
	const { default: ExcelJS } = await import('exceljs');
	const wb = new ExcelJS.Workbook();
	wb.creator = '乐清旧改地图 /data';
	const taken = new Set<string>();

	for (const t of tables) {
		const ws = wb.addWorksheet(sheetName(t.sheet ? `${t.sheet}` : t.file, taken), {
			views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }]
		});
		const rowsWithProblems = problemsByRow(t, problems);
		const header = ['原行号', ...t.header, '问题'];
		ws.addRow(header).font = { bold: true };
		ws.getCell(1, 1).note = `${t.file}${t.sheet ? ` [${t.sheet}]` : ''}，表头在第${t.headerRow}行`;
		t.rows.forEach((cells, i) => {
			const rowNumber = t.rowNumbers[i]!;
			const found = rowsWithProblems.get(rowNumber) ?? [];
			const excelRow = ws.addRow([rowNumber, ...cells, found.map(problemText).join('\n')]);
			for (const p of found) {
				for (const col of problemColumns(t.header, p)) {
					const cell = excelRow.getCell(col + 2);
					cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[p.level] } };
					const before = typeof cell.note === 'string' ? cell.note + '\n' : '';
					cell.note = before + problemText(p);
				}
			}
			if (found.some((p) => p.level === 'error'))
				excelRow.getCell(header.length).font = { color: { argb: 'FFB00020' } };
		});
		ws.columns.forEach((c, i) => (c.width = i === header.length - 1 ? 60 : 14));
	}

	const loose = looseProblems(tables, problems);
	if (loose.length > 0 || tables.length === 0) {
		const ws = wb.addWorksheet(sheetName('其他问题', taken));
		ws.addRow(['文件', '工作表', '行', '列', '值', '级别', '问题', 'Problem']).font = { bold: true };
		for (const p of loose)
			ws.addRow([
				p.file,
				p.sheet ?? '',
				p.row || '',
				p.column ?? '',
				p.value ?? '',
				p.level === 'error' ? '错误' : '提示',
				p.zh,
				p.en
			]);
		ws.columns.forEach((c) => (c.width = 18));
	}
	return new Uint8Array(await wb.xlsx.writeBuffer());
}
