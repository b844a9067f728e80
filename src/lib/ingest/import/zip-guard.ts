/**
 * A zip (an .xlsx, .et or anything renamed that is one) inflated and counted before a workbook reader unpacks it:
 * the sizes a zip declares may lie, so each entry's deflate stream is really inflated — in small steps, nothing
 * kept — and counting stops as soon as the bytes it gives pass a limit. A zip bomb (a 1 GiB entry declared as a few
 * hundred bytes, or packed a thousand to one) is found after at most `totalBytes` of work and never reaches SheetJS,
 * which would unpack it whole in memory. Pure (fflate's streaming inflate): the CLI, the server's importer
 * process and the browser's workbench run the same check.
 */
import { Inflate } from 'fflate';

export interface ZipLimits {
	/** Bytes all entries may unpack to together. */
	totalBytes: number;
	/** An entry may unpack to at most this many times its packed size… */
	ratio: number;
	/** …once it unpacks to more than this. */
	ratioFloorBytes: number;
}

/** Real workbooks: 5–20× packed, far under 512 MiB unpacked (the importer's 200,000 rows fit in ~150 MiB). */
export const WORKBOOK_ZIP_LIMITS: ZipLimits = {
	totalBytes: 512 * 1024 * 1024,
	ratio: 100,
	ratioFloorBytes: 8 * 1024 * 1024
};

export interface ZipProblem {
	/** The entry being unpacked when a limit was passed. */
	entry: string;
	/** Its packed size, and what it unpacked to before counting stopped (a lower bound). */
	packed: number;
	unpacked: number;
	/** Which limit: all entries together, or one entry's ratio. */
	limit: 'total' | 'ratio';
	/** What the zip's directory claimed the entry unpacks to. */
	declared: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

class Stop extends Error {}

/** The first limit a zip passes when really inflated, or undefined (also for what is not a readable zip: the
 *  workbook reader reports that in its own words). */
export function zipProblem(
	bytes: Uint8Array,
	limits: ZipLimits = WORKBOOK_ZIP_LIMITS
): ZipProblem | undefined {
	// the end of central directory record: within the last 64 KiB + 22 bytes
	let eocd = -1;
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
		if (u32(bytes, i) === 0x06054b50) {
			eocd = i;
			break;
		}
	if (eocd < 0) return undefined;
	const count = u16(bytes, eocd + 10);
	let at = u32(bytes, eocd + 16);
	let total = 0;
	const decoder = new TextDecoder();
	for (let n = 0; n < count && at + 46 <= bytes.length && u32(bytes, at) === 0x02014b50; n++) {
		const method = u16(bytes, at + 10);
		const packed = u32(bytes, at + 20);
		const declared = u32(bytes, at + 24);
		const nameLength = u16(bytes, at + 28);
		const skip = nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
		const local = u32(bytes, at + 42);
		const entry = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
		at += 46 + skip;
		if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) continue;
		const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
		// the packed size may lie too: never past the file's end (a deflate stream ends by itself)
		const data = bytes.subarray(start, Math.min(bytes.length, start + (packed || bytes.length)));
		let unpacked = 0;
		const over = (): ZipProblem['limit'] | undefined => {
			if (total + unpacked > limits.totalBytes) return 'total';
			if (unpacked > limits.ratioFloorBytes && unpacked > data.length * limits.ratio) return 'ratio';
			return undefined;
		};
		let passed: ZipProblem['limit'] | undefined;
		if (method === 0) {
			unpacked = data.length;
			passed = over();
		} else if (method === 8) {
			const inflate = new Inflate((chunk) => {
				unpacked += chunk.length;
				passed = over();
				if (passed) throw new Stop();
			});
			try {
				// 4 KiB at a time: deflate expands at most ~1,032×, so one step yields at most ~4 MiB
				for (let i = 0; i < data.length; i += 4096)
					inflate.push(data.subarray(i, i + 4096), i + 4096 >= data.length);
			} catch (e) {
				// not a deflate stream: counted so far; the workbook reader says what is wrong with it
				if (!(e instanceof Stop)) passed = undefined;
			}
		}
		if (passed) return { entry, packed: data.length, unpacked, limit: passed, declared };
		total += unpacked;
	}
	return undefined;
}
