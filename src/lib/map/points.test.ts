import { describe, expect, it } from 'vitest';
import { COUNTY_ZOOM, radiusScale, SPARSE_POINTS } from './points';

describe('radiusScale: points shrink when dense on screen, and come back as the reader zooms in', () => {
	it('keeps the full radius at 乐清 size at every zoom', () => {
		for (const z of [6, COUNTY_ZOOM, 9.3, 12, 16]) expect(radiusScale(724, z)).toBe(1);
	});
	it('shrinks by √(sparse ÷ on screen) past the sparse count at the county view', () => {
		expect(radiusScale(SPARSE_POINTS, COUNTY_ZOOM)).toBe(1);
		expect(radiusScale(4 * SPARSE_POINTS, COUNTY_ZOOM)).toBeCloseTo(0.5, 10);
		expect(radiusScale(300_000, COUNTY_ZOOM)).toBeCloseTo(Math.sqrt(20_000 / 300_000), 10);
		// zoomed out further than the county view: no smaller than at the county view
		expect(radiusScale(300_000, 6)).toBe(radiusScale(300_000, COUNTY_ZOOM));
	});
	it('doubles with each zoom level in (a quarter of the points on screen) up to the full radius', () => {
		const s = radiusScale(300_000, COUNTY_ZOOM);
		expect(radiusScale(300_000, COUNTY_ZOOM + 1)).toBeCloseTo(2 * s, 10);
		expect(radiusScale(300_000, COUNTY_ZOOM + 2)).toBeCloseTo(Math.min(1, 4 * s), 10);
		expect(radiusScale(300_000, COUNTY_ZOOM + 3)).toBe(1);
	});
});
