/**
 * The offline base map: a MapLibre style built from local GeoJSON — sea, land, the county, its towns and streets
 * with Chinese names. No tiles, sprites or glyph files: Chinese labels are drawn with the local CJK font
 * (`localIdeographFontFamily`), so the style makes no request at all.
 */
import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { townNameIn, type ManifestTown } from '../data/manifest';
import type { Lang } from '../i18n/format';

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
			{ id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#efece4' } },
			{ id: 'county', type: 'fill', source: 'boundary', paint: { 'fill-color': '#fbfaf6' } },
			{
				id: 'towns-fill',
				type: 'fill',
				source: 'towns',
				paint: {
					'fill-color': ['to-color', ['coalesce', ['feature-state', 'fill'], 'rgba(0,0,0,0)']],
					'fill-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 0.55, 0.45]
				}
			},
			{
				id: 'towns-line',
				type: 'line',
				source: 'towns',
				paint: { 'line-color': '#8a96a3', 'line-width': 0.8, 'line-dasharray': [3, 2] }
			},
			{
				id: 'towns-selected',
				type: 'line',
				source: 'towns',
				filter: ['==', ['get', 'code'], ''],
				paint: { 'line-color': '#1f4e79', 'line-width': 2.5 }
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
