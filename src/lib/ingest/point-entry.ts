/**
 * The community's point as a town sets or corrects it on the phone form — a tap on the map — and the office server
 * checks again before storing it (issue 22). The rules are the importer's and the map's, not new ones:
 * - WGS84 longitude and latitude, finite, rounded to six decimals as the ledger keeps them (`round6`, placement.ts);
 * - inside 乐清 by the validator's own test of every community's point (`makeLocate`, src/lib/geo/locate.ts);
 * - inside the community's own town, by the town's region in the towns.geojson the data ships (`townRegion`,
 *   `inRegion`, the same file the maps draw); a point in another town is refused naming that town;
 * - not the point the community has now (nothing to change).
 * The distance moved is turf's great-circle distance (`@turf/distance`), in metres.
 */
import distance from '@turf/distance';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { inRegion, makeLocate, townRegion, townRegionAt } from '../geo/locate';
import { round6, type Point } from './placement';
import type { EntryProblem } from './vote-entry';

/** The field a change of the community's point records (the communities table's lon and lat together). */
export const POINT_FIELD = 'communities.point';

/** A point as the form sends it: longitude and latitude (numbers, or their text). */
export interface PointEntry {
	lon: unknown;
	lat: unknown;
}

/** What a change of the point records as `after`: the community and its new lon and lat (WGS84, 6 decimals). */
export interface PointValue {
	community_id: string;
	lon: number;
	lat: number;
}

/** The maps' geography the check reads: 乐清's outline (boundary.geojson) and the towns' regions (towns.geojson). */
export interface PointGeography {
	outline: Feature<Polygon | MultiPolygon>;
	/** One feature per town, `properties.code` and `properties.name`; `metadata.schematic` when only schematic. */
	regions: FeatureCollection;
}

export interface PointEntryCheck {
	/** The point to store, [lon, lat] rounded to 6 decimals; null while a problem remains. */
	point: Point | null;
	/** The community's point now (rounded to 6 decimals), or null when it has none. */
	before: Point | null;
	/** Metres from `before` to `point` (great-circle); null when either is missing. */
	moved: number | null;
	problems: EntryProblem[];
}

/** A coordinate as given: a finite number, or the text of one (e.g. "120.95"); null otherwise. */
function coordinate(v: unknown): number | null {
	if (typeof v === 'number') return Number.isFinite(v) ? v : null;
	if (typeof v !== 'string' || !/^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/.test(v)) return null;
	return Number(v);
}

/** A community's point now ([lon, lat] rounded to 6 decimals), or null when either coordinate is missing. */
export function pointOf(row: { lon?: unknown; lat?: unknown }): Point | null {
	const lon = coordinate(row.lon);
	const lat = coordinate(row.lat);
	return lon === null || lat === null ? null : [round6(lon), round6(lat)];
}

/** Metres between two WGS84 points (turf's great-circle distance). */
export function metresBetween(a: Point, b: Point): number {
	return distance(a, b, { units: 'meters' });
}

/** A point in words: "lon, lat" with 6 decimals. */
export const pointText = (p: Point) => `${p[0].toFixed(6)}, ${p[1].toFixed(6)}`;

/**
 * Check the point `entry` for `community` (its row as served: lon, lat) of `town` (code and name, as in the towns
 * table) against the maps' geography. Each problem names the field (`lon`, `lat` or `point`) in Chinese and
 * English; a point outside the town names the town it lies in.
 */
export function checkPointEntry(
	entry: PointEntry,
	community: { lon?: unknown; lat?: unknown },
	town: { code: string; name: string },
	geography: PointGeography
): PointEntryCheck {
	const before = pointOf(community);
	const refused = (problems: EntryProblem[]): PointEntryCheck => ({
		point: null,
		before,
		moved: null,
		problems
	});
	const lon = coordinate(entry.lon);
	const lat = coordinate(entry.lat);
	const problems: EntryProblem[] = [];
	if (lon === null || lon < -180 || lon > 180)
		problems.push({
			column: 'lon',
			zh: `经度应为 -180～180 之间的数字（WGS84），而不是“${String(entry.lon).slice(0, 40)}”`,
			en: `the longitude must be a number from -180 to 180 (WGS84), not "${String(entry.lon).slice(0, 40)}"`
		});
	if (lat === null || lat < -90 || lat > 90)
		problems.push({
			column: 'lat',
			zh: `纬度应为 -90～90 之间的数字（WGS84），而不是“${String(entry.lat).slice(0, 40)}”`,
			en: `the latitude must be a number from -90 to 90 (WGS84), not "${String(entry.lat).slice(0, 40)}"`
		});
	if (lon === null || lat === null || problems.length > 0) return refused(problems);
	const point: Point = [round6(lon), round6(lat)];
	const where = makeLocate(geography.outline)(point[0], point[1]);
	if (where !== 'inside')
		return refused([
			{
				column: 'point',
				zh:
					`位置（${pointText(point)}）不在乐清市范围内（WGS84）：请在地图上点选本小区的位置` +
					(where === 'gcj02' ? '；按GCJ-02（火星坐标）换算后在界内，疑似未转换的高德坐标' : ''),
				en:
					`the point (${pointText(point)}) is outside 乐清 (WGS84): tap the community's place on the map` +
					(where === 'gcj02'
						? '; it is inside once read as GCJ-02, so probably an unconverted AMap point'
						: '')
			}
		]);
	const region = townRegion(geography.regions, town.code);
	if (!region)
		return refused([
			{
				column: 'point',
				zh: `数据中没有${town.name}的边界（towns.geojson），无法核对位置是否在本镇（街道）内：请联系市旧改办`,
				en: `the data has no boundary of ${town.name} (towns.geojson), so the point cannot be checked against the town: ask the city office`
			}
		]);
	if (!inRegion(region, point)) {
		const other = townRegionAt(geography.regions, point)?.properties?.name as string | undefined;
		const schematic =
			(geography.regions as FeatureCollection & { metadata?: { schematic?: boolean } }).metadata
				?.schematic === true || region.properties?.schematic === true;
		return refused([
			{
				column: 'point',
				zh:
					(other
						? `位置在${other}，不在本小区所属的${town.name}范围内`
						: `位置不在本小区所属的${town.name}范围内`) +
					(schematic ? '（乡镇街道边界为示意；小区确在边界附近时请联系市旧改办）' : ''),
				en:
					(other
						? `the point lies in ${other}, not in ${town.name}, the community's town`
						: `the point is not in ${town.name}, the community's town`) +
					(schematic
						? ' (the town boundaries are schematic: if the community really lies near the boundary, ask the city office)'
						: '')
			}
		]);
	}
	if (before && before[0] === point[0] && before[1] === point[1])
		return refused([
			{
				column: 'point',
				zh: '与现有位置相同，无需更改',
				en: "the same as the community's point now: nothing to change"
			}
		]);
	return { point, before, moved: before ? metresBetween(before, point) : null, problems: [] };
}
