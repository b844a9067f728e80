/**
 * Arrow UTF-8 text into JS strings fast: a chunk's bytes decoded at once, each value a slice of that text, instead
 * of apache-arrow's one `TextDecoder` call per value (`Vector.get` / `toArray`) — at 300k communities, two text
 * columns took about a second that way (map.arrow, measured in a Chromium trace, docs/benchmarks.md).
 */
import type { Data, Vector } from 'apache-arrow';

/**
 * Writes a UTF-8 chunk's strings into `out` from index `at`: one decode of the chunk's bytes, each value sliced by
 * its UTF-16 offsets counted from the bytes (one unit per character, two beyond the BMP). A null value (the chunk's
 * validity bitmap) is written as null.
 * @param data — a chunk of an Arrow `Utf8` vector (32-bit offsets)
 */
export function utf8Strings(data: Data, out: unknown[], at: number): void {
	const offsets = data.valueOffsets as Int32Array;
	const bytes = data.values as Uint8Array;
	const n = data.length;
	const start = offsets[0]!;
	const text = new TextDecoder().decode(bytes.subarray(start, offsets[n]!));
	const bits = data.nullCount > 0 ? data.nullBitmap : undefined;
	let units = 0;
	let byte = start;
	for (let i = 0; i < n; i++) {
		const from = units;
		for (const to = offsets[i + 1]!; byte < to; byte++) {
			const b = bytes[byte]!;
			if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
		}
		const j = data.offset + i;
		out[at + i] = bits && ((bits[j >> 3]! >> (j & 7)) & 1) === 0 ? null : text.slice(from, units);
	}
}

/** A `Utf8` vector's values in row order (null where null), every chunk decoded at once (`utf8Strings`). */
export function utf8Column(vector: Vector): (string | null)[] {
	const out = new Array<string | null>(vector.length);
	let at = 0;
	for (const data of vector.data as Data[]) {
		utf8Strings(data, out, at);
		at += data.length;
	}
	return out;
}
