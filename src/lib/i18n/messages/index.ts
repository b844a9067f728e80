/**
 * Every line of interface text, in Chinese and English, read with `t(key, values)`. The words live in catalogues
 * split by page or area (`common.ts`, `home.ts`, `community.ts`, `progress.ts`, `budget.ts`, `data.ts`, `office.ts`,
 * `print.ts`), each `{ key: { zh, en } }`; `MESSAGES` merges them into one typed catalogue and `MessageKey` is the
 * union of their keys. Labels that belong to data (stages, tiers, colour classes, schema columns, import problems)
 * carry their own `zh`/`en` where they are defined and are read with `pick` (lang.svelte.ts).
 */
import { locale } from '../lang.svelte';
import type { Lang } from '../format';
import type { Catalogue } from './catalogue';
import { COMMON } from './common';
import { HOME } from './home';
import { COMMUNITY } from './community';
import { PROGRESS } from './progress';
import { BUDGET } from './budget';
import { DATA } from './data';
import { OFFICE } from './office';
import { PRINT } from './print';

/** The catalogues by area, for the test that no key is defined twice. */
export const CATALOGUES: Readonly<Record<string, Catalogue>> = {
	common: COMMON,
	home: HOME,
	community: COMMUNITY,
	progress: PROGRESS,
	budget: BUDGET,
	data: DATA,
	office: OFFICE,
	print: PRINT
};

const MESSAGES = { ...COMMON, ...HOME, ...COMMUNITY, ...PROGRESS, ...BUDGET, ...DATA, ...OFFICE, ...PRINT };

export type MessageKey = keyof typeof MESSAGES;

/**
 * The message `key` with `{name}` filled from `values`, in the reader's language (`locale.lang`) unless `lang` is
 * given (a printed report or a file written in a chosen language). A placeholder without a value stays as written.
 */
export function t(
	key: MessageKey,
	values: Record<string, string | number> = {},
	lang: Lang = locale.lang
): string {
	return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (m, name: string) =>
		name in values ? String(values[name]) : m
	);
}

/** For the test that every message has both languages and the same placeholders. */
export const ALL_MESSAGES: Catalogue = MESSAGES;
