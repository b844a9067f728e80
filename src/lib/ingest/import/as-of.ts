/**
 * 数据截至 — the day the office's data stands at — from the workbook's 说明 sheet: a cell `数据截至` with the date in
 * the next cell (or `数据截至：2024-06-30` in one cell). It becomes the build's asOf instead of today's date, and
 * where the date came from is kept beside it (`AsOfSource`): the reports, the pages' date and every export say it,
 * so a date that is only the day of the import is never taken for the data's own.
 */
import type { Problem } from '../problems';
import type { Grid } from './grid';

export { asOfSourceWords, type AsOfSource } from '../../schema/as-of-source';

/** The date a workbook's 说明 sheet gives, and where. */
export interface AsOfFound {
	date: string;
	file: string;
	sheet: string;
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
