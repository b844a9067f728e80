// map.arrow (written by the build and the workbench): the map's first-paint columns as an Arrow IPC file (read in the browser with apache-arrow, no wasm).
import { makeVector, Table, tableToIPC, Utf8, type Vector } from 'apache-arrow';
import { vectorOf } from '../util/arrow-vector';
import type { MapColumns } from '../verdict/derived';

/** Every column of MapColumns under its own name: text as Utf8, typed arrays as their own Arrow type. */
export function mapArrow(cols: MapColumns): Uint8Array {
	const vectors = Object.fromEntries(
		Object.entries(cols).map(([name, values]): [string, Vector] => [
			name,
			Array.isArray(values) ? vectorOf(values, new Utf8()) : makeVector(values as Uint8Array)
		])
	);
	return tableToIPC(new Table(vectors), 'file');
}
