// What an upload may be, checked before any of it is read as a table: names, counts, sizes, and workbooks that
// would unpack into far more than they weigh (a zip bomb, or a sheet of a million empty rows).
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

interface Entry {
	name: string;
	packed: number;
	unpacked: number;
}

/** The entries of a zip (an .xlsx is one) from its central directory, without unpacking anything. */
function entries(bytes: Buffer): Promise<Entry[]> {
	return new Promise((resolve, reject) => {
		yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
			if (err || !zip) return reject(err ?? new Error('not a zip'));
			const out: Entry[] = [];
			zip.on('entry', (e: yauzl.Entry) => {
				out.push({ name: e.fileName, packed: e.compressedSize, unpacked: e.uncompressedSize });
				zip.readEntry();
			});
			zip.on('end', () => resolve(out));
			zip.on('error', reject);
			zip.readEntry();
		});
	});
}

/** Why a workbook (.xlsx) is refused before reading, or undefined. Other types pass (their size is the limit). */
export async function workbookProblem(name: string, bytes: Buffer): Promise<Refusal | undefined> {
	if (!name.toLowerCase().endsWith('.xlsx')) return undefined;
	let list: Entry[];
	try {
		list = await entries(bytes);
	} catch (e) {
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
			zh: `“${name}”解压后过大（${what} 字节），多半是表里有大量空行或格式化到末行的空单元格。请删除空行（Ctrl+Shift+↓ 选中后删除）另存后再上传`,
			en: `"${name}" unpacks far larger than it is (${what} bytes): most likely masses of empty rows or cells formatted to the sheet's end; delete the empty rows, save and upload again`
		};
	}
	return undefined;
}
