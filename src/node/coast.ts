/**
 * The base map's land file: OpenStreetMap land (data/geo/land-osm.geojson, cut to a box) plus one `mask` feature,
 * the whole world with the county's surround (the county grown by 4 km, data/geo/yueqing-surround.geojson) as its
 * hole. The style paints the mask over everything beyond the surround and fades its edge (src/lib/map/style.ts), so
 * the land's box edges — all outside the surround — are never seen: no straight-edged patch in the sea.
 */
import bbox from '@turf/bbox';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** `surface` of the features in land.geojson. */
export type Surface = 'land' | 'mask';

const WORLD: Position[] = [
	[-180, -85],
	[180, -85],
	[180, 85],
	[-180, 85],
	[-180, -85]
];

function outerRings(geometry: Polygon | MultiPolygon): Position[][] {
	return geometry.type === 'Polygon' ? [geometry.coordinates[0]!] : geometry.coordinates.map((p) => p[0]!);
}

/** land.geojson: the land with `surface: 'land'` and the mask outside the surround. Throws if the surround leaves
 * the land's box (the box edge would then show). */
export function landWithMask(land: FeatureCollection, surround: FeatureCollection): FeatureCollection {
	const [minX, minY, maxX, maxY] = bbox(land);
	const holes: Position[][] = [];
	for (const f of surround.features) {
		const g = f.geometry;
		if (g.type !== 'Polygon' && g.type !== 'MultiPolygon')
			throw new Error(`surround: a ${g.type}, not a polygon / 周边范围应为面`);
		for (const ring of outerRings(g)) {
			for (const [x, y] of ring)
				if (x! < minX || x! > maxX || y! < minY || y! > maxY)
					throw new Error(
						`周边范围超出陆地数据范围 / the surround leaves the land data's box at ${x}, ${y} (box ${minX}, ${minY}, ${maxX}, ${maxY})`
					);
			// a hole runs clockwise (RFC 7946)
			holes.push([...ring].reverse());
		}
	}
	const mask: Feature<Polygon, { surface: Surface }> = {
		type: 'Feature',
		properties: { surface: 'mask' },
		geometry: { type: 'Polygon', coordinates: [WORLD, ...holes] }
	};
	return {
		...land,
		features: [
			...land.features.map((f) => ({ ...f, properties: { ...f.properties, surface: 'land' as Surface } })),
			mask
		]
	};
}
