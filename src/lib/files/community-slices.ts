/**
 * The community page's rows without DuckDB-WASM: every community's own rows (its `communities` row, works, votes,
 * funds and stage events — all the verdict is computed from), cut into small JSON files of about
 * `SLICE_SIZE` communities each, `community/<n>.json`. The file holding a community is a hash of its id over the
 * number of files, which follows from the manifest's community count (`sliceCount`): no index to fetch first, at
 * any size. Written by `npm run data` (and so by the office server's publish, which runs it), by /data's static
 * files, and made in memory for an import in this browser (`communityRowsOf`).
 *
 * The files carry rows, not verdicts: the page computes the verdict from them with `communityVerdict`, as the
 * build computes `status` — one copy of every rule, and a policy change needs no new file format.
 * Values are as the SQL gives them (dates 'YYYY-MM-DD', money as numbers in yuan); votes and funds by date.
 */
import type { CommunityRow, Dataset, FundRow, StageEventRow, VoteRow, WorksRow } from '../schema/rows';

/** Communities per file, about (a file of the example is ≈ 60 KB, ≈ 12 KB gzipped). */
export const SLICE_SIZE = 64;
/** The folder of the files, inside the data folder. */
export const SLICE_DIR = 'community';

/** One community's own rows, as the page's SQL (communitySql) returns them. */
export interface CommunityOwnRows {
	community: CommunityRow;
	works: WorksRow[];
	votes: VoteRow[];
	funds: FundRow[];
	stages: StageEventRow[];
}

/** A file: the communities it holds, by id. */
export type CommunitySlice = Record<string, CommunityOwnRows>;

/** How many files a dataset of `communities` communities is cut into (≥ 1). */
export function sliceCount(communities: number): number {
	return Math.max(1, Math.ceil(communities / SLICE_SIZE));
}

/** The file number of a community id among `count` files (32-bit FNV-1a of its UTF-16 code units). */
export function sliceOf(id: string, count: number): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < id.length; i++) {
		h ^= id.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0) % count;
}

/** A file's path inside the data folder. */
export function slicePath(n: number): string {
	return `${SLICE_DIR}/${n}.json`;
}

const byDate = <T extends { date: string }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** Every community's own rows, by id (rows in the dataset's order; votes and funds sorted by date). */
export function ownRowsById(dataset: Dataset): Map<string, CommunityOwnRows> {
	const out = new Map<string, CommunityOwnRows>();
	for (const c of dataset.communities)
		out.set(c.id, { community: c, works: [], votes: [], funds: [], stages: [] });
	for (const w of dataset.works) out.get(w.community_id)?.works.push(w);
	for (const v of dataset.votes) out.get(v.community_id)?.votes.push(v);
	for (const f of dataset.funds) out.get(f.community_id)?.funds.push(f);
	for (const s of dataset.stage_events) out.get(s.community_id)?.stages.push(s);
	for (const r of out.values()) {
		r.votes.sort(byDate);
		r.funds.sort(byDate);
	}
	return out;
}

/** The files of a dataset: path inside the data folder → JSON text. */
export function communitySlices(dataset: Dataset): Record<string, string> {
	const count = sliceCount(dataset.communities.length);
	const slices: CommunitySlice[] = Array.from({ length: count }, () => ({}));
	for (const [id, rows] of ownRowsById(dataset)) slices[sliceOf(id, count)]![id] = rows;
	return Object.fromEntries(slices.map((s, n) => [slicePath(n), JSON.stringify(s)]));
}

/** One community's rows from a dataset in memory (an import), or null when the id is not in it. */
export function communityRowsOf(dataset: Dataset, id: string): CommunityOwnRows | null {
	const community = dataset.communities.find((c) => c.id === id);
	if (!community) return null;
	const mine = <T extends { community_id: string }>(rows: readonly T[]) =>
		rows.filter((r) => r.community_id === id);
	return {
		community,
		works: mine(dataset.works),
		votes: mine(dataset.votes).sort(byDate),
		funds: mine(dataset.funds).sort(byDate),
		stages: mine(dataset.stage_events)
	};
}
