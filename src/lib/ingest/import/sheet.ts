/**
 * Workbooks (.xlsx, .xls BIFF8, WPS .et, anything SheetJS reads by content) into grids of text. Each cell becomes
 * the text the clerk sees: dates in Excel's date formats (the CJK 年月日 ones included) as YYYY-MM-DD, percent
 * cells on the 0–100 scale, merged cells filled; formulas without a saved result and error values are marked bad.
 */
import { CFB, read, SSF, utils, type CellObject, type WorkSheet } from '@e965/xlsx';
import type { Problem } from '../problems';
import { cellKey, type BadCell, type Grid } from './grid';
import { MAX_ROWS } from './decode';
import { shiftDecimal } from './units';
import { WORKBOOK_ZIP_LIMITS, zipProblem } from './zip-guard';
import { ooxmlExtras, type SheetExtras } from './ooxml';

const SCIENTIFIC = /^[+-]?\d+(\.\d+)?E[+-]?\d+$/i;
const SLASH_DATE = /^\d{1,4}\/\d{1,2}\/\d{1,4}$/;

function isDateCell(c: CellObject): boolean {
	if (c.z !== undefined) return typeof c.z === 'string' && SSF.is_date(c.z);
	// Built-in formats 27–36 and 50–58 (年月日) have no format string in the file; SheetJS shows them as m/d/yy.
	return typeof c.w === 'string' && SLASH_DATE.test(c.w);
}

function isoDate(serial: number, date1904: boolean): string | undefined {
	const d = SSF.parse_date_code(serial, { date1904 });
	if (!d || !d.y) return undefined;
	return `${String(d.y).padStart(4, '0')}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

type CellText = { text: string; bad?: BadCell; percent?: boolean; monthOnly?: boolean };

/** A date format that shows no day (`yyyy"年"m"月"`, `mmm-yy`, `yyyy-mm`): quoted text, escapes, colours and
 * locale tags removed, no `d` is left. */
export function monthOnlyFormat(format: string): boolean {
	const bare = format
		.split(';')[0]!
		.replace(/"[^"]*"/g, '')
		.replace(/\\./g, '')
		.replace(/\[[^\]]*\]/g, '')
		.toLowerCase();
	return /y/.test(bare) && /m/.test(bare) && !/d/.test(bare) && !/[hs]/.test(bare);
}

function cellText(c: CellObject | undefined, date1904: boolean): CellText {
	if (!c) return { text: '' };
	if (c.f !== undefined && (c.v === undefined || c.t === 'z')) {
		const formula = `=${c.f}`;
		return {
			text: '',
			bad: {
				value: formula,
				kind: 'formula-no-result',
				zh: `公式没有保存计算结果（${formula}）：请在Excel中打开后重新保存，或把公式改为数值`,
				en: `formula with no saved result (${formula}): open and re-save in Excel, or paste it as values`
			}
		};
	}
	switch (c.t) {
		case 's':
			return { text: String(c.v ?? '') };
		case 'b':
			return { text: c.v ? 'true' : 'false' };
		case 'e':
			return {
				text: '',
				bad: {
					value: c.w ?? '#ERROR',
					kind: 'excel-error',
					zh: `单元格是Excel错误值 ${c.w ?? ''}${c.f ? `（公式 =${c.f}）` : ''}`,
					en: `the cell holds an Excel error ${c.w ?? ''}${c.f ? ` (formula =${c.f})` : ''}`
				}
			};
		case 'd':
			return { text: c.v instanceof Date ? c.v.toISOString().slice(0, 10) : String(c.v) };
		case 'n': {
			const v = c.v as number;
			if (isDateCell(c)) {
				const iso = isoDate(v, date1904);
				if (iso)
					return typeof c.z === 'string' && monthOnlyFormat(c.z)
						? { text: iso, monthOnly: true }
						: { text: iso };
			}
			if (typeof c.z === 'string' && c.z.includes('%'))
				return { text: shiftDecimal(String(v), 2), percent: true };
			if (typeof c.w === 'string' && SCIENTIFIC.test(c.w.trim())) return { text: c.w.trim() };
			return { text: String(v) };
		}
		default:
			return { text: c.v === undefined || c.v === null ? '' : String(c.v) };
	}
}

function sheetGrid(
	file: string,
	name: string,
	ws: WorkSheet,
	date1904: boolean,
	extras: SheetExtras | undefined
): Grid {
	const ref = ws['!ref'];
	const grid: Grid = {
		file,
		sheet: name,
		rows: [],
		rowNumbers: [],
		bad: new Map(),
		percentColumns: new Set(),
		monthOnly: new Set(extras?.monthOnly ?? [])
	};
	const hiddenRows = new Set<number>();
	(ws['!rows'] ?? []).forEach((r, i) => r?.hidden && hiddenRows.add(i));
	const hiddenColumns = new Set<number>();
	(ws['!cols'] ?? []).forEach((c, i) => c?.hidden && hiddenColumns.add(i));
	if (hiddenRows.size > 0) grid.hiddenRows = hiddenRows;
	if (hiddenColumns.size > 0) grid.hiddenColumns = hiddenColumns;
	if (extras?.filter) grid.filter = extras.filter;
	else if (ws['!autofilter']) {
		const r = utils.decode_range(ws['!autofilter'].ref);
		grid.filterUnread = { firstRow: r.s.r, lastRow: r.e.r };
	}
	if (!ref) return grid;
	const range = utils.decode_range(ref);
	const width = range.e.c + 1;
	const dense = (ws as { '!data'?: CellObject[][] })['!data'];
	for (let r = 0; r <= range.e.r; r++) {
		const row: string[] = [];
		for (let c = 0; c < width; c++) {
			const cell = dense ? dense[r]?.[c] : (ws[utils.encode_cell({ r, c })] as CellObject | undefined);
			const t = cellText(cell, date1904);
			row.push(t.text);
			if (t.bad) grid.bad.set(cellKey(r, c), t.bad);
			if (t.percent) grid.percentColumns!.add(c);
			if (t.monthOnly) grid.monthOnly!.add(cellKey(r, c));
		}
		grid.rows.push(row);
		grid.rowNumbers.push(r + 1);
	}
	for (const m of ws['!merges'] ?? []) {
		const value = grid.rows[m.s.r]?.[m.s.c] ?? '';
		for (let r = m.s.r; r <= m.e.r; r++)
			for (let c = m.s.c; c <= m.e.c; c++)
				if (grid.rows[r] && grid.rows[r]![c] === '') grid.rows[r]![c] = value;
	}
	return grid;
}

/** Whether an OLE2 file is an encrypted workbook: an .xlsx saved with a password to open is an OLE2 container
 * holding `EncryptionInfo` and `EncryptedPackage`. */
function encryptedContainer(bytes: Uint8Array): boolean {
	try {
		const cfb = CFB.read(bytes, { type: 'array' });
		return cfb.FullPaths.some((p: string) => /\/(EncryptionInfo|EncryptedPackage)$/.test(p));
	} catch {
		return false;
	}
}

/** Every visible sheet of a workbook as a grid; an unreadable, protected or oversized workbook is one error. A
 * hidden sheet is not read, and said so by name. */
export function readWorkbook(file: string, bytes: Uint8Array, problems: Problem[]): Grid[] {
	// a zip is inflated and counted first: SheetJS would unpack a zip bomb whole, however its sizes lie
	const bomb = bytes[0] === 0x50 && bytes[1] === 0x4b ? zipProblem(bytes) : undefined;
	if (bomb) {
		const mb = (n: number) => (n / 1048576).toFixed(1);
		problems.push({
			file,
			row: 0,
			kind: 'zip-bomb',
			zh: `工作簿解压后过大：其中 ${bomb.entry} 压缩后 ${mb(bomb.packed)} MB，解压到 ${mb(bomb.unpacked)} MB 仍未结束（${bomb.limit === 'total' ? `全部上限 ${mb(WORKBOOK_ZIP_LIMITS.totalBytes)} MB` : `超过压缩大小的 ${WORKBOOK_ZIP_LIMITS.ratio} 倍`}${bomb.declared < bomb.unpacked ? `，而文件自称只有 ${bomb.declared} 字节` : ''}），不像是正常的台账，未读取。请在 Excel 中另存后再上传`,
			en: `the workbook unpacks far larger than it is: ${bomb.entry} is ${mb(bomb.packed)} MB packed and was still unpacking at ${mb(bomb.unpacked)} MB (${bomb.limit === 'total' ? `the limit for all entries is ${mb(WORKBOOK_ZIP_LIMITS.totalBytes)} MB` : `over ${WORKBOOK_ZIP_LIMITS.ratio}× its packed size`}${bomb.declared < bomb.unpacked ? `, though the file claims ${bomb.declared} bytes` : ''}); not an ordinary ledger, not read — save it again in Excel and upload that`,
			level: 'error'
		});
		return [];
	}
	let wb;
	try {
		wb = read(bytes, {
			type: 'array',
			cellNF: true,
			cellFormula: true,
			cellStyles: true,
			sheetStubs: true,
			cellHTML: false,
			sheetRows: MAX_ROWS
		});
	} catch (e) {
		const message = (e as Error).message;
		if (/password|encrypt/i.test(message) || encryptedContainer(bytes))
			problems.push({
				file,
				row: 0,
				kind: 'protected',
				zh: '工作簿设有打开密码（已加密），无法读取：请在Excel或WPS中用密码打开，取消「用密码进行加密」后另存，再导入',
				en: 'the workbook has a password to open (it is encrypted) and cannot be read: open it with the password in Excel or WPS, remove the password, save, and import again',
				level: 'error'
			});
		else
			problems.push({
				file,
				row: 0,
				kind: 'unreadable',
				zh: '无法读取Excel文件（应为 .xlsx、.xls、.xlsb 或 WPS .et），文件可能已损坏',
				en: `cannot read the workbook (expected .xlsx, .xls, .xlsb or WPS .et; damaged?): ${message}`,
				level: 'error'
			});
		return [];
	}
	const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
	const grids: Grid[] = [];
	const hidden = new Set((wb.Workbook?.Sheets ?? []).filter((s) => s.Hidden && s.name).map((s) => s.name!));
	const filtered = new Set(
		wb.SheetNames.filter(
			(n) => wb.Sheets[n]?.['!autofilter'] && wb.Sheets[n]?.['!rows']?.some((r) => r?.hidden)
		)
	);
	const extras = ooxmlExtras(bytes, filtered);
	for (const name of wb.SheetNames) {
		const ws = wb.Sheets[name]!;
		if (hidden.has(name)) {
			problems.push({
				file,
				sheet: name,
				row: 0,
				kind: 'hidden-sheet',
				zh: `隐藏工作表「${name}」未导入（如要导入，请在Excel中取消隐藏后另存）`,
				en: `hidden sheet "${name}" not imported (unhide it in Excel and save to import it)`,
				level: 'notice'
			});
			continue;
		}
		// sheetRows stops reading at the cap; the sheet's full extent says whether rows were left unread
		const full = ws['!fullref'] ? utils.decode_range(ws['!fullref']).e.r + 1 : 0;
		if (full > MAX_ROWS) {
			problems.push({
				file,
				sheet: name,
				row: 0,
				kind: 'too-many-rows',
				zh: `行数过多（${full}行，上限${MAX_ROWS}行），未读取`,
				en: `too many rows (${full}; the limit is ${MAX_ROWS}), not read`,
				level: 'error'
			});
			continue;
		}
		grids.push(sheetGrid(file, name, ws, date1904, extras.get(name)));
	}
	return grids;
}
