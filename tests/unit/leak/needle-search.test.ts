// The leak scan's matcher (src/node/needle-search.ts): a needle is found exactly when `text.includes(needle)`,
// whatever the text is cut into when fed, for needles that overlap, nest, repeat or share prefixes and suffixes.
import { describe, expect, it } from 'vitest';
import { NeedleSet } from '../../../src/node/needle-search';

/** A deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Few letters, so needles overlap and recur: digits, CJK, a surrogate pair's halves, a combining mark. */
const ALPHABET = ['1', '3', '9', '王', '芳', '张', '\ud83d', '\ude00', '\u0301', '"', ','];

function word(rand: () => number, max: number): string {
	let s = '';
	const n = 1 + Math.floor(rand() * max);
	for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
	return s;
}

const includesRule = (text: string, needles: string[]) =>
	[...new Set(needles)].filter((n) => n.length > 0 && text.includes(n)).sort();

describe('NeedleSet: one pass finds what includes finds', () => {
	it('on hand-made cases: inside, at the start and end, overlapping, nested, CJK', () => {
		const set = new NeedleSet(['he', 'she', 'his', 'hers', '王芳', '王芳芳', '13905771234', '0577']);
		const found = (text: string) => {
			const s = set.scanner();
			s.feed(text);
			return s.found();
		};
		expect(found('ushers')).toEqual(['he', 'hers', 'she']);
		expect(found('王芳芳')).toEqual(['王芳', '王芳芳']);
		expect(found('13905771234')).toEqual(['0577', '13905771234']);
		expect(found('x1390577123')).toEqual(['0577']);
		expect(found('')).toEqual([]);
		expect(found('王 芳')).toEqual([]);
	});

	it('a needle across the parts a text is fed in is found', () => {
		const s = new NeedleSet(['13905771234']).scanner();
		s.feed('电话 1390');
		expect(s.has('13905771234')).toBe(false);
		s.feed('577');
		s.feed('1234。');
		expect(s.has('13905771234')).toBe(true);
		expect(s.count).toBe(1);
	});

	it('leaves out empty needles, and knows nothing of needles not in the set', () => {
		const set = new NeedleSet(['', 'ab', 'ab']);
		expect(set.needles).toEqual(['ab']);
		const s = set.scanner();
		s.feed('cab');
		expect(s.has('ab')).toBe(true);
		expect(s.has('a')).toBe(false);
	});

	it('on 300 random needle sets and texts, fed whole or in random parts', () => {
		const rand = random(47);
		for (let t = 0; t < 300; t++) {
			const needles = Array.from({ length: 1 + Math.floor(rand() * 40) }, () => word(rand, 5));
			const text = word(rand, 200);
			const set = new NeedleSet(needles);
			const whole = set.scanner();
			whole.feed(text);
			const parts = set.scanner();
			for (let i = 0; i < text.length;) {
				const n = Math.floor(rand() * 7);
				parts.feed(text.slice(i, i + n));
				i += n;
			}
			const expected = includesRule(text, needles);
			expect(whole.found()).toEqual(expected);
			expect(parts.found()).toEqual(expected);
			for (const n of needles) expect(whole.has(n)).toBe(n.length > 0 && text.includes(n));
		}
	});
});
