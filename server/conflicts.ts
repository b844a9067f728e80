// Nothing a town recorded is overwritten silently (issue 22): a staged release (a keeper's whole ledger, or the
// towns' changes replayed) is compared with every accepted town change — carried into a published release or not,
// not superseded — and each change whose effect the release's data lacks is a conflict the keeper must decide
// before publishing (api-release.ts). `townConflicts` is the comparison, pure; `readConflictData` reads a release's
// data for it.
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import type { ChangeRecord, TownConflict } from '../src/lib/office/api';
import { POINT_FIELD, type PointValue } from '../src/lib/ingest/point-entry';
import type { FundRow, StageEventRow, VoteRow, WorksRow } from '../src/lib/schema/rows';

export type { TownConflict };

/** The file of a staged release that lists its conflicts with the towns' accepted changes. */
export const CONFLICTS_FILE = 'conflicts.json';

/** What of a release's data the comparison reads: its communities (id → name, and id → the whole row, for the
 *  towns' corrections), votes, funds and stage events. */
export interface ConflictData {
	communities: Map<string, string>;
	rows: Map<string, Record<string, unknown>>;
	votes: VoteRow[];
	funds: FundRow[];
	stages: StageEventRow[];
	/** Its works rows (附件1 items and their costs). */
	works: WorksRow[];
}

/** A town's correction as recorded (`communities.<column>`): the community, the column and its new value. */
interface FactValue {
	community_id: string;
	column: string;
	value: unknown;
}

/** Two cell values as the same: numbers to 1e-6, dates and times by their day or text, empty as null. */
function sameCell(a: unknown, b: unknown): boolean {
	const empty = (v: unknown) => v === null || v === undefined || v === '';
	if (empty(a) || empty(b)) return empty(a) && empty(b);
	if (typeof a === 'number' || typeof b === 'number') return same(a, b);
	return String(a) === String(b);
}

/** The four tallies a town's vote records (its totals are the community's, not the town's fact). */
const TALLIES = ['participating_owners', 'participating_area', 'agree_owners', 'agree_area'] as const;

/** Two tallies as the same number: a spreadsheet's 11000.1 may come back as 11000.100000000002. */
const same = (a: unknown, b: unknown) => Math.abs(Number(a) - Number(b)) < 1e-6;

/** A date as YYYY-MM-DD, whether a DATE read as text or an ISO time. */
const day = (d: unknown) => String(d).slice(0, 10);

const voteKey = (v: Pick<VoteRow, 'community_id' | 'kind' | 'date'>) =>
	`${v.community_id}\u0000${v.kind}\u0000${day(v.date)}`;
const stageKey = (s: Pick<StageEventRow, 'community_id' | 'stage'>) => `${s.community_id}\u0000${s.stage}`;
const factKey = (f: FactValue) => `${f.community_id}\u0000${f.column}`;
const worksKey = (w: Pick<WorksRow, 'community_id' | 'item_id'>) => `${w.community_id}\u0000${w.item_id}`;

/** A works row's costs as the town's: the estimate and the final cost to 1e-6 元 (an empty final cost as null). */
const sameWorks = (a: WorksRow, b: WorksRow) =>
	same(a.estimated_cost, b.estimated_cost) &&
	(a.final_cost === null || b.final_cost === null
		? a.final_cost === null && b.final_cost === null
		: same(a.final_cost, b.final_cost));
const fundKey = (f: FundRow) =>
	`${f.community_id}\u0000${day(f.date)}\u0000${f.source}\u0000${Number(f.amount).toFixed(2)}`;

/**
 * The accepted changes of `accepted` whose effect `staged` lacks, in the order recorded.
 * - A vote (field `votes.*`): the staged votes must have the row of its community, kind and date with the town's
 *   four tallies — a different row is `vote-differs` (the upload's row given), none `vote-absent`. Of several
 *   accepted votes for one community, kind and date only the latest counts (the replay's order: it replaces).
 * - A payment (`funds.*`): the staged funds must have at least as many rows of its community, date, source and
 *   amount (to the fen) as there are accepted payments of them; the latest ones beyond are `payment-absent`.
 * - A stage reached (`stage_events.*`): the staged stage events must have its community and stage (the table's
 *   key) begun on the town's day — another day is `stage-differs` (the upload's row given), none `stage-absent`.
 * - A correction (`communities.<column>`): the staged community's cell must hold the town's value, else
 *   `fact-differs` (the upload's cell given, in the correction's shape).
 *   Of several accepted stages (corrections) of one key only the latest counts, as for votes.
 * - A point (`communities.point`): the staged community's lon and lat must be the town's (to 1e-6), else
 *   `point-differs` (the upload's lon and lat given, in the point's shape); of several accepted points of one
 *   community only the latest counts.
 * - A works item (`works.<item>`): the staged works must have the row of its community and item (the table's key)
 *   with the town's estimate and final cost (to 1e-6 元; an empty final cost only as empty) — other costs are
 *   `works-differs` (the upload's row given), no row `works-absent`. Only the latest of one key counts.
 * - A change whose community the staged data no longer has is `community-absent`.
 * Changes in any other state, or of a field with no such check, are ignored. `names` (id → name) names a
 * community the staged data lacks.
 */
export function townConflicts(
	accepted: readonly ChangeRecord[],
	staged: ConflictData,
	names: ReadonlyMap<string, string> = new Map()
): TownConflict[] {
	const ordered = accepted
		.filter((c) => c.state === 'accepted')
		.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
	const votes = new Map(staged.votes.map((v) => [voteKey(v), v]));
	const stages = new Map(staged.stages.map((r) => [stageKey(r), r]));
	const fundRows = new Map<string, number>();
	for (const f of staged.funds) fundRows.set(fundKey(f), (fundRows.get(fundKey(f)) ?? 0) + 1);
	// the latest accepted vote per key; the accepted payments per key, in order
	const latestVote = new Map<string, string>();
	const latestStage = new Map<string, string>();
	const latestFact = new Map<string, string>();
	const latestPoint = new Map<string, string>();
	const latestWorks = new Map<string, string>();
	const works = new Map(staged.works.map((w) => [worksKey(w), w]));
	const payments = new Map<string, ChangeRecord[]>();
	for (const c of ordered) {
		if (c.field.startsWith('votes.')) latestVote.set(voteKey(c.after as VoteRow), c.id);
		else if (c.field.startsWith('stage_events.')) latestStage.set(stageKey(c.after as StageEventRow), c.id);
		else if (c.field === POINT_FIELD) latestPoint.set(c.communityId, c.id);
		else if (c.field.startsWith('communities.')) latestFact.set(factKey(c.after as FactValue), c.id);
		else if (c.field.startsWith('works.')) latestWorks.set(worksKey(c.after as WorksRow), c.id);
		else if (c.field.startsWith('funds.')) {
			const key = fundKey(c.after as FundRow);
			payments.set(key, [...(payments.get(key) ?? []), c]);
		}
	}
	const out: TownConflict[] = [];
	for (const c of ordered) {
		const isVote = c.field.startsWith('votes.');
		const isStage = c.field.startsWith('stage_events.');
		const isPoint = c.field === POINT_FIELD;
		const isFact = !isPoint && c.field.startsWith('communities.');
		const isWorks = c.field.startsWith('works.');
		if (!isVote && !isStage && !isFact && !isPoint && !isWorks && !c.field.startsWith('funds.')) continue;
		const conflict = (
			reason: TownConflict['reason'],
			uploadValue: unknown,
			counts?: TownConflict['counts']
		) =>
			out.push({
				changeId: c.id,
				town: c.town,
				user: c.user,
				at: c.at,
				field: c.field,
				communityId: c.communityId,
				communityName: staged.communities.get(c.communityId) ?? names.get(c.communityId) ?? '',
				reason,
				townValue: c.after,
				uploadValue,
				...(counts ? { counts } : {}),
				release: c.release
			});
		if (!staged.communities.has(c.communityId)) {
			conflict('community-absent', null);
			continue;
		}
		if (isStage) {
			const r = c.after as StageEventRow;
			if (latestStage.get(stageKey(r)) !== c.id) continue;
			const there = stages.get(stageKey(r));
			if (!there) conflict('stage-absent', null);
			else if (day(there.date) !== day(r.date)) conflict('stage-differs', there);
			continue;
		}
		if (isPoint) {
			if (latestPoint.get(c.communityId) !== c.id) continue;
			const p = c.after as PointValue;
			const row = staged.rows.get(c.communityId);
			const [lon, lat] = [row?.lon ?? null, row?.lat ?? null];
			if (lon === null || lat === null || !same(lon, p.lon) || !same(lat, p.lat))
				conflict('point-differs', { community_id: c.communityId, lon, lat });
			continue;
		}
		if (isFact) {
			const f = c.after as FactValue;
			if (latestFact.get(factKey(f)) !== c.id) continue;
			const cell = staged.rows.get(f.community_id)?.[f.column] ?? null;
			if (!sameCell(cell, f.value)) conflict('fact-differs', { ...f, value: cell });
			continue;
		}
		if (isWorks) {
			const w = c.after as WorksRow;
			if (latestWorks.get(worksKey(w)) !== c.id) continue;
			const there = works.get(worksKey(w));
			if (!there) conflict('works-absent', null);
			else if (!sameWorks(there, w)) conflict('works-differs', there);
			continue;
		}
		if (isVote) {
			const v = c.after as VoteRow;
			if (latestVote.get(voteKey(v)) !== c.id) continue;
			const there = votes.get(voteKey(v));
			if (!there) conflict('vote-absent', null);
			else if (!TALLIES.every((k) => same(there[k], v[k]))) conflict('vote-differs', there);
			continue;
		}
		const key = fundKey(c.after as FundRow);
		const all = payments.get(key)!;
		const have = fundRows.get(key) ?? 0;
		// the first `have` accepted payments are in the data; the later ones are not
		if (all.indexOf(c) >= have) conflict('payment-absent', null, { town: all.length, upload: have });
	}
	return out;
}

/** A release's data (`dataDir`: its communities, votes, funds, stage events and works) as the comparison reads it. */
export async function readConflictData(dataDir: string): Promise<ConflictData> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	const read = async (table: string, columns: string) => {
		const path = join(dataDir, `${table}.parquet`).replaceAll("'", "''");
		const reader = await conn.runAndReadAll(`SELECT ${columns} FROM read_parquet('${path}')`);
		return reader.getRowObjectsJson() as Record<string, unknown>[];
	};
	try {
		const rows = new Map((await read('communities', '*')).map((r) => [String(r.id), r]));
		const communities = new Map([...rows].map(([id, r]) => [id, String(r.name ?? '')]));
		const votes = (await read('votes', '* REPLACE (CAST(date AS VARCHAR) AS date)')) as unknown as VoteRow[];
		const funds = (await read('funds', '* REPLACE (CAST(date AS VARCHAR) AS date)')) as unknown as FundRow[];
		const stages = (await read(
			'stage_events',
			'* REPLACE (CAST(date AS VARCHAR) AS date)'
		)) as unknown as StageEventRow[];
		const works = (await read('works', '*')).map((w) => ({
			...w,
			final_cost: w.final_cost === null || w.final_cost === undefined ? null : Number(w.final_cost)
		})) as unknown as WorksRow[];
		return { communities, rows, votes, funds, stages, works };
	} finally {
		conn.closeSync();
		db.closeSync();
	}
}
