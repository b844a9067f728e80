/**
 * The filter's dimensions over the map's columns: each dimension of a `Filter` (towns, years, housing type,
 * eligibility, stage, property management, works tier, drawn area, 超过 N 天未更新) tested alone, row by row — the same
 * conditions as `whereSql`, so an incremental filter can redo only the dimension that changed.
 */
import { FILTER_VALUES, tierMask } from '../verdict/classes';
import { NO_YEAR, type MapColumns } from '../verdict/derived';
import type { Filter } from './filters';

export const DIMENSIONS = [
	'towns',
	'years',
	'housing',
	'eligibility',
	'stage',
	'management',
	'tiers',
	'area',
	'stale'
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The codes of each list filter in map.arrow's order (classes.ts; stage: 0 none, k = stage index + 1). */
const codes = (k: keyof typeof FILTER_VALUES) => FILTER_VALUES[k].map((v) => v.code);
const HOUSING_CODES = codes('housing');
const ELIGIBILITY_CODES = codes('eligibility');
const STAGE_CODES = codes('stage');
const MANAGEMENT_CODES = codes('management');

/** What a dimension of `f` selects, as text: two filters with one key select the same rows on it ('' = all). */
export function dimensionKey(f: Filter, d: Dimension): string {
	switch (d) {
		case 'years':
			return f.yearFrom === null && f.yearTo === null ? '' : `${f.yearFrom ?? ''}-${f.yearTo ?? ''}`;
		case 'area':
			return f.area === null ? '' : `#${f.area.join(',')}`;
		case 'stale':
			return f.stale === null ? '' : `#${f.stale.join(',')}`;
		default:
			return f[d].join(',');
	}
}

/** Indexes (in `order`) of the values chosen, as a lookup by code (codes are < 256). */
function codeSet(values: readonly string[], order: readonly string[]): Uint8Array {
	const set = new Uint8Array(256);
	for (const v of values) {
		const k = order.indexOf(v);
		if (k >= 0) set[k] = 1;
	}
	return set;
}

function byCode(codes: Uint8Array, set: Uint8Array, out: Uint8Array): void {
	for (let i = 0; i < codes.length; i++) out[i] = set[codes[i]!]!;
}

/**
 * Writes into `out` 1 for each row that passes dimension `d` of `f`, else 0. Returns false (and leaves `out`
 * alone) when the dimension is not set: every row passes.
 */
export function dimensionMask(
	cols: MapColumns,
	townCodes: readonly string[],
	f: Filter,
	d: Dimension,
	out: Uint8Array
): boolean {
	if (dimensionKey(f, d) === '') return false;
	const n = cols.id.length;
	switch (d) {
		case 'towns':
			byCode(cols.town, codeSet(f.towns, townCodes), out);
			break;
		case 'housing':
			byCode(cols.housing, codeSet(f.housing, HOUSING_CODES), out);
			break;
		case 'eligibility':
			byCode(cols.eligibility, codeSet(f.eligibility, ELIGIBILITY_CODES), out);
			break;
		case 'stage':
			byCode(cols.stage, codeSet(f.stage, STAGE_CODES), out);
			break;
		case 'management':
			byCode(cols.management, codeSet(f.management, MANAGEMENT_CODES), out);
			break;
		case 'tiers': {
			const bits = tierMask(f.tiers);
			for (let i = 0; i < n; i++) out[i] = (cols.tiers[i]! & bits) !== 0 ? 1 : 0;
			break;
		}
		case 'years': {
			const from = f.yearFrom ?? -Infinity;
			const to = f.yearTo ?? Infinity;
			// a year not known (NO_YEAR) is kept only when no bound is set, as SQL keeps a NULL year only then
			const open = f.yearFrom === null && f.yearTo === null;
			for (let i = 0; i < n; i++) {
				const y = cols.year[i]!;
				out[i] = open || (y !== NO_YEAR && y >= from && y <= to) ? 1 : 0;
			}
			break;
		}
		case 'area': {
			const ids = new Set(f.area);
			for (let i = 0; i < n; i++) out[i] = ids.has(cols.id[i]!) ? 1 : 0;
			break;
		}
		case 'stale': {
			const ids = new Set(f.stale);
			for (let i = 0; i < n; i++) out[i] = ids.has(cols.id[i]!) ? 1 : 0;
			break;
		}
	}
	return true;
}
