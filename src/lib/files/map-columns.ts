/** Reads map.arrow (the build's first-paint file) into typed columns, with apache-arrow only — no wasm. */
import { DataType, tableFromIPC } from 'apache-arrow';
import { utf8Column } from '../util/arrow-text';
import type { MapColumns } from '../verdict/derived';

/**
 * Each column as written by the build (src/node/map-arrow.ts): text as string[] (decoded a chunk at a time,
 * `utf8Column`), numbers as typed arrays.
 */
export function readMapColumns(bytes: Uint8Array): MapColumns {
	const t = tableFromIPC(bytes);
	return Object.fromEntries(
		t.schema.fields.map((f) => {
			const vector = t.getChild(f.name)!;
			return [f.name, DataType.isUtf8(f.type) ? utf8Column(vector) : (vector.toArray() as unknown)];
		})
	) as unknown as MapColumns;
}
