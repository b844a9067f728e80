/**
 * What `/` hands on after the frame that paints a filter's figures (KPIs, legend, town table, candidates): the
 * map's filter value per point, the town shading and selection on the map, and the printed report's figures.
 * They never delay the figures. The map's values live in one reused array (no 300k-element array per filter);
 * each hand-over is a new view of it, so deck.gl re-reads the attribute. Only the latest filter is handed on: a
 * filter that comes while a hand-over waits supersedes the older one, whose values are never drawn.
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

export class MapHandover {
	current = $state.raw<Handover>({ visible: new Float32Array(), figures: null, legend: [] });
	#figures: HomeFigures;
	#buffer = new Float32Array();
	/** True from a filter until its hand-over: the map is not yet showing it (the map says not idle). */
	pending = $state(false);

	constructor(figures: HomeFigures) {
		this.#figures = figures;
	}

	/**
	 * Hands the latest figures on after the next paint (at once for the first ones: nothing to wait behind).
	 * Called from an effect that tracks the figures; reads nothing of its own into that effect.
	 */
	schedule(): void {
		if (untrack(() => this.current.figures) === null) return untrack(() => this.#apply());
		if (untrack(() => this.pending)) return;
		this.pending = true;
		afterPaint(() => {
			this.pending = false;
			this.#apply();
		});
	}

	#apply(): void {
		const figures = this.#figures.current;
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
