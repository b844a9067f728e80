import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
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
