/**
 * The filter's dimensions over the map's columns: each dimension of a `Filter` (towns, years, housing type,
 * eligibility, stage, property management, works tier, drawn area) tested alone, row by row — the same
 * conditions as `whereSql`, so an incremental filter can redo only the dimension that changed.
 */
import { WORKFLOW_STAGES } from '../policy';
import type { MapColumns } from './derived';
import type { Filter } from './filters';
import { HOUSING_TYPES, PROPERTY_MANAGEMENT } from './schema';
import { ELIGIBILITY_CLASSES } from './status';

export const DIMENSIONS = [
	'towns',
	'years',
	'housing',
	'eligibility',
	'stage',
	'management',
	'tiers',
	'area'
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Stage filter values in the order of the map's stage codes: 0 none, k = stage index + 1. */
export const STAGE_VALUES = ['none', ...WORKFLOW_STAGES.map((s) => s.id)];
/** The bit of each works tier in `status.tiers`. */
export const TIER_BIT: Record<string, number> = { basic: 1, improvement: 2, upgrade: 4 };

const HOUSING_CODES = HOUSING_TYPES.map((v) => v.code);
const MANAGEMENT_CODES = PROPERTY_MANAGEMENT.map((v) => v.code);

/** What a dimension of `f` selects, as text: two filters with one key select the same rows on it ('' = all). */
export function dimensionKey(f: Filter, d: Dimension): string {
	switch (d) {
		case 'years':
			return f.yearFrom === null && f.yearTo === null ? '' : `${f.yearFrom ?? ''}-${f.yearTo ?? ''}`;
		case 'area':
			return f.area === null ? '' : `#${f.area.join(',')}`;
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
			byCode(cols.eligibility, codeSet(f.eligibility, ELIGIBILITY_CLASSES), out);
			break;
		case 'stage':
			// map codes: 0 none, k = stage index + 1 — the order of STAGE_VALUES
			byCode(cols.stage, codeSet(f.stage, STAGE_VALUES), out);
			break;
		case 'management':
			byCode(cols.management, codeSet(f.management, MANAGEMENT_CODES), out);
			break;
		case 'tiers': {
			const bits = f.tiers.reduce((m, t) => m | (TIER_BIT[t] ?? 0), 0);
			for (let i = 0; i < n; i++) out[i] = (cols.tiers[i]! & bits) !== 0 ? 1 : 0;
			break;
		}
		case 'years': {
			const from = f.yearFrom ?? -Infinity;
			const to = f.yearTo ?? Infinity;
			for (let i = 0; i < n; i++) out[i] = cols.year[i]! >= from && cols.year[i]! <= to ? 1 : 0;
			break;
		}
		case 'area': {
			const ids = new Set(f.area);
			for (let i = 0; i < n; i++) out[i] = ids.has(cols.id[i]!) ? 1 : 0;
			break;
		}
	}
	return true;
}
