/**
 * A laid-out sheet into two tables: the office's rows as read (for the report) and the rows the validator reads —
 * placed columns only, every value normalised (values.ts), towns resolved (towns.ts), bad cells refused. A row with
 * any refused cell is left out, with its error.
 */
import type { Problem } from '../problems';
import type { RawTable } from '../validate';
import { cellKey } from './grid';
import { cleanHeader, placeHeader, type Placement } from './headers';
import type { Laid } from './layout';
import type { ColumnMapping } from './mapping';
import type { UnplacedColumn } from './types';
import { resolveTown, type TownName } from './towns';
import { parseUnit } from './units';
import { hasInvisible, normaliseValue } from './values';

export interface Normalised {
	original: RawTable;
	table: RawTable;
	unplaced: UnplacedColumn[];
}

function mapped(laid: Laid, header: string, mapping?: ColumnMapping): Placement | undefined {
	const hit = mapping?.columns.find((m) => m.table === laid.table && m.header.trim() === header.trim());
	if (!hit) return undefined;
	const column = placeHeader(laid.table, hit.column)?.column;
	if (!column) return undefined;
	const unit = hit.unit ? parseUnit(hit.unit) : undefined;
	return unit ? { column, unit } : { column };
}

export function normalise(
	laid: Laid,
	towns: readonly TownName[],
	problems: Problem[],
	mapping?: ColumnMapping
): Normalised {
	const { grid, header, table } = laid;
	const where = { file: grid.file, sheet: grid.sheet };
	const rows = laid.body.map((i) => grid.rows[i]!);
	const rowNumbers = laid.body.map((i) => grid.rowNumbers[i]!);
	const original: RawTable = { table, ...where, header, headerRow: laid.headerRow, rows, rowNumbers };
	const placements = laid.placements.map((p, c) => p ?? mapped(laid, header[c]!, mapping));
	const duplicates = new Set<number>();
	// Two headers placing the same column (建筑面积 and 改造面积): our own header wins, else the first; the other is
	// offered for mapping with a notice — never a silent choice.
	const own = (c: number) => {
		const p = placements[c]!;
		return [p.column.zh, p.column.name].map(cleanHeader).includes(cleanHeader(header[c]!));
	};
	const seen = new Map<string, number>();
	placements.forEach((p, c) => {
		if (!p) return;
		const first = seen.get(p.column.name);
		if (first === undefined) return void seen.set(p.column.name, c);
		const [kept, dropped] = own(c) && !own(first) ? [c, first] : [first, c];
		seen.set(p.column.name, kept);
		problems.push({
			...where,
			row: laid.headerRow,
			column: header[dropped],
			kind: 'duplicate-column',
			zh: `与「${header[kept]}」都可作为「${p.column.zh}」，已读取「${header[kept]}」，本列未导入（可在映射中指定）`,
			en: `"${header[dropped]}" and "${header[kept]}" both read as ${p.column.name}; "${header[kept]}" was read, this one not (choose it in the mapping)`,
			level: 'notice'
		});
		placements[dropped] = undefined;
		duplicates.add(dropped);
	});
	const unplaced: UnplacedColumn[] = [];
	header.forEach((h, c) => {
		if (placements[c] || laid.ignored.has(c) || h.trim() === '') return;
		const samples = rows
			.map((r) => (r[c] ?? '').trim())
			.filter(Boolean)
			.slice(0, 3);
		unplaced.push({ ...where, table, header: h, headerRow: laid.headerRow, samples });
		if (duplicates.has(c)) return; // already said
		problems.push({
			...where,
			row: laid.headerRow,
			column: h,
			kind: 'unplaced',
			zh: '无法对应到数据列，未导入（可在映射中指定）',
			en: 'not matched to a data column, not imported (choose one in the mapping)',
			level: 'notice'
		});
	});
	const kept: string[][] = [];
	const keptNumbers: number[] = [];
	let invisible = 0;
	const townNotes = new Map<string, { code: string; row: number }>();
	const longCodes: number[] = [];
	laid.body.forEach((gridRow, r) => {
		const out: string[] = [];
		let ok = true;
		const refuse = (c: number, value: string, kind: string, zh: string, en: string) => {
			ok = false;
			problems.push({
				...where,
				row: rowNumbers[r]!,
				column: header[c],
				value,
				kind,
				zh,
				en,
				level: 'error'
			});
		};
		placements.forEach((p, c) => {
			const raw = grid.rows[gridRow]![c] ?? '';
			if (!p) return void out.push('');
			const bad = grid.bad.get(cellKey(gridRow, c));
			if (bad) return void (refuse(c, bad.value, bad.kind, bad.zh, bad.en), out.push(''));
			if (hasInvisible(raw)) invisible++;
			const v = normaliseValue(p.column, raw, p.unit, grid.percentColumns?.has(c));
			if (!v.ok) return void (refuse(c, raw, v.kind, v.zh, v.en), out.push(''));
			if (v.note)
				problems.push({
					...where,
					row: rowNumbers[r]!,
					column: header[c],
					value: raw,
					...v.note,
					level: 'notice'
				});
			let text = v.text;
			if (p.column.name === 'town_code' && table === 'communities' && text !== '') {
				const t = resolveTown(text, towns);
				if (t.ok === true) {
					if (t.mapped && !townNotes.has(text)) townNotes.set(text, { code: t.code, row: rowNumbers[r]! });
					text = t.code;
				} else if (t.ok === false) refuse(c, raw, 'town-ambiguous', t.zh, t.en);
			}
			// the towns table's own codes may be 12-digit 统计用区划代码 too
			if (p.column.name === 'code' && table === 'towns' && /^\d{9}000$/.test(text)) {
				longCodes.push(rowNumbers[r]!);
				text = text.slice(0, 9);
			}
			out.push(text);
		});
		if (ok) {
			kept.push(out);
			keptNumbers.push(rowNumbers[r]!);
		}
	});
	if (invisible > 0)
		problems.push({
			...where,
			row: laid.headerRow,
			kind: 'invisible',
			zh: `已去除${invisible}个单元格中的不可见字符（零宽空格、不间断空格）`,
			en: `invisible characters (zero-width, no-break spaces) removed from ${invisible} cell(s)`,
			level: 'notice'
		});
	for (const [text, { code, row }] of townNotes) {
		const name = towns.find((t) => t.code === code)?.name ?? code;
		problems.push({
			...where,
			row,
			column: header[placements.findIndex((p) => p?.column.name === 'town_code')],
			value: text,
			kind: 'town-mapped',
			zh: `「${text}」按${name}（${code}）读取`,
			en: `"${text}" read as ${name} (${code})`,
			level: 'notice'
		});
	}
	if (longCodes.length > 0)
		problems.push({
			...where,
			row: longCodes[0]!,
			kind: 'town-mapped',
			zh: `${longCodes.length}个12位统计用区划代码已取前9位（如 330382002000 → 330382002）`,
			en: `${longCodes.length} 12-digit statistical codes cut to their first 9 digits (330382002000 → 330382002)`,
			level: 'notice'
		});
	const placedNames = placements.map((p) => p?.column.name);
	return {
		original,
		table: { ...original, rows: kept, rowNumbers: keptNumbers, placed: placedNames },
		unplaced
	};
}
