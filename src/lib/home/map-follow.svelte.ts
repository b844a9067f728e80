/**
 * What `/` hands on after the frame that paints a filter's KPIs, in two steps so neither delays what comes
 * before it: first (after the KPIs' frame) the map's — its filter value per point, its legend's counts, the town
 * shading and selection; then (after the frame that draws the map's) the lists' — the town table, the candidates,
 * those awaiting review and the printed report. The map's values live in one reused array (no 300k-element array
 * per filter); each hand-over is a new view of it, so deck.gl re-reads the attribute. Only the latest filter is
 * handed on: a filter that comes while a hand-over waits supersedes the older one, whose values are never shown.
 */
import { untrack } from 'svelte';
import type { FigureSet, HomeFigures } from './filter-figures.svelte';

export interface Handover {
	/** The map's filter value per point (1 shown, 0 hidden); empty until the first figures. */
	visible: Float32Array;
	figures: FigureSet | null;
	legend: number[];
}

/** Runs `f` in a task after the next frame has painted. */
export function afterPaint(f: () => void): void {
	requestAnimationFrame(() => setTimeout(f, 0));
}

const EMPTY: Handover = { visible: new Float32Array(), figures: null, legend: [] };

export class MapHandover {
	/** What the map shows. */
	current = $state.raw<Handover>(EMPTY);
	/** What the lists and the printed report show: `current` once the map has drawn it. */
	lists = $state.raw<Handover>(EMPTY);
	#figures: HomeFigures;
	#buffer = new Float32Array();
	#mapWaits = false;
	#listsWait = false;
	/** True from a filter until both its hand-overs: the page is not yet showing it (the map says not idle). */
	pending = $state(false);

	constructor(figures: HomeFigures) {
		this.#figures = figures;
	}

	/**
	 * Hands the latest figures on to the map after the next paint, then to the lists after the paint after that
	 * (both at once for the first ones: nothing to wait behind). Called from an effect that tracks the figures;
	 * reads nothing of its own into that effect.
	 */
	schedule(): void {
		if (untrack(() => this.current.figures) === null)
			return untrack(() => {
				this.#apply();
				this.lists = this.current;
			});
		this.pending = true;
		if (this.#mapWaits) return;
		this.#mapWaits = true;
		afterPaint(() => {
			this.#mapWaits = false;
			this.#apply();
			if (this.#listsWait) return;
			this.#listsWait = true;
			afterPaint(() => {
				this.#listsWait = false;
				this.lists = this.current;
				this.pending = this.#mapWaits;
			});
		});
	}

	#apply(): void {
		const figures = this.#figures.lists();
		if (!figures) return;
		const n = this.#figures.size;
		if (this.#buffer.length !== n) this.#buffer = new Float32Array(n);
		if (!this.#figures.writeVisible(this.#buffer)) return;
		this.current = {
			visible: new Float32Array(this.#buffer.buffer),
			figures,
			legend: this.#figures.legend
		};
	}
}
