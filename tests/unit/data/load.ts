// The build's read → import path, for tests: the same functions `npm run data` runs.
import type { ImportOptions } from '../../../src/lib/ingest/import';
import { makeLocate } from '../../../src/lib/geo/locate';
import { loadGeography } from '../../../src/node/geography';
import { readInputs } from '../../../src/node/read-input';

export const geo = loadGeography();
export const locate = makeLocate(geo.outline);

export async function load(paths: string[], options: Partial<ImportOptions> = {}) {
	const input = await readInputs(paths, {
		defaultTowns: geo.towns,
		locate,
		outline: geo.outline,
		...options
	});
	const all = input.problems;
	return {
		dataset: input.dataset,
		input,
		errors: all.filter((p) => p.level === 'error'),
		notices: all.filter((p) => p.level === 'notice')
	};
}

let example: ReturnType<typeof load> | null = null;

/**
 * `data/example` read once per test worker (the unit tier shares modules between files), the same as
 * `load(['data/example'])`. Deep-frozen: a test that changed it would change every later file's example, so a write
 * throws instead (copy it, `{ ...dataset, communities: … }`, to vary it).
 */
export function loadExample(): ReturnType<typeof load> {
	example ??= load(['data/example']).then((r) => deepFreeze(r));
	return example;
}

function deepFreeze<T>(value: T): T {
	if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
	if (ArrayBuffer.isView(value)) return value; // a typed array's elements cannot be frozen
	Object.freeze(value);
	for (const v of Object.values(value)) deepFreeze(v);
	return value;
}
