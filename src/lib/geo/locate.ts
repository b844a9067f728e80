import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { gcj02ToWgs84 } from './gcj02';

/** Where a point lies against the county outline (see makeLocate); the validator asks it of every community. */
export type Locate = (lon: number, lat: number) => 'inside' | 'outside' | 'gcj02';

/**
 * Where a WGS84 point lies against the county outline: inside; outside; or outside but inside once read as GCJ-02
 * (an unconverted AMap/Gaode point, shifted ~500 m — caught where the shift crosses the outline or the coast).
 */
export function makeLocate(outline: Feature<Polygon | MultiPolygon>): Locate {
	return (lon, lat) => {
		if (booleanPointInPolygon([lon, lat], outline)) return 'inside';
		return booleanPointInPolygon(gcj02ToWgs84(lon, lat), outline) ? 'gcj02' : 'outside';
	};
}

/**
 * The town region (a feature of towns.geojson: `properties.code`, `properties.name`) that holds a WGS84 point
 * `[lon, lat]`, boundary included; undefined when none does (outside the county, or in a gap between regions).
 * The one check of a point against the towns, for every caller (a town's point form, its server re-check).
 */
export function townRegionAt(
	regions: FeatureCollection,
	point: readonly [number, number]
): Feature<Polygon | MultiPolygon> | undefined {
	return regions.features.find(
		(f): f is Feature<Polygon | MultiPolygon> =>
			(f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon') &&
			inRegion(f as Feature<Polygon | MultiPolygon>, point)
	);
}

/** The region of town `code` in towns.geojson (`properties.code`), or undefined when the file has none. */
export function townRegion(
	regions: FeatureCollection,
	code: string
): Feature<Polygon | MultiPolygon> | undefined {
	return regions.features.find(
		(f): f is Feature<Polygon | MultiPolygon> =>
			String(f.properties?.code) === code &&
			(f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon')
	);
}

/** Whether a WGS84 point `[lon, lat]` lies in `region` (its boundary included). */
export function inRegion(region: Feature<Polygon | MultiPolygon>, point: readonly [number, number]): boolean {
	return booleanPointInPolygon([point[0], point[1]], region);
}
