/**
 * Re-imports whose ids changed: which communities of a new ledger are probably the same as ones the data loaded
 * now no longer has (the office renumbered SY001 → LQ2024-001 and tidied a few names). Evidence, always within the
 * same town (乡镇街道代码): the same address (normalised), points within `RENUMBER_METRES` (Turf's great-circle
 * distance), the same or a similar name (normalised: NFKC, no spaces or punctuation, Chinese numerals as digits,
 * a trailing 小区/村 dropped; similar = one contains the other or Levenshtein ≥ `NAME_SIMILARITY`, and never two
 * different numbers: 一期/二期, 一村/二村 are different communities). A similar name alone proposes nothing; the
 * same address, a near point or the same normalised name does. Pairs are one-to-one, taken greedily by strength;
 * where two candidates are equally strong for one community the pair is refused and left to the keeper (a tie).
 * Pure (no DOM, no DuckDB): /data and `npm run data -- --previous` call the same function.
 */
import distance from '@turf/distance';
import leven from 'leven';
import type { CommunityRow, TownRow } from '../schema/rows';
import type { KeepId, RenumberFile } from './carry-history';

/** Two points closer than this (metres) count as the same place. */
export const RENUMBER_METRES = 30;
/** Names at least this similar (1 − Levenshtein ÷ longer length, after normalising) count as similar. */
export const NAME_SIMILARITY = 0.6;

/** What a community is matched on: a stored row (from DuckDB, Parquet or the importer). */
export interface Matchable {
	id: string;
	name: string;
	town_code: string;
	address: string | null;
	lon: number | null;
	lat: number | null;
}

/** One piece of evidence that a removed and an added community are the same. */
export type Reason =
	| { kind: 'address'; address: string }
	| { kind: 'point'; metres: number }
	| { kind: 'same-name'; name: string }
	| { kind: 'similar-name'; before: string; after: string };

/** A proposed pair: `old` is the id the data loaded now has, `new` the one the import brings. */
export interface RenumberPair {
	old: Matchable;
	new: Matchable;
	reasons: Reason[];
	/** 1 per piece of evidence (address, point, same normalised name), ½ for a similar name. */
	strength: number;
}

/** Candidates refused because they are equally strong: the keeper decides (or leaves them apart). */
export interface RenumberTie {
	strength: number;
	candidates: RenumberPair[];
}

export interface RenumberProposal {
	pairs: RenumberPair[];
	ties: RenumberTie[];
	/** Removed communities with no proposed pair (ties included). */
	removed: Matchable[];
	/** Added communities with no proposed pair (ties included). */
	added: Matchable[];
}

const CN_DIGIT: Readonly<Record<string, number>> = {
	零: 0,
	〇: 0,
	一: 1,
	二: 2,
	两: 2,
	三: 3,
	四: 4,
	五: 5,
	六: 6,
	七: 7,
	八: 8,
	九: 9
};

/** Chinese numerals as digits: 二 → 2, 十二 → 12, 二十 → 20, 二〇二四 → 2024 (up to 99 with 十). */
export function chineseNumerals(text: string): string {
	return text.replace(/[零〇一二两三四五六七八九十]+/g, (run) => {
		const ten = run.indexOf('十');
		if (ten < 0) return [...run].map((c) => CN_DIGIT[c]).join('');
		// one 十, at most one digit either side: 十, 十二, 二十, 二十三 (else left as written)
		if (ten > 1 || run.length - ten > 2 || run.indexOf('十', ten + 1) >= 0) return run;
		const tens = ten === 0 ? 1 : CN_DIGIT[run[0]!]!;
		const ones = ten === run.length - 1 ? 0 : CN_DIGIT[run[ten + 1]!]!;
		return String(tens * 10 + ones);
	});
}

/** Text as compared: NFKC, lower case, no whitespace or punctuation, Chinese numerals as digits. */
function compared(text: string): string {
	return chineseNumerals(
		text
			.normalize('NFKC')
			.toLowerCase()
			.replace(/[^\p{L}\p{N}]/gu, '')
	);
}

/** A community name as compared: `试验二村` and `试验2村` → `试验2`, `示例花苑小区` → `示例花苑`. */
export function normaliseName(name: string): string {
	const n = compared(name);
	const bare = n.replace(/(小区|村)$/, '');
	return bare === '' ? n : bare;
}

/**
 * An address as compared: the province, city and the community's own town before the street dropped
 * (`浙江省乐清市乐成街道试验路2号` and `试验路二号` are one address), then as `compared`.
 */
export function normaliseAddress(address: string, townName?: string): string {
	let a = compared(address);
	a = a.replace(/^(浙江省|浙江)?(温州市|温州)?(乐清市|乐清)?/, '');
	const town = townName ? compared(townName) : '';
	if (town && a.startsWith(town) && a.length > town.length) a = a.slice(town.length);
	return a;
}

const numbers = (s: string) => s.match(/\d+/g) ?? [];

/**
 * How similar two normalised names are, 0–1: 1 when equal, 0 when both carry numbers and they differ (一期 and 二期
 * are two communities), else the larger of containment (0.8 when the shorter, ≥ 2 characters, is inside the longer)
 * and 1 − Levenshtein distance ÷ the longer length.
 */
export function nameSimilarity(a: string, b: string): number {
	if (a === b) return 1;
	const [na, nb] = [numbers(a), numbers(b)];
	if (na.length > 0 && nb.length > 0 && na.join(',') !== nb.join(',')) return 0;
	const [short, long] = a.length <= b.length ? [a, b] : [b, a];
	const contained = short.length >= 2 && long.includes(short) ? 0.8 : 0;
	return Math.max(contained, 1 - leven(a, b) / Math.max(a.length, b.length, 1));
}

/** Metres between two points (WGS84 degrees), or null when either lacks a point. */
function metresApart(a: Matchable, b: Matchable): number | null {
	if (a.lon == null || a.lat == null || b.lon == null || b.lat == null) return null;
	return distance([a.lon, a.lat], [b.lon, b.lat], { units: 'meters' });
}

/** The evidence for one removed/added pair of the same town, or null when there is none that proposes. */
export function evidence(
	old: Matchable,
	added: Matchable,
	townName?: string,
	metres = RENUMBER_METRES
): RenumberPair | null {
	if (old.town_code !== added.town_code) return null;
	const reasons: Reason[] = [];
	let strength = 0;
	const [ao, an] = [old.address ?? '', added.address ?? ''].map((a) => normaliseAddress(a, townName));
	if (ao && ao === an) {
		reasons.push({ kind: 'address', address: added.address! });
		strength += 1;
	}
	const d = metresApart(old, added);
	if (d !== null && d <= metres) {
		reasons.push({ kind: 'point', metres: Math.round(d) });
		strength += 1;
	}
	const [no, nn] = [normaliseName(old.name), normaliseName(added.name)];
	if (no === nn) {
		reasons.push(
			old.name === added.name
				? { kind: 'same-name', name: added.name }
				: { kind: 'similar-name', before: old.name, after: added.name }
		);
		strength += 1;
	} else if (strength > 0 && nameSimilarity(no, nn) >= NAME_SIMILARITY) {
		reasons.push({ kind: 'similar-name', before: old.name, after: added.name });
		strength += 0.5;
	}
	return strength >= 1 ? { old, new: added, reasons, strength } : null;
}

/**
 * Proposes which `added` communities are `removed` ones under a new id. `towns` gives the town names an address
 * may start with. Greedy by strength, one-to-one; at each strength, a candidate that shares its removed or added
 * community with another still-free candidate of the same strength is refused with it (a tie), and neither
 * community is matched at a lower strength.
 */
export function proposeRenumbering(
	removed: readonly Matchable[],
	added: readonly Matchable[],
	towns: readonly Pick<TownRow, 'code' | 'name'>[] = [],
	metres = RENUMBER_METRES
): RenumberProposal {
	const townName = new Map(towns.map((t) => [t.code, t.name]));
	const byTown = new Map<string, Matchable[]>();
	for (const a of added) byTown.set(a.town_code, [...(byTown.get(a.town_code) ?? []), a]);
	const candidates: RenumberPair[] = [];
	for (const r of removed)
		for (const a of byTown.get(r.town_code) ?? []) {
			const p = evidence(r, a, townName.get(r.town_code), metres);
			if (p) candidates.push(p);
		}
	const strengths = [...new Set(candidates.map((c) => c.strength))].sort((x, y) => y - x);
	const [takenOld, takenNew] = [new Set<string>(), new Set<string>()];
	const pairs: RenumberPair[] = [];
	const ties: RenumberTie[] = [];
	for (const s of strengths) {
		const free = candidates.filter(
			(c) => c.strength === s && !takenOld.has(c.old.id) && !takenNew.has(c.new.id)
		);
		const count = (key: (c: RenumberPair) => string, id: string) => free.filter((c) => key(c) === id).length;
		const tied = free.filter(
			(c) => count((x) => x.old.id, c.old.id) > 1 || count((x) => x.new.id, c.new.id) > 1
		);
		for (const c of free) if (!tied.includes(c)) pairs.push(c);
		// tied candidates sharing a community form one tie (connected through shared ids)
		const left = [...tied];
		while (left.length > 0) {
			const group = [left.shift()!];
			for (let i = 0; i < group.length; i++)
				for (let j = left.length - 1; j >= 0; j--)
					if (left[j]!.old.id === group[i]!.old.id || left[j]!.new.id === group[i]!.new.id)
						group.push(...left.splice(j, 1));
			ties.push({ strength: s, candidates: group });
		}
		for (const c of free) {
			takenOld.add(c.old.id);
			takenNew.add(c.new.id);
		}
	}
	const order = new Map(removed.map((r, i) => [r.id, i]));
	pairs.sort((x, y) => order.get(x.old.id)! - order.get(y.old.id)!);
	const paired = (id: string, side: 'old' | 'new') => pairs.some((p) => p[side].id === id);
	return {
		pairs,
		ties,
		removed: removed.filter((r) => !paired(r.id, 'old')),
		added: added.filter((a) => !paired(a.id, 'new'))
	};
}

/** A reason in words, Chinese and English: 同地址 / 相距 12 米 / 名称相近：试验二村 → 试验2村. */
export function reasonWords(r: Reason): { zh: string; en: string } {
	switch (r.kind) {
		case 'address':
			return { zh: `同地址（${r.address}）`, en: `same address (${r.address})` };
		case 'point':
			return { zh: `相距 ${r.metres} 米`, en: `${r.metres} m apart` };
		case 'same-name':
			return { zh: `同名（${r.name}）`, en: `same name (${r.name})` };
		case 'similar-name':
			return { zh: `名称相近：${r.before} → ${r.after}`, en: `similar name: ${r.before} → ${r.after}` };
	}
}

/** The comparison's headline: "7 个可能是重新编号，1 个删除，1 个新增" / "7 probably renumbered, 1 removed, 1 new". */
export function renumberSummary(p: RenumberProposal): { zh: string; en: string } {
	const tie = p.ties.length
		? {
				zh: `，${p.ties.length} 组证据相当、请自行判断`,
				en: `, ${p.ties.length} tie(s) for you to decide`
			}
		: { zh: '', en: '' };
	return {
		zh: `${p.pairs.length} 个可能是重新编号，${p.removed.length} 个删除，${p.added.length} 个新增${tie.zh}`,
		en: `${p.pairs.length} probably renumbered, ${p.removed.length} removed, ${p.added.length} new${tie.en}`
	};
}

/** A community row (or a stored row read back) as the matcher takes it. */
export function matchable(row: CommunityRow | Record<string, unknown>): Matchable {
	const r = row as Record<string, unknown>;
	const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));
	return {
		id: String(r.id),
		name: String(r.name ?? ''),
		town_code: String(r.town_code ?? ''),
		address: r.address == null ? null : String(r.address),
		lon: num(r.lon),
		lat: num(r.lat)
	};
}

/** Why a pair was proposed, in one line of both languages (the renumbering file's `why`). */
export const pairWhy = (p: RenumberPair) =>
	`${p.reasons.map((r) => reasonWords(r).zh).join('；')} / ${p.reasons.map((r) => reasonWords(r).en).join('; ')}`;

/** The proposal as a renumbering file, every pair with `keep` (the keeper edits it, then `--renumber` applies it). */
export function renumberFile(p: RenumberProposal, keep: KeepId = 'new'): RenumberFile {
	const entry = (x: RenumberPair) => ({ old: x.old.id, new: x.new.id, keep, why: pairWhy(x) });
	return { version: 1, pairs: p.pairs.map(entry), ties: p.ties.map((t) => t.candidates.map(entry)) };
}
