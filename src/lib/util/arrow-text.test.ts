// utf8Column gives what apache-arrow's own Vector.get gives, value by value: Chinese (3 bytes a character),
// characters beyond the BMP (4 bytes, two UTF-16 units), empty strings, nulls, several chunks and a sliced vector.
import { makeData, makeVector, Utf8, type Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { utf8Column } from './arrow-text';
import { vectorOf } from './arrow-vector';

const VALUES = ['旭阳新苑', '', 'YQ000257', '𠀀𠀁 村', null, 'a𝄞b', '乐成街道·城东', null, 'é'];

/** apache-arrow's value-by-value reading, the reference. */
const byGet = (v: Vector) => Array.from({ length: v.length }, (_, i) => v.get(i) as string | null);

describe('utf8Column (§ none: file reading)', () => {
	it('equals Vector.get for every value, nulls and 4-byte characters included', () => {
		const v = vectorOf(VALUES, new Utf8());
		expect(byGet(v)).toEqual(VALUES); // the reference itself reads them back
		expect(utf8Column(v)).toEqual(VALUES);
	});

	it('reads several chunks in order', () => {
		const a = vectorOf(VALUES.slice(0, 4), new Utf8());
		const b = vectorOf(VALUES.slice(4), new Utf8());
		const both = a.concat(b);
		expect(both.data.length).toBe(2);
		expect(utf8Column(both)).toEqual(VALUES);
	});

	it('reads a sliced vector (offsets and the null bitmap past the chunk’s start)', () => {
		const v = vectorOf(VALUES, new Utf8()).slice(3, 8);
		expect(utf8Column(v)).toEqual(byGet(v));
		expect(utf8Column(v)).toEqual(VALUES.slice(3, 8));
	});

	it('reads a chunk with no validity bitmap', () => {
		const text = ['一', '二', '三四'];
		const bytes = new TextEncoder().encode(text.join(''));
		const v = makeVector(
			makeData({
				type: new Utf8(),
				length: 3,
				valueOffsets: new Int32Array([0, 3, 6, 12]),
				data: bytes,
				nullCount: 0
			})
		);
		expect(utf8Column(v)).toEqual(text);
	});
});
