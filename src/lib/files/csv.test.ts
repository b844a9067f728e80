import { describe, expect, it } from 'vitest';
import { csvLine, parseCsv } from './csv';

describe('CSV', () => {
	it('reads quoted fields, doubled quotes, embedded commas and newlines, CRLF, a BOM', () => {
		const text = '\ufeffa,b,c\r\n"x, y","he said ""hi""","two\nlines"\r\n1,,3\n';
		const { rows, lines } = parseCsv(text);
		expect(rows).toEqual([
			['a', 'b', 'c'],
			['x, y', 'he said "hi"', 'two\nlines'],
			['1', '', '3']
		]);
		expect(lines).toEqual([1, 2, 4]);
	});

	it('skips blank lines but counts them, and reads a last line without a newline', () => {
		const { rows, lines } = parseCsv('a,b\n\n1,2');
		expect(rows).toEqual([
			['a', 'b'],
			['1', '2']
		]);
		expect(lines).toEqual([1, 3]);
	});

	it('writes what it reads back', () => {
		const cells = ['乐成街道', 'a,b', 'say "x"', 'multi\nline', null, 42, true];
		expect(parseCsv(csvLine(cells)).rows).toEqual([
			['乐成街道', 'a,b', 'say "x"', 'multi\nline', '', '42', 'true']
		]);
	});
});
