/**
 * Carrying a community's history across a renumbering: every row of every table keyed by 小区编号 (the schema's
 * tables with a `community_id`: works, votes, funds, stage events, contacts — and any added later) that the
 * previous data holds under the old id goes into the import under the id the keeper keeps — the new one (history
 * carried over) or the old one (the import's rows rewritten to it). A row the import already has (the same key
 * under that id: the same works item, vote, stage, contact role; for funds, which have no key, the same deposit)
 * is the import's, the newer ledger's (where its values differ, both are listed in `superseded`); every other row of the previous data is added. A carried stage that breaks
 * the workflow order against the import's own stages is refused with an error naming both (the rest is carried).
 * Pure: /data and `npm run data -- --renumber` call the same function.
 */
import { stageIndex, WORKFLOW_STAGES } from '../policy';
import { sameValue } from './diff';
import type { Problem } from './problems';
import type { Dataset, StageEventRow } from '../schema/rows';
import { TABLES, type ColumnType, type TableName } from '../schema/schema';

/** Which id a renumbered community keeps: the import's new one (history carried to it) or the old one. */
export type KeepId = 'new' | 'old';

/** One keeper's decision: `old` (the previous data's id) and `new` (the import's) are one community. */
export interface Renumbering {
	old: string;
	new: string;
	keep: KeepId;
}

/** The tables keyed by community id, in the schema's order. */
export const HISTORY_TABLES = TABLES.filter((t) => t.columns.some((c) => c.name === 'community_id')).map(
	(t) => t.name
) as Exclude<TableName, 'towns' | 'communities'>[];
export type HistoryTable = (typeof HISTORY_TABLES)[number];

/** The previous data's history rows (at least those of the renumbered communities). */
export type History = Pick<Dataset, HistoryTable>;

export interface Carried {
	dataset: Dataset;
	/** Rows of the previous data added to the import, per table. */
	carried: Record<HistoryTable, number>;
	/** Rows of the previous data the import already had (same key under the kept id), per table. */
	alreadyThere: Record<HistoryTable, number>;
	/** Of those, the rows whose other values differ: the import's row is kept, the previous one said here. */
	superseded: { table: HistoryTable; previous: object; kept: object }[];
	/** Carried rows refused (a stage out of the workflow order against the import's own), as errors. */
	problems: Problem[];
}

const zero = () => Object.fromEntries(HISTORY_TABLES.map((t) => [t, 0])) as Record<HistoryTable, number>;

/** The columns that identify a row of `table`: its key, or every column when it has none (funds). */
function keyOf(table: HistoryTable): (row: object) => string {
	const t = TABLES.find((x) => x.name === table)!;
	const columns = t.key.length > 0 ? t.key : t.columns.map((c) => c.name);
	return (row) => JSON.stringify(columns.map((c) => (row as Record<string, unknown>)[c] ?? null));
}

/**
 * Checks a renumbering against the two datasets: each old id in the previous data and not in the import, each new
 * id in the import and not in the previous data, each id once. Returns the problems (empty when it fits).
 */
export function checkRenumbering(
	renumbering: readonly Renumbering[],
	previousIds: ReadonlySet<string>,
	importIds: ReadonlySet<string>,
	file: string
): Problem[] {
	const out: Problem[] = [];
	const bad = (i: number, value: string, zh: string, en: string) =>
		out.push({ file, row: i + 1, value, zh, en, kind: 'renumber', level: 'error' });
	const seenOld = new Set<string>();
	const seenNew = new Set<string>();
	renumbering.forEach((r, i) => {
		if (!previousIds.has(r.old))
			bad(i, r.old, `旧编号 ${r.old} 不在上次的数据中`, `old id ${r.old} is not in the previous data`);
		else if (importIds.has(r.old))
			bad(
				i,
				r.old,
				`旧编号 ${r.old} 仍在新台账中，不是重新编号`,
				`old id ${r.old} is still in the new ledger: not renumbered`
			);
		if (!importIds.has(r.new))
			bad(i, r.new, `新编号 ${r.new} 不在新台账中`, `new id ${r.new} is not in the new ledger`);
		else if (previousIds.has(r.new))
			bad(
				i,
				r.new,
				`新编号 ${r.new} 在上次的数据中已是另一个小区`,
				`new id ${r.new} is another community in the previous data`
			);
		if (seenOld.has(r.old)) bad(i, r.old, `旧编号 ${r.old} 出现了两次`, `old id ${r.old} appears twice`);
		if (seenNew.has(r.new)) bad(i, r.new, `新编号 ${r.new} 出现了两次`, `new id ${r.new} appears twice`);
		if (r.keep !== 'new' && r.keep !== 'old')
			bad(i, String(r.keep), 'keep 应为 "new" 或 "old"', 'keep must be "new" or "old"');
		seenOld.add(r.old);
		seenNew.add(r.new);
	});
	return out;
}

/**
 * The import with the previous data's history carried over for each renumbered community (see the file's
 * comment). `imported` is not changed. `source` names the previous data in problems. The renumbering is assumed
 * checked (`checkRenumbering`).
 */
export function carryHistory(
	imported: Dataset,
	previous: History,
	renumbering: readonly Renumbering[],
	source = '上次的数据 previous data'
): Carried {
	const kept = new Map<string, string>(); // the import's id → the id kept
	const fromOld = new Map<string, string>(); // the previous data's id → the id kept
	for (const r of renumbering) {
		const id = r.keep === 'old' ? r.old : r.new;
		kept.set(r.new, id);
		fromOld.set(r.old, id);
	}
	const rewrite = <T extends { community_id: string }>(rows: readonly T[]): T[] =>
		rows.map((row) =>
			kept.has(row.community_id) ? { ...row, community_id: kept.get(row.community_id)! } : row
		);
	const dataset: Dataset = {
		...imported,
		communities: imported.communities.map((c) => (kept.has(c.id) ? { ...c, id: kept.get(c.id)! } : c))
	};
	const carried = zero();
	const alreadyThere = zero();
	const problems: Problem[] = [];
	const superseded: Carried['superseded'] = [];
	for (const table of HISTORY_TABLES) {
		const rows = rewrite(imported[table] as { community_id: string }[]);
		const key = keyOf(table);
		const have = new Map<string, number>();
		const first = new Map<string, object>();
		for (const row of rows) {
			have.set(key(row), (have.get(key(row)) ?? 0) + 1);
			if (!first.has(key(row))) first.set(key(row), row);
		}
		for (const row of previous[table] as { community_id: string }[]) {
			const id = fromOld.get(row.community_id);
			if (id === undefined) continue;
			const moved = { ...row, community_id: id };
			const k = key(moved);
			const n = have.get(k) ?? 0;
			if (n > 0) {
				alreadyThere[table]++;
				const theirs = first.get(k)!;
				if (!sameRow(table, theirs, moved)) superseded.push({ table, previous: moved, kept: theirs });
				// funds have no key: one deposit of the import stands for one of the previous data
				if (table === 'funds') have.set(k, n - 1);
				continue;
			}
			if (table === 'stage_events') {
				const wrong = outOfOrder(moved as StageEventRow, rows as unknown as StageEventRow[]);
				if (wrong) {
					problems.push(stageProblem(source, row as StageEventRow, moved as StageEventRow, wrong));
					continue;
				}
			}
			rows.push(moved);
			carried[table]++;
		}
		(dataset as unknown as Record<HistoryTable, unknown[]>)[table] = rows;
	}
	return { dataset, carried, alreadyThere, superseded, problems };
}

/** Whether two rows of `table` hold the same values (as the diff compares them: empty alike, numbers to 1e-9). */
function sameRow(table: HistoryTable, a: object, b: object): boolean {
	const get = (r: object, c: string) => (r as Record<string, unknown>)[c];
	return TABLES.find((t) => t.name === table)!.columns.every((c) =>
		sameValue(get(a, c.name), get(b, c.name))
	);
}

/** A stage of the import's own for the same community that the carried `row` contradicts, if any. */
function outOfOrder(row: StageEventRow, rows: readonly StageEventRow[]): StageEventRow | undefined {
	const at = stageIndex(row.stage);
	return rows.find(
		(s) =>
			s.community_id === row.community_id &&
			((stageIndex(s.stage) < at && s.date > row.date) || (stageIndex(s.stage) > at && s.date < row.date))
	);
}

function stageProblem(file: string, row: StageEventRow, moved: StageEventRow, wrong: StageEventRow): Problem {
	const name = (s: string) => WORKFLOW_STAGES[stageIndex(s)]!.name;
	return {
		file,
		row: 0,
		community: row.community_id,
		column: '阶段',
		value: `${name(row.stage)} ${row.date}`,
		zh: `未带入：与新台账中小区 ${moved.community_id} 的阶段「${name(wrong.stage)} ${wrong.date}」顺序不符（阶段应按工作流程顺序），请核对后在新台账中填写`,
		en: `not carried over: out of the workflow order against the new ledger's stage ${wrong.stage} ${wrong.date} of ${moved.community_id}; check it and enter it in the new ledger`,
		kind: 'renumber-stage',
		level: 'error'
	};
}

/**
 * A stored row (DuckDB-WASM's or Parquet's: dates as milliseconds, Date or text; integers as bigint) as the
 * dataset's row of `table`: dates `YYYY-MM-DD`, numbers as numbers, empty as null.
 */
export function storedRow<T>(table: TableName, raw: Record<string, unknown>): T {
	const t = TABLES.find((x) => x.name === table)!;
	const out: Record<string, unknown> = {};
	for (const c of t.columns) out[c.name] = storedValue(c.type, raw[c.name]);
	return out as T;
}

function storedValue(type: ColumnType, v: unknown): unknown {
	if (v === undefined || v === null || v === '') return null;
	if (typeof v === 'bigint') v = Number(v);
	switch (type) {
		case 'date':
			if (v instanceof Date) return v.toISOString().slice(0, 10);
			if (typeof v === 'number') return new Date(v).toISOString().slice(0, 10);
			return String(v).slice(0, 10);
		case 'integer':
		case 'number':
			return Number(v);
		case 'boolean':
			return typeof v === 'boolean' ? v : v === 'true';
		default:
			return String(v);
	}
}

/** The renumbering file: the CLI's `--renumber` reads it, `--write-renumber` and /data's export write it. */
export interface RenumberFile {
	version: 1;
	pairs: (Renumbering & { why?: string })[];
	/** Candidates the matcher refused as equally strong: not applied; move one into `pairs` to apply it. */
	ties?: (Renumbering & { why?: string })[][];
}

export type RenumberFileResult =
	{ ok: true; renumbering: Renumbering[] } | { ok: false; zh: string; en: string };

/** Checks a renumbering file read from JSON: version 1, pairs of text ids with keep "new" or "old". */
export function parseRenumbering(json: unknown): RenumberFileResult {
	const f = json as Partial<RenumberFile> | null;
	if (!f || f.version !== 1 || !Array.isArray(f.pairs))
		return {
			ok: false,
			zh: '对应表文件应为 {"version":1,"pairs":[{"old":"旧编号","new":"新编号","keep":"new"}…]}',
			en: 'expected {"version":1,"pairs":[{"old":"old id","new":"new id","keep":"new"}…]}'
		};
	const renumbering: Renumbering[] = [];
	for (const [i, p] of f.pairs.entries()) {
		if (typeof p?.old !== 'string' || typeof p.new !== 'string' || (p.keep !== 'new' && p.keep !== 'old'))
			return {
				ok: false,
				zh: `第 ${i + 1} 对应写 "old"、"new"（编号）和 "keep"（"new" 带入历史用新编号，"old" 保留旧编号）`,
				en: `pair ${i + 1} needs "old", "new" (ids) and "keep" ("new": carry the history to the new id; "old": keep the old id)`
			};
		renumbering.push({ old: p.old, new: p.new, keep: p.keep });
	}
	return { ok: true, renumbering };
}

/** Rows per history table in words: "改造内容 0 行，表决 2 行，…" / "works 0, votes 2, …". */
export function historyCounts(counts: Record<HistoryTable, number>): { zh: string; en: string } {
	const zh = (t: HistoryTable) => TABLES.find((x) => x.name === t)!.zh;
	return {
		zh: HISTORY_TABLES.map((t) => `${zh(t)} ${counts[t]} 行`).join('，'),
		en: HISTORY_TABLES.map((t) => `${t.replace('_', ' ')} ${counts[t]}`).join(', ')
	};
}

/** A superseded row in words: "进度 LQ2024-002 application-vote：日期 2024-04-01 → 2024-02-15". */
export function supersededWords(s: Carried['superseded'][number]): { zh: string; en: string } {
	const t = TABLES.find((x) => x.name === s.table)!;
	const get = (r: object, c: string) => (r as Record<string, unknown>)[c];
	const key = (t.key.length > 0 ? t.key : ['community_id']).map((c) => String(get(s.kept, c))).join(' ');
	const changed = t.columns.filter((c) => !sameValue(get(s.previous, c.name), get(s.kept, c.name)));
	const show = (v: unknown) => (v === null || v === undefined ? '—' : String(v));
	const list = (label: (c: (typeof changed)[number]) => string) =>
		changed.map((c) => `${label(c)} ${show(get(s.previous, c.name))} → ${show(get(s.kept, c.name))}`);
	return {
		zh: `${t.zh} ${key}：${list((c) => c.zh).join('，')}`,
		en: `${s.table} ${key}: ${list((c) => c.name).join(', ')}`
	};
}
