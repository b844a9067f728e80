/**
 * The printed map: the same base (land, county, towns, town names) and community points as the screen map, drawn
 * as SVG and fitted to what is shown. A WebGL canvas prints blank (its drawing buffer is gone by the time the
 * printer reads it), and the screen map's view is wherever the reader left it; vector shapes print sharp at any
 * size and are fitted to the filter. Pure: no DOM, no Svelte.
 */
import { geoMercator, geoPath, geoTransform } from 'd3-geo';
import type { Feature, FeatureCollection } from 'geojson';
import type { BaseData } from './style';

/** Longitude/latitude bounds: west, south, east, north. */
export type Bounds = [number, number, number, number];

export interface PrintPoints {
	lon: ArrayLike<number>;
	lat: ArrayLike<number>;
	/** RGBA per point (as the screen map's layer). */
	colours: Uint8Array;
	/** Radius per point in screen pixels (as the screen map's layer). */
	radii: ArrayLike<number>;
	/** 1 where the point is shown under the filter. */
	visible: ArrayLike<number>;
}

export interface PrintMapShapes {
	width: number;
	height: number;
	land: string;
	/** Beyond the county's surround (land.geojson's `mask` feature), painted as on screen (MASK_COLOUR). */
	mask: string;
	county: string;
	towns: { code: string; d: string; fill: string | null; selected: boolean }[];
	labels: { x: number; y: number; text: string }[];
	/** One path of circles per colour, so a map of 300k points stays a handful of elements. */
	points: { fill: string; d: string }[];
	/** The drawn area (closed), if any. */
	area: string | null;
}

export interface PrintMapOptions {
	width: number;
	height: number;
	/** Fit to these bounds; null: fit to the shown points, or the county when none is shown. */
	focus?: Bounds | null;
	selectedTowns?: readonly string[];
	townFill?: Map<string, string> | null;
	area?: readonly [number, number][] | null;
	/** Point radii are screen pixels; on paper they are scaled by this. */
	pointScale?: number;
}

/** The bounds of the points shown (null when none is), widened to at least `minSpan` degrees. */
export function shownBounds(points: PrintPoints, minSpan = 0.02): Bounds | null {
	let w = Infinity;
	let s = Infinity;
	let e = -Infinity;
	let n = -Infinity;
	for (let i = 0; i < points.lon.length; i++) {
		if (!points.visible[i]) continue;
		const x = points.lon[i]!;
		const y = points.lat[i]!;
		if (x < w) w = x;
		if (x > e) e = x;
		if (y < s) s = y;
		if (y > n) n = y;
	}
	if (w === Infinity) return null;
	const cx = (w + e) / 2;
	const cy = (s + n) / 2;
	const hx = Math.max(e - w, minSpan) / 2;
	const hy = Math.max(n - s, minSpan) / 2;
	return [cx - hx, cy - hy, cx + hx, cy + hy];
}

/** The printed town names' font size, in map units (PrintMap.svelte draws them at this size). */
export const LABEL_SIZE = 13;
/** A label's approximate width: a CJK character is one em, a Latin one about 0.55 em. */
function labelWidth(text: string): number {
	let em = 0;
	for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.55;
	return em * LABEL_SIZE;
}

const rgb = (c: Uint8Array, i: number) => `rgb(${c[4 * i]},${c[4 * i + 1]},${c[4 * i + 2]})`;
const r1 = (v: number) => Math.round(v * 10) / 10;

/** The map's shapes in SVG units (0..width × 0..height), fitted to the focus, the shown points or the county. */
export function printMapShapes(
	base: BaseData,
	labels: FeatureCollection,
	points: PrintPoints,
	opts: PrintMapOptions
): PrintMapShapes {
	const { width, height } = opts;
	const pad = Math.min(width, height) * 0.04;
	const fitTo: Feature = (() => {
		const b = opts.focus ?? shownBounds(points);
		if (!b) return base.boundary.features[0] ?? { type: 'Feature', properties: {}, geometry: null! };
		const [w, s, e, n] = b;
		const corners = [
			[w, s],
			[e, n]
		];
		return { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: corners } };
	})();
	const mercator = geoMercator().fitExtent(
		[
			[pad, pad],
			[width - pad, height - pad]
		],
		fitTo
	);
	// Planar drawing through the Mercator formula: no spherical clipping, so ring winding does not matter.
	const planar = geoTransform({
		point(x, y) {
			const p = mercator([x, y])!;
			this.stream.point(p[0], p[1]);
		}
	});
	const path = geoPath(planar).digits(1);
	const all = (fc: FeatureCollection) => path(fc) ?? '';
	const surface = (fc: FeatureCollection, mask: boolean): FeatureCollection => ({
		type: 'FeatureCollection',
		features: fc.features.filter((f) => (f.properties?.surface === 'mask') === mask)
	});
	const selected = new Set(opts.selectedTowns ?? []);

	const groups = new Map<string, string[]>();
	const scale = opts.pointScale ?? 0.7;
	for (let i = 0; i < points.lon.length; i++) {
		if (!points.visible[i]) continue;
		const [x, y] = mercator([points.lon[i]!, points.lat[i]!])!;
		if (x < -10 || y < -10 || x > width + 10 || y > height + 10) continue;
		const r = r1(Math.max(1, points.radii[i]! * scale));
		const fill = rgb(points.colours, i);
		let list = groups.get(fill);
		if (!list) groups.set(fill, (list = []));
		list.push(`M${r1(x - r)},${r1(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`);
	}

	const area = opts.area && opts.area.length >= 3 ? opts.area : null;
	return {
		width,
		height,
		land: all(surface(base.land, false)),
		mask: all(surface(base.land, true)),
		county: all(base.boundary),
		towns: base.towns.features.map((f) => {
			const code = String(f.properties?.code ?? '');
			return {
				code,
				d: path(f) ?? '',
				fill: opts.townFill?.get(code) ?? null,
				selected: selected.has(code)
			};
		}),
		labels: labels.features.flatMap((f) => {
			if (f.geometry?.type !== 'Point') return [];
			const [x, y] = mercator(f.geometry.coordinates as [number, number])!;
			const text = String(f.properties?.name ?? '');
			// a name cut by the map's edge is worse than none: keep only those that fit whole
			const half = labelWidth(text) / 2;
			if (x - half < 2 || x + half > width - 2 || y < LABEL_SIZE + 2 || y > height - 4) return [];
			return [{ x: r1(x), y: r1(y), text }];
		}),
		points: [...groups].map(([fill, d]) => ({ fill, d: d.join('') })),
		area: area
			? (path({ type: 'Polygon', coordinates: [[...area, area[0]!].map((p) => [...p])] }) ?? null)
			: null
	};
}
