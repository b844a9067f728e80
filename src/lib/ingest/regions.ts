/**
 * Checks town boundary polygons (the office's official GeoJSON, or the schematic file): each names a known town
 * by code and lies in 乐清 — a boundary mostly outside the county outline is wrong data (or wrong coordinates).
 */
import area from '@turf/area';
import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { featureCollection } from '@turf/helpers';
import intersect from '@turf/intersect';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Problem } from './problems';

/** Least share of a town's area that must lie inside the county outline. */
const MIN_INSIDE_SHARE = 0.5;
/** Grid points per side sampled over a town's bounding box to measure the share inside the outline. */
const SAMPLES = 24;

/**
 * The share of `region` inside `outline`: counted on a SAMPLES × SAMPLES grid over the region's bounding box (the
 * grid points in the region, and of those the ones in the outline); a region too thin for the grid is measured
 * exactly by intersection. The grid is a few percent off at worst, enough against a threshold of one half, and
 * some hundred times faster than intersecting with the coast's outline (seconds per boundary file).
 */
function insideShare(
	region: Feature<Polygon | MultiPolygon>,
	outline: Feature<Polygon | MultiPolygon>
): number {
	const [w, s, e, n] = bbox(region);
	let inRegion = 0;
	let inBoth = 0;
	for (let i = 0; i < SAMPLES; i++)
		for (let j = 0; j < SAMPLES; j++) {
			const p = [w + ((e - w) * (i + 0.5)) / SAMPLES, s + ((n - s) * (j + 0.5)) / SAMPLES];
			if (!booleanPointInPolygon(p, region)) continue;
			inRegion++;
			if (booleanPointInPolygon(p, outline)) inBoth++;
		}
	if (inRegion >= SAMPLES) return inBoth / inRegion;
	const inside = intersect(featureCollection<Polygon | MultiPolygon>([region, outline]));
	return inside ? area(inside) / area(region) : 0;
}

export function validateTownRegions(
	regions: FeatureCollection,
	townCodes: ReadonlySet<string>,
	outline: Feature<Polygon | MultiPolygon>,
	file: string
): Problem[] {
	const problems: Problem[] = [];
	regions.features.forEach((f, i) => {
		const at = { file, row: i + 1, level: 'error' as const };
		const code = String(f.properties?.code);
		if (!townCodes.has(code)) {
			problems.push({
				...at,
				column: 'code',
				value: code,
				zh: '边界的区划代码不在乡镇街道表中',
				en: 'boundary code is not a town of the towns table'
			});
			return;
		}
		const type = f.geometry?.type;
		if (type !== 'Polygon' && type !== 'MultiPolygon') {
			problems.push({
				...at,
				column: 'geometry',
				value: String(type),
				zh: '边界应为面（Polygon 或 MultiPolygon）',
				en: 'a boundary must be a Polygon or MultiPolygon'
			});
			return;
		}
		const region = f as Feature<Polygon | MultiPolygon>;
		const share = insideShare(region, outline);
		if (share < MIN_INSIDE_SHARE) {
			problems.push({
				...at,
				column: 'geometry',
				value: code,
				zh: `边界大部分不在乐清市范围内（界内仅占${Math.round(share * 100)}%），请检查坐标（应为WGS84）`,
				en: `boundary lies mostly outside 乐清 (${Math.round(share * 100)}% inside); check the coordinates (WGS84 expected)`
			});
		}
	});
	return problems;
}
