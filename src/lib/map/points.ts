/** Pure helpers for the community points layer: binary attributes from the map columns (no deck.gl here). */
import { classIndexByCode, codesFor, COLOUR_SCALES, type Colouring } from '../data/classes';
import type { MapColumns } from '../data/derived';
import { classRgb } from './colours';

/** Interleaved lon/lat as float32 (≈1 m at 乐清's longitudes — enough for points). */
export function positions(cols: MapColumns): Float32Array {
	const out = new Float32Array(cols.lon.length * 2);
	for (let i = 0; i < cols.lon.length; i++) {
		out[2 * i] = cols.lon[i]!;
		out[2 * i + 1] = cols.lat[i]!;
	}
	return out;
}

/** Radius in pixels by building area: √area, so a circle's area follows the building area. */
export function radii(cols: MapColumns): Float32Array {
	return Float32Array.from(cols.area, (a) => 1.5 + Math.sqrt(a) / 40);
}

/** RGBA per point for a colouring. */
export function colours(cols: MapColumns, colouring: Colouring): Uint8Array {
	const classOf = classIndexByCode(colouring);
	const rgb = COLOUR_SCALES[colouring].classes.map((c) => classRgb(colouring, c));
	const codes = codesFor(cols, colouring);
	const out = new Uint8Array(codes.length * 4);
	for (let i = 0; i < codes.length; i++) {
		const [r, g, b] = rgb[classOf[codes[i]!]!]!;
		out[4 * i] = r;
		out[4 * i + 1] = g;
		out[4 * i + 2] = b;
		out[4 * i + 3] = 230;
	}
	return out;
}
