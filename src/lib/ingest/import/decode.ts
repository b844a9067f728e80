/**
 * What a file is, by its CONTENT (a renamed .xls is still an .xls), and its text in the right encoding: UTF-8 with
 * or without BOM, UTF-16 with BOM (Excel's "Unicode 文本"), else GBK/GB18030.
 */
import type { Problem } from '../problems';

export type FileKind = 'zip' | 'ole2' | 'json' | 'markup' | 'text' | 'empty';

/** Files larger than this are refused before parsing (the office's ledgers are a few MB at most). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Rows per table beyond this are refused before validation (乐清 has about 1,000 old communities). */
export const MAX_ROWS = 200_000;

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

export function sniff(bytes: Uint8Array): FileKind {
	if (bytes.length === 0) return 'empty';
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip'; // xlsx, xlsm, ods
	if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole2'; // xls, et
	let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
	while (
		i < bytes.length &&
		(bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
	)
		i++;
	if (bytes[i] === 0x7b /* { */) return 'json';
	if (bytes[i] === 0x3c /* < */) return 'markup'; // an HTML table or SpreadsheetML 2003 saved as .xls
	return 'text';
}

/** The file's text; a notice when it was not UTF-8. */
export function decodeText(file: string, bytes: Uint8Array, problems: Problem[]): string {
	if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		problems.push({
			file,
			row: 0,
			kind: 'encoding',
			zh: '文件不是UTF-8编码，已按GBK（GB18030）读取，请核对中文是否正确',
			en: 'not UTF-8; read as GBK (GB18030) — check the Chinese text',
			level: 'notice'
		});
		return new TextDecoder('gb18030').decode(bytes);
	}
}
