import { describe, expect, it } from 'vitest';
import {
	chineseNumerals,
	nameSimilarity,
	normaliseAddress,
	normaliseName,
	proposeRenumbering,
	reasonWords,
	renumberSummary,
	type Matchable
} from './renumber';

const LECHENG = '330382002';
const CHENGDONG = '330382001';
const c = (over: Partial<Matchable> & { id: string; name: string }): Matchable => ({
	town_code: LECHENG,
	address: null,
	lon: null,
	lat: null,
	...over
});
/** A point `dx` metres east and `dy` north of 120.96°E 28.12°N (1° of latitude ≈ 111,195 m on Turf's sphere). */
const at = (dx: number, dy = 0) => ({
	lon: 120.96 + dx / (111_195 * Math.cos((28.12 * Math.PI) / 180)),
	lat: 28.12 + dy / 111_195
});
const ids = (p: ReturnType<typeof proposeRenumbering>) => p.pairs.map((x) => [x.old.id, x.new.id]);
const kinds = (p: ReturnType<typeof proposeRenumbering>) => p.pairs.map((x) => x.reasons.map((r) => r.kind));

describe('normalising names and addresses for matching', () => {
	it('reads Chinese numerals as digits', () => {
		expect(chineseNumerals('试验二村')).toBe('试验2村');
		expect(chineseNumerals('十二幢 二十号 二十三 十')).toBe('12幢 20号 23 10');
		expect(chineseNumerals('二〇二四年')).toBe('2024年');
	});

	it('drops width, spaces, punctuation and a trailing 小区 or 村', () => {
		expect(normaliseName('试验二村')).toBe(normaliseName('试验2村'));
		expect(normaliseName('示例花苑小区')).toBe('示例花苑');
		expect(normaliseName(' 范例苑 （东区） ')).toBe('范例苑东区');
		expect(normaliseName('ＡＢ小区')).toBe('ab');
		expect(normaliseName('小区')).toBe('小区');
	});

	it('drops the province, city and the own town before the street', () => {
		expect(normaliseAddress('浙江省乐清市乐成街道试验路2号', '乐成街道')).toBe('试验路2号');
		expect(normaliseAddress('试验路二号')).toBe('试验路2号');
		expect(normaliseAddress('乐成街道试验路2号', '城东街道')).toBe('乐成街道试验路2号');
	});

	it('scores names: equal 1, contained 0.8, else by Levenshtein; different numbers 0', () => {
		expect(nameSimilarity('示例花苑', '示例花苑')).toBe(1);
		expect(nameSimilarity('样板', '样板小区1期')).toBe(0.8);
		expect(nameSimilarity('示例花苑', '示范花苑')).toBe(0.75);
		expect(nameSimilarity('试验1', '试验2')).toBe(0);
		expect(nameSimilarity('华苑1期', '华苑2期')).toBe(0);
		expect(nameSimilarity('东浦', '西湖')).toBe(0);
	});
});

describe('proposing renumbered pairs', () => {
	it('each reason alone proposes: same address, a point within 30 m, the same normalised name', () => {
		const byAddress = proposeRenumbering(
			[c({ id: 'A1', name: '甲', address: '乐清市乐成街道试验路1号' })],
			[c({ id: 'B1', name: '乙', address: '试验路一号' })],
			[{ code: LECHENG, name: '乐成街道' }]
		);
		expect(ids(byAddress)).toEqual([['A1', 'B1']]);
		expect(kinds(byAddress)).toEqual([['address']]);

		const byPoint = proposeRenumbering(
			[c({ id: 'A1', name: '甲', ...at(0) })],
			[c({ id: 'B1', name: '乙', ...at(12) })]
		);
		expect(byPoint.pairs[0]!.reasons).toEqual([{ kind: 'point', metres: 12 }]);
		expect(reasonWords(byPoint.pairs[0]!.reasons[0]!)).toEqual({ zh: '相距 12 米', en: '12 m apart' });
		// 31 m is not the same place
		expect(
			proposeRenumbering([c({ id: 'A1', name: '甲', ...at(0) })], [c({ id: 'B1', name: '乙', ...at(31) })])
				.pairs
		).toEqual([]);

		const byName = proposeRenumbering(
			[c({ id: 'A1', name: '试验二村' })],
			[c({ id: 'B1', name: '试验2村' })]
		);
		expect(byName.pairs[0]!.reasons).toEqual([
			{ kind: 'similar-name', before: '试验二村', after: '试验2村' }
		]);
		expect(reasonWords(byName.pairs[0]!.reasons[0]!).zh).toBe('名称相近：试验二村 → 试验2村');
	});

	it('a similar (not equal) name only adds to other evidence, and never joins 一村 and 二村', () => {
		expect(
			proposeRenumbering([c({ id: 'A1', name: '示例花苑' })], [c({ id: 'B1', name: '示范花苑' })]).pairs
		).toEqual([]);
		const p = proposeRenumbering(
			[c({ id: 'A1', name: '样板小区', address: '样板路6号' })],
			[c({ id: 'B1', name: '样板小区（一期）', address: '样板路6号' })]
		);
		expect(p.pairs[0]!.strength).toBe(1.5);
		expect(kinds(p)).toEqual([['address', 'similar-name']]);
		const numbered = proposeRenumbering(
			[c({ id: 'A1', name: '试验一村', ...at(0) })],
			[c({ id: 'B1', name: '试验二村', ...at(5) })]
		);
		expect(kinds(numbered)).toEqual([['point']]);
	});

	it('never matches across towns, whatever the evidence', () => {
		const p = proposeRenumbering(
			[c({ id: 'A1', name: '示例花苑', address: '示例大道18号', ...at(0) })],
			[c({ id: 'B1', name: '示例花苑', address: '示例大道18号', ...at(0), town_code: CHENGDONG })]
		);
		expect(p.pairs).toEqual([]);
		expect(renumberSummary(p)).toEqual({
			zh: '0 个可能是重新编号，1 个删除，1 个新增',
			en: '0 probably renumbered, 1 removed, 1 new'
		});
	});

	it('is one-to-one, the strongest first', () => {
		// B1 is A1's (address + point + name) and a weaker candidate for A2 (point only); A2 then takes B2
		const p = proposeRenumbering(
			[
				c({ id: 'A1', name: '东浦一区', address: '东浦路1号', ...at(0) }),
				c({ id: 'A2', name: '南虹小区', ...at(20) })
			],
			[
				c({ id: 'B1', name: '东浦一区', address: '东浦路1号', ...at(3) }),
				c({ id: 'B2', name: '南虹', ...at(200) })
			]
		);
		expect(ids(p)).toEqual([
			['A1', 'B1'],
			['A2', 'B2']
		]);
		expect(kinds(p)[1]).toEqual(['similar-name']);
	});

	it('refuses ties and leaves them for the keeper; a tied community is not matched lower down', () => {
		// 华苑 was split: 一期 and 二期 both at its address, both names contain it — equally strong
		const p = proposeRenumbering(
			[c({ id: 'A1', name: '华苑', address: '华苑路1号' })],
			[
				c({ id: 'B1', name: '华苑一期', address: '华苑路1号' }),
				c({ id: 'B2', name: '华苑二期', address: '华苑路1号' }),
				c({ id: 'B3', name: '华苑', address: '别的路9号' })
			]
		);
		expect(p.pairs).toEqual([]);
		expect(p.ties).toHaveLength(1);
		expect(p.ties[0]!.candidates.map((x) => x.new.id).sort()).toEqual(['B1', 'B2']);
		// B3 (same name, strength 1) is weaker than the tie (1.5) and is not given A1 instead
		expect(p.removed.map((r) => r.id)).toEqual(['A1']);
		expect(p.added.map((r) => r.id)).toEqual(['B1', 'B2', 'B3']);
		expect(renumberSummary(p).en).toBe('0 probably renumbered, 1 removed, 3 new, 1 tie(s) for you to decide');
	});

	it('a stronger pair elsewhere breaks what would be a tie', () => {
		const p = proposeRenumbering(
			[
				c({ id: 'A1', name: '甲', address: '一路1号' }),
				c({ id: 'A2', name: '乙', address: '一路1号', ...at(0) })
			],
			[
				c({ id: 'B1', name: '丙', address: '一路1号' }),
				c({ id: 'B2', name: '丁', address: '一路1号', ...at(2) })
			]
		);
		// A2–B2 (address + point) first; A1–B1 is then the only free candidate of strength 1
		expect(ids(p)).toEqual([
			['A1', 'B1'],
			['A2', 'B2']
		]);
		expect(p.ties).toEqual([]);
	});
});
