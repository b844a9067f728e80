/** Numbers and dates as people read them: zh-CN by default (万元, 万㎡, 户, 2024年5月31日), en on request. */
export type Lang = 'zh' | 'en';

/** A town's name in a language (a manifest town: its Chinese name and its English one, pinyin). */
export function townNameIn(town: { name: string; name_en: string }, lang: Lang): string {
	return lang === 'zh' ? town.name : town.name_en;
}

const zhNumber = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });
const enNumber = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
// each formatter made once: a new Intl.NumberFormat costs more than the numbers it formats (a town table's worth
// of them showed in a toggle's trace)
const zhWhole = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const enWhole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const whole = (lang: Lang) => (lang === 'zh' ? zhWhole : enWhole);

/** Yuan as 万元 (zh) or million yuan (en). */
export function money(yuan: number, lang: Lang = 'zh'): string {
	return lang === 'zh' ? `${zhNumber.format(yuan / 10_000)}万元` : `¥${enNumber.format(yuan / 1_000_000)}m`;
}

/** Yuan to the yuan, for a community's breakdown. */
export function yuan(v: number, lang: Lang = 'zh'): string {
	const f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', {
		minimumFractionDigits: 2,
		maximumFractionDigits: 2
	});
	return lang === 'zh' ? `${f.format(v)}元` : `¥${f.format(v)}`;
}

/** ㎡ as 万㎡ (zh), or thousand / million ㎡ (en). */
export function area(m2: number, lang: Lang = 'zh'): string {
	if (lang === 'zh') return `${zhNumber.format(m2 / 10_000)}万㎡`;
	return m2 >= 1_000_000 ? `${enNumber.format(m2 / 1_000_000)}m ㎡` : `${enNumber.format(m2 / 1000)}k ㎡`;
}

export function sqm(m2: number, lang: Lang = 'zh'): string {
	return `${new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 2 }).format(m2)}㎡`;
}

/** A whole number with the language's grouping (12,345), no unit. */
export function number(n: number, lang: Lang = 'zh'): string {
	return whole(lang).format(n);
}

export function count(n: number, unit: { zh: string; en: string }, lang: Lang = 'zh'): string {
	return lang === 'zh' ? `${number(n, 'zh')}${unit.zh}` : `${number(n, 'en')}${unit.en ? ` ${unit.en}` : ''}`;
}

export function households(n: number, lang: Lang = 'zh'): string {
	return count(n, { zh: '户', en: 'households' }, lang);
}

/** An ISO date as 2024年5月31日 (zh) or 31 May 2024 (en). */
export function date(iso: string | null, lang: Lang = 'zh'): string {
	if (!iso) return '—';
	const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
	if (lang === 'zh') return `${y}年${m}月${d}日`;
	const month = new Date(Date.UTC(y!, m! - 1, d!)).toLocaleString('en', { month: 'short', timeZone: 'UTC' });
	return `${d} ${month} ${y}`;
}

export function percent(ratio: number, lang: Lang = 'zh'): string {
	return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', {
		style: 'percent',
		maximumFractionDigits: 1
	}).format(ratio);
}
