/**
 * What `/` hands on after the frame that paints a filter's figures (KPIs, legend, town table, candidates): the
 * map's filter value per point, the town shading and selection on the map, and the printed report's figures.
 * They never delay the figures. The map's values live in one reused array (no 300k-element array per filter);
 * each hand-over is a new view of it, so deck.gl re-reads the attribute. Only the latest filter is handed on: a
 * filter that comes while a hand-over waits supersedes the older one, whose values are never drawn.
 */
import { untrack } from 'svelte';
import type { Answers, HomeAnswers } from './filter-figures.svelte';

export interface Later {
	/** The map's filter value per point (1 shown, 0 hidden); empty until the first figures. */
	visible: Float32Array;
	answers: Answers | null;
	legend: number[];
}

/** Runs `f` in a task after the next frame has painted. */
export function afterPaint(f: () => void): void {
	requestAnimationFrame(() => setTimeout(f, 0));
}

export class HomeLater {
	current = $state.raw<Later>({ visible: new Float32Array(), answers: null, legend: [] });
	#answers: HomeAnswers;
	#buffer = new Float32Array();
	/** True from a filter until its hand-over: the map is not yet showing it (the map says not idle). */
	pending = $state(false);

	constructor(answers: HomeAnswers) {
		this.#answers = answers;
	}

	/**
	 * Hands the latest figures on after the next paint (at once for the first ones: nothing to wait behind).
	 * Called from an effect that tracks the figures; reads nothing of its own into that effect.
	 */
	schedule(): void {
		if (untrack(() => this.current.answers) === null) return untrack(() => this.#apply());
		if (untrack(() => this.pending)) return;
		this.pending = true;
		afterPaint(() => {
			this.pending = false;
			this.#apply();
		});
	}

	#apply(): void {
		const answers = this.#answers.current;
		if (!answers) return;
		const n = this.#answers.size;
		if (this.#buffer.length !== n) this.#buffer = new Float32Array(n);
		if (!this.#answers.writeVisible(this.#buffer)) return;
		this.current = {
			visible: new Float32Array(this.#buffer.buffer),
			answers,
			legend: this.#answers.legend
		};
	}
}
