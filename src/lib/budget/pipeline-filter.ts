/**
 * A scenario's own filter, as text: the map's filter parameters plus the drawn area's communities (`area=` ids),
 * so a saved or shared scenario runs on the filter it was made with — drawn area included — and not on the page's.
 */
import { filterFromParams, filterToParams, type Filter } from '../data/filters';

const ID = /^[A-Za-z0-9_-]{1,40}$/;

/** The filter as a scenario's `pipeline.search` (and the map's link to the simulator). */
export function pipelineSearch(f: Filter): string {
	const p = new URLSearchParams();
	filterToParams(f, p);
	if (f.area !== null) p.set('area', f.area.join(','));
	return p.toString();
}

/** A scenario's `pipeline.search` back to a filter: unknown values dropped, an empty area kept as empty. */
export function pipelineFilter(search: string): Filter {
	const p = new URLSearchParams(search);
	const f = filterFromParams(p);
	const area = p.get('area');
	return {
		...f,
		area: area === null ? null : area.split(',').filter((id) => ID.test(id))
	};
}
