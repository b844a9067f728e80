/**
 * 数据截至 — the day the office's data stands at — from the workbook's 说明 sheet: a cell `数据截至` with the date in
 * the next cell (or `数据截至：2024-06-30` in one cell). It becomes the build's asOf instead of today's date, and
 * where the date came from is kept beside it (`AsOfSource`): the reports, the pages' date and every export say it,
 * so a date that is only the day of the import is never taken for the data's own.
 */
import type { Problem } from '../problems';
import type { Grid } from './grid';

/**
 * Where the data date came from: `--as-of` on the command line; a workbook's 说明 sheet (file and sheet named);
 * the dataset's own metadata.json (the example); or, when nothing says it, the day of the build or import.
 */
export type AsOfSource =
	{ kind: 'flag' } | { kind: 'file'; file: string; sheet: string } | { kind: 'metadata' } | { kind: 'today' };

/** The date a workbook's 说明 sheet gives, and where. */
export interface AsOfFound {
	date: string;
	file: string;
	sheet: string;
}

/** Where the data date came from, in words (zh / en). */
export function asOfSourceWords(source: AsOfSource | undefined): { zh: string; en: string } {
	switch (source?.kind) {
		case 'flag':
			return { zh: '命令行 --as-of 指定', en: 'given with --as-of' };
		case 'file':
			return {
				zh: `取自《${source.file}》「${source.sheet}」页的「数据截至」`,
				en: `from 数据截至 on the ${source.sheet} sheet of ${source.file}`
			};
		case 'metadata':
			return { zh: '取自数据集说明（metadata.json）', en: "from the dataset's metadata.json" };
		case 'today':
			return {
				zh: '文件未注明「数据截至」，按构建/导入当天计——请在说明页填写或用 --as-of 指定',
				en: 'the files give no 数据截至: the day of the build or import is used — fill it in on the 说明 sheet or give --as-of'
			};
		default:
			return { zh: '来源未记录', en: 'source not recorded' };
	}
}

const LABEL = /^数据截[至止](日期|时间)?\s*[:：]?\s*(.*)$/;
const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

function isoOf(text: string): string | undefined {
	const m = DATE.exec(text.normalize('NFKC').replace(/\s+/g, ''));
	if (!m) return undefined;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
	return date.toISOString().slice(0, 10);
}

/** Whether `text` is a real day written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
	return /^\d{4}-\d{2}-\d{2}$/.test(text) && isoOf(text) === text;
}

/** The 说明 sheet's 数据截至 date and where it stands, or undefined; an unreadable date is an error quoting it. */
export function readAsOf(grids: Grid[], problems: Problem[]): AsOfFound | undefined {
	for (const g of grids.filter((x) => (x.sheet ?? '').trim() === '说明')) {
		for (let r = 0; r < g.rows.length; r++) {
			const row = g.rows[r]!;
			for (let c = 0; c < row.length; c++) {
				const m = LABEL.exec(row[c]!.normalize('NFKC').trim());
				if (!m) continue;
				const text = (m[2] || row.slice(c + 1).find((x) => x.trim() !== '') || '').trim();
				if (text === '') return undefined; // left empty: the build's date applies
				const iso = isoOf(text);
				if (iso) return { date: iso, file: g.file, sheet: g.sheet ?? '说明' };
				problems.push({
					file: g.file,
					sheet: g.sheet,
					row: g.rowNumbers[r]!,
					column: '数据截至',
					value: text,
					kind: 'as-of',
					zh: '数据截至日期无法识别，应为如 2024-06-30 的日期',
					en: 'the 数据截至 (data as of) date is unreadable; expected a date such as 2024-06-30',
					level: 'error'
				});
				return undefined;
			}
		}
	}
	return undefined;
}

const YUEQING_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' });

/**
 * The data date when the files say none: today in 乐清 (China Standard Time, UTC+8) as `YYYY-MM-DD`, the same in
 * the command line and in the browser, so one file gets one date and so one verdict in both.
 */
export function todayInYueqing(now: Date = new Date()): string {
	return YUEQING_DATE.format(now);
}
