import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { exampleCommunity, exampleTable } from './entry-test-kit';
import { checkPointEntry, type PointGeography } from './point-entry';

// The maps' geography as the data ships it: 乐清's outline and the towns' (schematic) regions — the Voronoi cells
// of the town seats clipped to the outline, so each seat lies in its own town's region.
const regions = JSON.parse(readFileSync('data/towns.geojson', 'utf8')) as FeatureCollection;
const outline = (JSON.parse(readFileSync('data/geo/yueqing-boundary.geojson', 'utf8')) as FeatureCollection)
	.features[0] as Feature<Polygon | MultiPolygon>;
const geography: PointGeography = { outline, regions };

const row = exampleCommunity('YQ000001'); // 城东街道, its point in communities.csv
const towns = exampleTable('towns');
const seat = (name: string) => {
	const r = towns.rows.find((t) => t[towns.header.indexOf('name')] === name)!;
	return [Number(r[towns.header.indexOf('seat_lon')]), Number(r[towns.header.indexOf('seat_lat')])] as const;
};
const town = { code: row.town_code!, name: '城东街道' };
const community = { lon: Number(row.lon), lat: Number(row.lat) };

/** Haversine on turf's mean Earth radius (6 371 008.8 m), written out here rather than through the code. */
function metres(a: readonly [number, number], b: readonly [number, number]): number {
	const rad = (d: number) => (d * Math.PI) / 180;
	const h =
		Math.sin(rad(b[1] - a[1]) / 2) ** 2 +
		Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(rad(b[0] - a[0]) / 2) ** 2;
	return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

describe("a town sets its community's point by a tap on the map (issue 22)", () => {
	it('stores WGS84 rounded to 6 decimals, with the point before and the metres moved', () => {
		expect(town.code).toBe('330382001');
		const [lon, lat] = seat('城东街道');
		// a tap's coordinates carry many more decimals than the ledger keeps (about 0.1 m)
		const c = checkPointEntry(
			{ lon: lon + 0.0012345678, lat: lat - 0.0004321987 },
			community,
			town,
			geography
		);
		expect(c.problems).toEqual([]);
		expect(c.point).toEqual([
			Math.round((lon + 0.0012345678) * 1e6) / 1e6,
			Math.round((lat - 0.0004321987) * 1e6) / 1e6
		]);
		expect(c.before).toEqual([community.lon, community.lat]);
		expect(c.moved).toBeCloseTo(metres(c.before!, c.point!), 3);
		// 城东's seat is about 1.4 km east of YQ000001: a real distance, not a stand-in
		expect(c.moved!).toBeGreaterThan(1000);
		expect(c.moved!).toBeLessThan(2000);
		// the text of numbers (as a form may keep them) is read the same
		expect(checkPointEntry({ lon: '121.001', lat: '28.131' }, community, town, geography).point).toEqual([
			121.001, 28.131
		]);
	});

	it('places a community that has no point, with nothing moved', () => {
		const c = checkPointEntry({ lon: 121.001, lat: 28.131 }, { lon: null, lat: null }, town, geography);
		expect(c).toEqual({ point: [121.001, 28.131], before: null, moved: null, problems: [] });
	});

	it.each([
		['a longitude that is not a number', { lon: 'abc', lat: 28.13 }, ['lon']],
		['an empty latitude', { lon: 121, lat: '' }, ['lat']],
		['no coordinates at all', { lon: undefined, lat: null }, ['lon', 'lat']],
		['an infinite longitude', { lon: Infinity, lat: 28.13 }, ['lon']],
		['a latitude beyond the pole', { lon: 121, lat: 91 }, ['lat']],
		['longitude and latitude swapped', { lon: 28.13, lat: 121 }, ['lat']]
	])('refuses %s, naming the field', (_what, entry, columns) => {
		const c = checkPointEntry(entry, community, town, geography);
		expect(c.point).toBeNull();
		expect(c.problems.map((p) => p.column)).toEqual(columns);
	});

	it('refuses a point outside 乐清 (the validator’s own rule), in Chinese and English', () => {
		// 杭州西湖, and the open sea east of the county
		for (const [lon, lat] of [
			[120.15, 30.25],
			[121.4, 27.9]
		]) {
			const c = checkPointEntry({ lon, lat }, community, town, geography);
			expect(c.point).toBeNull();
			expect(c.problems).toHaveLength(1);
			expect(c.problems[0]!.zh).toContain('不在乐清市范围内');
			expect(c.problems[0]!.en).toContain('outside 乐清');
		}
	});

	it("refuses a point in another town, naming that town and the community's own", () => {
		const [lon, lat] = seat('乐成街道');
		const c = checkPointEntry({ lon, lat }, community, town, geography);
		expect(c.point).toBeNull();
		expect(c.problems).toEqual([
			{
				column: 'point',
				zh: expect.stringContaining('位置在乐成街道，不在本小区所属的城东街道范围内'),
				en: expect.stringContaining('lies in 乐成街道, not in 城东街道')
			}
		]);
		// the shipped boundaries are schematic: the message says so
		expect(c.problems[0]!.zh).toContain('边界为示意');
	});

	it('refuses the point the community has now as nothing to change (after rounding)', () => {
		const c = checkPointEntry(
			{ lon: community.lon + 4e-7, lat: community.lat - 4e-7 },
			community,
			town,
			geography
		);
		expect(c.point).toBeNull();
		expect(c.problems.map((p) => p.zh)).toEqual(['与现有位置相同，无需更改']);
	});

	it('refuses when the data has no boundary of the town, rather than store a point it cannot check', () => {
		const c = checkPointEntry(
			{ lon: 121.001, lat: 28.131 },
			community,
			{ code: '330382999', name: '某某镇' },
			geography
		);
		expect(c.point).toBeNull();
		expect(c.problems[0]!.zh).toContain('没有某某镇的边界');
	});
});
