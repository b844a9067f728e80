/** Reads map.arrow (the build's first-paint file) into typed columns, with apache-arrow only — no wasm. */
import { tableFromIPC } from 'apache-arrow';
import type { MapColumns } from '../verdict/derived';

/** Each column as written by the build (src/node/map-arrow.ts): text as string[], numbers as typed arrays. */
export function readMapColumns(bytes: Uint8Array): MapColumns {
	const t = tableFromIPC(bytes);
	return Object.fromEntries(
		t.schema.fields.map((f) => {
			const values = t.getChild(f.name)!.toArray() as unknown;
			return [f.name, ArrayBuffer.isView(values) ? values : Array.from(values as Iterable<string>)];
		})
	) as unknown as MapColumns;
}
