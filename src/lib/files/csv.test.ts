import { describe, expect, it } from 'vitest';
import { csvLine, detectDelimiter, parseCsv } from './csv';

describe('CSV', () => {
	it('reads quoted fields, doubled quotes, embedded commas and newlines, CRLF, a BOM', () => {
		const text = '\ufeffa,b,c\r\n"x, y","he said ""hi""","two\nlines"\r\n1,,3\n';
		const { rows, lines } = parseCsv(text);
		expect(rows).toEqual([
			['a', 'b', 'c'],
			['x, y', 'he said "hi"', 'two\nlines'],
			['1', '', '3']
		]);
		// the row Excel shows, not the file's line: the quoted line break stays inside row 2
		expect(lines).toEqual([1, 2, 3]);
	});

	it('reads CR-only line ends (Excel for Mac) and quoted CR line breaks', () => {
		const { rows, lines } = parseCsv('a,b\r"x\ry",2\r3,4\r');
		expect(rows).toEqual([
			['a', 'b'],
			['x\ry', '2'],
			['3', '4']
		]);
		expect(lines).toEqual([1, 2, 3]);
	});

	it('detects the delimiter from the first line, outside quotes', () => {
		expect(detectDelimiter('\ufeffa;b;c\n1;2,5;3')).toBe(';');
		expect(detectDelimiter('"a;b",c\n')).toBe(',');
		expect(detectDelimiter('a\tb\tc')).toBe('\t');
		expect(detectDelimiter('\n\na;b')).toBe(';');
		expect(detectDelimiter('one')).toBe(',');
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
