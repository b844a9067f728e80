/**
 * How complete the communities' facts are (资料完整度): per town, how many communities lack each fact of
 * `COMMUNITY_FACTS` — the import's summary (one notice), /data's completeness view and the CLI's summary read it.
 * A fact is missing when its cell is empty (null in the row); nothing else counts as missing.
 */
import type { Problem } from './problems';
import type { CommunityRow, Dataset } from '../schema/rows';
import { COMMUNITY_FACTS, table, type CommunityFact } from '../schema/schema';
import { DATA } from '../i18n/messages/data';

/** The facts a community lacks, in COMMUNITY_FACTS' order. */
export function missingFacts(c: CommunityRow): CommunityFact[] {
	return COMMUNITY_FACTS.filter((f) => c[f] === null);
}

/**
 * One town's count: its communities; `judgeable`, those whose verdict lacks no fact (no 未知 for a missing fact:
 * the engine's `missing`, verdict.ts); `incomplete`, those lacking at least one fact of COMMUNITY_FACTS (a verdict
 * may not need it: 业主人数 or 楼栋数 only describe); and per fact how many lack it.
 */
export interface TownCompleteness {
	code: string;
	name: string;
	communities: number;
	judgeable: number;
	incomplete: number;
	missing: Record<CommunityFact, number>;
}

const zeros = () => Object.fromEntries(COMMUNITY_FACTS.map((f) => [f, 0])) as Record<CommunityFact, number>;

/**
 * Per town with communities, in the towns table's order, then the whole (code '' and name 全市 / all): how many
 * communities lack each fact, and how many the verdict can judge. `verdictLacks` gives the columns a community's
 * verdict lacks (the engine's: `CommunityVerdict.missing`, or status' `missing` split) — asked, not restated here.
 */
export function completenessByTown(
	dataset: Pick<Dataset, 'towns' | 'communities'>,
	verdictLacks: (c: CommunityRow) => readonly string[]
): {
	towns: TownCompleteness[];
	total: TownCompleteness;
} {
	const by = new Map<string, TownCompleteness>();
	const empty = (code: string, name: string): TownCompleteness => ({
		code,
		name,
		communities: 0,
		judgeable: 0,
		incomplete: 0,
		missing: zeros()
	});
	const total = empty('', '全市');
	for (const c of dataset.communities) {
		let t = by.get(c.town_code);
		if (!t) {
			const name = dataset.towns.find((x) => x.code === c.town_code)?.name ?? c.town_code;
			by.set(c.town_code, (t = empty(c.town_code, name)));
		}
		const lacking = missingFacts(c);
		const judgeable = verdictLacks(c).length === 0;
		for (const x of [t, total]) {
			x.communities++;
			if (judgeable) x.judgeable++;
			if (lacking.length > 0) x.incomplete++;
			for (const f of lacking) x.missing[f]++;
		}
	}
	const order = new Map(dataset.towns.map((t, i) => [t.code, i]));
	const towns = [...by.values()].sort((a, b) => (order.get(a.code) ?? 1e9) - (order.get(b.code) ?? 1e9));
	return { towns, total };
}

/** Up to this many rows lacking a fact are named in the summary. */
const ROWS_NAMED = 5;

/** A fact's header (the template's), e.g. 建成年份. */
export const factHeader = (f: CommunityFact) => table('communities').columns.find((c) => c.name === f)!.zh;

/**
 * A fact's catalogue key, `data.fact.<its column in camel case>` (e.g. `data.fact.housingType`): a key holding the
 * column's own name would ship an internal name to the public build, which its leak scan refuses.
 */
export const factKey = (f: CommunityFact) =>
	`data.fact.${f.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}` as keyof typeof DATA;

/** A fact in English words, e.g. "Housing type" (the catalogue's, as /data shows it). */
export const factEnglish = (f: CommunityFact) => DATA[factKey(f)]?.en ?? f;

/**
 * The import's summary of missing facts, as one notice (kind `facts-missing`): which facts are missing how often,
 * most often first, naming the rows (`rowOf`: the row the keeper sees) where a fact is missing in a few only; null
 * when every community has every fact.
 */
export function factsMissingNotice(
	communities: readonly CommunityRow[],
	file: string,
	rowOf: (i: number) => number = (i) => i + 2
): Problem | null {
	const counts = zeros();
	const rows = new Map<CommunityFact, string[]>(COMMUNITY_FACTS.map((f) => [f, []]));
	let incomplete = 0;
	communities.forEach((c, i) => {
		const lacking = missingFacts(c);
		if (lacking.length > 0) incomplete++;
		for (const f of lacking) {
			counts[f]++;
			rows.get(f)!.push(`第${rowOf(i)}行 ${c.id}`);
		}
	});
	// a fact missing in a few rows: those rows (as the keeper sees them in Excel/WPS), with their ids
	const where = (f: CommunityFact) =>
		counts[f] <= ROWS_NAMED && counts[f] < communities.length ? `（${rows.get(f)!.join('、')}）` : '';
	if (incomplete === 0) return null;
	const listed = COMMUNITY_FACTS.filter((f) => counts[f] > 0).sort((a, b) => counts[b] - counts[a]);
	const n = communities.length;
	return {
		file,
		row: 0,
		kind: 'facts-missing',
		zh: `资料不全：${n}个小区中${incomplete}个缺少资料——${listed.map((f) => `${factHeader(f)}缺${counts[f]}个${where(f)}`).join('、')}。需要这些资料的结论显示为“未知”，可在“资料完整度”中按乡镇街道导出资料补充表`,
		en: `incomplete data: ${incomplete} of ${n} communities lack facts — ${listed.map((f) => `${factEnglish(f)} missing in ${counts[f]}`).join(', ')}. Verdicts that need them say "unknown"; export a fill-in sheet per town under "Completeness"`,
		level: 'notice'
	};
}
