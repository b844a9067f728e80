/**
 * A laid-out sheet into two tables: the office's rows as read (for the report) and the rows the validator reads —
 * placed columns only, every value normalised (values.ts), towns resolved (towns.ts), bad cells refused. A row with
 * any refused cell is left out, with its error.
 *
 * Which column is read is never a silent choice: the keeper's mapping beats a header matched by the importer, our
 * own header beats a synonym, a visible column beats a hidden one; a hidden column with a visible look-alike beside
 * it (建筑面积 hidden, 核实建筑面积 shown) is read only when the mapping says which. A sheet of one town without a
 * town column takes the sheet's name as the town (said once); one-cell pairs (`120.96,28.12`) are split; points
 * whose header says 高德/GCJ-02 or 百度/BD-09 are converted to WGS84, said once with the shift.
 */
import { bd09ToGcj02, gcj02ToWgs84 } from '../../geo/gcj02';
import type { Problem } from '../problems';
import type { Column } from '../../schema/schema';
import type { RawTable } from '../validate';
import { cellKey } from './grid';
import {
	cleanHeader,
	isPointPair,
	isVoteResult,
	placeHeader,
	POINT_PAIR_LAT_FIRST,
	type Placement,
	type PointCrs
} from './headers';
import type { Laid } from './layout';
import type { ColumnMapping } from './mapping';
import type { UnplacedColumn } from './types';
import { resolveTown, type TownName } from './towns';
import { parseUnit } from './units';
import { hasInvisible, monthOnlyNote, normaliseValue, oneLine } from './values';

export interface Normalised {
	original: RawTable;
	table: RawTable;
	unplaced: UnplacedColumn[];
	/** The table as a whole was refused (with its one error): the validator does not read it. */
	refused?: boolean;
}

/** One column of the normalised table: a column of the sheet, one half of a one-cell pair, or the sheet's name. */
interface Slot {
	header: string;
	placement: Placement;
	/** The sheet column it reads, or -1 for the sheet's name. */
	source: number;
	/** For a one-cell pair: 0 longitude, 1 latitude. */
	part?: 0 | 1;
}

function mapped(laid: Laid, header: string, mapping?: ColumnMapping): Placement | undefined {
	const hit = mapping?.columns.find((m) => m.table === laid.table && m.header.trim() === header.trim());
	if (!hit) return undefined;
	const column = placeHeader(laid.table, hit.column)?.column;
	if (!column) return undefined;
	const unit = hit.unit ? parseUnit(hit.unit) : undefined;
	const crs = hit.crs ?? placeHeader(laid.table, header)?.crs;
	return { column, mapped: true, ...(unit ? { unit } : {}), ...(crs ? { crs } : {}) };
}

/** Whether the mapping names this header at all (a column chosen, or the header told to be left out). */
const inMapping = (laid: Laid, header: string, mapping?: ColumnMapping) =>
	mapping?.columns.some((m) => m.table === laid.table && m.header.trim() === header.trim()) ?? false;

/** Two one-cell halves: `120.9612,28.1201`, `120.9612，28.1201`, `(120.96 28.12)`, `120°57′40″,28°07′12″`. */
function splitPair(text: string): [string, string] | undefined {
	const t = text
		.normalize('NFKC')
		.trim()
		.replace(/^[([{]|[)\]}]$/g, '');
	if (t === '') return ['', ''];
	const parts = t.split(/\s*[,;/|]\s*|\s+/).filter(Boolean);
	return parts.length === 2 ? [parts[0]!, parts[1]!] : undefined;
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
	const hiddenColumn = (c: number) => grid.hiddenColumns?.has(c) ?? false;
	// Votes given as 通过/未通过 alone: the engine decides a vote from its tallies (§三(一)), so say what is missing.
	const result = header.findIndex(isVoteResult);
	if (
		table === 'votes' &&
		result >= 0 &&
		!laid.placements.some((p) => p && ['participating_owners', 'agree_owners'].includes(p.column.name))
	) {
		problems.push({
			...where,
			row: laid.headerRow,
			column: header[result],
			kind: 'vote-verdict-only',
			zh: `表决表只有「${header[result]}」（通过/未通过），没有计票：是否通过由参与和同意的人数与面积决定（双三分之二参与、双四分之三同意，§三(一)），请补上业主总人数、专有面积总数、参与表决人数、参与表决面积、同意人数、同意面积`,
			en: `the votes sheet gives only "${header[result]}" (passed / failed), no tallies: a vote passes by the owners and areas taking part and agreeing (two thirds taking part, three quarters agreeing, §三(一)); add total owners, total area, participating owners and area, agreeing owners and area`,
			level: 'error'
		});
		return {
			original,
			table: { ...original, rows: [], rowNumbers: [], placed: [] },
			unplaced: [],
			refused: true
		};
	}
	// The keeper's mapping first (it may also re-place a header the importer matched), then the importer's own.
	const placements: (Placement | undefined)[] = header.map(
		(h, c) => mapped(laid, h, mapping) ?? laid.placements[c]
	);
	const duplicates = new Set<number>();
	const say = (p: Omit<Problem, 'file' | 'sheet'>) => problems.push({ ...where, ...p });

	// A hidden column the importer placed by itself, with a visible column beside it that looks like the same
	// fact (建筑面积 hidden, 核实建筑面积 shown): the keeper says which, in the mapping. Until then neither is read.
	const asked = new Set<number>();
	placements.forEach((p, c) => {
		if (!p || p.mapped || !hiddenColumn(c)) return;
		const names = [p.column.zh, header[c]!].map(cleanHeader).filter((n) => n.length >= 2);
		const alike = header.findIndex(
			(h, k) =>
				k !== c &&
				!hiddenColumn(k) &&
				!laid.ignored.has(k) &&
				(placements[k] === undefined || placements[k]!.column.name === p.column.name) &&
				names.some((n) => cleanHeader(h).includes(n))
		);
		// the mapping names the look-alike: it has said which column is meant (the duplicate rule below keeps it)
		if (alike >= 0 && inMapping(laid, header[alike]!, mapping)) return;
		if (alike < 0) {
			say({
				row: laid.headerRow,
				column: header[c],
				kind: 'hidden-column',
				zh: `「${header[c]}」是隐藏列，已按「${p.column.zh}」读取`,
				en: `"${header[c]}" is a hidden column, read as ${p.column.name}`,
				level: 'notice'
			});
			return;
		}
		asked.add(c).add(alike);
		placements[c] = undefined;
		if (placements[alike]?.column.name === p.column.name) placements[alike] = undefined;
		say({
			row: laid.headerRow,
			column: header[c],
			kind: 'hidden-column',
			zh: `「${header[c]}」是隐藏列，旁边的可见列「${header[alike]}」可能才是${p.column.zh}：请在列映射中指定哪一列是「${p.column.zh}」（命令行用 --mapping），两列都未读取`,
			en: `"${header[c]}" is hidden and the visible "${header[alike]}" beside it may be the real ${p.column.name}: choose which column is ${p.column.name} in the mapping (--mapping on the command line); neither was read`,
			level: 'error'
		});
	});

	// Two headers placing the same column (建筑面积 and 改造面积): the mapping's wins, then our own header, then a
	// visible one, else the first; the other is offered for mapping with a notice — never a silent choice.
	const rank = (c: number) => {
		const p = placements[c]!;
		const own = [p.column.zh, p.column.name].map(cleanHeader).includes(cleanHeader(header[c]!));
		return (p.mapped ? 4 : 0) + (own ? 2 : 0) + (hiddenColumn(c) ? 0 : 1);
	};
	const seen = new Map<string, number>();
	placements.forEach((p, c) => {
		if (!p) return;
		const first = seen.get(p.column.name);
		if (first === undefined) return void seen.set(p.column.name, c);
		const [kept, dropped] = rank(c) > rank(first) ? [c, first] : [first, c];
		seen.set(p.column.name, kept);
		say({
			row: laid.headerRow,
			column: header[dropped],
			kind: 'duplicate-column',
			zh: `与「${header[kept]}」都可作为「${p.column.zh}」，已读取「${header[kept]}」${placements[kept]!.mapped ? '（按列映射）' : ''}，本列未导入（可在映射中指定）`,
			en: `"${header[dropped]}" and "${header[kept]}" both read as ${p.column.name}; "${header[kept]}" was read${placements[kept]!.mapped ? ' (by the mapping)' : ''}, this one not (choose it in the mapping)`,
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
		unplaced.push({
			...where,
			table,
			header: h,
			headerRow: laid.headerRow,
			samples,
			...(hiddenColumn(c) ? { hidden: true } : {})
		});
		if (duplicates.has(c) || asked.has(c)) return; // already said
		say({
			row: laid.headerRow,
			column: h,
			kind: 'unplaced',
			zh: `${hiddenColumn(c) ? '（隐藏列）' : ''}无法对应到数据列，未导入（可在映射中指定）`,
			en: `${hiddenColumn(c) ? '(hidden) ' : ''}not matched to a data column, not imported (choose one in the mapping)`,
			level: 'notice'
		});
	});

	// The columns the validator reads: placed columns, a pair as its two halves, the sheet's name as the town.
	const slots: Slot[] = [];
	placements.forEach((p, c) => {
		if (!p) return;
		if (!isPointPair(p.column)) return void slots.push({ header: header[c]!, placement: p, source: c });
		const [lonAt, latAt]: [0 | 1, 0 | 1] = p.column === POINT_PAIR_LAT_FIRST ? [1, 0] : [0, 1];
		const part = (name: 'lon' | 'lat', at: 0 | 1): Slot => ({
			header: header[c]!,
			placement: { column: pointColumn(name), ...(p.crs ? { crs: p.crs } : {}) },
			source: c,
			part: at
		});
		slots.push(part('lon', lonAt), part('lat', latAt));
	});
	const hasTown = slots.some((s) => s.placement.column.name === 'town_code');
	if (table === 'communities' && !hasTown && grid.sheet !== undefined) {
		const t = resolveTown(grid.sheet, towns);
		if (t.ok === true) {
			const name = towns.find((x) => x.code === t.code)?.name ?? t.code;
			slots.push({
				header: `工作表「${grid.sheet}」`,
				placement: { column: townColumn() },
				source: -1
			});
			say({
				row: laid.headerRow,
				kind: 'town-from-sheet',
				value: grid.sheet,
				zh: `没有乡镇街道列：按工作表名「${grid.sheet}」读取为${name}（${t.code}）`,
				en: `no town column: the sheet's name "${grid.sheet}" read as ${name} (${t.code})`,
				level: 'notice'
			});
		} else
			say({
				row: laid.headerRow,
				kind: 'no-town',
				value: grid.sheet,
				zh: `没有乡镇街道列，工作表名「${grid.sheet}」也不是乡镇街道名：请加一列「乡镇街道」，或把工作表按乡镇街道命名`,
				en: `no town column, and the sheet's name "${grid.sheet}" is not a town: add a 乡镇街道 column or name the sheet after its town`,
				level: 'notice'
			});
	}

	const kept: string[][] = [];
	const keptNumbers: number[] = [];
	let invisible = 0;
	const lineBreaks: number[] = [];
	const townNotes = new Map<string, { code: string; row: number }>();
	const longCodes: number[] = [];
	/** Notes said once per column (month-only dates, DMS): the rows, and the first example. */
	const grouped = new Map<string, { slot: Slot; kind: string; rows: number[]; zh: string; en: string }>();
	laid.body.forEach((gridRow, r) => {
		const out: string[] = [];
		let ok = true;
		const refuse = (slot: Slot, value: string, kind: string, zh: string, en: string) => {
			ok = false;
			say({ row: rowNumbers[r]!, column: slot.header, value, kind, zh, en, level: 'error' });
		};
		for (const slot of slots) {
			const p = slot.placement;
			const cellText = slot.source < 0 ? grid.sheet! : (grid.rows[gridRow]![slot.source] ?? '');
			const bad = slot.source < 0 ? undefined : grid.bad.get(cellKey(gridRow, slot.source));
			if (bad) {
				refuse(slot, bad.value, bad.kind, bad.zh, bad.en);
				out.push('');
				continue;
			}
			let raw = cellText;
			if (slot.part !== undefined) {
				const halves = splitPair(cellText);
				if (!halves) {
					if (slot.part === 0)
						refuse(
							slot,
							cellText,
							'point-pair',
							`「${cellText}」应为一格中的经度和纬度两个数，如 120.9612,28.1201`,
							`"${cellText}" should hold longitude and latitude, two numbers, e.g. 120.9612,28.1201`
						);
					out.push('');
					continue;
				}
				raw = halves[slot.part];
			}
			if (hasInvisible(raw)) invisible++;
			if (p.column.type === 'text' && p.column.name !== 'notes' && /[\r\n]/.test(raw)) {
				raw = oneLine(raw);
				if (lineBreaks.at(-1) !== rowNumbers[r]) lineBreaks.push(rowNumbers[r]!);
			}
			const v = normaliseValue(p.column, raw, p.unit, grid.percentColumns?.has(slot.source));
			if (!v.ok) {
				refuse(slot, raw, v.kind, v.zh, v.en);
				out.push('');
				continue;
			}
			let note = v.note;
			if (
				p.column.type === 'date' &&
				!note &&
				v.text !== '' &&
				grid.monthOnly?.has(cellKey(gridRow, slot.source))
			) {
				const [y, m] = v.text.split('-');
				const iso = `${y}-${m}-01`;
				note = monthOnlyNote(`${Number(y)}年${Number(m)}月`, iso);
				v.text = iso;
			}
			if (note?.kind === 'month-only' || note?.kind === 'dms' || note?.kind === 'approximate') {
				const key = `${slot.header}|${slot.part ?? ''}|${note.kind}`;
				const g = grouped.get(key);
				if (g) g.rows.push(rowNumbers[r]!);
				else grouped.set(key, { slot, kind: note.kind, rows: [rowNumbers[r]!], zh: note.zh, en: note.en });
			} else if (note)
				say({ row: rowNumbers[r]!, column: slot.header, value: raw, ...note, level: 'notice' });
			let text = v.text;
			if (p.column.name === 'town_code' && table === 'communities' && text !== '') {
				const t = resolveTown(text, towns);
				if (t.ok === true) {
					if (t.mapped && !townNotes.has(text) && slot.source >= 0)
						townNotes.set(text, { code: t.code, row: rowNumbers[r]! });
					text = t.code;
				} else if (t.ok === false) refuse(slot, raw, 'town-ambiguous', t.zh, t.en);
			}
			// the towns table's own codes may be 12-digit 统计用区划代码 too
			if (p.column.name === 'code' && table === 'towns' && /^\d{9}000$/.test(text)) {
				longCodes.push(rowNumbers[r]!);
				text = text.slice(0, 9);
			}
			out.push(text);
		}
		if (ok) {
			kept.push(out);
			keptNumbers.push(rowNumbers[r]!);
		}
	});
	if (invisible > 0)
		say({
			row: laid.headerRow,
			kind: 'invisible',
			zh: `已去除${invisible}个单元格中的不可见字符（零宽空格、不间断空格）`,
			en: `invisible characters (zero-width, no-break spaces) removed from ${invisible} cell(s)`,
			level: 'notice'
		});
	if (lineBreaks.length > 0) {
		const list = lineBreaks.slice(0, 10).join('、') + (lineBreaks.length > 10 ? '…' : '');
		say({
			row: lineBreaks[0]!,
			kind: 'line-break',
			zh: `单元格内的换行（Alt+Enter）已去掉，名称和地址存为一行（第${list}行）`,
			en: `line breaks inside cells (Alt+Enter) removed: names and addresses stored as one line (rows ${list.replaceAll('、', ', ')})`,
			level: 'notice'
		});
	}
	for (const g of grouped.values()) {
		const list = g.rows.slice(0, 10).join('、') + (g.rows.length > 10 ? '…' : '');
		const more = g.rows.length > 1;
		say({
			row: g.rows[0]!,
			column: g.slot.header,
			kind: g.kind,
			zh: more ? `${g.zh}；共${g.rows.length}格（第${list}行）` : g.zh,
			en: more ? `${g.en}; ${g.rows.length} cells (rows ${list.replaceAll('、', ', ')})` : g.en,
			level: 'notice'
		});
	}
	for (const [text, { code, row }] of townNotes) {
		const name = towns.find((t) => t.code === code)?.name ?? code;
		say({
			row,
			column: slots.find((s) => s.placement.column.name === 'town_code')?.header,
			value: text,
			kind: 'town-mapped',
			zh: `「${text}」按${name}（${code}）读取`,
			en: `"${text}" read as ${name} (${code})`,
			level: 'notice'
		});
	}
	if (longCodes.length > 0)
		say({
			row: longCodes[0]!,
			kind: 'town-mapped',
			zh: `${longCodes.length}个12位统计用区划代码已取前9位（如 330382002000 → 330382002）`,
			en: `${longCodes.length} 12-digit statistical codes cut to their first 9 digits (330382002000 → 330382002)`,
			level: 'notice'
		});
	const placed = slots.map((s) => s.placement.column.name);
	convertDeclared(slots, kept, say, laid.headerRow);
	return {
		original,
		table: {
			...original,
			header: slots.map((s) => s.header),
			rows: kept,
			rowNumbers: keptNumbers,
			placed
		},
		unplaced
	};
}

/** The schema's lon or lat column (a pair's halves are read as them). */
function pointColumn(name: 'lon' | 'lat'): Column {
	return placeHeader('communities', name)!.column;
}

function townColumn(): Column {
	return placeHeader('communities', 'town_code')!.column;
}

const CRS_NAMES: Record<Exclude<PointCrs, 'wgs84'>, [string, string]> = {
	gcj02: ['高德/GCJ-02（火星坐标）', 'AMap/GCJ-02'],
	bd09: ['百度/BD-09', 'Baidu/BD-09']
};

/** Points whose header (or mapping) declares GCJ-02 or BD-09, converted to WGS84 in place, said once with the
 * mean shift in metres. */
function convertDeclared(
	slots: Slot[],
	rows: string[][],
	say: (p: Omit<Problem, 'file' | 'sheet'>) => void,
	headerRow: number
): void {
	const lonAt = slots.findIndex((s) => s.placement.column.name === 'lon');
	const latAt = slots.findIndex((s) => s.placement.column.name === 'lat');
	if (lonAt < 0 || latAt < 0) return;
	const crs = slots[lonAt]!.placement.crs ?? slots[latAt]!.placement.crs;
	if (!crs || crs === 'wgs84') return;
	let shift = 0;
	let n = 0;
	for (const row of rows) {
		const [lon, lat] = [Number(row[lonAt]), Number(row[latAt])];
		if (row[lonAt]!.trim() === '' || !Number.isFinite(lon) || !Number.isFinite(lat)) continue;
		const gcj = crs === 'bd09' ? bd09ToGcj02(lon, lat) : ([lon, lat] as [number, number]);
		const [x, y] = gcj02ToWgs84(gcj[0], gcj[1]);
		const k = Math.PI / 180;
		shift += Math.hypot((x - lon) * k * Math.cos(lat * k), (y - lat) * k) * 6_371_000;
		n++;
		row[lonAt] = String(Math.round(x * 1e6) / 1e6);
		row[latAt] = String(Math.round(y * 1e6) / 1e6);
	}
	if (n === 0) return;
	const [zh, en] = CRS_NAMES[crs];
	const headers = [...new Set([slots[lonAt]!.header, slots[latAt]!.header])];
	say({
		row: headerRow,
		column: headers.join('/'),
		kind: 'crs',
		zh: `「${headers.join('」「')}」是${zh}坐标，${n}个点已换算为WGS84（平均移动约${Math.round(shift / n)}米）`,
		en: `${headers.join(', ')}: ${en} coordinates; ${n} point(s) converted to WGS84 (moved about ${Math.round(shift / n)} m on average)`,
		level: 'notice'
	});
}
