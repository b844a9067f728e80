// The county's surround: the county outline grown by 4 km, written once to data/geo/yueqing-surround.geojson
// (jsts's buffer takes ~25 s on this outline, too slow for every data build). The base map shows land, sea and
// neighbours only inside it and fades out beyond (src/node/coast.ts): land-osm.geojson is cut to a box, and a
// box edge in the sea looked like a beige rectangle. Run again only if data/geo/yueqing-boundary.geojson changes:
//   npx tsx scripts/make-surround.ts
import { readFileSync, writeFileSync } from 'node:fs';
import buffer from '@turf/buffer';
import { format } from 'prettier';
import type { Feature, MultiPolygon } from 'geojson';

const SURROUND_KM = 4;

const boundary = JSON.parse(readFileSync('data/geo/yueqing-boundary.geojson', 'utf8'))
	.features[0] as Feature<MultiPolygon>;
const grown = buffer(boundary, SURROUND_KM, { units: 'kilometers', steps: 4 });
if (!grown) throw new Error('buffer of the county outline is empty');
const round = (x: number) => Math.round(x * 1e5) / 1e5;
const geometry = JSON.parse(
	JSON.stringify(grown.geometry, (_k, v) => (typeof v === 'number' ? round(v) : v))
) as unknown;
const out = {
	type: 'FeatureCollection',
	metadata: {
		source: `data/geo/yueqing-boundary.geojson grown by ${SURROUND_KM} km (@turf/buffer, scripts/make-surround.ts)`,
		license: 'as data/geo/yueqing-boundary.geojson',
		crs: 'WGS84 (EPSG:4326)',
		note: 'the area the base map shows around the county; must lie inside the bbox of land-osm.geojson'
	},
	features: [{ type: 'Feature', properties: { km: SURROUND_KM }, geometry }]
};
writeFileSync('data/geo/yueqing-surround.geojson', await format(JSON.stringify(out), { parser: 'json' }));
console.log(`data/geo/yueqing-surround.geojson: county + ${SURROUND_KM} km`);
