/**
 * What SheetJS does not give of an .xlsx, read from the file's own XML: each sheet's AutoFilter criteria (so a row
 * the filter hides is told from a row hidden by hand) and the cells in Excel's built-in Chinese 年月 formats (ids
 * 27, 36, 50, 52, 57: `yyyy"年"m"月"`, which SheetJS reports as m/d/yy, so a month-only date would pass as a day).
 * Only the parts needed are unzipped (fflate); a file that is not OOXML gives nothing.
 */
import { unzipSync } from 'fflate';

/** One filtered column: the values it shows (as the cells display them) and whether blanks are shown. */
export interface FilterColumn {
	values: Set<string>;
	blank: boolean;
}

/** A sheet's AutoFilter: its range (0-based rows) and, per 0-based column, the values shown; `columns` is null
 * when a criterion is not a plain value list (custom, top 10, colour, dynamic): then rows cannot be judged. */
export interface AutoFilter {
	firstRow: number;
	lastRow: number;
	firstColumn: number;
	columns: Map<number, FilterColumn> | null;
}

export interface SheetExtras {
	filter?: AutoFilter;
	/** `row:column` (0-based) of cells shown in a built-in 年月 format. */
	monthOnly: Set<string>;
}

/** Built-in number formats that show a year and a month only, in Chinese (zh-CN) Excel and WPS. */
const MONTH_ONLY_BUILTINS = new Set([27, 36, 50, 52, 57]);

const decoder = new TextDecoder();
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (s: string) =>
	s
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
		.replace(/&amp;/g, '&');

/** `B3` → [row 2, column 1]. */
export function decodeCell(ref: string): [number, number] {
	const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.toUpperCase());
	if (!m) return [0, 0];
	let c = 0;
	for (const ch of m[1]!) c = c * 26 + ch.charCodeAt(0) - 64;
	return [Number(m[2]) - 1, c - 1];
}

function readFilter(xml: string): AutoFilter | undefined {
	const block = /<autoFilter\b[^>]*?(\/>|>([\s\S]*?)<\/autoFilter>)/.exec(xml);
	if (!block) return undefined;
	const ref = attr(block[0], 'ref');
	if (!ref) return undefined;
	const [from, to = from] = ref.split(':');
	const [firstRow, firstColumn] = decodeCell(from!);
	const [lastRow] = decodeCell(to!);
	const inner = block[2] ?? '';
	let columns: Map<number, FilterColumn> | null = new Map();
	for (const fc of inner.matchAll(/<filterColumn\b([^>]*)>([\s\S]*?)<\/filterColumn>/g)) {
		const colId = Number(attr(fc[1]!, 'colId'));
		const body = fc[2]!;
		const filters = /<filters\b([^>]*?)(\/>|>([\s\S]*?)<\/filters>)/.exec(body);
		if (!filters || /<(customFilters|top10|dynamicFilter|colorFilter|iconFilter)\b/.test(body)) {
			columns = null;
			break;
		}
		if (/<dateGroupItem\b/.test(filters[3] ?? '')) {
			columns = null;
			break;
		}
		const values = new Set(
			[...(filters[3] ?? '').matchAll(/<filter\b[^>]*\bval="([^"]*)"/g)].map((m) => unescape(m[1]!).trim())
		);
		columns.set(firstColumn + colId, { values, blank: attr(filters[1]!, 'blank') === '1' });
	}
	return { firstRow, lastRow, firstColumn, columns };
}

/** The style indexes (cellXfs) whose number format is a built-in 年月 format. */
function monthOnlyStyles(styles: string): Set<number> {
	const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
	const out = new Set<number>();
	[...xfs.matchAll(/<xf\b[^>]*>/g)].forEach((m, i) => {
		if (MONTH_ONLY_BUILTINS.has(Number(attr(m[0], 'numFmtId')))) out.add(i);
	});
	return out;
}

function monthOnlyCells(xml: string, styles: Set<number>): Set<string> {
	const out = new Set<string>();
	if (styles.size === 0) return out;
	for (const m of xml.matchAll(/<c\b([^>]*)>/g)) {
		const s = attr(m[1]!, 's');
		const r = attr(m[1]!, 'r');
		if (s === undefined || r === undefined || !styles.has(Number(s))) continue;
		const [row, column] = decodeCell(r);
		out.add(`${row}:${column}`);
	}
	return out;
}

/** Per sheet name, the extras of an .xlsx/.xlsm (empty for anything else). A sheet's XML is decoded only when it
 * has a filter to judge (`filtered`) or the workbook uses a 年月 format: a large ledger is not read twice. */
export function ooxmlExtras(bytes: Uint8Array, filtered: ReadonlySet<string>): Map<string, SheetExtras> {
	const out = new Map<string, SheetExtras>();
	const unzip = (wanted: (name: string) => boolean): Record<string, Uint8Array> => {
		try {
			return unzipSync(bytes, { filter: (f) => wanted(f.name) });
		} catch {
			return {};
		}
	};
	const parts = unzip((n) => ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'].includes(n));
	const text = (files: Record<string, Uint8Array>, name: string) =>
		files[name] ? decoder.decode(files[name]) : '';
	const workbook = text(parts, 'xl/workbook.xml');
	if (!workbook) return out;
	const targets = new Map<string, string>();
	for (const m of text(parts, 'xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
		const id = attr(m[0], 'Id');
		const target = attr(m[0], 'Target');
		if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
	}
	const styles = monthOnlyStyles(text(parts, 'xl/styles.xml'));
	const wanted = new Map<string, string>();
	for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
		const name = attr(m[0], 'name');
		const rid = attr(m[0], 'r:id');
		const path = rid ? targets.get(rid) : undefined;
		if (!name || !path) continue;
		const sheet = unescape(name);
		if (filtered.has(sheet) || styles.size > 0) wanted.set(path, sheet);
	}
	if (wanted.size === 0) return out;
	const sheets = unzip((n) => wanted.has(n));
	for (const [path, sheet] of wanted) {
		const xml = text(sheets, path);
		if (!xml) continue;
		out.set(sheet, {
			filter: filtered.has(sheet) ? readFilter(xml) : undefined,
			monthOnly: monthOnlyCells(xml, styles)
		});
	}
	return out;
}
