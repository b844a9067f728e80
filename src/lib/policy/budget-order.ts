/**
 * The priority order of budget candidates (§五(三), §三(一)), fast enough for a Monte Carlo over 300k communities:
 * ids are ranked once per list of ids (the simulator asks again and again with the same pipeline), and each call
 * then sorts plain numbers instead of comparing ISO dates and ids.
 */
import { PolicyInputError } from './reason';

export interface RankInput {
	id: string;
	professionalManagement: boolean;
	raisedShare?: number;
}

/** Each id's place in id order, by position (`rank`), and the position at each place (`at`). */
interface IdRanks {
	ids: string[];
	rank: Int32Array;
	at: Int32Array;
}

let last: IdRanks = { ids: [], rank: new Int32Array(0), at: new Int32Array(0) };

/**
 * The ids' order, checked to be present and distinct (a `PolicyInputError` naming the candidate otherwise).
 * Kept for the next call with the same ids in the same places.
 */
export function idRanks(candidates: readonly RankInput[]): IdRanks {
	const n = candidates.length;
	let same = last.ids.length === n;
	for (let i = 0; same && i < n; i++) same = candidates[i]!.id === last.ids[i];
	if (same) return last;
	const ids = candidates.map((c, i) => {
		if (typeof c.id !== 'string' || c.id === '')
			throw new PolicyInputError(`candidates[${i}].id`, '缺少编号 / id missing');
		return c.id;
	});
	const byId = new Int32Array(n);
	for (let i = 0; i < n; i++) byId[i] = i;
	byId.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b));
	const rank = new Int32Array(n);
	for (let r = 0; r < n; r++) {
		const i = byId[r]!;
		if (r > 0 && ids[byId[r - 1]!] === ids[i])
			throw new PolicyInputError(`candidates[${i}].id`, `编号重复 / duplicate id (${ids[i]})`);
		rank[i] = r;
	}
	last = { ids, rank, at: byId };
	return last;
}

// A ready candidate's key: (ready day, professional management first, id rank) packed in one exact number.
const RANK_SPAN = 2 ** 22; // ids ranked below this are packed; longer lists are sorted by comparison
const DAY_OFFSET = 1_000_000; // days since 1970 of any ISO year 0000–9999 lie within ±3 million

/**
 * Indices in rank order: resident funds complete earlier first (§五(三)), then professional property management
 * (§三(一)), then by id; not ready (`days[i]` Infinity) last, professional management first, then a higher share
 * already raised (§三(一) 待改造小区名单), then by id.
 */
export function rankedOrder(candidates: readonly RankInput[], days: Float64Array): number[] {
	const n = candidates.length;
	const { rank, at } = idRanks(candidates);
	const professional = (i: number) => (candidates[i]!.professionalManagement ? 1 : 0);
	const order: number[] = [];
	const waiting: number[] = [];
	if (n < RANK_SPAN) {
		const keys = new Float64Array(n);
		let k = 0;
		for (let i = 0; i < n; i++) {
			const d = days[i]!;
			if (d === Infinity) waiting.push(i);
			else keys[k++] = ((d + DAY_OFFSET) * 2 + 1 - professional(i)) * RANK_SPAN + rank[i]!;
		}
		const ready = keys.subarray(0, k).sort();
		for (let j = 0; j < k; j++) order.push(at[ready[j]! % RANK_SPAN]!);
	} else {
		for (let i = 0; i < n; i++) (days[i] === Infinity ? waiting : order).push(i);
		order.sort((a, b) => days[a]! - days[b]! || professional(b) - professional(a) || rank[a]! - rank[b]!);
	}
	const share = (i: number) => candidates[i]!.raisedShare ?? 0;
	waiting.sort((a, b) => professional(b) - professional(a) || share(b) - share(a) || rank[a]! - rank[b]!);
	for (const i of waiting) order.push(i);
	return order;
}
