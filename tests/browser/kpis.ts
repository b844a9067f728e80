// The key figures' tiles as `/` writes them (their main figures; the parts under them are `data-kpi-part`): the
// expected texts for a row of `kpiSql`, formatted as the page formats each figure's unit (figures.ts).
import { FIGURE, KPI_TILES } from '../../src/lib/filter/definitions';
import type { Kpis } from '../../src/lib/filter/queries';
import { area, count, money, type Lang } from '../../src/lib/i18n/format';

/** A figure's value as the page writes it in `lang`. */
export function figureText(key: keyof Kpis, v: number, lang: Lang = 'zh'): string {
	const unit = FIGURE[key].unit;
	return unit === 'money'
		? money(v, lang)
		: unit === 'area'
			? area(v, lang)
			: unit === 'households'
				? count(v, { zh: '户', en: '' }, lang)
				: count(v, { zh: '个', en: '' }, lang);
}

/** Each tile's main figure (data-kpi) → its text, for a row of kpiSql. */
export function tileTexts(k: Kpis, lang: Lang = 'zh'): Record<string, string> {
	return Object.fromEntries(KPI_TILES.map((t) => [t.main, figureText(t.main, Number(k[t.main]), lang)]));
}
