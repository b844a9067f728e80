/**
 * The map's filter in words, for a printed report: town names, years, classes — never URL text
 * (`towns=330382002&yearTo=2000`). Each set part becomes one line: what is filtered and the values chosen.
 */
import type { Filter } from '$lib/filter/filters';
import type { ManifestTown } from '$lib/files/manifest';
import { FILTER_VALUES } from '$lib/verdict/classes';
import { townNameIn, type Lang } from '$lib/i18n/format';
import { t, type MessageKey } from '$lib/i18n/messages';
import { pick } from '$lib/i18n/lang.svelte';

export interface FilterLine {
	label: string;
	value: string;
}

type Pair = { zh: string; en: string };

/** The filter as lines of words in `lang`; one line "all communities" when nothing is set. */
export function filterWords(f: Filter, towns: readonly ManifestTown[], lang: Lang): FilterLine[] {
	const word = (key: MessageKey) => t(key, {}, lang);
	const sep = word('common.listSep');
	const named = (list: readonly (Pair & { code: string })[], codes: readonly string[]) =>
		codes.map((c) => {
			const v = list.find((x) => x.code === c);
			return v ? pick(v, lang) : c;
		});
	const lines: FilterLine[] = [];
	const add = (label: MessageKey, values: string[]) => {
		if (values.length) lines.push({ label: word(label), value: values.join(sep) });
	};

	add(
		'print.filter.towns',
		f.towns.map((code) => {
			const town = towns.find((x) => x.code === code);
			return town ? townNameIn(town, lang) : code;
		})
	);
	if (f.yearFrom !== null || f.yearTo !== null) {
		const from = f.yearFrom;
		const to = f.yearTo;
		const value =
			from !== null && to !== null
				? t('print.filter.years.between', { from, to }, lang)
				: from !== null
					? t('print.filter.years.from', { from }, lang)
					: t('print.filter.years.to', { to: to ?? '' }, lang);
		lines.push({ label: word('print.filter.years'), value });
	}
	add('print.filter.eligibility', named(FILTER_VALUES.eligibility, f.eligibility));
	add('print.filter.stage', named(FILTER_VALUES.stage, f.stage));
	add('print.filter.housing', named(FILTER_VALUES.housing, f.housing));
	add('print.filter.management', named(FILTER_VALUES.management, f.management));
	add('print.filter.tiers', named(FILTER_VALUES.tiers, f.tiers));
	if (f.area !== null || f.polygon) {
		// the count is the KPIs' (every filter applied), not the area's alone
		lines.push({ label: word('print.filter.area'), value: word('print.filter.inside') });
	}
	if (!lines.length) lines.push({ label: word('print.filter.all'), value: word('print.filter.none') });
	return lines;
}
