// What an upload may be, checked before any of it is read as a table: names, counts, sizes, and workbooks that
// would unpack into far more than they weigh (a zip bomb — its sizes honest or lying —, or a sheet of a million
// empty rows). Every entry is inflated as a stream and counted (zlib on libuv's threads; nothing held whole).
import yauzl from 'yauzl';

export interface Refusal {
	status: number;
	zh: string;
	en: string;
}

/** The file types the importer reads. */
const EXTENSIONS = ['.xlsx', '.xls', '.et', '.csv', '.txt', '.geojson', '.json'];

/** Why a file name is refused, or undefined: a plain name, no folders, no `..`, no control characters. */
export function nameProblem(name: string): Refusal | undefined {
	const refuse = (zh: string, en: string): Refusal => ({
		status: 400,
		zh: `文件名“${name}”${zh}`,
		en: `file name "${name}": ${en}`
	});
	if (name.length === 0 || name.length > 120)
		return refuse('长度应为1–120个字符', 'must be 1–120 characters');
	if (/[/\\]/.test(name) || name.split('.').every((p) => p === ''))
		return refuse('不能含路径（/ 或 \\）', 'must not hold a path (/ or \\)');
	if (name.includes('..')) return refuse('不能含“..”', 'must not contain ".."');
	if (name.startsWith('.')) return refuse('不能以“.”开头', 'must not start with "."');
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f<>:"|?*]/.test(name))
		return refuse('含不允许的字符', 'holds a character files may not have (control, <>:"|?*)');
	const ext = name.slice(name.lastIndexOf('.')).toLowerCase();
	if (!EXTENSIONS.includes(ext))
		return refuse(
			`的类型不受支持（可用 ${EXTENSIONS.join(' ')}）`,
			`type not supported (use ${EXTENSIONS.join(' ')})`
		);
	return undefined;
}

/** A zip entry unpacks to at most this many times its packed size (real sheets: 5–20×; empty rows: 500×+). */
export const MAX_RATIO = 100;
/** …once it is large enough to matter; and no workbook unpacks to more than this in all. */
export const RATIO_FLOOR_BYTES = 8 * 1024 * 1024;
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

/** Rows of a sheet past which the importer refuses outright, and the share of rows holding a value below which a
 *  large sheet is "mostly empty rows" (Excel keeps rows that were once formatted down to the sheet's end). */
export const MAX_SHEET_ROWS = 500_000;
export const MOSTLY_EMPTY = { rows: 10_000, valueShare: 0.1 };

interface Entry {
	name: string;
	packed: number;
	/** What the zip's directory declares. */
	unpacked: number;
	/** For worksheets: rows (`<row`) and values (`<v>` or inline strings). */
	rows?: number;
	values?: number;
}

/** An entry that unpacks to more than its directory declares: the sizes lie, as only a crafted zip's do. */
class LyingSize extends Error {
	constructor(readonly entry: string) {
		super(entry);
	}
}

/** An entry that unpacked past the limit for all entries (counted as inflated, not as declared). */
class TooLarge extends Error {
	constructor(readonly entry: string) {
		super(entry);
	}
}

/**
 * Inflate one entry, counting the real bytes against `budget` (what all entries may still unpack to), never
 * holding it whole; for a worksheet, count rows and values too. yauzl checks the real size against the declared
 * one as it inflates: an entry that runs past its declared size stops there (LyingSize).
 */
function inflateEntry(
	zip: yauzl.ZipFile,
	entry: yauzl.Entry,
	budget: number,
	sheet: boolean
): Promise<{ bytes: number; rows: number; values: number }> {
	return new Promise((resolve, reject) => {
		zip.openReadStream(entry, (err, stream) => {
			if (err || !stream) return reject(err ?? new Error('unreadable entry'));
			let bytes = 0;
			let rows = 0;
			let values = 0;
			let tail = '';
			stream.on('data', (chunk: Buffer) => {
				bytes += chunk.length;
				if (bytes > budget) {
					stream.destroy();
					return reject(new TooLarge(entry.fileName));
				}
				if (!sheet) return;
				const text = tail + chunk.toString('latin1');
				// count only tags that end inside this text; keep the rest for the next chunk
				const cut = text.lastIndexOf('<');
				const whole = cut > 0 ? text.slice(0, cut) : text;
				tail = cut > 0 ? text.slice(cut) : '';
				rows += whole.match(/<row[\s>/]/g)?.length ?? 0;
				values += whole.match(/<(v|is)>/g)?.length ?? 0;
			});
			stream.on('end', () => resolve({ bytes, rows, values }));
			stream.on('error', (e: Error) =>
				reject(/too many bytes/i.test(e.message) ? new LyingSize(entry.fileName) : e)
			);
		});
	});
}

/** The entries of a zip (an .xlsx is one) from its central directory; each inflated and counted (worksheets: rows
 *  and values), unless its declared sizes already refuse it. */
function entries(bytes: Buffer): Promise<Entry[]> {
	return new Promise((resolve, reject) => {
		yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
			if (err || !zip) return reject(err ?? new Error('not a zip'));
			const out: Entry[] = [];
			let declared = 0;
			let real = 0;
			zip.on('entry', (e: yauzl.Entry) => {
				const entry: Entry = { name: e.fileName, packed: e.compressedSize, unpacked: e.uncompressedSize };
				out.push(entry);
				declared += e.uncompressedSize;
				const bomb =
					e.uncompressedSize > RATIO_FLOOR_BYTES && e.uncompressedSize > e.compressedSize * MAX_RATIO;
				// refused from the directory alone: nothing to inflate
				if (bomb || declared > MAX_UNPACKED_BYTES || e.fileName.endsWith('/')) return zip.readEntry();
				const sheet = /^xl\/worksheets\/[^/]+\.xml$/.test(e.fileName);
				inflateEntry(zip, e, MAX_UNPACKED_BYTES - real, sheet).then((c) => {
					real += c.bytes;
					if (sheet) Object.assign(entry, { rows: c.rows, values: c.values });
					zip.readEntry();
				}, reject);
			});
			zip.on('end', () => resolve(out));
			zip.on('error', reject);
			zip.readEntry();
		});
	});
}

/** A zip's first bytes (a local file header, or the end record of an empty zip). */
export const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;

/**
 * Why a workbook is refused before reading, or undefined. Judged by content, not name: an .xlsx, and any file
 * that is a zip whatever it is called (an .xlsx renamed .xls or .csv is still read as one by the importer). Other
 * files pass (their size is the limit).
 */
export async function workbookProblem(name: string, bytes: Buffer): Promise<Refusal | undefined> {
	if (!name.toLowerCase().endsWith('.xlsx') && !isZip(bytes)) return undefined;
	let list: Entry[];
	try {
		list = await entries(bytes);
	} catch (e) {
		if (e instanceof LyingSize)
			return {
				status: 422,
				zh: `“${name}”中的 ${e.entry} 解压后比它自称的大小更大（压缩包的大小信息是假的），不像是正常的台账，未读取`,
				en: `"${name}": ${e.entry} unpacks to more than the zip declares (its sizes lie): not an ordinary ledger; not read`
			};
		if (e instanceof TooLarge)
			return {
				status: 422,
				zh: `“${name}”解压后超过 ${MAX_UNPACKED_BYTES / 1048576} MB（到 ${e.entry} 时），不像是正常的台账，未读取`,
				en: `"${name}" unpacks to more than ${MAX_UNPACKED_BYTES / 1048576} MB (at ${e.entry}): not an ordinary ledger; not read`
			};
		return {
			status: 422,
			zh: `“${name}”不是有效的 xlsx 文件（无法解压：${(e as Error).message}）。请在 Excel 中另存为 xlsx 后再上传`,
			en: `"${name}" is not a valid xlsx file (cannot unzip: ${(e as Error).message}); save it again as xlsx in Excel`
		};
	}
	const total = list.reduce((s, e) => s + e.unpacked, 0);
	const bomb = list.find((e) => e.unpacked > RATIO_FLOOR_BYTES && e.unpacked > e.packed * MAX_RATIO);
	if (total > MAX_UNPACKED_BYTES || bomb) {
		const what = bomb ? `${bomb.name}: ${bomb.packed} → ${bomb.unpacked}` : `${total}`;
		return {
			status: 422,
			zh: `“${name}”解压后过大（${what} 字节），不像是正常的台账，未读取`,
			en: `"${name}" unpacks far larger than it is (${what} bytes): not an ordinary ledger; not read`
		};
	}
	const sheet = list.find(
		(e) =>
			e.rows !== undefined &&
			(e.rows > MAX_SHEET_ROWS ||
				(e.rows >= MOSTLY_EMPTY.rows && (e.values ?? 0) < e.rows * MOSTLY_EMPTY.valueShare))
	);
	if (sheet)
		return {
			status: 422,
			zh: `“${name}”的工作表 ${sheet.name} 有 ${sheet.rows} 行，其中有值的不足一成（多半是格式化到末行的空行）。请删除空行（选中后 Ctrl+Shift+↓ 删除）另存后再上传`,
			en: `"${name}" sheet ${sheet.name} has ${sheet.rows} rows, under a tenth holding a value (most likely empty rows formatted to the sheet's end); delete the empty rows, save and upload again`
		};
	return undefined;
}
