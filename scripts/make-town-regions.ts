// Schematic (示意) town and street regions for the example: Voronoi cells of the approximate town seats, clipped
// to the county outline. The official boundaries (自然资源和规划局) replace data/towns.geojson through the import.
import { readFileSync, writeFileSync } from 'node:fs';
import { Delaunay } from 'd3-delaunay';
import { featureCollection, polygon } from '@turf/helpers';
import intersect from '@turf/intersect';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { readTownsCsv } from '../src/node/geography';

const boundary = JSON.parse(readFileSync('data/geo/yueqing-boundary.geojson', 'utf8'))
	.features[0] as Feature<MultiPolygon>;
const towns = readTownsCsv('data/geo/yueqing-towns.csv');
const [minX, minY, maxX, maxY] = [120.6, 27.85, 121.4, 28.7];
const voronoi = Delaunay.from(towns.map((t) => [t.seatLon, t.seatLat])).voronoi([minX, minY, maxX, maxY]);

const round = (x: number) => Math.round(x * 1e5) / 1e5;
const features = towns.map((t, i) => {
	const cell = voronoi.cellPolygon(i);
	const clipped = intersect(featureCollection<Polygon | MultiPolygon>([polygon([cell]), boundary]));
	if (!clipped) throw new Error(`town ${t.name} has no region inside the boundary`);
	const geometry = clipped.geometry as Polygon | MultiPolygon;
	const coordinates = JSON.parse(
		JSON.stringify(geometry.coordinates, (_k, v) => (typeof v === 'number' ? round(v) : v))
	);
	return {
		type: 'Feature',
		properties: { code: t.code, name: t.name, kind: t.kind, central: t.central, schematic: true },
		geometry: { type: geometry.type, coordinates }
	};
});

const out = {
	type: 'FeatureCollection',
	metadata: {
		schematic: true,
		note: '示意边界：乡镇街道驻地近似点的泰森多边形，按市界裁剪，并非官方行政界线 / schematic regions: Voronoi cells of approximate town seats clipped to the county outline, not official boundaries',
		sources: 'data/geo/yueqing-towns.csv (seats, ±5 km), data/geo/yueqing-boundary.geojson (outline)'
	},
	features
};
writeFileSync('data/towns.geojson', JSON.stringify(out) + '\n');
console.log(`wrote data/towns.geojson: ${features.length} schematic regions`);
