/**
 * RFC 4180 CSV: quoted fields, doubled quotes, CR LF, LF or CR-only (Excel for Mac) line ends, a leading BOM
 * dropped. Every cell is text.
 */

/** Rows of cells; `lines[i]` is the row Excel or WPS shows row i on (a quoted cell with line breaks is one row,
 * an empty line is an empty row), so a message names the row the keeper sees, not the file's line. */
export interface CsvTable {
	rows: string[][];
	lines: number[];
}

/** The delimiter of a CSV as Excel saves it in the keeper's locale: `,`, `;` (European settings) or a tab
 * (Excel's "Unicode 文本"), whichever the first non-empty line holds most of outside quotes; `,` by default. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
	const counts = { ',': 0, ';': 0, '\t': 0 };
	let quoted = false;
	let started = false;
	for (let i = 0; i < text.length && i < 65536; i++) {
		const ch = text[i]!;
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === '\n' || ch === '\r')) {
			if (started) break;
		} else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
		if (ch.trim() !== '' && ch !== '\ufeff') started = true;
	}
	const best = (Object.entries(counts) as [',' | ';' | '\t', number][]).sort((a, b) => b[1] - a[1])[0]!;
	return best[1] > 0 ? best[0] : ',';
}

/** `delimiter` is `,`, `;` or a tab. */
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
		line++;
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
