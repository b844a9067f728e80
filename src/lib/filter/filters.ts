/**
 * The filter of the leadership map, its SQL, and its URL form. Values come from controls or a shared URL: they
 * are normalised here (unknown values dropped) and quoted, so nothing typed into a URL reaches SQL as code.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { polygon } from '@turf/helpers';
import { FILTER_VALUES, tierMask } from '../verdict/classes';
import type { MapColumns } from '../verdict/derived';
import { staleIds } from '../verdict/freshness';
import { DIMENSIONS, dimensionMask } from './filter-dims';

export interface Filter {
	towns: string[];
	yearFrom: number | null;
	yearTo: number | null;
	housing: string[];
	eligibility: string[];
	stage: string[];
	management: string[];
	tiers: string[];
	/** The drawn area's vertices (lon/lat, 3 or more), or null for no area; travels in the URL as `poly`. */
	polygon: [number, number][] | null;
	/**
	 * The communities inside `polygon` (ids, resolved once over the map's columns — `resolveArea`), or null for no
	 * area; what SQL, the map's mask and the budget's pipeline read.
	 */
	area: string[] | null;
	/**
	 * 超过 N 天未更新: keep only the communities whose last update (verdict/freshness.ts) is more than this many
	 * days before the reference day, or that have none; null for no such filter. Travels in the URL as `stale`.
	 */
	staleDays: number | null;
	/** The communities `staleDays` keeps (ids, resolved over the map's columns by `resolveStale`), or null. */
	stale: string[] | null;
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
	polygon: null,
	area: null,
	staleDays: null,
	stale: null
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
	if (on('stale') && f.stale !== null) parts.push(f.stale.length ? `id IN (${list(f.stale)})` : 'FALSE');
	return parts.length ? parts.join(' AND ') : 'TRUE';
}

const LIST_KEYS = ['towns', 'housing', 'eligibility', 'stage', 'management', 'tiers'] as const;

/** The filter as URL parameters (only what is set; a drawn area travels as its polygon, `poly=lon,lat;…`). */
export function filterToParams(f: Filter, params: URLSearchParams): void {
	for (const k of LIST_KEYS) if (f[k].length) params.set(k, f[k].join(','));
	if (f.yearFrom !== null) params.set('yearFrom', String(f.yearFrom));
	if (f.yearTo !== null) params.set('yearTo', String(f.yearTo));
	if (f.polygon && f.polygon.length >= 3) params.set('poly', f.polygon.map((xy) => xy.join(',')).join(';'));
	if (f.staleDays !== null) params.set('stale', String(f.staleDays));
}

/** A number of days for 超过 N 天未更新: a whole number 0–3650, else null. */
export function staleDaysOf(value: string | null): number | null {
	if (value === null || value.trim() === '') return null;
	const n = Number(value);
	return Number.isInteger(n) && n >= 0 && n <= 3650 ? n : null;
}

/** A drawn area from its URL form, or null when it has fewer than 3 valid vertices. */
function polygonFromParam(value: string | null): [number, number][] | null {
	const poly = (value ?? '')
		.split(';')
		.map((pair) => pair.split(',').map(Number))
		.filter((xy): xy is [number, number] => xy.length === 2 && xy.every(Number.isFinite));
	return poly.length >= 3 ? poly : null;
}

/**
 * A filter from URL parameters, keeping only known values (towns: 9-digit codes). A polygon comes back with its
 * communities unresolved (`area` null) until `resolveArea` runs over the map's columns.
 */
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
	f.polygon = polygonFromParam(params.get('poly'));
	f.staleDays = staleDaysOf(params.get('stale'));
	return f;
}

/**
 * The same filter as `whereSql`, evaluated over the map's first-paint columns: 1 for a point that passes, else 0.
 * The map repaints from this at once, without a round trip to the DuckDB worker; a test checks that it selects
 * exactly the rows `whereSql` selects. (The page keeps the masks per dimension instead: figures.ts.)
 */
export function filterMask(cols: MapColumns, townCodes: readonly string[], f: Filter): Float32Array {
	const n = cols.id.length;
	const out = new Float32Array(n).fill(1);
	const mask = new Uint8Array(n);
	for (const d of DIMENSIONS) {
		if (!dimensionMask(cols, townCodes, f, d, mask)) continue;
		for (let i = 0; i < n; i++) if (mask[i] === 0) out[i] = 0;
	}
	return out;
}

/**
 * `f` with the communities of 超过 N 天未更新 resolved over the map's columns on `refDay` (days since 1970-01-01):
 * the ids `staleIds` gives, or null when `staleDays` is not set.
 */
export function resolveStale(f: Filter, cols: Pick<MapColumns, 'id' | 'lastDay'>, refDay: number): Filter {
	if (f.staleDays === null) return f.stale === null ? f : { ...f, stale: null };
	return { ...f, stale: staleIds(cols, f.staleDays, refDay) };
}

/** `f` with its drawn area's communities resolved over the map's columns (the area's ids from its polygon). */
export function resolveArea(f: Filter, cols: MapColumns): Filter {
	const poly = f.polygon;
	if (!poly || poly.length < 3) return f.area === null ? f : { ...f, area: null };
	const shape = polygon([[...poly, poly[0]!]]);
	const ids: string[] = [];
	for (let i = 0; i < cols.id.length; i++) {
		if (booleanPointInPolygon([cols.lon[i]!, cols.lat[i]!], shape)) ids.push(cols.id[i]!);
	}
	return { ...f, area: ids };
}
