// The build's read → validate path, for tests: the same functions `npm run data` runs.
import { validateDataset } from '../../../src/lib/data/validate';
import { makeLocate } from '../../../src/lib/geo/locate';
import { loadGeography } from '../../../scripts/lib/geography';
import { readInputs, type ReadOptions } from '../../../scripts/lib/read-input';

export const geo = loadGeography();
export const locate = makeLocate(geo.outline);

export async function load(paths: string[], options: ReadOptions = {}) {
	const input = await readInputs(paths, options);
	const { dataset, problems } = validateDataset(input.tables, { defaultTowns: geo.towns, locate });
	const all = [...input.problems, ...problems];
	return {
		dataset,
		input,
		errors: all.filter((p) => p.level === 'error'),
		notices: all.filter((p) => p.level === 'notice')
	};
}
