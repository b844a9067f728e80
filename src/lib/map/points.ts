/** Pure helpers for the community points layer: binary attributes from the map columns (no deck.gl here). */
import { classIndexByCode, codesFor, COLOUR_SCALES, type Colouring } from '../verdict/classes';
import type { MapColumns } from '../verdict/derived';
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

/** Points on screen below which every point keeps its full radius (radii() above). */
export const SPARSE_POINTS = 20_000;
/** The zoom at which the whole county fills the map (the home view is 9.3). */
export const COUNTY_ZOOM = 9;

/**
 * The factor on every point's radius for `count` points seen at `zoom`: 1 while the points on screen are
 * sparse, smaller when they are dense (100k–300k at the county's view), so circles do not pile on one another;
 * each zoom level in shows about a quarter of the county, so the radius comes back as the reader zooms in.
 * Sizes stay in proportion to building area.
 */
export function radiusScale(count: number, zoom: number): number {
	const onScreen = count / 4 ** Math.max(0, zoom - COUNTY_ZOOM);
	return onScreen <= SPARSE_POINTS ? 1 : Math.sqrt(SPARSE_POINTS / onScreen);
}
