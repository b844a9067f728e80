/** MapLibre, loaded on demand, with what every map here needs. */
import type { GeoJSON } from 'geojson';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';

/** The library with its worker URL set (maplibre-gl 6 computes it at run time) and its CSS loaded. */
export async function loadMapLibre(): Promise<typeof import('maplibre-gl')> {
	const [ml, workerUrl] = await Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
		import('maplibre-gl/dist/maplibre-gl.css')
	]);
	ml.setWorkerUrl(workerUrl.default);
	return ml;
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
