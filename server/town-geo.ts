// The maps' geography of the data served now (issue 22, a town's point): 乐清's outline (boundary.geojson) and the
// towns' regions (towns.geojson) of the release's data/ — the files the pages draw — read for the server's re-check
// of a point a town sets (src/lib/ingest/point-entry.ts). Read once per data folder and kept (a few hundred KB).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { PointGeography } from '../src/lib/ingest/point-entry';

let kept: { key: string; geography: PointGeography } | undefined;

/** The geography of `dataDir` (a release's data/ or the example's). Throws when its files are missing. */
export function pointGeography(dataDir: string): PointGeography {
	const towns = join(dataDir, 'towns.geojson');
	const boundary = join(dataDir, 'boundary.geojson');
	// a folder's files are written once, but the example's folder is rebuilt in place by `npm run data`
	const key = `${dataDir}\u0000${statSync(towns).mtimeMs}\u0000${statSync(boundary).mtimeMs}`;
	if (kept?.key === key) return kept.geography;
	const regions = JSON.parse(readFileSync(towns, 'utf8')) as FeatureCollection;
	const outline = (JSON.parse(readFileSync(boundary, 'utf8')) as FeatureCollection).features[0] as
		Feature<Polygon | MultiPolygon> | undefined;
	if (!outline) throw new Error(`${boundary}: no outline`);
	kept = { key, geography: { outline, regions } };
	return kept.geography;
}
