import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_MESSAGES, CATALOGUES, t } from './index';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface messages (every catalogue)', () => {
	it('every message has Chinese and English, with the same placeholders', () => {
		for (const [key, m] of Object.entries(ALL_MESSAGES)) {
			expect(m.zh.trim(), key).not.toBe('');
			expect(m.en.trim(), key).not.toBe('');
			expect(placeholders(m.en), key).toEqual(placeholders(m.zh));
		}
	});

	it('the English side holds no Chinese characters except names, clauses (§…, 附件) and the policy’s document number', () => {
		for (const [key, m] of Object.entries(ALL_MESSAGES)) {
			if (key === 'lang.switchLabel' || key === 'lang.switch') continue;
			const chinese = m.en.replace(
				/§[^\s)]*\)?\d?|附件\d|乐政办发〔2023〕47号|乐成|城东|城南|东浦二区|奥维/g,
				''
			);
			expect(chinese, key).not.toMatch(/[\u4e00-\u9fff]/);
		}
	});

	it('no key is defined in two catalogues, and each catalogue keeps to its own prefixes', () => {
		const seen = new Map<string, string>();
		for (const [area, catalogue] of Object.entries(CATALOGUES)) {
			for (const key of Object.keys(catalogue)) {
				expect(seen.get(key), `${key} in ${area}`).toBeUndefined();
				seen.set(key, area);
			}
		}
		expect(seen.size).toBe(Object.keys(ALL_MESSAGES).length);
		for (const area of ['data', 'office', 'print', 'budget', 'progress']) {
			for (const key of Object.keys(CATALOGUES[area]!)) expect(key.split('.')[0], key).toBe(area);
		}
	});

	it('t fills {name} placeholders, keeps an unfilled one, and takes a language when given', () => {
		expect(t('app.asOf', { date: '2024年5月31日' }, 'zh')).toBe('数据截至 2024年5月31日');
		expect(t('app.asOf', {}, 'en')).toBe('Data as of {date}');
		expect(t('office.signedIn', { name: 'li', role: 'admin' }, 'en')).toBe('Signed in: li (admin)');
	});
});

/** Every .svelte file under src/, relative to the project root. */
function svelteFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return svelteFiles(path);
		return name.endsWith('.svelte') ? [path] : [];
	});
}

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

/**
 * A `{ zh: '…', en: '…' }` pair written in a component: a `zh:` key with a string, template or empty value. Data
 * dictionaries (schema columns, classes, stages, import problems) live in .ts modules and are read with `pick`.
 */
const INLINE_PAIR = /\bzh:\s*['"`]/;
/** A component choosing words by language itself: `locale.lang === 'zh' ? '：' : ': '` or `? c.zh : c.en`. */
const OWN_CHOICE = /locale\.lang\s*[!=]==\s*'(zh|en)'\s*\?\s*(['"`]|[\w.]+\.(zh|en|text)\b)/;

/** Lines allowed either pattern, each with why: a language code, not words. */
const ALLOWED = [
	"lang={locale.lang === 'zh' ? 'en' : 'zh-CN'}",
	"setLang(locale.lang === 'zh' ? 'en' : 'zh')"
];

describe('one i18n mechanism', () => {
	it('no component writes interface text as an inline { zh, en } pair or picks words by language itself', () => {
		const offenders = svelteFiles(join(ROOT, 'src')).flatMap((path) =>
			readFileSync(path, 'utf8')
				.split('\n')
				.map((line, i) => ({ line, at: `${relative(ROOT, path)}:${i + 1}` }))
				.filter(({ line }) => INLINE_PAIR.test(line) || OWN_CHOICE.test(line))
				.filter(({ line }) => !ALLOWED.some((a) => line.includes(a)))
				.map(({ at, line }) => `${at}: ${line.trim()}`)
		);
		expect(offenders).toEqual([]);
	});
});
