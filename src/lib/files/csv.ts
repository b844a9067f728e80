/**
 * RFC 4180 CSV: quoted fields, doubled quotes, CR/LF or LF line ends, a leading BOM dropped. Every cell is text.
 */

/** Rows of cells; `lines[i]` is the 1-based line on which row i starts (for error messages). */
export interface CsvTable {
	rows: string[][];
	lines: number[];
}

/** `delimiter` is `,` (CSV) or a tab (Excel's "Unicode 文本"). */
export function parseCsv(text: string, delimiter = ','): CsvTable {
	const sep = delimiter.charCodeAt(0);
	const isDelimiter = (c: number) => c === sep || c === 10 || c === 13;
	const rows: string[][] = [];
	const lines: number[] = [];
	const n = text.length;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	let line = 1;
	while (i < n) {
		const rowLine = line;
		const row: string[] = [];
		for (;;) {
			let cell: string;
			if (text.charCodeAt(i) === 34 /* " */) {
				// quoted: up to the closing quote, "" standing for one quote
				let j = i + 1;
				let parts = '';
				for (;;) {
					const q = text.indexOf('"', j);
					if (q < 0) {
						parts += text.slice(j);
						j = n;
						break;
					}
					parts += text.slice(j, q);
					if (text.charCodeAt(q + 1) === 34) {
						parts += '"';
						j = q + 2;
					} else {
						j = q + 1;
						break;
					}
				}
				for (let k = i; k < j; k++) if (text.charCodeAt(k) === 10) line++;
				cell = parts;
				i = j;
				// anything between the closing quote and the delimiter is kept as written
				let k = i;
				while (k < n && !isDelimiter(text.charCodeAt(k))) k++;
				cell += text.slice(i, k);
				i = k;
			} else {
				let k = i;
				while (k < n && !isDelimiter(text.charCodeAt(k))) k++;
				cell = text.slice(i, k);
				i = k;
			}
			row.push(cell);
			if (i < n && text.charCodeAt(i) === sep) {
				i++;
				continue;
			}
			break;
		}
		// end of line (CR LF, LF or CR) or of text
		if (text.charCodeAt(i) === 13) i++;
		if (text.charCodeAt(i) === 10) i++;
		line++;
		if (!(row.length === 1 && row[0] === '')) {
			rows.push(row);
			lines.push(rowLine);
		}
	}
	return { rows, lines };
}

function quote(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV line (LF-terminated) from cells; null and undefined become empty cells. */
export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
	return cells.map((c) => (c === null || c === undefined ? '' : quote(String(c)))).join(',') + '\n';
}
