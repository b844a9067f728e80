// Pinyin of Chinese names at build time (pinyin-pro never reaches the browser): English town names, and the
// initials residents may type to search (东浦二区 → dpeq).
import { customPinyin, pinyin } from 'pinyin-pro';
import type { TownRow } from '../schema/rows';

// 乐 is yuè in 乐清's place names (乐成 Yuecheng), not lè.
customPinyin({ 乐清: 'yuè qīng', 乐成: 'yuè chéng' });

const KIND_EN: Record<TownRow['kind'], string> = { 街道: 'Subdistrict', 镇: 'Town', 乡: 'Township' };

/** 乐成街道 → "Yuecheng Subdistrict", 北白象镇 → "Beibaixiang Town". */
export function townNameEn(town: Pick<TownRow, 'name' | 'kind'>): string {
	const stem = town.name.endsWith(town.kind) ? town.name.slice(0, -town.kind.length) : town.name;
	const syllables = pinyin(stem, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
	return `${syllables.charAt(0).toUpperCase()}${syllables.slice(1)} ${KIND_EN[town.kind]}`;
}

/** The first letters of each character's pinyin, lower case: 东浦二区 → "dpeq"; other characters kept. */
export function initials(text: string): string {
	return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
		.join('')
		.toLowerCase();
}

/** The whole pinyin without spaces or tones: 东浦二区 → "dongpuerqu". */
export function fullPinyin(text: string): string {
	return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
		.join('')
		.toLowerCase();
}
