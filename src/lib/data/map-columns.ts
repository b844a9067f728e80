/** Reads map.arrow (the build's first-paint file) into typed columns, with apache-arrow only — no wasm. */
import { tableFromIPC } from 'apache-arrow';
import type { MapColumns } from './derived';

export function readMapColumns(bytes: Uint8Array): MapColumns {
	const t = tableFromIPC(bytes);
	const typed = <T>(name: string) => t.getChild(name)!.toArray() as T;
	return {
		id: t.getChild('id')!.toArray() as string[],
		name: t.getChild('name')!.toArray() as string[],
		lon: typed<Float64Array>('lon'),
		lat: typed<Float64Array>('lat'),
		area: typed<Float32Array>('area'),
		households: typed<Uint32Array>('households'),
		town: typed<Uint8Array>('town'),
		year: typed<Uint16Array>('year'),
		housing: typed<Uint8Array>('housing'),
		management: typed<Uint8Array>('management'),
		eligibility: typed<Uint8Array>('eligibility'),
		applicationVote: typed<Uint8Array>('applicationVote'),
		schemeVote: typed<Uint8Array>('schemeVote'),
		stage: typed<Uint8Array>('stage'),
		fundingBand: typed<Uint8Array>('fundingBand'),
		tiers: typed<Uint8Array>('tiers')
	};
}
