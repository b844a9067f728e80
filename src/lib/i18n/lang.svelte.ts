/**
 * The reader's language: zh-CN by default, English on request (`?lang=en`, or the switch, remembered in the
 * browser). Views read `locale.lang`, pick a `{ zh, en }` label with `pick`, and format numbers with `fmt`.
 */
import * as format from './format';
import { townNameIn, type Lang } from './format';
import { DEPARTMENTS } from '../policy';

const STORAGE_KEY = 'yueqing-renovation.lang';

export const locale = $state<{ lang: Lang }>({ lang: 'zh' });

function isLang(v: unknown): v is Lang {
	return v === 'zh' || v === 'en';
}

/** The URL's `lang` wins, then the reader's last choice, then Chinese. */
export function initLang(url: URL): void {
	const fromUrl = url.searchParams.get('lang');
	let stored: string | null = null;
	try {
		stored = localStorage.getItem(STORAGE_KEY);
	} catch {
		// storage blocked (private mode): Chinese it is
	}
	setLang(isLang(fromUrl) ? fromUrl : isLang(stored) ? stored : 'zh');
}

export function setLang(lang: Lang): void {
	locale.lang = lang;
	document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
	try {
		localStorage.setItem(STORAGE_KEY, lang);
	} catch {
		// not remembered, still switched
	}
}

/**
 * The label of a `{ zh, en }` pair of data (a schema column, a colour class, a stage, an import problem) in the
 * reader's language, or in `lang` when given. Interface text is not written as pairs in components: it is in the
 * catalogues (`messages/`) and read with `t`.
 */
export function pick(label: { readonly zh: string; readonly en: string }, lang: Lang = locale.lang): string {
	return label[lang];
}

/** The name of the town `code` among `towns` in the reader's language, or the code if it is not there. */
export function townName(
	towns: readonly { code: string; name: string; name_en: string }[] | undefined,
	code: string
): string {
	const town = towns?.find((x) => x.code === code);
	return town ? townNameIn(town, locale.lang) : code;
}

/** A department of 附件2 by its Chinese name, in the reader's language. */
export function departmentName(name: string): string {
	const d = DEPARTMENTS.find((x) => x.name === name);
	return d && locale.lang === 'en' ? d.en : name;
}

/** An aside in brackets: （…） in Chinese, ` (…)` in English. */
export function paren(text: string | number): string {
	return locale.lang === 'zh' ? `（${text}）` : ` (${text})`;
}

/** format.ts in the reader's language. */
export const fmt = {
	money: (yuan: number) => format.money(yuan, locale.lang),
	yuan: (v: number) => format.yuan(v, locale.lang),
	area: (m2: number) => format.area(m2, locale.lang),
	sqm: (m2: number) => format.sqm(m2, locale.lang),
	households: (n: number) => format.households(n, locale.lang),
	number: (n: number) => format.number(n, locale.lang),
	count: (n: number, unit: { zh: string; en: string }) => format.count(n, unit, locale.lang),
	date: (iso: string | null) => format.date(iso, locale.lang),
	percent: (ratio: number) => format.percent(ratio, locale.lang)
};
