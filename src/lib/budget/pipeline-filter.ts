/**
 * A scenario's own filter, as text: the map's filter parameters plus its drawn area — as the polygon (`poly=`,
 * resolved over the map's columns when the scenario runs: `resolveArea`), or, for an area given without one, its
 * communities' ids (`area=`) — so a saved or shared scenario runs on the filter it was made with, drawn area
 * included, and not on the page's. A polygon keeps a link short however many communities it holds.
 */
import { filterFromParams, filterToParams, type Filter } from '../filter/filters';

const ID = /^[A-Za-z0-9_-]{1,40}$/;

/** The filter as a scenario's `pipeline.search` (and the map's link to the simulator). */
export function pipelineSearch(f: Filter): string {
	const p = new URLSearchParams();
	filterToParams(f, p); // writes the polygon, if any
	if (f.area !== null && !f.polygon) p.set('area', f.area.join(','));
	return p.toString();
}

/**
 * A scenario's `pipeline.search` back to a filter: unknown values dropped, an empty area kept as empty; a polygon
 * comes back with its communities unresolved (`area` null) until `resolveArea` runs over the map's columns.
 */
export function pipelineFilter(search: string): Filter {
	const p = new URLSearchParams(search);
	const f = filterFromParams(p);
	const area = p.get('area');
	return {
		...f,
		area: area === null ? null : area.split(',').filter((id) => ID.test(id))
	};
}
