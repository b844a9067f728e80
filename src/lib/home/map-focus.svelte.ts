/**
 * Where `/`'s map flies: to the towns filtered (an opening URL that holds a view keeps it), to a town drilled
 * into, and — on a phone, opening on the home view — to the county's outline (the home view is set for a
 * desktop's map panel and cuts the county at 390 px).
 */
import bbox from '@turf/bbox';
import { untrack } from 'svelte';
import type { BaseData } from '$lib/map/style';
import { HOME_VIEW, type ViewState } from './view-state.svelte';

type Bounds = [number, number, number, number];

export class MapFocus {
	/** Bounds to fly to; a new array each time. */
	focus = $state.raw<Bounds | null>(null);
	#fittedTowns: string;
	#fittedHome = false;
	#vs: ViewState;
	#base: () => BaseData | null;

	constructor(vs: ViewState, base: () => BaseData | null) {
		this.#vs = vs;
		this.#base = base;
		const atHome = () =>
			vs.view.lon === HOME_VIEW.lon && vs.view.lat === HOME_VIEW.lat && vs.view.zoom === HOME_VIEW.zoom;
		this.#fittedTowns = untrack(() => (atHome() ? '' : vs.filter.towns.join(',')));
		$effect(() => {
			const codes = vs.filter.towns;
			const key = codes.join(',');
			if (!this.#base() || key === this.#fittedTowns) return;
			this.#fittedTowns = key;
			const bounds = untrack(() => this.townsBounds(codes));
			if (bounds) this.focus = bounds;
		});
		$effect(() => {
			const data = this.#base();
			if (!data || this.#fittedHome) return;
			this.#fittedHome = true;
			const home = untrack(() => vs.filter.towns.length === 0 && atHome());
			if (home && window.innerWidth < 700) this.focus = bbox(data.boundary) as Bounds;
		});
	}

	/** The bounds of the towns' regions, or null if none is found. */
	townsBounds(codes: readonly string[]): Bounds | null {
		const features = (this.#base()?.towns.features ?? []).filter((f) =>
			codes.includes(String(f.properties?.code))
		);
		return features.length ? (bbox({ type: 'FeatureCollection', features }) as Bounds) : null;
	}

	/** Drill down into a town: filter to it and fit the map to its region. */
	drill(code: string): void {
		this.#vs.filter = { ...this.#vs.filter, towns: [code] };
		this.#fittedTowns = code;
		this.focus = this.townsBounds([code]);
	}

	/** Back to every town and the home view. */
	showAll(): void {
		this.#vs.filter = { ...this.#vs.filter, towns: [] };
		this.#vs.view = { ...HOME_VIEW };
	}
}
