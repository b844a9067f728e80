// The base map's land file (src/node/coast.ts): the OpenStreetMap land, cut to a box, plus a mask beyond the
// county's surround. The box edges must all lie under the mask, or they show as a straight edge in the sea.
import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { landWithMask } from '../../src/node/coast';

const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as FeatureCollection;
const land = read('data/geo/land-osm.geojson');
const surround = read('data/geo/yueqing-surround.geojson');
const boundary = read('data/geo/yueqing-boundary.geojson').features[0] as Feature<MultiPolygon>;

describe('land.geojson: land, and a mask beyond the surround', () => {
	const out = landWithMask(land, surround);
	const mask = out.features.find((f) => f.properties?.surface === 'mask') as Feature<Polygon>;

	it('keeps every land feature (and the attribution metadata), marked as land', () => {
		expect(out.features.filter((f) => f.properties?.surface === 'land')).toHaveLength(land.features.length);
		expect((out as unknown as { metadata: { license: string } }).metadata.license).toContain('OpenStreetMap');
	});

	it('masks the land box corners and the far sea, and leaves every point of the county open', () => {
		const [minX, minY, maxX, maxY] = [120.7, 27.9, 121.35, 28.62];
		for (const corner of [
			[minX, minY],
			[minX, maxY],
			[maxX, minY],
			[maxX, maxY],
			[122, 28.2]
		])
			expect(booleanPointInPolygon(corner, mask), String(corner)).toBe(true);
		const vertices = boundary.geometry.coordinates.flatMap((p) => p[0]!);
		expect(vertices.length).toBeGreaterThan(1000);
		for (const v of vertices) expect(booleanPointInPolygon(v, mask), String(v)).toBe(false);
	});

	it('refuses a surround that leaves the land box (its edge would show)', () => {
		const wide: FeatureCollection = {
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: {},
					geometry: {
						type: 'Polygon',
						coordinates: [
							[
								[120.6, 28],
								[121, 28],
								[121, 28.3],
								[120.6, 28]
							]
						]
					}
				}
			]
		};
		expect(() => landWithMask(land, wide)).toThrow(/超出陆地数据范围.*120\.6, 28/);
	});
});
