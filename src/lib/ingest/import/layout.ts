/**
 * The layout of an office's sheet: title rows and a unit line (`单位：万元、万平方米`) above the header, a header
 * found wherever it is (and a second, merged header row under it), 序号 columns, blank rows, 合计/小计/总计 rows and
 * 注/说明 footnotes below. Each skipped kind is said once, as a notice.
 */
import type { Problem } from '../problems';
import { TABLES, type TableName } from '../../schema/schema';
import type { Grid } from './grid';
import {
	cleanHeader,
	headerHits,
	placeHeader,
	ROW_NUMBER_HEADERS,
	tableByHeader,
	tableByName,
	unitFits,
	type Placement
} from './headers';
import { parseUnit, type Unit, type UnitKind } from './units';

export interface Laid {
	table: TableName;
	grid: Grid;
	/** The header as written (two header rows joined by `/`). */
	header: string[];
	headerRow: number;
	placements: (Placement | undefined)[];
	/** Row number columns (序号), ignored. */
	ignored: Set<number>;
	/** Indices into grid.rows of the data rows. */
	body: number[];
}

const SEARCH_ROWS = 15;
const TOTAL = /^(合计|小计|总计|共计|累计)/;
const FOOTNOTE = /^(注|说明|备注|填表说明|数据来源|附注)\s*\d*\s*[:：.、]/;
const UNIT_LINE = /^(计量)?单位\s*[:：]\s*(.+)$/;
const NUMERIC = /^[+-]?[\d,]+(\.\d+)?%?$/;

const blank = (row: readonly string[]) => row.every((c) => c.trim() === '');
const firstText = (row: readonly string[]) => (row.find((c) => c.trim() !== '') ?? '').replace(/\s+/g, '');

function unitLine(row: readonly string[]): { text: string; units: Map<UnitKind, Unit> } | undefined {
	for (const cell of row) {
		const m = UNIT_LINE.exec(cell.normalize('NFKC').trim());
		if (!m) continue;
		const units = new Map<UnitKind, Unit>();
		for (const part of m[2]!.split(/[、，,;；\s]+/)) {
			const u = parseUnit(part);
			if (u) units.set(u.kind, u);
		}
		return { text: cell.trim(), units };
	}
	return undefined;
}

/**
 * Why a row is hidden: by the sheet's AutoFilter (it fails a criterion, or the criteria cannot be read), or by hand
 * (it passes every criterion, or the sheet has no filter). Undefined when shown.
 */
export function hiddenBy(grid: Grid, i: number): 'filter' | 'hand' | undefined {
	if (!grid.hiddenRows?.has(i)) return undefined;
	const f = grid.filter;
	if (f && i > f.firstRow && i <= f.lastRow) {
		if (f.columns === null) return 'filter';
		const row = grid.rows[i]!;
		const shown = [...f.columns].every(([c, fc]) => {
			const v = (row[c] ?? '').trim();
			return v === '' ? fc.blank : fc.values.has(v);
		});
		return shown ? 'hand' : 'filter';
	}
	const u = grid.filterUnread;
	if (u && i > u.firstRow && i <= u.lastRow) return 'filter';
	return 'hand';
}

/**
 * A workbook's instructions sheet (the template's 说明, an office's 填表说明): read for 数据截至 only (as-of.ts), never
 * as a table — the template's list of columns (工作表 | 表头: 乡镇街道 | 名称 …) would otherwise pass for a list of
 * communities with a name and a town, which is all a partial list needs.
 */
const INSTRUCTIONS_SHEET = /^(填表|填写|使用)?说明$/;

/** Lays out one grid; undefined (with an error) when no header row names a known table. */
export function layOut(grid: Grid, problems: Problem[]): Laid | undefined {
	if (!grid.table && INSTRUCTIONS_SHEET.test((grid.sheet ?? '').trim())) return undefined;
	const named = grid.table ?? tableByName(grid.sheet ?? '') ?? tableByName(grid.file.replace(/\.[^.]+$/, ''));
	const where = { file: grid.file, sheet: grid.sheet };
	let best: { at: number; table: TableName; hits: number } | undefined;
	for (let i = 0; i < Math.min(grid.rows.length, SEARCH_ROWS); i++) {
		const row = grid.rows[i]!;
		if (blank(row)) continue;
		const table = named ?? tableByHeader(row);
		if (!table) continue;
		const hits = headerHits(
			TABLES.find((t) => t.name === table)!,
			row
		);
		if (hits >= 2 && (!best || hits > best.hits)) best = { at: i, table, hits };
	}
	if (!best) {
		const first = grid.rows.findIndex((r) => !blank(r));
		if (first < 0) {
			if (named)
				problems.push({
					...where,
					row: 0,
					kind: 'empty',
					zh: '文件为空',
					en: 'the file is empty',
					level: 'error'
				});
			return undefined;
		}
		if (!named && grid.sheet !== undefined) return undefined; // 说明 and other sheets
		problems.push({
			...where,
			row: grid.rowNumbers[first]!,
			kind: 'no-header',
			zh: '找不到表头，无法识别是哪张表（文件名、工作表名或表头应与数据说明一致）',
			en: 'no header row found: cannot tell which table this is (name the file, sheet or headers as data/README.md says)',
			level: 'error'
		});
		return undefined;
	}
	const { table } = best;
	let at = best.at;
	let header = grid.rows[at]!.map((h) => h.trim());
	let placements = header.map((h) => placeHeader(table, h));
	let bodyStart = at + 1;
	/** Two header rows: a merged top row (面积) over its parts (建筑面积（万㎡）), joined as `面积/建筑面积（万㎡）`. */
	const twoRows = (top: readonly string[], sub: readonly string[]) => {
		const joined = top.map((t, c) => {
			const [h, s] = [t.trim(), (sub[c] ?? '').trim()];
			return s === '' || s === h ? h : h === '' ? s : `${h}/${s}`;
		});
		const placed = joined.map(
			(h, c) =>
				placeHeader(table, (sub[c] ?? '').trim()) ??
				placeHeader(table, (top[c] ?? '').trim()) ??
				placeHeader(table, h.replace('/', ''))
		);
		return { joined, placed, count: placed.filter(Boolean).length };
	};
	const headerLike = (row: readonly string[] | undefined) =>
		row !== undefined && !blank(row) && !row.some((c) => NUMERIC.test(c.trim()));
	const above = at > 0 ? grid.rows[at - 1] : undefined;
	const below = grid.rows[at + 1];
	if (
		headerLike(above) &&
		headerLike(grid.rows[at]) &&
		headerHits(
			TABLES.find((t) => t.name === table)!,
			above!
		) >= 2
	) {
		// the best row is the lower of two (merged cells filled down into it)
		const two = twoRows(above!, grid.rows[at]!);
		header = two.joined;
		placements = two.placed;
		at -= 1;
	} else if (headerLike(below)) {
		const two = twoRows(grid.rows[at]!, below!);
		if (two.count > placements.filter(Boolean).length) {
			header = two.joined;
			placements = two.placed;
			bodyStart = at + 2;
		}
	}
	const units = new Map<UnitKind, Unit>();
	for (let i = 0; i < at; i++) {
		const line = unitLine(grid.rows[i]!);
		if (!line) continue;
		for (const [k, u] of line.units) units.set(k, u);
		problems.push({
			...where,
			row: grid.rowNumbers[i]!,
			value: line.text,
			kind: 'unit-line',
			zh: `按单位行换算：${[...line.units.values()].map((u) => (u.kind === 'area' ? `面积按${u.label}` : `金额按${u.label}`)).join('，')}（表头已注明单位的列除外）`,
			en: `converted by the unit line: ${[...line.units.values()].map((u) => `${u.kind === 'area' ? 'areas' : 'money'} in ${u.label}`).join(', ')} (columns whose header names a unit excepted)`,
			level: 'notice'
		});
	}
	const ignored = new Set<number>();
	header.forEach((h, c) => {
		if (ROW_NUMBER_HEADERS.has(cleanHeader(h))) {
			ignored.add(c);
			placements[c] = undefined;
		}
		const p = placements[c];
		if (p && !p.unit) {
			const kindUnit = [...units.values()].find((u) => unitFits(p.column, u));
			if (kindUnit) placements[c] = { column: p.column, unit: kindUnit };
		}
		if (p?.unit && !unitFits(p.column, p.unit)) {
			problems.push({
				...where,
				row: grid.rowNumbers[at]!,
				column: h,
				kind: 'unit-mismatch',
				zh: `单位「${p.unit.label}」不适用于「${p.column.zh}」（应为${p.column.unit ?? '无单位'}）`,
				en: `unit ${p.unit.label} does not fit ${p.column.name} (expected ${p.column.unit ?? 'no unit'})`,
				level: 'error'
			});
			placements[c] = undefined;
			ignored.add(c);
		}
	});
	const headerRow = grid.rowNumbers[at]!;
	const twoRowsAt = bodyStart > at + 1 ? grid.rowNumbers[at + 1] : undefined;
	if (at > 0 || twoRowsAt !== undefined) {
		const rows = twoRowsAt ? `第${headerRow}–${twoRowsAt}行（两行表头）` : `第${headerRow}行`;
		const rowsEn = twoRowsAt ? `rows ${headerRow}–${twoRowsAt} (two header rows)` : `row ${headerRow}`;
		problems.push({
			...where,
			row: headerRow,
			kind: 'header-found',
			zh: `表头在${rows}${at > 0 ? '，上方的标题行已跳过' : ''}`,
			en: `header found on ${rowsEn}${at > 0 ? '; title rows above it skipped' : ''}`,
			level: 'notice'
		});
	}
	const body: number[] = [];
	const skipped = { blank: [] as number[], total: [] as number[], footnote: [] as number[] };
	const filtered: number[] = [];
	const byHand: number[] = [];
	// A workbook's formatted but empty rows after the data are not rows the clerk wrote: dropped without a word.
	let end = grid.rows.length;
	if (grid.sheet !== undefined) while (end > bodyStart && blank(grid.rows[end - 1]!)) end--;
	for (let i = bodyStart; i < end; i++) {
		const full = grid.rows[i]!;
		const first = firstText(full);
		const hidden = hiddenBy(grid, i);
		if (hidden === 'hand' && !blank(full)) {
			byHand.push(i);
			continue;
		}
		if (hidden === 'filter' && !blank(full)) filtered.push(grid.rowNumbers[i]!);
		if (blank(full)) skipped.blank.push(grid.rowNumbers[i]!);
		else if (TOTAL.test(first) || full.slice(0, 3).some((c) => TOTAL.test(c.replace(/\s+/g, ''))))
			skipped.total.push(grid.rowNumbers[i]!);
		else if (FOOTNOTE.test(first.normalize('NFKC'))) skipped.footnote.push(grid.rowNumbers[i]!);
		else if (blank(full.filter((_, k) => !ignored.has(k)))) skipped.blank.push(grid.rowNumbers[i]!);
		else body.push(i);
	}
	const say = (rows: number[], kind: string, zh: string, en: string) => {
		if (rows.length === 0) return;
		const list = rows.slice(0, 10).join('、') + (rows.length > 10 ? '…' : '');
		problems.push({
			...where,
			row: rows[0]!,
			kind,
			zh: `${zh}（第${list}行）`,
			en: `${en} (rows ${list.replaceAll('、', ', ')})`,
			level: 'notice'
		});
	};
	say(
		skipped.blank,
		'blank-rows',
		`已跳过${skipped.blank.length}个空行`,
		`${skipped.blank.length} blank row(s) skipped`
	);
	say(skipped.total, 'total-row', '已跳过合计/小计行', 'total rows (合计/小计) skipped');
	say(skipped.footnote, 'footnote', '已跳过注释/说明行', 'footnote rows (注/说明) skipped');
	say(
		filtered,
		'filtered-rows',
		`筛选隐藏了${filtered.length}行，筛选只是视图，这些行已导入${grid.filter ? '' : '（此格式读不出筛选条件，工作表有筛选时隐藏的行都按筛选处理）'}`,
		`${filtered.length} row(s) hidden by the filter were imported: a filter is a view${grid.filter ? '' : ' (this format does not say the filter criteria; with a filter on, hidden rows are taken as filtered)'}`
	);
	const idAt = placements.findIndex((p) => p?.column.name === 'id' || p?.column.name === 'community_id');
	const nameAt = placements.findIndex((p) => p?.column.name === 'name');
	for (const i of byHand) {
		const row = grid.rows[i]!;
		const who = [idAt, nameAt]
			.filter((c) => c >= 0)
			.map((c) => (row[c] ?? '').trim())
			.filter(Boolean)
			.join(' ');
		const shown =
			who ||
			row
				.map((c) => c.trim())
				.filter(Boolean)
				.slice(0, 3)
				.join(' ');
		const id = idAt >= 0 ? (row[idAt] ?? '').trim() : '';
		problems.push({
			...where,
			row: grid.rowNumbers[i]!,
			value: shown,
			...(id ? { community: id } : {}),
			kind: 'hidden-row',
			zh: `第${grid.rowNumbers[i]}行（${shown}）是手动隐藏的行，未导入；如要导入，请在Excel中取消隐藏后另存`,
			en: `row ${grid.rowNumbers[i]} (${shown}) is hidden by hand and was not imported; unhide it in Excel and save to import it`,
			level: 'notice'
		});
	}
	return { table, grid, header, headerRow, placements, ignored, body };
}
