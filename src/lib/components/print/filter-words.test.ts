import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '$lib/filter/filters';
import type { ManifestTown } from '$lib/files/manifest';
import { filterWords } from './filter-words';

const TOWNS = [
	{ code: '330382001', name: '乐成街道', name_en: 'Lecheng' },
	{ code: '330382002', name: '城东街道', name_en: 'Chengdong' }
] as unknown as ManifestTown[];

describe('the filter in words (printed report)', () => {
	it('says "all communities" when nothing is set', () => {
		expect(filterWords(EMPTY_FILTER, TOWNS, 'zh')).toEqual([
			{ label: '范围', value: '全市全部小区（未筛选）' }
		]);
	});

	it('names towns, years and classes, never codes or URL text', () => {
		const lines = filterWords(
			{
				...EMPTY_FILTER,
				towns: ['330382002', '330382001'],
				yearTo: 2000,
				stage: ['none'],
				housing: [],
				tiers: ['basic', 'upgrade'],
				eligibility: ['eligible']
			},
			TOWNS,
			'zh'
		);
		expect(lines).toEqual([
			{ label: '乡镇街道', value: '城东街道、乐成街道' },
			{ label: '建成年份', value: '2000年及以前' },
			{ label: '改造资格', value: '符合改造条件' },
			{ label: '改造阶段', value: '未启动' },
			{ label: '改造内容类别', value: '基础类、提升类' }
		]);
		const text = JSON.stringify(lines);
		expect(text).not.toMatch(/330382|yearTo|=/);
	});

	it('in English, with a year range and a drawn area', () => {
		const lines = filterWords(
			{ ...EMPTY_FILTER, towns: ['330382001'], yearFrom: 1990, yearTo: 2000, area: ['YQ000001'] },
			TOWNS,
			'en'
		);
		expect(lines).toEqual([
			{ label: 'Streets and towns', value: 'Lecheng' },
			{ label: 'Year completed', value: '1990 to 2000' },
			{ label: 'Area', value: 'inside the area drawn on the map' }
		]);
	});
});
