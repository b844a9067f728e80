/**
 * A map filter in words for the simulator, on one line ("乡镇街道：乐成街道 · 区域：地图上绘制的区域内"): the printed
 * report's wording (`$lib/components/print/filter-words`), never the URL's codes.
 */
import { filterWords as filterLines } from '$lib/components/print/filter-words';
import type { Filter } from '$lib/filter/filters';
import type { ManifestTown } from '$lib/files/manifest';
import { locale } from '$lib/i18n/lang.svelte';
import { t } from '$lib/i18n/messages';

export function filterWords(f: Filter, towns: readonly ManifestTown[] | undefined): string {
	const colon = t('common.colon');
	return filterLines(f, towns ?? [], locale.lang)
		.map((l) => `${l.label}${colon}${l.value}`)
		.join(' · ');
}
