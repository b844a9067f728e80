// The map's cells at scale (the example's 724 are in the unit tier: tests/unit/data/cells.test.ts): counts per cell
// equal the communities passing the filter in it, counted by hand, at a generated 6,000 with seeded random filters;
// and `crowded` at 300,000 communities.
import { describe, expect, it } from 'vitest';
import { crowded, worldPoints } from '../../src/lib/map/cells';
import { EMPTY_FILTER } from '../../src/lib/filter/filters';
import { check, viewAt } from '../unit/data/cells-by-hand';
import { mulberry32, randomFilter, synthetic, TOWNS } from '../unit/data/filter-figures-equal';

describe('map cells: counts per cell equal the communities passing the filter in it, by hand', () => {
	it('at a generated 6,000, seeded random filters', () => {
		const rand = mulberry32(6000);
		const cols = synthetic(6000, rand);
		const filters = [EMPTY_FILTER, ...Array.from({ length: 4 }, () => randomFilter(rand, cols))];
		check(cols, TOWNS, filters, '6000');
	});
});

describe('crowded: cells where the dots would pile up, points where they can be read', () => {
	it('300,000 communities: cells at the county view, points on a street', () => {
		const cols = synthetic(300_000, mulberry32(3));
		const world = worldPoints(cols.lon, cols.lat);
		expect(crowded(world, viewAt(9.3, 790, 830))).toBe(true);
		expect(crowded(world, viewAt(11, 790, 830))).toBe(true);
		expect(crowded(world, viewAt(16, 790, 830))).toBe(false);
	});
});
