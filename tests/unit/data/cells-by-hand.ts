// The map's cells counted by hand, for the cells tests of the unit tier (tests/unit/data/cells.test.ts, the example)
// and the data tier (tests/data/cells-scale.test.ts, generated thousands): for each cell, the communities passing the
// filter whose position lies inside the cell's bounds, in total and per class of the colouring — community by
// community against the cell's lon/lat bounds and the classes' codes, not through binCells' grid arithmetic or
// classIndexByCode.
import { expect } from 'vitest';
import {
	binCells,
	gridKeys,
	cellBounds,
	cellSide,
	gridZoom,
	worldPoints,
	worldX,
	worldY,
	WORLD_PX,
	type WorldView
} from '../../../src/lib/map/cells';
import { filterMask, type Filter } from '../../../src/lib/filter/filters';
import { classIndexByCode, codesFor, COLOUR_SCALES, type Colouring } from '../../../src/lib/verdict/classes';
import type { MapColumns } from '../../../src/lib/verdict/derived';

const COLOURINGS = Object.keys(COLOUR_SCALES) as Colouring[];
const ZOOMS = [6.2, 8, 9.3, 10.7, 13];

/** Per cell, [total, ...per class] by hand: every passing community tested against every cell's bounds. */
export function byHand(
	cols: MapColumns,
	mask: Float32Array,
	colouring: Colouring,
	bounds: number[][]
): number[][] {
	const scale = COLOUR_SCALES[colouring];
	const codes = cols[scale.mapColumn];
	const out = bounds.map(() => new Array<number>(scale.classes.length + 1).fill(0));
	for (let i = 0; i < cols.id.length; i++) {
		if (mask[i] !== 1) continue;
		const lon = cols.lon[i]!;
		const lat = cols.lat[i]!;
		const code = scale.codes[codes[i]!]!;
		const k = scale.classes.findIndex((c) => c.codes.includes(code));
		bounds.forEach(([w, s, e, n], c) => {
			if (lon >= w! && lon < e! && lat > s! && lat <= n!) {
				out[c]![0]!++;
				out[c]![k + 1]!++;
			}
		});
	}
	return out;
}

/**
 * binCells' counts for each filter, colouring and zoom (province to street) equal `byHand`'s, dense and sparse
 * grids alike; every passing community in exactly one listed cell, no listed cell empty.
 */
export function check(cols: MapColumns, townCodes: readonly string[], filters: Filter[], label: string) {
	const world = worldPoints(cols.lon, cols.lat);
	for (const [f, fi] of filters.map((f, i) => [f, i] as const)) {
		const mask = filterMask(cols, townCodes, f);
		const passing = mask.reduce((a, v) => a + v, 0);
		for (const colouring of COLOURINGS) {
			const k = COLOUR_SCALES[colouring].classes.length;
			for (const zoom of ZOOMS) {
				const what = `${label} filter #${fi} ${colouring} zoom ${zoom}`;
				const cells = binCells(
					world,
					codesFor(cols, colouring),
					classIndexByCode(colouring),
					k,
					mask,
					cellSide(gridZoom(zoom))
				);
				const bounds = Array.from({ length: cells.length }, (_, s) => cellBounds(cells, s));
				const hand = byHand(cols, mask, colouring, bounds);
				const mine = Array.from({ length: cells.length }, (_, s) => [
					cells.total[s]!,
					...cells.byClass.subarray(s * k, (s + 1) * k)
				]);
				expect(mine, what).toEqual(hand);
				// the same counts keyed by a Map (the grid's box too large to index densely)
				const side = cellSide(gridZoom(zoom));
				const sparse = binCells(
					world,
					codesFor(cols, colouring),
					classIndexByCode(colouring),
					k,
					mask,
					side,
					{ ...gridKeys(world, side), keys: null }
				);
				expect(Array.from(sparse.total), what).toEqual(Array.from(cells.total));
				expect(Array.from(sparse.byClass), what).toEqual(Array.from(cells.byClass));
				// every passing community is in exactly one listed cell, and no listed cell is empty
				expect(
					hand.reduce((a, r) => a + r[0]!, 0),
					what
				).toBe(passing);
				expect(Math.min(...cells.total), what).toBeGreaterThan(passing ? 0 : -1);
			}
		}
	}
}

/** The view of a map `w` × `h` px centred on `lon`/`lat` (乐清 by default) at `zoom`, as `crowded` reads it. */
export function viewAt(zoom: number, w: number, h: number, lon = 121.0, lat = 28.22): WorldView {
	const px = WORLD_PX * 2 ** zoom;
	const [x, y] = [worldX(lon), worldY(lat)];
	return { west: x - w / 2 / px, east: x + w / 2 / px, north: y - h / 2 / px, south: y + h / 2 / px, zoom };
}
