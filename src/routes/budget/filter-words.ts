/**
 * A map filter in words for the simulator ("乐成街道、柳市镇 · 建成年份 至 2000 · 区域内 12 个小区"), with the labels
 * the map's filter panel shows (Filters.svelte): town names, class and stage names, never the URL's codes.
 */
import type { Filter } from '$lib/data/filters';
import { type ManifestTown } from '$lib/data/manifest';
import { HOUSING_TYPES, PROPERTY_MANAGEMENT } from '$lib/data/schema';
import { locale, pick, townName } from '$lib/i18n/lang.svelte';
import { t } from '$lib/i18n/messages';
import { COLOUR_SCALES } from '$lib/map/classes';
import { WORKFLOW_STAGES, WORKS_TIERS } from '$lib/policy';

export function filterWords(f: Filter, towns: readonly ManifestTown[] | undefined): string {
	const sep = locale.lang === 'zh' ? '、' : ', ';
	const colon = locale.lang === 'zh' ? '：' : ': ';
	const parts: string[] = [];
	const group = (key: Parameters<typeof t>[0], values: readonly string[], label: (v: string) => string) => {
		if (values.length) parts.push(`${t(key)}${colon}${values.map(label).join(sep)}`);
	};
	const named = (list: readonly { code: string; zh: string; en: string }[]) => (v: string) => {
		const x = list.find((l) => l.code === v);
		return x ? pick(x) : v;
	};
	if (f.towns.length) parts.push(f.towns.map((c) => townName(towns ? [...towns] : undefined, c)).join(sep));
	if (f.yearFrom !== null || f.yearTo !== null)
		parts.push(
			`${t('filters.years')} ${f.yearFrom !== null ? `${t('filters.from')} ${f.yearFrom} ` : ''}${
				f.yearTo !== null ? `${t('filters.to')} ${f.yearTo}` : ''
			}`.trim()
		);
	group('filters.eligibility', f.eligibility, (v) => {
		const c = COLOUR_SCALES.eligibility.classes.find((x) => x.codes.includes(v));
		return c ? pick(c) : v;
	});
	group('filters.stage', f.stage, (v) => {
		if (v === 'none') return t('filters.notStarted');
		const s = WORKFLOW_STAGES.find((x) => x.id === v);
		return s ? pick({ zh: s.name, en: s.en }) : v;
	});
	group('filters.housing', f.housing, named(HOUSING_TYPES));
	group('filters.management', f.management, named(PROPERTY_MANAGEMENT));
	group('filters.tiers', f.tiers, (v) => {
		const x = WORKS_TIERS.find((w) => w.id === v);
		return x ? pick({ zh: x.name, en: x.en }) : v;
	});
	if (f.area !== null) parts.push(t('area.count', { n: f.area.length }));
	return parts.length ? parts.join(' · ') : t('budget.filterAll');
}
