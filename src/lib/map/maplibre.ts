/** MapLibre, loaded on demand, with what every map here needs. */
import type { GeoJSON } from 'geojson';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';

let mapLibre: Promise<typeof import('maplibre-gl')> | null = null;

/**
 * The library with its worker URL set (maplibre-gl 6 computes it at run time) and its CSS loaded. Loaded once;
 * a page may call this early (while its data downloads) so the map does not wait for it.
 */
export function loadMapLibre(): Promise<typeof import('maplibre-gl')> {
	mapLibre ??= Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
		import('maplibre-gl/dist/maplibre-gl.css')
	]).then(([ml, workerUrl]) => {
		ml.setWorkerUrl(workerUrl.default);
		return ml;
	});
	return mapLibre;
}

/** MapLibre and the deck.gl pieces the community map draws with, loaded once. */
export function loadMapLibraries() {
	return Promise.all([
		loadMapLibre(),
		import('@deck.gl/mapbox'),
		import('@deck.gl/layers'),
		import('@deck.gl/extensions')
	]);
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
