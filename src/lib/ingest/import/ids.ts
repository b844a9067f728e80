/**
 * 小区编号 for a list that has none (a city's plan table: 名称, 乡镇 …): made from the town and the name, so the next
 * import of the same list — and the towns' 资料补充表 filled in and brought back — gives every community the same
 * id. The id is `ZD` + the 9-digit town code + `-` + six base-36 characters of the FNV-1a hash of the name as
 * compared (NFKC, no spaces): `ZD330382002-0k3x9a`. Two communities of one name in one town get the same id and are
 * refused as duplicates, as any two rows of one id are. An id the office writes is always kept.
 */

import type { Problem } from '../problems';
import type { RawTable } from '../validate';

/** The name as compared for an id: NFKC, no whitespace. */
const compared = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

/** FNV-1a, 32 bits, over the UTF-16 code units. */
function fnv1a(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}

/** The generated id of a community named `name` in the town of `townCode`. */
export function generatedId(townCode: string, name: string): string {
	return `ZD${townCode}-${fnv1a(compared(name)).toString(36).padStart(6, '0').slice(-6)}`;
}

/** Whether an id is one this importer made (so a keeper can tell it from the office's own). */
export const isGeneratedId = (id: string) => /^ZD\d{9}-[0-9a-z]{6}$/.test(id);

/**
 * Gives every community row without an id its generated one, in place (a table with no id column gets one,
 * headed 小区编号（自动）); one notice per table with how many and an example. Rows without a name or town keep
 * an empty id: the validator names what is missing.
 */
export function fillIds(tables: RawTable[], problems: Problem[]): void {
	for (const t of tables) {
		if (t.table !== 'communities' || !t.placed) continue;
		let at = t.placed.indexOf('id');
		const [nameAt, townAt] = [t.placed.indexOf('name'), t.placed.indexOf('town_code')];
		if (nameAt < 0 || townAt < 0) continue;
		if (at < 0) {
			at = t.placed.length;
			t.placed.push('id');
			t.header.push('小区编号（自动）');
			for (const row of t.rows) row.push('');
		}
		const made: string[] = [];
		for (const row of t.rows) {
			if ((row[at] ?? '').trim() !== '') continue;
			const [name, town] = [(row[nameAt] ?? '').trim(), (row[townAt] ?? '').trim()];
			if (name === '' || !/^\d{9}$/.test(town)) continue;
			const id = generatedId(town, name);
			row[at] = id;
			made.push(id);
		}
		if (made.length > 0)
			problems.push({
				file: t.file,
				sheet: t.sheet,
				row: t.headerRow,
				kind: 'id-generated',
				zh: `${made.length}个小区没有小区编号，已按乡镇街道代码和名称编号（如 ${made[0]}）：同一乡镇街道、同一名称，下次导入得到同一编号`,
				en: `${made.length} communities without an id were given one from their town code and name (e.g. ${made[0]}): the same town and name gets the same id at the next import`,
				level: 'notice'
			});
	}
}
