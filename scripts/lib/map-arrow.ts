// map.arrow: the map's first-paint columns as an Arrow IPC file (read in the browser with apache-arrow, no wasm).
import {
	Float32,
	Float64,
	makeVector,
	Table,
	tableToIPC,
	Uint16,
	Uint32,
	Uint8,
	Utf8,
	vectorFromArray
} from 'apache-arrow';
import type { MapColumns } from '../../src/lib/data/derived';

export function mapArrow(cols: MapColumns): Uint8Array {
	const table = new Table({
		id: vectorFromArray(cols.id, new Utf8()),
		name: vectorFromArray(cols.name, new Utf8()),
		lon: makeVector(cols.lon),
		lat: makeVector(cols.lat),
		area: makeVector(cols.area),
		households: makeVector(cols.households),
		town: makeVector(cols.town),
		year: makeVector(cols.year),
		housing: makeVector(cols.housing),
		management: makeVector(cols.management),
		eligibility: makeVector(cols.eligibility),
		applicationVote: makeVector(cols.applicationVote),
		schemeVote: makeVector(cols.schemeVote),
		stage: makeVector(cols.stage),
		fundingBand: makeVector(cols.fundingBand),
		tiers: makeVector(cols.tiers)
	});
	void [Float32, Float64, Uint16, Uint32, Uint8];
	return tableToIPC(table, 'file');
}
