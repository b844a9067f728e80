import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { printMapShapes, shownBounds, type Bounds, type PrintPoints } from './print-map';

const square = (w: number, s: number, e: number, n: number, code = 'x'): FeatureCollection => ({
	type: 'FeatureCollection',
	features: [
		{
			type: 'Feature',
			properties: { code },
			geometry: {
				type: 'Polygon',
				// counter-clockwise, as RFC 7946 writes it (d3's spherical paths would read it inside out)
				coordinates: [
					[
						[w, s],
						[e, s],
						[e, n],
						[w, n],
						[w, s]
					]
				]
			}
		}
	]
});
const BASE = {
	land: square(120.8, 27.9, 121.2, 28.4),
	boundary: square(120.85, 27.95, 121.15, 28.35),
	towns: square(120.9, 28.0, 121.0, 28.1, '330382001')
};
const LABELS: FeatureCollection = {
	type: 'FeatureCollection',
	features: [
		{
			type: 'Feature',
			properties: { name: '乐成街道' },
			geometry: { type: 'Point', coordinates: [120.95, 28.05] }
		}
	]
};
const points = (visible: number[]): PrintPoints => ({
	lon: [120.92, 120.98, 121.1],
	lat: [28.02, 28.08, 28.3],
	colours: new Uint8Array([1, 2, 3, 255, 1, 2, 3, 255, 9, 9, 9, 255]),
	radii: [2, 4, 3],
	visible
});

/** The centres of the circles of a point path (each starts at x − r, y). */
function centres(d: string): [number, number][] {
	return [...d.matchAll(/M([\d.-]+),([\d.-]+)a([\d.]+)/g)].map((m) => [
		Number(m[1]) + Number(m[3]),
		Number(m[2])
	]);
}

describe('the printed map (SVG, fitted to what is shown)', () => {
	it('the bounds of the shown points, widened to a minimum span', () => {
		const two = shownBounds(points([1, 1, 0]))!;
		[120.92, 28.02, 120.98, 28.08].forEach((v, i) => expect(two[i]).toBeCloseTo(v, 9));
		expect(shownBounds(points([0, 0, 0]))).toBeNull();
		const one = shownBounds(points([0, 0, 1]))!;
		expect(one[2] - one[0]).toBeCloseTo(0.02, 9);
	});

	it('fits the shown points inside the page, leaves the hidden ones out, one path per colour', () => {
		const s = printMapShapes(BASE, LABELS, points([1, 1, 0]), { width: 1000, height: 600 });
		expect(s.points).toHaveLength(1);
		expect(s.points[0]!.fill).toBe('rgb(1,2,3)');
		const c = centres(s.points[0]!.d);
		expect(c).toHaveLength(2);
		for (const [x, y] of c) {
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThanOrEqual(1000);
			expect(y).toBeGreaterThanOrEqual(0);
			expect(y).toBeLessThanOrEqual(600);
		}
		// fitted: the two points span most of the height (north up: the northern one higher)
		expect(c[0]![1] - c[1]![1]).toBeGreaterThan(450);
		expect(s.labels).toEqual([{ x: expect.any(Number), y: expect.any(Number), text: '乐成街道' }]);
	});

	it('draws a counter-clockwise polygon as itself, not as the world minus it', () => {
		const s = printMapShapes(BASE, LABELS, points([1, 1, 1]), { width: 1000, height: 600 });
		const xs = [...s.towns[0]!.d.matchAll(/[ML]([\d.-]+),([\d.-]+)/g)].map((m) => Number(m[1]));
		expect(xs.length).toBeGreaterThanOrEqual(4);
		expect(Math.min(...xs)).toBeGreaterThan(0);
		expect(Math.max(...xs)).toBeLessThan(1000);
	});

	it('paints the mask beyond the surround (land.geojson `surface: mask`) as the mask, not as land', () => {
		const mask = square(119, 27, 123, 29).features[0]!;
		const land: FeatureCollection = {
			type: 'FeatureCollection',
			features: [
				{ ...BASE.land.features[0]!, properties: { surface: 'land' } },
				{ ...mask, properties: { surface: 'mask' } }
			]
		};
		const s = printMapShapes({ ...BASE, land }, LABELS, points([1, 1, 1]), { width: 1000, height: 600 });
		const alone = printMapShapes(BASE, LABELS, points([1, 1, 1]), { width: 1000, height: 600 });
		expect(s.land).toBe(alone.land);
		expect(s.mask).not.toBe('');
		expect(alone.mask).toBe('');
	});

	it('leaves out a town name the edge would cut', () => {
		const edge: FeatureCollection = {
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { name: 'Yanpen Subdistrict' },
					geometry: { type: 'Point', coordinates: [120.995, 28.05] }
				}
			]
		};
		// a tall map fitted to 120.9–121.0°E: the name's anchor (120.995°E) is inside, its end would not be
		const opts = { width: 400, height: 1000, focus: [120.9, 28.0, 121.0, 28.1] as Bounds };
		expect(printMapShapes(BASE, edge, points([1, 1, 0]), opts).labels).toEqual([]);
		// a short name at the same place fits
		edge.features[0]!.properties = { name: '盐' };
		expect(printMapShapes(BASE, edge, points([1, 1, 0]), opts).labels).toHaveLength(1);
	});

	it('fits the county when nothing is shown, and a focus when given', () => {
		const none = printMapShapes(BASE, LABELS, points([0, 0, 0]), { width: 1000, height: 600 });
		expect(none.points).toHaveLength(0);
		expect(none.county).toMatch(/^M/);
		const focus = printMapShapes(BASE, LABELS, points([1, 1, 1]), {
			width: 1000,
			height: 600,
			focus: [120.9, 28.0, 121.0, 28.1],
			selectedTowns: ['330382001']
		});
		expect(focus.towns[0]!.selected).toBe(true);
		expect(focus.area).toBeNull();
		const drawn = printMapShapes(BASE, LABELS, points([1, 1, 1]), {
			width: 1000,
			height: 600,
			area: [
				[120.91, 28.01],
				[120.99, 28.01],
				[120.95, 28.09]
			]
		});
		expect(drawn.area).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+L[\d.]+,[\d.]+Z$/);
		// the third point (28.3°N) lies outside the focus and is left off the page
		expect(focus.points.map((p) => centres(p.d).length).reduce((a, b) => a + b, 0)).toBe(2);
	});
});
