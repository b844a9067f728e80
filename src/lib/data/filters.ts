/**
 * The filter of the leadership map, its SQL, and its URL form. Values come from controls or a shared URL: they
 * are normalised here (unknown values dropped) and quoted, so nothing typed into a URL reaches SQL as code.
 */
import { FILTER_VALUES, tierMask } from './classes';
import type { MapColumns } from './derived';

export interface Filter {
	towns: string[];
	yearFrom: number | null;
	yearTo: number | null;
	housing: string[];
	eligibility: string[];
	stage: string[];
	management: string[];
	tiers: string[];
	/** Communities inside a drawn area (ids), or null for no area. */
	area: string[] | null;
}

export const EMPTY_FILTER: Filter = Object.freeze({
	towns: [],
	yearFrom: null,
	yearTo: null,
	housing: [],
	eligibility: [],
	stage: [],
	management: [],
	tiers: [],
	area: null
}) as Filter;

export type FilterKey = keyof Filter;

/** The codes of each list filter (classes.ts), in map.arrow's order; towns are checked by their form. */
const codes = (k: keyof typeof FILTER_VALUES) => FILTER_VALUES[k].map((v) => v.code);
const ALLOWED = {
	housing: codes('housing'),
	eligibility: codes('eligibility'),
	stage: codes('stage'),
	management: codes('management'),
	tiers: codes('tiers')
} satisfies Partial<Record<FilterKey, readonly string[]>>;

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const list = (values: readonly string[]) => values.map(quote).join(', ');

/** SQL condition on `community_view` for a filter (`TRUE` when empty). */
export function whereSql(f: Filter, omit?: FilterKey): string {
	const parts: string[] = [];
	const on = (k: FilterKey) => k !== omit;
	if (on('towns') && f.towns.length) parts.push(`town_code IN (${list(f.towns)})`);
	if (on('yearFrom') && f.yearFrom !== null) parts.push(`completion_year >= ${Math.trunc(f.yearFrom)}`);
	if (on('yearTo') && f.yearTo !== null) parts.push(`completion_year <= ${Math.trunc(f.yearTo)}`);
	if (on('housing') && f.housing.length) parts.push(`housing_type IN (${list(f.housing)})`);
	if (on('eligibility') && f.eligibility.length) parts.push(`eligibility IN (${list(f.eligibility)})`);
	if (on('stage') && f.stage.length) parts.push(`stage IN (${list(f.stage)})`);
	if (on('management') && f.management.length) parts.push(`property_management IN (${list(f.management)})`);
	if (on('tiers') && f.tiers.length) {
		parts.push(`(tiers & ${tierMask(f.tiers)}) <> 0`);
	}
	if (on('area') && f.area !== null) parts.push(f.area.length ? `id IN (${list(f.area)})` : 'FALSE');
	return parts.length ? parts.join(' AND ') : 'TRUE';
}

const LIST_KEYS = ['towns', 'housing', 'eligibility', 'stage', 'management', 'tiers'] as const;

/** The filter as URL parameters (only what is set; a drawn area travels as its polygon, see view-state). */
export function filterToParams(f: Filter, params: URLSearchParams): void {
	for (const k of LIST_KEYS) if (f[k].length) params.set(k, f[k].join(','));
	if (f.yearFrom !== null) params.set('yearFrom', String(f.yearFrom));
	if (f.yearTo !== null) params.set('yearTo', String(f.yearTo));
}

/** A filter from URL parameters, keeping only known values (towns: 9-digit codes). */
export function filterFromParams(params: URLSearchParams): Filter {
	const f: Filter = {
		...EMPTY_FILTER,
		towns: [],
		housing: [],
		eligibility: [],
		stage: [],
		management: [],
		tiers: []
	};
	for (const k of LIST_KEYS) {
		const values = (params.get(k) ?? '').split(',').filter(Boolean);
		const allowed = k === 'towns' ? undefined : ALLOWED[k];
		f[k] = values.filter((v) => (allowed ? allowed.includes(v) : /^\d{9}$/.test(v)));
	}
	const year = (k: string) => {
		const n = Number(params.get(k));
		return params.has(k) && Number.isInteger(n) && n >= 1900 && n <= 2100 ? n : null;
	};
	f.yearFrom = year('yearFrom');
	f.yearTo = year('yearTo');
	return f;
}

/**
 * The same filter as `whereSql`, evaluated over the map's first-paint columns: 1 for a point that passes, else 0.
 * The map repaints from this at once, without a round trip to the DuckDB worker; a test checks that it selects
 * exactly the rows `whereSql` selects.
 */
export function filterMask(cols: MapColumns, townCodes: readonly string[], f: Filter): Float32Array {
	const n = cols.id.length;
	const out = new Float32Array(n);
	const indexSet = (values: readonly string[], order: readonly string[]) =>
		values.length ? new Set(values.map((v) => order.indexOf(v))) : null;
	const towns = indexSet(f.towns, townCodes);
	const housing = indexSet(f.housing, ALLOWED.housing);
	const eligibility = indexSet(f.eligibility, ALLOWED.eligibility);
	const management = indexSet(f.management, ALLOWED.management);
	const stage = indexSet(f.stage, ALLOWED.stage); // map codes: 0 none, k = stage index + 1
	const tiers = tierMask(f.tiers);
	const area = f.area ? new Set(f.area) : null;
	const from = f.yearFrom ?? -Infinity;
	const to = f.yearTo ?? Infinity;
	for (let i = 0; i < n; i++) {
		if (towns && !towns.has(cols.town[i]!)) continue;
		if (cols.year[i]! < from || cols.year[i]! > to) continue;
		if (housing && !housing.has(cols.housing[i]!)) continue;
		if (eligibility && !eligibility.has(cols.eligibility[i]!)) continue;
		if (stage && !stage.has(cols.stage[i]!)) continue;
		if (management && !management.has(cols.management[i]!)) continue;
		if (tiers && (cols.tiers[i]! & tiers) === 0) continue;
		if (area && !area.has(cols.id[i]!)) continue;
		out[i] = 1;
	}
	return out;
}
