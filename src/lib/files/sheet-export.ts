/**
 * The ONE export helper of every page: tables as CSV (UTF-8 with a BOM, so Excel reads the Chinese) and as XLSX
 * (exceljs, loaded only when asked for). Text from the data is never run as a formula: in CSV a text cell that
 * begins with `=`, `+`, `-`, `@`, a tab or a CR gets a leading `'` (the usual OWASP defence; the importer removes
 * it again, so a round trip gives `-3幢` back); in XLSX every text is a string cell, which Excel never evaluates.
 */
import { csvLine } from './csv';

export type ExportCell = string | number | boolean | null | undefined;

export interface ExportSheet {
	name: string;
	/** The first row is the header (made bold and frozen). */
	rows: readonly (readonly ExportCell[])[];
	/** Column width in characters (default 14). */
	width?: number;
}

const TRIGGER = /^[=+\-@\t\r]/;

/** A text cell made inert for CSV: `'` before a leading `=`, `+`, `-`, `@`, tab or CR. Numbers stay numbers. */
export function inert(cell: ExportCell): ExportCell {
	return typeof cell === 'string' && TRIGGER.test(cell) ? `'${cell}` : cell;
}

/** The inverse, applied by the importer to text cells: a `'` before a trigger character is removed. */
export function uninert(text: string): string {
	return text.startsWith("'") && TRIGGER.test(text.slice(1)) ? text.slice(1) : text;
}

export function csvText(rows: readonly (readonly ExportCell[])[]): string {
	return '\ufeff' + rows.map((r) => csvLine(r.map(inert))).join('');
}

export async function xlsxBytes(
	sheets: readonly ExportSheet[],
	creator = '乐清旧改地图'
): Promise<Uint8Array> {
	const { default: ExcelJS } = await import('exceljs');
	const wb = new ExcelJS.Workbook();
	wb.creator = creator;
	for (const s of sheets) {
		const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
		s.rows.forEach((cells, r) => {
			const row = ws.getRow(r + 1);
			cells.forEach((value, c) => {
				if (value === null || value === undefined) return;
				// Strings are set as plain values: exceljs writes them as shared strings, never as formulas.
				row.getCell(c + 1).value = value;
			});
			row.commit();
		});
		ws.getRow(1).font = { bold: true };
		ws.columns.forEach((c) => (c.width = s.width ?? 14));
	}
	return new Uint8Array(await wb.xlsx.writeBuffer());
}
