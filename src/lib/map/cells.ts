/**
 * The map's aggregate where points would pile on one another: the communities passing the filter counted per
 * square cell of a Web Mercator grid (square on screen), in total and per class of the current colouring, in one
 * pass over the map's columns (typed arrays, no per-community objects). Pure: no deck.gl, no MapLibre.
 *
 * Units: "world" coordinates are Web Mercator on the unit square (x 0 → 1 west → east from 180° W, y 0 → 1 north
 * → south), as MapLibre's; MapLibre draws the world `WORLD_PX` pixels wide at zoom 0, doubling with each zoom.
 */

/** MapLibre's world width in pixels at zoom 0 (512-pixel tiles). */
export const WORLD_PX = 512;
/** A cell's side on screen, in CSS pixels, at its grid's zoom (up to √2 × this before the next grid). */
export const CELL_PX = 64;
/** The side, in pixels, of the screen squares the crowding test counts communities in. */
export const CROWD_PX = 24;
/** Communities in one crowding square (24 × 24 px) above which their dots overlap (≈ 6 px apart). */
export const CROWD_N = 16;
/** Past this share of the communities in view sitting in crowded squares, the map draws cells. */
export const CROWDED_SHARE = 0.7;
/** Past this many communities in view, cells whatever their spread (points would cost seconds to draw). */
export const MAX_POINTS_IN_VIEW = 20_000;

/** Web Mercator world x (0–1) of a longitude (degrees). */
export function worldX(lon: number): number {
	return (lon + 180) / 360;
}

/** Web Mercator world y (0–1, north to south) of a latitude (degrees). */
export function worldY(lat: number): number {
	const s = Math.sin((lat * Math.PI) / 180);
	return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

/** Longitude (degrees) of a world x. */
export function lonOf(x: number): number {
	return x * 360 - 180;
}

/** Latitude (degrees) of a world y. */
export function latOf(y: number): number {
	return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/** The communities' positions in world coordinates, computed once per set of columns. */
export interface WorldPoints {
	x: Float64Array;
	y: Float64Array;
}

/** World coordinates of lon/lat columns (degrees). */
export function worldPoints(lon: Float64Array, lat: Float64Array): WorldPoints {
	const n = lon.length;
	const x = new Float64Array(n);
	const y = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		x[i] = worldX(lon[i]!);
		y[i] = worldY(lat[i]!);
	}
	return { x, y };
}

/** The grid's zoom for a map zoom: in half levels, so a cell stays between 64 and 90 px on screen. */
export function gridZoom(zoom: number): number {
	return Math.floor(zoom * 2) / 2;
}

/** A cell's side in world units on the grid of a grid zoom. */
export function cellSide(gridZoomLevel: number): number {
	return CELL_PX / (WORLD_PX * 2 ** gridZoomLevel);
}

/** A cell's side in kilometres on the ground at a latitude (Web Mercator's scale: cos φ). */
export function cellKm(side: number, lat: number): number {
	return side * 40_075.016686 * Math.cos((lat * Math.PI) / 180);
}

/** The communities passing the filter, counted per cell. Cells with none passing are not listed. */
export interface Cells {
	/** The cell side, world units. */
	side: number;
	/** Classes per cell in `byClass` (the colouring's legend classes, in the legend's order). */
	classes: number;
	/** How many cells are listed. */
	length: number;
	/** A cell's column and row on the grid: it spans world x [col·side, (col+1)·side), y likewise. */
	col: Int32Array;
	row: Int32Array;
	/** Communities passing the filter in the cell. */
	total: Uint32Array;
	/** Of them, per class: `byClass[cell * classes + k]`. */
	byClass: Uint32Array;
	/** Mean world position of the cell's passing communities. */
	x: Float64Array;
	y: Float64Array;
}

/**
 * Each community's cell on the grid of side `side` (world units), as an index into the grid's box around all
 * communities (row-major, `width` columns, from column `c0` and row `r0`). Computed once per grid (a move that
 * changes the grid zoom), so a filter's pass does integer work only. `keys` is null when the box would exceed
 * 4 million cells (far in, past where cells are drawn); `binCells` then keys cells by a Map.
 */
export interface GridKeys {
	side: number;
	c0: number;
	r0: number;
	width: number;
	height: number;
	keys: Int32Array | null;
}

/** The grid of side `side` over the points: see GridKeys. One pass. */
export function gridKeys(p: WorldPoints, side: number): GridKeys {
	const n = p.x.length;
	let c0 = Infinity;
	let c1 = -Infinity;
	let r0 = Infinity;
	let r1 = -Infinity;
	for (let i = 0; i < n; i++) {
		const c = Math.floor(p.x[i]! / side);
		const r = Math.floor(p.y[i]! / side);
		if (c < c0) c0 = c;
		if (c > c1) c1 = c;
		if (r < r0) r0 = r;
		if (r > r1) r1 = r;
	}
	if (n === 0) return { side, c0: 0, r0: 0, width: 0, height: 0, keys: new Int32Array() };
	const width = c1 - c0 + 1;
	const height = r1 - r0 + 1;
	if (width * height > 4_000_000) return { side, c0, r0, width, height, keys: null };
	const keys = new Int32Array(n);
	for (let i = 0; i < n; i++)
		keys[i] = (Math.floor(p.y[i]! / side) - r0) * width + (Math.floor(p.x[i]! / side) - c0);
	return { side, c0, r0, width, height, keys };
}

/**
 * Counts the communities whose filter value is 1 (`visible`, one per community: 1 passes, 0 not), per cell of side
 * `side` (world units), in total and per class: `classOf[codes[i]]` is community i's class index (< `classes`).
 * One pass over the columns (`grid`, from `gridKeys(p, side)`, may be passed in to reuse it across filters).
 * Throws when the arrays' lengths disagree or `grid` is for another side.
 */
export function binCells(
	p: WorldPoints,
	codes: Uint8Array,
	classOf: Uint8Array,
	classes: number,
	visible: Float32Array,
	side: number,
	grid: GridKeys = gridKeys(p, side)
): Cells {
	const n = p.x.length;
	if (codes.length !== n || visible.length !== n)
		throw new Error(`binCells: ${n} positions, ${codes.length} codes, ${visible.length} filter values`);
	if (grid.side !== side) throw new Error(`binCells: a grid of side ${grid.side}, not ${side}`);
	const { keys, c0, r0, width } = grid;
	const slotOf = keys ? new Int32Array(width * grid.height).fill(-1) : null;
	const slotByKey = keys ? null : new Map<number, number>();
	// at most one cell per community, and per cell of the box
	const cap = Math.min(n, keys ? width * grid.height : n);
	const col = new Int32Array(cap);
	const row = new Int32Array(cap);
	const total = new Uint32Array(cap);
	const byClass = new Uint32Array(cap * classes);
	const sx = new Float64Array(cap);
	const sy = new Float64Array(cap);
	let length = 0;
	for (let i = 0; i < n; i++) {
		if (visible[i] !== 1) continue;
		const x = p.x[i]!;
		const y = p.y[i]!;
		let s: number;
		if (slotOf) {
			const key = keys![i]!;
			s = slotOf[key]!;
			if (s < 0) {
				s = slotOf[key] = length++;
				col[s] = c0 + (key % width);
				row[s] = r0 + Math.floor(key / width);
			}
		} else {
			const c = Math.floor(x / side);
			const r = Math.floor(y / side);
			const key = (r - r0) * width + (c - c0);
			s = slotByKey!.get(key) ?? -1;
			if (s < 0) {
				s = length++;
				slotByKey!.set(key, s);
				col[s] = c;
				row[s] = r;
			}
		}
		total[s]!++;
		byClass[s * classes + classOf[codes[i]!]!]!++;
		sx[s]! += x;
		sy[s]! += y;
	}
	for (let s = 0; s < length; s++) {
		sx[s]! /= total[s]!;
		sy[s]! /= total[s]!;
	}
	return {
		side,
		classes,
		length,
		col: col.subarray(0, length),
		row: row.subarray(0, length),
		total: total.subarray(0, length),
		byClass: byClass.subarray(0, length * classes),
		x: sx.subarray(0, length),
		y: sy.subarray(0, length)
	};
}

/** A cell's bounds as [west, south, east, north] in degrees. */
export function cellBounds(cells: Cells, s: number): [number, number, number, number] {
	const { side } = cells;
	const c = cells.col[s]!;
	const r = cells.row[s]!;
	return [lonOf(c * side), latOf((r + 1) * side), lonOf((c + 1) * side), latOf(r * side)];
}

/** The visible part of the map, in world coordinates, and its zoom. */
export interface WorldView {
	west: number;
	east: number;
	north: number;
	south: number;
	zoom: number;
}

/**
 * Whether the communities in view pile on one another, so the map should draw cells: more than
 * `MAX_POINTS_IN_VIEW` in view, or more than `CROWDED_SHARE` of them in 24-px squares holding more than
 * `CROWD_N` (by all communities, not only those passing the filter, so a filter never switches what is drawn).
 * One pass over the columns.
 */
export function crowded(p: WorldPoints, view: WorldView): boolean {
	const sq = CROWD_PX / (WORLD_PX * 2 ** view.zoom);
	const w = Math.max(1, Math.ceil((view.east - view.west) / sq));
	const h = Math.max(1, Math.ceil((view.south - view.north) / sq));
	const counts = new Uint32Array(w * h);
	let inView = 0;
	for (let i = 0; i < p.x.length; i++) {
		const dx = p.x[i]! - view.west;
		const dy = p.y[i]! - view.north;
		const c = Math.floor(dx / sq);
		const r = Math.floor(dy / sq);
		if (c < 0 || r < 0 || c >= w || r >= h) continue;
		inView++;
		counts[r * w + c]!++;
	}
	if (inView > MAX_POINTS_IN_VIEW) return true;
	let inCrowds = 0;
	for (let k = 0; k < counts.length; k++) if (counts[k]! > CROWD_N) inCrowds += counts[k]!;
	return inCrowds > CROWDED_SHARE * inView;
}

/** What a cell under the pointer holds: communities passing the filter, per class of the colouring. */
export interface CellSummary {
	total: number;
	/** Per class of the colouring, in the legend's order. */
	byClass: number[];
	/** The cell's side on the ground, km. */
	km: number;
}

/** What the map draws: every community, or cells counting them (with the cells' side in km). */
export type Drawn = { kind: 'points' } | { kind: 'cells'; km: number };
