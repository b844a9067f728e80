// The map's cells (src/lib/map/cells.ts) count what the figures count: for each cell, the communities passing the
// filter whose position lies inside the cell's bounds, in total and per class of the colouring — counted here by
// hand (cells-by-hand.ts) at the example's 724 communities, for several filters (`filterMask`, itself tested equal
// to the SQL's WHERE), every colouring and grids from the province's view to a street's. Also: when the map draws
// cells rather than points (`crowded`). The same at a generated 6,000 and `crowded` at 300,000 are in the data tier
// (tests/data/cells-scale.test.ts).
import { describe, expect, it } from 'vitest';
import { binCells, cellSide, crowded, worldPoints } from '../../../src/lib/map/cells';
import { cellShapes } from '../../../src/lib/map/cell-shapes';
import { classRgb } from '../../../src/lib/map/colours';
import { EMPTY_FILTER, type Filter } from '../../../src/lib/filter/filters';
import { YUEQING_2023 } from '../../../src/lib/policy';
import { classIndexByCode, codesFor, COLOUR_SCALES, type Colouring } from '../../../src/lib/verdict/classes';
import { deriveStatus, mapColumns } from '../../../src/lib/verdict/derived';
import { check, viewAt } from './cells-by-hand';
import { mulberry32, synthetic } from './filter-figures-equal';
import { loadExample } from './load';

describe('map cells: counts per cell equal the communities passing the filter in it, by hand', () => {
	it('at the example size (724 communities)', async () => {
		const { dataset } = await loadExample();
		const cols = mapColumns(dataset, deriveStatus(dataset, '2026-11-15', YUEQING_2023), '2026-11-15');
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
	it('the example keeps its points at the home view (desktop and phone), cells when zoomed out', async () => {
		const { dataset } = await loadExample();
		const cols = mapColumns(dataset, deriveStatus(dataset, '2026-11-15', YUEQING_2023), '2026-11-15');
		const world = worldPoints(cols.lon, cols.lat);
		// a phone's home view: the county's bounds fitted into 390 × 490 px with 40 px padding (map-focus.svelte.ts)
		expect(crowded(world, viewAt(8.75, 390, 490, 121.0183, 28.2478)), 'phone home view').toBe(false);
		for (const [w, h] of [
			[790, 830],
			[390, 490]
		] as const) {
			expect(crowded(world, viewAt(9.3, w, h)), `${w} px at the home view`).toBe(false);
			expect(crowded(world, viewAt(11, w, h)), `${w} px zoomed in`).toBe(false);
			expect(crowded(world, viewAt(8, w, h)), `${w} px zoomed out`).toBe(true);
		}
	});
});
