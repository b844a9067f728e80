/**
 * What the map draws for each cell (`cells.ts`): a ring whose size grows with the count of communities passing
 * the filter, split into the current colouring's classes by their shares (clockwise from the top, in the
 * legend's order), with the count in its white middle. Shapes are polygons in lon/lat, sized at the grid's zoom
 * so a ring keeps its place inside its cell; no deck.gl here.
 */
import type { Rgb } from './colours';
import { CELL_PX, WORLD_PX, latOf, lonOf, type Cells, type WorldView } from './cells';

/** A ring's outer radius in pixels (at its grid's zoom) for the smallest and the largest count on the grid. */
export const RING_MIN_PX = 13;
export const RING_MAX_PX = 0.45 * CELL_PX;
/** The ring's width in pixels: its inner radius is the outer less this (at least half the outer). */
export const RING_WIDTH_PX = 7;
/** The white edge around a ring, pixels. */
export const HALO_PX = 1.5;
/** Points on a whole circle. */
const SEGMENTS = 24;

/** One polygon to draw: the cell it belongs to, its rings (outer, then a hole if any) in lon/lat, its colour. */
export interface CellShape {
	cell: number;
	polygon: [number, number][][];
	colour: [number, number, number, number];
}

/** A cell's label: its count, at the ring's centre. */
export interface CellLabel {
	cell: number;
	position: [number, number];
	text: string;
}

const WHITE: [number, number, number, number] = [255, 255, 255, 240];

/** The outer radius in pixels of a ring counting `n` of a grid whose largest count is `max`: area ∝ count. */
export function ringPx(n: number, max: number): number {
	return max > 0 ? RING_MIN_PX + (RING_MAX_PX - RING_MIN_PX) * Math.sqrt(n / max) : RING_MIN_PX;
}

/** A count as a ring's label: whole up to 9 999, then 1.2万 (zh) / 12k (en). */
export function countLabel(n: number, lang: 'zh' | 'en'): string {
	if (n < 10_000) return String(n);
	return lang === 'zh' ? `${(n / 10_000).toFixed(n < 100_000 ? 1 : 0)}万` : `${Math.round(n / 1000)}k`;
}

/**
 * The rings of the cells at grid zoom `gridZoom` (those meeting `within`, world coordinates, if given — the map
 * passes its view, so a town's view draws its few hundred rings, not the county's thousands): per
 * cell a white disc (edge and middle), then one ring sector per class present; `rgb[k]` is class k's colour.
 * Labels in `lang`. Ring sizes are relative to the largest count on the whole grid, so a move does not resize them.
 */
export function cellShapes(
	cells: Cells,
	rgb: readonly Rgb[],
	gridZoom: number,
	lang: 'zh' | 'en',
	within?: Pick<WorldView, 'west' | 'east' | 'north' | 'south'>
): { shapes: CellShape[]; labels: CellLabel[] } {
	const worldPerPx = 1 / (WORLD_PX * 2 ** gridZoom);
	let max = 0;
	for (let s = 0; s < cells.length; s++) max = Math.max(max, cells.total[s]!);
	const shapes: CellShape[] = [];
	const labels: CellLabel[] = [];
	const { side, classes } = cells;
	for (let s = 0; s < cells.length; s++) {
		const x0 = cells.col[s]! * side;
		const y0 = cells.row[s]! * side;
		if (
			within &&
			(x0 > within.east || x0 + side < within.west || y0 > within.south || y0 + side < within.north)
		)
			continue;
		const total = cells.total[s]!;
		const outer = ringPx(total, max) * worldPerPx;
		const inner = Math.max(outer - RING_WIDTH_PX * worldPerPx, outer / 2);
		const halo = outer + HALO_PX * worldPerPx;
		// the ring at its communities' mean position, kept inside its cell (rings of two cells never overlap)
		const cx = clamp(cells.x[s]!, x0 + halo, x0 + side - halo);
		const cy = clamp(cells.y[s]!, y0 + halo, y0 + side - halo);
		shapes.push({ cell: s, polygon: [arc(cx, cy, halo, 0, 1)], colour: WHITE });
		let from = 0;
		for (let k = 0; k < classes; k++) {
			const n = cells.byClass[s * classes + k]!;
			if (n === 0) continue;
			const to = from + n / total;
			const [r, g, b] = rgb[k]!;
			const polygon =
				n === total
					? [arc(cx, cy, outer, 0, 1), arc(cx, cy, inner, 1, 0)]
					: [[...arc(cx, cy, outer, from, to), ...arc(cx, cy, inner, to, from)]];
			shapes.push({ cell: s, polygon, colour: [r, g, b, 255] });
			from = to;
		}
		labels.push({ cell: s, position: [lonOf(cx), latOf(cy)], text: countLabel(total, lang) });
	}
	return { shapes, labels };
}

function clamp(v: number, lo: number, hi: number): number {
	return lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v));
}

/** Points along a circle of radius `r` (world units) from turn `a` to turn `b` (0 = top, clockwise), lon/lat. */
function arc(cx: number, cy: number, r: number, a: number, b: number): [number, number][] {
	const steps = Math.max(2, Math.ceil(Math.abs(b - a) * SEGMENTS));
	const out: [number, number][] = [];
	for (let i = 0; i <= steps; i++) {
		const t = (a + ((b - a) * i) / steps) * 2 * Math.PI;
		// world y grows southward: the top of the ring is cy − r
		out.push([lonOf(cx + r * Math.sin(t)), latOf(cy - r * Math.cos(t))]);
	}
	return out;
}
