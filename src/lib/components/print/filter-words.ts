/**
 * The map's filter in words, for a printed report: town names, years, classes — never URL text
 * (`towns=330382002&yearTo=2000`). Each set part becomes one line: what is filtered and the values chosen.
 */
import type { Filter } from '$lib/filter/filters';
import type { ManifestTown } from '$lib/files/manifest';
import { FILTER_VALUES } from '$lib/verdict/classes';
import { townNameIn, type Lang } from '$lib/i18n/format';

export interface FilterLine {
	label: string;
	value: string;
}

type Pair = { zh: string; en: string };

const WORDS = {
	towns: { zh: '乡镇街道', en: 'Streets and towns' },
	years: { zh: '建成年份', en: 'Year completed' },
	eligibility: { zh: '改造资格', en: 'Eligibility' },
	stage: { zh: '改造阶段', en: 'Stage' },
	housing: { zh: '房屋类型', en: 'Housing type' },
	management: { zh: '物业管理', en: 'Property management' },
	tiers: { zh: '改造内容类别', en: 'Works tier' },
	area: { zh: '区域', en: 'Area' },
	inside: { zh: '地图上绘制的区域内', en: 'inside the area drawn on the map' },
	none: { zh: '全市全部小区（未筛选）', en: 'All communities in the city (no filter)' },
	all: { zh: '范围', en: 'Scope' }
} satisfies Record<string, Pair>;

/** The filter as lines of words in `lang`; one line "all communities" when nothing is set. */
export function filterWords(f: Filter, towns: readonly ManifestTown[], lang: Lang): FilterLine[] {
	const say = (p: Pair) => p[lang];
	const sep = lang === 'zh' ? '、' : ', ';
	const named = (list: readonly (Pair & { code: string })[], codes: readonly string[]) =>
		codes.map((c) => {
			const v = list.find((x) => x.code === c);
			return v ? say(v) : c;
		});
	const lines: FilterLine[] = [];
	const add = (label: Pair, values: string[]) => {
		if (values.length) lines.push({ label: say(label), value: values.join(sep) });
	};

	add(
		WORDS.towns,
		f.towns.map((code) => {
			const town = towns.find((t) => t.code === code);
			return town ? townNameIn(town, lang) : code;
		})
	);
	if (f.yearFrom !== null || f.yearTo !== null) {
		const from = f.yearFrom;
		const to = f.yearTo;
		const value =
			lang === 'zh'
				? from !== null && to !== null
					? `${from}年至${to}年`
					: from !== null
						? `${from}年及以后`
						: `${to}年及以前`
				: from !== null && to !== null
					? `${from} to ${to}`
					: from !== null
						? `${from} or later`
						: `${to} or earlier`;
		lines.push({ label: say(WORDS.years), value });
	}
	add(WORDS.eligibility, named(FILTER_VALUES.eligibility, f.eligibility));
	add(WORDS.stage, named(FILTER_VALUES.stage, f.stage));
	add(WORDS.housing, named(FILTER_VALUES.housing, f.housing));
	add(WORDS.management, named(FILTER_VALUES.management, f.management));
	add(WORDS.tiers, named(FILTER_VALUES.tiers, f.tiers));
	if (f.area !== null || f.polygon) {
		// the count is the KPIs' (every filter applied), not the area's alone
		lines.push({ label: say(WORDS.area), value: say(WORDS.inside) });
	}
	if (!lines.length) lines.push({ label: say(WORDS.all), value: say(WORDS.none) });
	return lines;
}
