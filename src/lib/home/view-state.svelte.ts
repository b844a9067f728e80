/** The leadership map's view — colouring, filter, map position — and its URL form, so a view can be shared. */
import { EMPTY_FILTER, filterFromParams, filterToParams, type Filter } from '$lib/filter/filters';
import { isColouring, type Colouring } from '$lib/verdict/classes';
import { TOWN_METRICS, type TownMetric } from '$lib/map/choropleth';
import type { MapView } from '$lib/map/style';
import { locale } from '$lib/i18n/lang.svelte';

/** 乐清 as a whole. */
export const HOME_VIEW: MapView = { lon: 121.0, lat: 28.22, zoom: 9.3 };

export class ViewState {
	colouring = $state<Colouring>('eligibility');
	/** The one filter: the controls' choices and the drawn area (polygon and its communities) together. */
	filter = $state<Filter>({ ...EMPTY_FILTER });
	view = $state<MapView>({ ...HOME_VIEW });
	townMetric = $state<TownMetric>('none');

	static fromUrl(url: URL): ViewState {
		const s = new ViewState();
		const p = url.searchParams;
		const c = p.get('c');
		if (c && isColouring(c)) s.colouring = c;
		s.filter = filterFromParams(p);
		const tm = p.get('tm');
		if (tm && (TOWN_METRICS as readonly string[]).includes(tm)) s.townMetric = tm as TownMetric;
		const v = (p.get('v') ?? '').split(',').map(Number);
		if (v.length === 3 && v.every(Number.isFinite) && v[2]! >= 3 && v[2]! <= 20) {
			s.view = { lon: v[0]!, lat: v[1]!, zoom: v[2]! };
		}
		return s;
	}

	toSearch(): string {
		// a scratch object for building the query string, not state
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const p = new URLSearchParams();
		if (this.colouring !== 'eligibility') p.set('c', this.colouring);
		filterToParams(this.filter, p);
		if (this.townMetric !== 'none') p.set('tm', this.townMetric);
		const v = this.view;
		if (v.lon !== HOME_VIEW.lon || v.lat !== HOME_VIEW.lat || v.zoom !== HOME_VIEW.zoom)
			p.set('v', `${v.lon},${v.lat},${v.zoom}`);
		if (locale.lang === 'en') p.set('lang', 'en');
		const s = p.toString();
		return s ? `?${s}` : '';
	}

	toggleTown(code: string): void {
		const towns = this.filter.towns.includes(code)
			? this.filter.towns.filter((t) => t !== code)
			: [...this.filter.towns, code];
		this.filter = { ...this.filter, towns };
	}
}
