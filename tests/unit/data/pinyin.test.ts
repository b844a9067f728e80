import { describe, expect, it } from 'vitest';
import { fullPinyin, initials, townNameEn } from '../../../src/lib/files/pinyin';

describe('pinyin at build time', () => {
	it('names towns in English, with 乐 read yuè in 乐清 place names', () => {
		expect(townNameEn({ name: '乐成街道', kind: '街道' })).toBe('Yuecheng Subdistrict');
		expect(townNameEn({ name: '北白象镇', kind: '镇' })).toBe('Beibaixiang Town');
		expect(townNameEn({ name: '龙西乡', kind: '乡' })).toBe('Longxi Township');
	});

	it('gives the initials and whole pinyin residents may type', () => {
		expect(initials('东浦二区')).toBe('dpeq');
		expect(fullPinyin('东浦二区')).toBe('dongpuerqu');
		expect(initials('乐清A区3幢')).toBe('yqaq3z');
	});
});
