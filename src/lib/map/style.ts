/**
 * The offline base map: a MapLibre style built from local GeoJSON — sea, land, the county, its towns and streets
 * with Chinese names. No tiles, sprites or glyph files: Chinese labels are drawn with the local CJK font
 * (`localIdeographFontFamily`), so the style makes no request at all.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { ManifestTown } from '../files/manifest';
import { townNameIn, type Lang } from '../i18n/format';

/** Where the map looks. */
export interface MapView {
	lon: number;
	lat: number;
	zoom: number;
}

export interface BaseData {
	land: FeatureCollection;
	boundary: FeatureCollection;
	towns: FeatureCollection;
}

export const LOCAL_CJK_FONT =
	"'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/** The county's paper colour, under the towns' fill. */
export const COUNTY_COLOUR = '#fbfaf6';
/** The towns' fill opacity (a selected town's: 0.55); legends draw the same over COUNTY_COLOUR. */
export const TOWN_FILL_OPACITY = 0.45;

export function baseStyle(data: BaseData, labels: FeatureCollection): StyleSpecification {
	return {
		version: 8,
		sources: {
			land: { type: 'geojson', data: data.land, attribution: '© OpenStreetMap contributors' },
			boundary: { type: 'geojson', data: data.boundary },
			towns: { type: 'geojson', data: data.towns, promoteId: 'code' },
			labels: { type: 'geojson', data: labels },
			selection: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }
		},
		layers: [
			{ id: 'sea', type: 'background', paint: { 'background-color': '#dce8f2' } },
			{
				id: 'land',
				type: 'fill',
				source: 'land',
				filter: ['!=', ['get', 'surface'], 'mask'],
				paint: { 'fill-color': '#efece4' }
			},
			{ id: 'county', type: 'fill', source: 'boundary', paint: { 'fill-color': COUNTY_COLOUR } },
			{
				id: 'towns-fill',
				type: 'fill',
				source: 'towns',
				paint: {
					'fill-color': ['to-color', ['coalesce', ['feature-state', 'fill'], 'rgba(0,0,0,0)']],
					'fill-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 0.55, TOWN_FILL_OPACITY]
				}
			},
			{
				id: 'towns-line',
				type: 'line',
				source: 'towns',
				paint: { 'line-color': '#8a96a3', 'line-width': 0.8, 'line-dasharray': [3, 2] }
			},
			...surroundLayers(),
			{
				id: 'towns-selected',
				type: 'line',
				source: 'towns',
				// which towns: each town's feature state `selected` (a selection changes no tile: nothing goes back to
				// the worker, as a layer filter's change would send every tile)
				paint: {
					'line-color': '#1f4e79',
					'line-width': 2.5,
					'line-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 1, 0]
				}
			},
			{
				id: 'county-line',
				type: 'line',
				source: 'boundary',
				paint: { 'line-color': '#3e4c59', 'line-width': 1.6 }
			},
			{
				id: 'selection-fill',
				type: 'fill',
				source: 'selection',
				filter: ['==', ['geometry-type'], 'Polygon'],
				paint: { 'fill-color': '#f0b429', 'fill-opacity': 0.15 }
			},
			{
				id: 'selection-line',
				type: 'line',
				source: 'selection',
				paint: { 'line-color': '#cb6e17', 'line-width': 2, 'line-dasharray': [2, 1] }
			},
			{
				id: 'town-labels',
				type: 'symbol',
				source: 'labels',
				layout: { 'text-field': ['get', 'name'], 'text-size': 13, 'text-allow-overlap': false },
				paint: { 'text-color': '#243b53', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 }
			}
		]
	};
}

/** Beyond the county's surround (4 km), a plain mask. */
export const MASK_COLOUR = '#e6eaee';

/**
 * The mask over everything beyond the county's surround (land.geojson's `mask` feature, src/node/coast.ts),
 * with its inner edge faded by a blurred line about 2.5 km wide at every zoom: the land data's box edges lie
 * under it, so nothing in view looks cut by a box.
 */
function surroundLayers(): LayerSpecification[] {
	// 2.5 km in pixels: 156 543 m a pixel at zoom 0 on the equator, × cos 28° at 乐清
	const px = (zoom: number) => 2500 / ((156_543 * Math.cos((28 * Math.PI) / 180)) / 2 ** zoom);
	const width: ExpressionSpecification = ['interpolate', ['exponential', 2], ['zoom'], 6, px(6), 18, px(18)];
	return [
		{
			id: 'surround-mask',
			type: 'fill',
			source: 'land',
			filter: ['==', ['get', 'surface'], 'mask'],
			paint: { 'fill-color': MASK_COLOUR, 'fill-antialias': false }
		},
		{
			id: 'surround-fade',
			type: 'line',
			source: 'land',
			filter: ['==', ['get', 'surface'], 'mask'],
			// round joins: a wide line's mitred corners would reach further in
			layout: { 'line-join': 'round' },
			paint: { 'line-color': MASK_COLOUR, 'line-width': width, 'line-blur': width }
		}
	];
}

/** Town name labels at each town's seat (where the town is, not a schematic cell's centroid). */
export function townLabels(towns: readonly ManifestTown[], lang: Lang = 'zh'): FeatureCollection {
	return {
		type: 'FeatureCollection',
		features: towns.map((t) => ({
			type: 'Feature',
			properties: { code: t.code, name: townNameIn(t, lang) },
			geometry: { type: 'Point', coordinates: [t.seat_lon, t.seat_lat] }
		}))
	};
}
