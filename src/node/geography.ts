// The public geography of 乐清 bundled in data/geo (see data/README.md), read for scripts.
import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { parseCsv } from '../lib/files/csv';
import type { TownRow } from '../lib/schema/rows';
import type { Geography } from './example/generate';
import { stemOf } from './example/names';

export interface TownSeat {
	code: string;
	name: string;
	kind: '街道' | '镇' | '乡';
	central: boolean;
	seatLon: number;
	seatLat: number;
}

export function readTownsCsv(path: string): TownSeat[] {
	const { rows } = parseCsv(readFileSync(path, 'utf8'));
	const [header, ...body] = rows;
	const col = (name: string) => {
		const i = header!.indexOf(name);
		if (i < 0) throw new Error(`${path}: column ${name} missing`);
		return i;
	};
	const [code, name, kind, central, lon, lat] = [
		'code',
		'name',
		'kind',
		'central',
		'seat_lon',
		'seat_lat'
	].map(col);
	return body.map((r) => ({
		code: r[code!]!,
		name: r[name!]!,
		kind: r[kind!] as TownSeat['kind'],
		central: r[central!] === 'true',
		seatLon: Number(r[lon!]),
		seatLat: Number(r[lat!])
	}));
}

export interface Neighbourhood {
	code: string;
	name: string;
	townCode: string;
}

/** The 514 村/社区 with their township, for name stems. */
export function readNeighbourhoods(path: string): Neighbourhood[] {
	const { rows } = parseCsv(readFileSync(path, 'utf8'));
	return rows.slice(1).map((r) => ({ code: r[0]!, name: r[1]!, townCode: r[2]! }));
}

/** Towns, their regions (data/towns.geojson) and name stems, as the example generator needs them. */
export function loadGeography(dir = 'data'): Geography {
	const towns: TownRow[] = readTownsCsv(`${dir}/geo/yueqing-towns.csv`).map((t) => ({
		code: t.code,
		name: t.name,
		kind: t.kind,
		central: t.central,
		seat_lon: t.seatLon,
		seat_lat: t.seatLat
	}));
	const fc = JSON.parse(readFileSync(`${dir}/towns.geojson`, 'utf8')) as FeatureCollection<
		Polygon | MultiPolygon,
		{ code: string }
	>;
	const regions = new Map(fc.features.map((f) => [String(f.properties.code), f]));
	const stems = new Map<string, string[]>();
	for (const n of readNeighbourhoods(`${dir}/geo/yueqing-villages-communities.csv`)) {
		const list = stems.get(n.townCode) ?? [];
		list.push(stemOf(n.name));
		stems.set(n.townCode, list);
	}
	const outline = (
		JSON.parse(readFileSync(`${dir}/geo/yueqing-boundary.geojson`, 'utf8')) as FeatureCollection<MultiPolygon>
	).features[0]!;
	return { towns, outline, regions, stems };
}
