/**
 * Every cell normalised once, at the boundary, to the text the validator reads: NFKC (full-width digits and
 * punctuation), invisible characters removed, thousands separators dropped, units converted exactly, `1998年` →
 * 1998, a decade (`1990年代`) read as documented in data/README.md, and values Excel destroyed refused quoting them.
 */
import { YUEQING_2023 } from '../../policy';
import type { Column } from '../../schema/schema';
import { uninert } from '../../files/sheet-export';
import { parseUnit, shiftDecimal, unitKindOf, type Unit } from './units';
import { readYears } from './years';

export type ValueResult =
	| { ok: true; text: string; note?: { kind: string; zh: string; en: string } }
	| { ok: false; kind: string; zh: string; en: string };

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00a0\u3000]/g;
/** How Excel shows a long number it has turned into a float: one digit, decimals, E+ and two digits. */
const SCIENTIFIC = /^[+-]?\d(\.\d+)?E\+\d{2}$/i;
/** A number with its unit typed into the cell: `1.8万㎡` (`1.8万m2` after NFKC), `120.5万元`, `140户`, `5幢`. */
const WITH_UNIT = /^([+-]?[\d,]*\.?\d+)\s*([^\d\s.,%+eE-]\S*)$/;
const COUNT_UNITS: Record<string, readonly string[]> = {
	户: ['户'],
	人: ['人', '户'],
	栋: ['栋', '幢', '座'],
	'°': ['°'],
	分: ['分']
};
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Whether the text carries zero-width or no-break spaces (removed; the caller says so once). */
export const hasInvisible = (text: string) => /[\u200b-\u200d\u2060\ufeff\u00a0]/.test(text);

/** The policy's cutoff year for "built by the end of …" (§二(一)), from the parameters. */
const cutoffYear = Number(YUEQING_2023.builtBeforeCutoff.slice(0, 4));

function year(column: Column, text: string): ValueResult {
	const range = readYears(text);
	if (range?.kind === 'year') return { ok: true, text: String(range.from) };
	// A range is read only where the policy's cutoff decides (建成年份); other years must be exact.
	if (range && column.name === 'completion_year') {
		const { from, to, kind } = range;
		if (to <= cutoffYear || from > cutoffYear)
			return {
				ok: true,
				text: String(to),
				note: {
					kind,
					zh: `「${text}」按${from}–${to}年的最晚一年${to}年计：其中任何一年，资格判断都相同（${cutoffYear}年底为界，§二(一)）`,
					en: `"${text}" read as ${to}, the last year of ${from}–${to}: every year of it gives the same eligibility (cutoff end of ${cutoffYear}, §二(一))`
				}
			};
		return {
			ok: false,
			kind,
			zh: `「${text}」跨越${cutoffYear}年底的界线（§二(一)），资格无法判断，请填写具体年份`,
			en: `"${text}" spans the end of ${cutoffYear} (§二(一)): eligibility cannot be decided; give the exact year`
		};
	}
	// Digits, or text without any hint of a year: the validator says it is not a whole number, quoting it.
	const plain = text.replace(/\s+/g, '');
	if (!/[年代初末前后]/.test(plain)) return { ok: true, text: plain };
	return {
		ok: false,
		kind: 'unreadable-year',
		zh: `无法识别的${column.zh}「${text}」，请填写四位年份，如 1998`,
		en: `unreadable ${column.name} "${text}": write a four-digit year such as 1998`
	};
}

/** A date written with a year and month only (`2024年3月`, `2024-03`, `2024.3`, `202403`). */
const MONTH_ONLY = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))$/;

/** The note a month-only date gets: it is read as the first of the month, and said so. */
export const monthOnlyNote = (shown: string, iso: string) => ({
	kind: 'month-only',
	zh: `「${shown}」只有年月，按当月1日（${iso}）计；如知道具体日期，请填写年月日`,
	en: `"${shown}" gives a year and month only: read as the 1st (${iso}); give the day if it is known`
});

/** Dates as offices type them, in the validator's forms: `20240301`, `2024年3月1号`, `2024-03-01 00:00:00`;
 * a year and month alone is the 1st of the month, with a note. */
function dateText(text: string): ValueResult {
	const t = text.replace(/\s+/g, ' ').trim();
	const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
	if (compact) return { ok: true, text: `${compact[1]}-${compact[2]}-${compact[3]}` };
	const month = MONTH_ONLY.exec(t);
	if (month) {
		const m = Number(month[2] ?? month[3]);
		if (m >= 1 && m <= 12) {
			const iso = `${month[1]}-${String(m).padStart(2, '0')}-01`;
			return { ok: true, text: iso, note: monthOnlyNote(t, iso) };
		}
	}
	return {
		ok: true,
		text: t.replace(/号$/, '日').replace(/^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}) 0{1,2}:00(:00)?$/, '$1')
	};
}

/** Degrees, minutes and seconds as offices write them: `120°57′40″`, `120°57'40.5"E`, `东经120度57分56秒`,
 * `N28°7′12″`, `120:57:40`. Undefined when the text is not DMS. */
export function readDegrees(text: string): number | undefined {
	const t = text
		.normalize('NFKC')
		.replace(/\s+/g, '')
		.replace(/[′’‘']/g, '′')
		.replace(/[″”“"]|′′/g, '″');
	const m =
		/^(东经|西经|北纬|南纬|[NSEW])?(\d{1,3}(?:\.\d+)?)(?:°|度|:)(?:(\d{1,2}(?:\.\d+)?)(?:′|分|:))?(?:(\d{1,2}(?:\.\d+)?)(?:″|秒)?)?([NSEW])?$/i.exec(
			t
		);
	if (!m || (m[3] === undefined && m[4] === undefined && !/[°度]/.test(t))) return undefined;
	const [d, min, sec] = [Number(m[2]), Number(m[3] ?? 0), Number(m[4] ?? 0)];
	if (min >= 60 || sec >= 60) return undefined;
	const hemisphere = `${m[1] ?? ''}${m[5] ?? ''}`;
	const sign = /西经|南纬|[WS]/i.test(hemisphere) ? -1 : 1;
	return (sign * Math.round((d + min / 60 + sec / 3600) * 1e6)) / 1e6;
}

/** Line breaks typed in a cell (Alt+Enter) taken out: nothing between two Chinese characters, a space between
 * two Latin letters or digits. */
export function oneLine(text: string): string {
	return text.replace(/[ \t]*[\r\n]+[ \t]*/g, (_, at: number, all: string) => {
		const [before, after] = [all[at - 1] ?? '', all[at + _.length] ?? ''];
		return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
	});
}

const ABOUT_BEFORE = /^(约|大约|约计|近|将近|接近)\s*([\d,]+(?:\.\d+)?)\s*(\S*)$/;
const ABOUT_AFTER = /^([\d,]+(?:\.\d+)?)\s*(余|多|左右|上下|以上)\s*(\S*)$/;
const RANGE = /^([\d,]+(?:\.\d+)?)\s*(?:-|~|～|—|－|至|到)\s*([\d,]+(?:\.\d+)?)\s*(\S*)$/;

/**
 * Counts and amounts as offices round them: `约140`, `200余`, `260多户` are read as the number, with a note (said
 * once per column); a range `90-100` is refused, asking for one number. Undefined for anything else.
 */
function approximate(column: Column, text: string): ValueResult | undefined {
	const unitFits = (suffix: string) =>
		suffix === '' ||
		(COUNT_UNITS[column.unit ?? ''] ?? []).includes(suffix) ||
		parseUnit(suffix) !== undefined;
	const about = ABOUT_BEFORE.exec(text) ?? ABOUT_AFTER.exec(text);
	if (about) {
		const [n, suffix] = ABOUT_BEFORE.test(text) ? [about[2]!, about[3]!] : [about[1]!, about[3]!];
		if (!unitFits(suffix)) return undefined;
		const inner = normaliseValue(column, `${n}${suffix}`);
		if (!inner.ok) return inner;
		return {
			ok: true,
			text: inner.text,
			note: {
				kind: 'approximate',
				zh: `「${text}」是约数，按${inner.text}${column.unit && column.unit !== '°' ? column.unit : ''}计；知道确数时请改填`,
				en: `"${text}" is approximate: read as ${inner.text}; give the exact figure when known`
			}
		};
	}
	const range = RANGE.exec(text);
	if (range && unitFits(range[3]!))
		return {
			ok: false,
			kind: 'approximate',
			zh: `「${text}」是一个范围，请填写一个数（不确定时填估计值，如 ${range[1]}）`,
			en: `"${text}" is a range: give one number (an estimate when unsure, e.g. ${range[1]})`
		};
	return undefined;
}

/** One cell's text for `column`, given the unit its header or unit line says, and whether it was a % cell. */
export function normaliseValue(column: Column, raw: string, unit?: Unit, percentCell = false): ValueResult {
	const text = raw.replace(INVISIBLE, ' ').normalize('NFKC').trim();
	if (text === '') return { ok: true, text };
	if (column.type === 'text') {
		if (SCIENTIFIC.test(text))
			return {
				ok: false,
				kind: 'scientific',
				zh: `「${text}」是科学计数法，Excel已丢失长数字的末几位，请把该列设为文本后重新填写原值`,
				en: `"${text}" is in scientific notation: Excel has lost the last digits of the long number; format the column as text and enter the original value`
			};
		// A `'` our own CSV export put before `=`, `+`, `-`, `@` (sheet-export.ts) comes off again.
		return { ok: true, text: uninert(text) };
	}
	if (column.type === 'integer' && column.unit === '年') return year(column, text);
	if (column.type === 'date') return dateText(text);
	if (column.unit === '°' && /[度分秒′″'"]|^(东经|北纬|西经|南纬)|°\s*\d/.test(text)) {
		const degrees = readDegrees(text);
		const shown = raw.trim();
		if (degrees === undefined)
			return {
				ok: false,
				kind: 'dms',
				zh: `无法识别的度分秒「${shown}」，请写作 120°57′40″ 或小数度 120.9611`,
				en: `unreadable degrees-minutes-seconds "${shown}": write 120°57′40″ or decimal degrees 120.9611`
			};
		return {
			ok: true,
			text: String(degrees),
			note: {
				kind: 'dms',
				zh: `度分秒已换算为小数度（如 ${shown} → ${degrees}）`,
				en: `degrees-minutes-seconds converted to decimal degrees (e.g. ${shown} → ${degrees})`
			}
		};
	}
	if (column.type !== 'integer' && column.type !== 'number') return { ok: true, text };
	const about = approximate(column, text);
	if (about) return about;
	const typed = WITH_UNIT.exec(text);
	let cellUnit: Unit | undefined;
	let body = text;
	if (typed) {
		const suffix = typed[2]!;
		cellUnit = parseUnit(suffix);
		const counts = COUNT_UNITS[column.unit ?? ''] ?? [];
		if (cellUnit ? unitKindOf(column.unit) !== cellUnit.kind : !counts.includes(suffix))
			return {
				ok: false,
				kind: 'unit-mismatch',
				zh: `单元格中的单位「${suffix}」不适用于此列（应为${column.unit ?? '无单位'}）`,
				en: `the unit "${suffix}" typed in the cell does not fit this column (expected ${column.unit ?? 'no unit'})`
			};
		body = typed[1]!;
	}
	let n = THOUSANDS.test(body) ? body.replaceAll(',', '') : body;
	if (n.endsWith('%') && column.unit === '分') n = n.slice(0, -1).trim();
	else if (percentCell && column.unit !== '分')
		return {
			ok: false,
			kind: 'percent',
			zh: '百分比格式的单元格不适用于此列',
			en: 'a percent cell does not fit this column'
		};
	// A unit typed in the cell is what the clerk meant for that cell; it wins over the header's.
	const effective = cellUnit ?? unit;
	if (effective && effective.shift !== 0) {
		const shifted = shiftDecimal(n, effective.shift);
		if (shifted === n) return { ok: true, text: n }; // not a number: the validator says so
		return { ok: true, text: shifted };
	}
	return { ok: true, text: n };
}
