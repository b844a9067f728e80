// The map's cells (src/lib/map/cells.ts) count what the figures count: for each cell, the communities passing the
// filter whose position lies inside the cell's bounds, in total and per class of the colouring — counted here by
// hand, community by community against the cell's lon/lat bounds and the classes' codes (not through binCells'
// grid arithmetic or classIndexByCode), at the example's 724 communities and a generated 6,000, for several
// filters (`filterMask`, itself tested equal to the SQL's WHERE), every colouring and grids from the province's
// view to a street's. Also: when the map draws cells rather than points (`crowded`).
import { describe, expect, it } from 'vitest';
import {
	binCells,
	gridKeys,
	cellBounds,
	cellSide,
	crowded,
	gridZoom,
	worldPoints,
	worldX,
	worldY,
	WORLD_PX
} from '../../../src/lib/map/cells';
import { cellShapes } from '../../../src/lib/map/cell-shapes';
import { classRgb } from '../../../src/lib/map/colours';
import { EMPTY_FILTER, filterMask, type Filter } from '../../../src/lib/filter/filters';
import { YUEQING_2023 } from '../../../src/lib/policy';
import { classIndexByCode, codesFor, COLOUR_SCALES, type Colouring } from '../../../src/lib/verdict/classes';
import { deriveStatus, mapColumns, type MapColumns } from '../../../src/lib/verdict/derived';
import { mulberry32, randomFilter, synthetic, TOWNS } from './filter-figures-equal';
import { load } from './load';

const COLOURINGS = Object.keys(COLOUR_SCALES) as Colouring[];
const ZOOMS = [6.2, 8, 9.3, 10.7, 13];

/** Per cell, [total, ...per class] by hand: every passing community tested against every cell's bounds. */
function byHand(cols: MapColumns, mask: Float32Array, colouring: Colouring, bounds: number[][]): number[][] {
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

function check(cols: MapColumns, townCodes: readonly string[], filters: Filter[], label: string) {
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

describe('map cells: counts per cell equal the communities passing the filter in it, by hand', () => {
	it('at the example size (724 communities)', async () => {
		const { dataset } = await load(['data/example']);
		const cols = mapColumns(dataset, deriveStatus(dataset, '2026-11-15', YUEQING_2023));
		const towns = dataset.towns.map((t) => t.code);
		const filters: Filter[] = [
			EMPTY_FILTER,
			{ ...EMPTY_FILTER, towns: ['330382002'] },
			{ ...EMPTY_FILTER, yearFrom: 1990, housing: ['commodity'] },
			{ ...EMPTY_FILTER, eligibility: ['eligible', 'conditional'], stage: ['construction'] },
			{ ...EMPTY_FILTER, towns: ['330382999'] }
		];
		expect(cols.id.length).toBe(724);
		check(cols, towns, filters, '724');
	});

	it('at a generated 6,000, seeded random filters', () => {
		const rand = mulberry32(6000);
		const cols = synthetic(6000, rand);
		const filters = [EMPTY_FILTER, ...Array.from({ length: 4 }, () => randomFilter(rand, cols))];
		check(cols, TOWNS, filters, '6000');
	});

	it('draws one white disc, one sector per class present and one label with the count per cell', () => {
		const rand = mulberry32(7);
		const cols = synthetic(2000, rand);
		const mask = new Float32Array(2000).fill(1);
		const colouring: Colouring = 'stage';
		const classes = COLOUR_SCALES[colouring].classes;
		const cells = binCells(
			worldPoints(cols.lon, cols.lat),
			codesFor(cols, colouring),
			classIndexByCode(colouring),
			classes.length,
			mask,
			cellSide(9)
		);
		const { shapes, labels } = cellShapes(
			cells,
			classes.map((c) => classRgb(colouring, c)),
			9,
			'zh'
		);
		expect(labels.map((l) => l.text)).toEqual(Array.from(cells.total, (n) => String(n)));
		// only the cells meeting a view are drawn: here the western half of the communities' box
		const west = Math.min(...cells.col) * cells.side;
		const east = (Math.max(...cells.col) + 1) * cells.side;
		const half = { west, east: (west + east) / 2, north: 0, south: 1 };
		const some = cellShapes(
			cells,
			classes.map((c) => classRgb(colouring, c)),
			9,
			'zh',
			half
		);
		const meets = Array.from(cells.col, (c) => c * cells.side <= half.east);
		expect(some.labels.map((l) => l.cell)).toEqual(meets.flatMap((m, s) => (m ? [s] : [])));
		expect(some.labels.length).toBeLessThan(labels.length);
		for (let s = 0; s < cells.length; s++) {
			const present = classes.filter((_, k) => cells.byClass[s * classes.length + k]! > 0);
			const mine = shapes.filter((p) => p.cell === s);
			expect(mine.length).toBe(1 + present.length);
			expect(mine.slice(1).map((p) => p.colour.slice(0, 3))).toEqual(
				present.map((c) => [...classRgb(colouring, c)])
			);
		}
	});
});

describe('crowded: cells where the dots would pile up, points where they can be read', () => {
	/** The view of a map `w` × `h` px centred on 乐清 at `zoom`. */
	const view = (zoom: number, w: number, h: number, lon = 121.0, lat = 28.22) => {
		const px = WORLD_PX * 2 ** zoom;
		const [x, y] = [worldX(lon), worldY(lat)];
		return { west: x - w / 2 / px, east: x + w / 2 / px, north: y - h / 2 / px, south: y + h / 2 / px, zoom };
	};

	it('the example keeps its points at the home view (desktop and phone), cells when zoomed out', async () => {
		const { dataset } = await load(['data/example']);
		const cols = mapColumns(dataset, deriveStatus(dataset, '2026-11-15', YUEQING_2023));
		const world = worldPoints(cols.lon, cols.lat);
		// a phone's home view: the county's bounds fitted into 390 × 490 px with 40 px padding (map-focus.svelte.ts)
		expect(crowded(world, view(8.75, 390, 490, 121.0183, 28.2478)), 'phone home view').toBe(false);
		for (const [w, h] of [
			[790, 830],
			[390, 490]
		] as const) {
			expect(crowded(world, view(9.3, w, h)), `${w} px at the home view`).toBe(false);
			expect(crowded(world, view(11, w, h)), `${w} px zoomed in`).toBe(false);
			expect(crowded(world, view(8, w, h)), `${w} px zoomed out`).toBe(true);
		}
	});

	it('300,000 communities: cells at the county view, points on a street', () => {
		const cols = synthetic(300_000, mulberry32(3));
		const world = worldPoints(cols.lon, cols.lat);
		expect(crowded(world, view(9.3, 790, 830))).toBe(true);
		expect(crowded(world, view(11, 790, 830))).toBe(true);
		expect(crowded(world, view(16, 790, 830))).toBe(false);
	});
});
