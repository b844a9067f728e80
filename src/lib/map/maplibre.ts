/** MapLibre, loaded on demand, with what every map here needs. */
import type { FeatureCollection, GeoJSON } from 'geojson';
import type {
	GeoJSONSource,
	LayerSpecification,
	MapOptions,
	Map as MlMap,
	SourceSpecification
} from 'maplibre-gl';
import { baseStyle, LOCAL_CJK_FONT, type BaseData } from './style';

type MapLibre = typeof import('maplibre-gl');

let mapLibre: Promise<MapLibre> | null = null;

/**
 * The library with its worker URL set (maplibre-gl 6 computes it at run time) and its CSS loaded. Loaded once;
 * a page may call this early (while its data downloads) so the map does not wait for it.
 */
export function loadMapLibre(): Promise<MapLibre> {
	mapLibre ??= Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
		import('maplibre-gl/dist/maplibre-gl.css')
	]).then(([ml, workerUrl]) => {
		ml.setWorkerUrl(workerUrl.default);
		// the worker starts now (its script fetched and parsed while the page's data downloads), not when the
		// first map is made
		ml.prewarm();
		return ml;
	});
	return mapLibre;
}

/** The deck.gl pieces the community map draws with (its overlay, layers and filter: deck.ts), loaded once. */
export function loadDeckLibraries(): Promise<typeof import('./deck')> {
	return import('./deck');
}

/** MapLibre and the deck.gl pieces, loaded together (`/` starts this while its data files download). */
export function loadMapLibraries() {
	return Promise.all([loadMapLibre(), loadDeckLibraries()]);
}

/**
 * Keeps a map sized to its container, not only to the window (page panels settle after a map is created).
 * Returns the function that stops it.
 */
export function followContainerSize(container: HTMLElement, map: () => MlMap | null): () => void {
	const observer = new ResizeObserver(() => map()?.resize());
	observer.observe(container);
	return () => observer.disconnect();
}

/** Runs `fn` now if the style is loaded, else once the map is next idle (sources can take data then). */
export function whenStyleReady(map: MlMap, fn: () => void): void {
	if (map.isStyleLoaded()) fn();
	else map.once('idle', fn);
}

/** Replaces a GeoJSON source's data (town labels in another language, a drawn area). */
export function setSourceData(map: MlMap, source: string, data: GeoJSON): void {
	whenStyleReady(map, () => (map.getSource(source) as GeoJSONSource | undefined)?.setData(data));
}

/** A MapLibre map over the offline base (`baseStyle`): what it shows beyond the base, where it looks, who hears it. */
export interface BaseMapSetup<Extra = undefined> {
	base: BaseData;
	/** The town labels in the reader's language (change them later with `setSourceData(map, 'labels', …)`). */
	labels: FeatureCollection;
	/** Sources and layers drawn over the base (a community's dot, every community's point). */
	sources?: Record<string, SourceSpecification>;
	layers?: LayerSpecification[];
	/**
	 * Where it looks and how it moves: MapLibre's options (`center` and `zoom`, or `bounds`; `interactive`, gestures).
	 * The base's own (the local CJK font, a compact attribution) are set here; these may override them.
	 */
	options: Omit<MapOptions, 'container' | 'style'>;
	/** Zoom buttons at the top right, no compass, no rotation by drag or by two fingers. */
	navigation?: boolean;
	/** A metric scale bar at the bottom left. */
	scale?: boolean;
	/**
	 * More libraries the map is drawn with (the community map's deck.gl overlay), loaded in parallel with MapLibre;
	 * what they resolve to is handed to `onready`.
	 */
	alongside?: () => Promise<Extra>;
	/** Whether the map is settled: false when it starts a frame, true when idle (the page's `data-map-idle`). */
	onidle?: (idle: boolean) => void;
	/**
	 * The map, once made (not called when the component was removed first), with MapLibre and what `alongside`
	 * loaded: the component's handlers go here.
	 */
	onready?: (map: MlMap, ml: MapLibre, extra: Extra) => void;
	/**
	 * MapLibre (or `alongside`) could not be loaded, or the map could not be made (no WebGL) or set up: why.
	 * Without it, such an error is left unhandled (the console shows it).
	 */
	onerror?: (message: string) => void;
}

/**
 * The one MapLibre set-up of the app's small maps: loads MapLibre, makes the map in `container` over the offline
 * base and keeps it sized to its container. Returns the function that removes it (the component's unmount).
 */
export function mountBaseMap<Extra = undefined>(
	container: HTMLElement,
	setup: BaseMapSetup<Extra>
): () => void {
	let map: MlMap | null = null;
	let removed = false;
	Promise.all([loadMapLibre(), setup.alongside ? setup.alongside() : (undefined as Extra)])
		.then(([ml, extra]) => {
			if (removed) return;
			const style = baseStyle(setup.base, setup.labels);
			Object.assign(style.sources, setup.sources);
			style.layers.push(...(setup.layers ?? []));
			const m = new ml.Map({
				container,
				style,
				localIdeographFontFamily: LOCAL_CJK_FONT,
				attributionControl: { compact: true },
				// labels appear at once: a fade is 300 ms of frames drawn again, each one slow in a software renderer
				fadeDuration: 0,
				...setup.options
			});
			// kept before the set-up below, so a failing set-up still has its map removed with the component
			map = m;
			if (setup.navigation) {
				m.touchZoomRotate.disableRotation();
				m.addControl(new ml.NavigationControl({ showCompass: false }), 'top-right');
			}
			if (setup.scale) m.addControl(new ml.ScaleControl({ unit: 'metric' }), 'bottom-left');
			const { onidle } = setup;
			if (onidle) {
				m.on('render', () => onidle(false));
				m.on('idle', () => onidle(true));
			}
			setup.onready?.(m, ml, extra);
		})
		.catch((e: unknown) => {
			if (!setup.onerror) throw e;
			setup.onerror(e instanceof Error ? e.message : String(e));
		});
	const stopFollowing = followContainerSize(container, () => map);
	return () => {
		removed = true;
		stopFollowing();
		map?.remove();
	};
}
