/**
 * Town names as offices write them: `乐成` (no suffix), `城南街道办事处`, `1.柳市镇` (numbered), and 12-digit
 * 统计用区划代码 (`330382002000` → 330382002). Each mapping is said once; a name that fits two towns is refused
 * naming both.
 */
import type { TownRow } from '../../schema/rows';

/** What a town is known by. */
export type TownName = Pick<TownRow, 'code' | 'name'>;

export type TownResult =
	{ ok: true; code: string; mapped: boolean } | { ok: false; zh: string; en: string } | { ok: 'unknown' };

const SUFFIX = /(街道办事处|办事处|街道办|街道|镇人民政府|乡人民政府|人民政府|镇|乡)$/;
/** The county (and province, city) before a town's name: `乐清市乐成街道`, `浙江省温州市乐清市柳市镇`. */
const COUNTY = /^(浙江省)?(温州市)?乐清市?/;

const bare = (name: string) => name.replace(SUFFIX, '');

export function resolveTown(text: string, towns: readonly TownName[]): TownResult {
	const raw = text.normalize('NFKC').replace(/\s+/g, '');
	const byCode = towns.find((t) => t.code === raw);
	const byName = towns.find((t) => t.name === raw);
	if (byCode || byName) return { ok: true, code: (byCode ?? byName)!.code, mapped: false };
	const t = raw.replace(/^\d{1,3}[.、)）]/, '').replace(COUNTY, '');
	if (/^\d{12}$/.test(t)) {
		const hit = towns.find((x) => x.code === t.slice(0, 9) && t.endsWith('000'));
		return hit ? { ok: true, code: hit.code, mapped: true } : { ok: 'unknown' };
	}
	const exact = towns.find((x) => x.code === t || x.name === t);
	if (exact) return { ok: true, code: exact.code, mapped: true };
	const b = bare(t);
	if (b === '') return { ok: 'unknown' };
	const hits = towns.filter((x) => bare(x.name) === b);
	const fits = hits.length > 0 ? hits : towns.filter((x) => x.name.startsWith(b));
	if (fits.length === 1) return { ok: true, code: fits[0]!.code, mapped: true };
	if (fits.length > 1) {
		const names = fits.map((x) => `${x.name}（${x.code}）`);
		return {
			ok: false,
			zh: `「${text}」可指多个乡镇街道：${names.join('、')}，请写全称或区划代码`,
			en: `"${text}" fits more than one town: ${names.join(', ')}; write the full name or the code`
		};
	}
	return { ok: 'unknown' };
}
