/**
 * Validates and normalises a dataset read from files: every cell against the schema, then the rows against each
 * other and against the policy (vote tallies, stage order, catalogue items) and the map (inside 乐清). Every
 * problem is collected — the caller decides to stop — and each names its file, sheet, row and column.
 */
import { assessVote, PolicyInputError, worksItem, WORKS_CATALOGUE, YUEQING_2023 } from '../policy';
import type { Locate } from '../geo/locate';
import { readCell, type CellValue } from './cells';
import type { Problem } from './problems';
import type { CommunityRow, Dataset, StageEventRow, TownRow, VoteRow } from '../schema/rows';
import { factsMissingNotice } from './completeness';
import { stageOrderBreaks } from './stage-order';
import { TABLES, type Column, type Table, type TableName } from '../schema/schema';

/** A table as read from one file or sheet: header and rows as text, with the row numbers the clerk sees. */
export interface RawTable {
	table: TableName;
	file: string;
	sheet?: string;
	header: string[];
	headerRow: number;
	rows: string[][];
	rowNumbers: number[];
	/** The schema column of each header, when the importer has placed them (synonyms, units, the keeper's
	 * mapping); unplaced columns are then the importer's to report. Without it, headers match name or zh. */
	placed?: (string | undefined)[];
}

export interface ValidateOptions {
	/** Towns used when the input has no towns table (the bundled official list). */
	defaultTowns: TownRow[];
	/** Where a point lies: inside 乐清, outside, or outside but inside once read as GCJ-02 (so probably shifted). */
	locate?: Locate;
	/**
	 * Let communities without coordinates in (both cells empty, or no coordinate columns), with lon/lat null and a
	 * notice: the workbench /data has the keeper place them. The CLI leaves it off: the build needs every point.
	 */
	allowMissingPoint?: boolean;
	/** Communities the importer already refused (with their error): rows referring to them are left out
	 * without a second error. */
	refused?: ReadonlySet<string>;
}

/** The point columns `allowMissingPoint` lets be empty together. */
const POINT = ['lon', 'lat'];

/**
 * How to fix a community without coordinates where the build needs every point (the CLI, the office server's
 * validation): the same file goes into /data, which places it (issue 20: one verdict for one file).
 */
const PLACE_HINT = {
	zh: '。没有坐标的名单可先在 /data 导入并在地图上放置（或放在乡镇街道驻地），再上传 /data 导出的台账；命令行可加 --place-at-seat 放在驻地',
	en: '. A list without coordinates can go into /data first and be placed on its map (or at the town seats), then upload the ledger /data exports; on the command line, --place-at-seat places them at the seats'
};
const withPlaceHint = (table: string, column: string, m: { zh: string; en: string }) =>
	table === 'communities' && POINT.includes(column)
		? { zh: m.zh + PLACE_HINT.zh, en: m.en + PLACE_HINT.en }
		: m;

interface Source {
	file: string;
	sheet?: string;
	/** Header as written in the file, per column name. */
	headers: Map<string, string>;
}

interface Located {
	source: Source;
	row: number;
}

type Record_ = Record<string, CellValue>;

interface ParsedTable {
	rows: Record_[];
	where: Located[];
}

function matchColumn(table: Table, header: string): Column | undefined {
	const h = header.trim();
	return table.columns.find((c) => c.name === h || c.zh === h || c.name.toLowerCase() === h.toLowerCase());
}

const ITEM_BY_NAME = new Map(WORKS_CATALOGUE.map((i) => [i.name, i.id]));
const ITEM_BY_CODE_NAME = new Map(WORKS_CATALOGUE.map((i) => [`${i.code}${i.name}`, i.id]));

export function validateDataset(
	raw: RawTable[],
	options: ValidateOptions
): { dataset: Dataset; problems: Problem[] } {
	const problems: Problem[] = [];
	const parsed = new Map<TableName, ParsedTable>(TABLES.map((t) => [t.name, { rows: [], where: [] }]));

	for (const input of raw) {
		const table = TABLES.find((t) => t.name === input.table)!;
		parseTable(table, input, parsed.get(table.name)!, problems, options.allowMissingPoint === true);
	}

	const at = (w: Located, column: string | undefined, value: unknown, zh: string, en: string): void => {
		problems.push({
			file: w.source.file,
			sheet: w.source.sheet,
			row: w.row,
			column: column === undefined ? undefined : (w.source.headers.get(column) ?? column),
			value: value === undefined || value === null ? undefined : String(value),
			zh,
			en,
			level: 'error'
		});
	};

	// Keys unique within each table.
	for (const table of TABLES.filter((t) => t.key.length > 0)) {
		const { rows, where } = parsed.get(table.name)!;
		const seen = new Map<string, number>();
		rows.forEach((r, i) => {
			const key = table.key.map((k) => String(r[k])).join('|');
			const first = seen.get(key);
			if (first !== undefined) {
				const [w, here] = [where[first]!, where[i]!];
				// the earlier row may be in another file or sheet (a folder holding the same ledger twice): name it
				const other = w.source.file !== here.source.file || w.source.sheet !== here.source.sheet;
				const zhAt = other
					? `${w.source.file}${w.source.sheet ? `「${w.source.sheet}」` : ''}第${w.row}行`
					: `第${w.row}行`;
				const enAt = other
					? `row ${w.row} of ${w.source.file}${w.source.sheet ? ` (${w.source.sheet})` : ''}`
					: `row ${w.row}`;
				at(
					here,
					table.key.at(-1),
					key.replaceAll('|', ' '),
					`重复：与${zhAt}的${table.key.join('+')}相同${other ? '（同一份台账是否放了两次？）' : ''}`,
					`duplicate of ${enAt} (${table.key.join(' + ')})${other ? ': is the same ledger given twice?' : ''}`
				);
			} else seen.set(key, i);
		});
	}

	const townTable = parsed.get('towns')!;
	const towns = townTable.rows.length > 0 ? (townTable.rows as unknown as TownRow[]) : options.defaultTowns;
	const townByCode = new Map(towns.map((t) => [t.code, t]));
	const townByName = new Map(towns.map((t) => [t.name, t]));

	const comm = parsed.get('communities')!;
	// With nothing read at all the reader has said why; with tables but no communities, say so.
	if (
		comm.rows.length === 0 &&
		raw.length > 0 &&
		!problems.some((p) => p.level === 'error') &&
		!options.refused?.size
	) {
		problems.push({
			file: raw.find((r) => r.table === 'communities')?.file ?? '(输入 input)',
			row: 0,
			zh: '没有小区数据',
			en: 'no communities in the input',
			level: 'error'
		});
	}
	const ids = new Set<string>();
	comm.rows.forEach((r, i) => {
		const w = comm.where[i]!;
		ids.add(String(r.id));
		const code = String(r.town_code);
		const town = townByCode.get(code) ?? townByName.get(code);
		if (!town)
			at(
				w,
				'town_code',
				code,
				'未知的乡镇街道（应为区划代码或名称）',
				'unknown town or street (expected its code or name)'
			);
		else r.town_code = town.code;
		if (
			typeof r.exclusive_area === 'number' &&
			typeof r.building_area === 'number' &&
			r.exclusive_area > r.building_area
		) {
			at(
				w,
				'exclusive_area',
				r.exclusive_area,
				'专有部分面积不应大于建筑面积',
				'exclusive area must not exceed the building area'
			);
		}
		if (options.locate && typeof r.lon === 'number' && typeof r.lat === 'number') {
			const where = options.locate(r.lon, r.lat);
			if (where === 'gcj02') {
				at(
					w,
					'lon',
					`${r.lon}, ${r.lat}`,
					'位置在乐清市界外，按GCJ-02（火星坐标）换算后在界内：疑似未转换的高德/GCJ-02坐标，请转换为WGS84（导入时加 --crs gcj02）',
					'outside 乐清, but inside once read as GCJ-02: probably unconverted AMap/GCJ-02 coordinates; convert to WGS84 (import with --crs gcj02)'
				);
			} else if (where === 'outside') {
				at(
					w,
					'lon',
					`${r.lon}, ${r.lat}`,
					'位置不在乐清市范围内（WGS84）',
					'location is outside 乐清 (WGS84)'
				);
			}
		}
	});

	const needCommunity = (name: TableName) => {
		const t = parsed.get(name)!;
		const keep: number[] = [];
		t.rows.forEach((r, i) => {
			const id = String(r.community_id);
			if (ids.has(id)) keep.push(i);
			else if (!options.refused?.has(id))
				at(
					t.where[i]!,
					'community_id',
					r.community_id,
					'小区编号在小区表中不存在',
					'community id not found in the communities table'
				);
		});
		t.rows = keep.map((i) => t.rows[i]!);
		t.where = keep.map((i) => t.where[i]!);
	};
	for (const name of ['works', 'votes', 'funds', 'stage_events', 'contacts'] as const) needCommunity(name);

	const works = parsed.get('works')!;
	works.rows.forEach((r, i) => {
		const text = String(r.item_id).replace(/\s+/g, '');
		const id = worksItem(text) ? text : (ITEM_BY_CODE_NAME.get(text) ?? ITEM_BY_NAME.get(text));
		if (!id)
			at(
				works.where[i]!,
				'item_id',
				r.item_id,
				'不是附件1改造内容清单中的项目',
				'not an item of the 附件1 works catalogue'
			);
		else r.item_id = id;
	});

	const votes = parsed.get('votes')!;
	votes.rows.forEach((r, i) => {
		const v = r as unknown as VoteRow;
		try {
			assessVote(
				{
					totalOwners: v.total_owners,
					totalArea: v.total_area,
					participatingOwners: v.participating_owners,
					participatingArea: v.participating_area,
					agreeOwners: v.agree_owners,
					agreeArea: v.agree_area,
					kind: v.kind
				},
				// only the tallies' consistency is checked here, which no threshold changes
				YUEQING_2023
			);
		} catch (e) {
			if (!(e instanceof PolicyInputError)) throw e;
			const column = e.field.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
			const over = column.startsWith('agree')
				? ['同意数超过参与表决数', 'agreeing exceeds participating']
				: ['参与表决数超过总数', 'participating exceeds the total'];
			at(votes.where[i]!, column, r[column], over[0]!, over[1]!);
		}
	});

	checkStageOrder(parsed.get('stage_events')!, at);
	const facts = factsMissingNotice(
		comm.rows as unknown as CommunityRow[],
		raw.find((r) => r.table === 'communities')?.file ?? '(输入 input)',
		(i) => comm.where[i]!.row
	);
	if (facts) problems.push(facts);

	const dataset = Object.fromEntries(
		TABLES.map((t) => [t.name, parsed.get(t.name)!.rows])
	) as unknown as Dataset;
	dataset.towns = towns;
	return { dataset, problems };
}

function parseTable(
	table: Table,
	input: RawTable,
	out: ParsedTable,
	problems: Problem[],
	allowMissingPoint: boolean
): void {
	const pointOptional = allowMissingPoint && table.name === 'communities';
	const base = { file: input.file, sheet: input.sheet };
	const columnAt: (Column | undefined)[] = input.placed
		? input.placed.map((name) => table.columns.find((c) => c.name === name))
		: input.header.map((h) => matchColumn(table, h));
	const headers = new Map<string, string>();
	columnAt.forEach((c, i) => c && headers.set(c.name, input.header[i]!.trim()));
	input.header.forEach((h, i) => {
		if (!input.placed && !columnAt[i] && h.trim() !== '') {
			problems.push({
				...base,
				row: input.headerRow,
				column: h,
				zh: '未知列，已忽略',
				en: 'unknown column, ignored',
				level: 'notice'
			});
		}
	});
	const missing = table.columns.filter(
		(c) => c.required && !headers.has(c.name) && !(pointOptional && POINT.includes(c.name))
	);
	for (const c of missing) {
		problems.push({
			...base,
			row: input.headerRow,
			column: c.zh,
			...withPlaceHint(table.name, c.name, {
				zh: `缺少必填列「${c.zh}」(${c.name})`,
				en: `required column missing: ${c.name} (${c.zh})`
			}),
			level: 'error'
		});
	}
	if (missing.length > 0) return;

	const source: Source = { ...base, headers };
	const cellAt = table.columns.map((c) => columnAt.indexOf(c));
	input.rows.forEach((cells, r) => {
		const row: Record_ = {};
		let ok = true;
		const noPoint =
			pointOptional &&
			POINT.every((name) => {
				const i = cellAt[table.columns.findIndex((c) => c.name === name)]!;
				return i < 0 || (cells[i] ?? '').trim() === '';
			});
		if (noPoint) {
			problems.push({
				...base,
				row: input.rowNumbers[r]!,
				column: `${headers.get('lon') ?? '经度'}/${headers.get('lat') ?? '纬度'}`,
				kind: 'no-point',
				zh: '没有坐标：请在地图上放置',
				en: 'no coordinates: place it on the map',
				level: 'notice'
			});
		}
		for (let k = 0; k < table.columns.length; k++) {
			const column = table.columns[k]!;
			const i = cellAt[k]!;
			if (noPoint && POINT.includes(column.name)) {
				row[column.name] = null;
				continue;
			}
			const result = readCell(column, i < 0 ? '' : (cells[i] ?? ''));
			if (result.ok) row[column.name] = result.value;
			else {
				ok = false;
				problems.push({
					...base,
					row: input.rowNumbers[r]!,
					column: headers.get(column.name) ?? column.zh,
					value: i < 0 ? undefined : cells[i],
					...withPlaceHint(table.name, column.name, result),
					level: 'error'
				});
			}
		}
		if (ok) {
			out.rows.push(row);
			out.where.push({ source, row: input.rowNumbers[r]! });
		}
	});
}

function checkStageOrder(
	t: ParsedTable,
	at: (w: Located, column: string, value: unknown, zh: string, en: string) => void
): void {
	const byCommunity = new Map<string, number[]>();
	t.rows.forEach((r, i) => {
		const list = byCommunity.get(String(r.community_id)) ?? [];
		list.push(i);
		byCommunity.set(String(r.community_id), list);
	});
	for (const list of byCommunity.values()) {
		const rows = list.map((i) => t.rows[i] as unknown as StageEventRow);
		for (const b of stageOrderBreaks(rows))
			at(t.where[list[b.index]!]!, 'date', rows[b.index]!.date, b.zh, b.en);
	}
}
