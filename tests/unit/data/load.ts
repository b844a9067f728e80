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
