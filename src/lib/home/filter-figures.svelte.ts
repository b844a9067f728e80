/**
 * What `/` shows for the current filter, from the map's columns without DuckDB (filter/figures.ts): the KPIs,
 * computed in the filter's own task so they are painted in the click's frame; the rest — the legend's counts, the
 * town table, the next plan's candidates and those awaiting the town's review (`lists`) and the map's filter value
 * per point (`writeVisible`, into one reused array) — when asked, after that frame (map-follow.svelte.ts), always
 * of the latest filter. One FilterFigures per set of columns (a new one after an import), given each new filter:
 * only the dimensions that changed are re-filtered.
 */
import type { MapColumns } from '$lib/verdict/derived';
import type { Filter } from '$lib/filter/filters';
import { FilterFigures, type AwaitingAnswer, type CandidateAnswer } from '$lib/filter/figures';
import type { ManifestTown } from '$lib/files/manifest';
import type { Kpis } from '$lib/filter/queries';
import type { Colouring } from '$lib/verdict/classes';
import type { TownRowKpis } from '$lib/map/choropleth';
import { classIndexByCode, codesFor, COLOUR_SCALES } from '$lib/verdict/classes';

interface Inputs {
	columns: () => MapColumns | null;
	towns: () => readonly ManifestTown[] | null;
	filter: () => Filter;
	colouring: () => Colouring;
}

/** The figures painted in the filter's own frame. */
export interface KpiSet {
	/** The filter these figures are of. */
	filter: Filter;
	kpis: Kpis;
}

export interface FigureSet extends KpiSet {
	towns: TownRowKpis[];
	candidates: CandidateAnswer[];
	/** Funds in, town review begun, not passed: not candidates (§三(四)). */
	awaiting: AwaitingAnswer[];
}

export class HomeFigures {
	#figures: FilterFigures | null = null;
	#in: Inputs;

	constructor(inputs: Inputs) {
		this.#in = inputs;
	}

	/** The KPIs of the current filter, or null until the columns and the manifest are here. */
	readonly current = $derived.by((): KpiSet | null => {
		const cols = this.#in.columns();
		const towns = this.#in.towns();
		const filter = this.#in.filter();
		if (!cols || !towns) return null;
		if (this.#figures?.cols !== cols) {
			this.#figures = new FilterFigures(
				cols,
				towns.map((t) => t.code)
			);
		}
		const figures = this.#figures;
		const start = performance.now();
		figures.set(filter);
		const answers = { filter, kpis: figures.kpis() };
		// the time the figures took, for the benchmark (filter → KPIs without the page around it)
		performance.measure('home:answers', { start, end: performance.now() });
		return answers;
	});

	/**
	 * The latest filter's figures with its town table, candidates and those awaiting review (null before the
	 * first KPIs). Computed when called, over the same state as `current`: call it outside the filter's task.
	 */
	lists(): FigureSet | null {
		const current = this.current;
		const towns = this.#in.towns();
		const figures = this.#figures;
		if (!current || !towns || !figures) return null;
		// a lookup built and read here, not state
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const names = new Map(towns.map((t) => [t.code, t.name]));
		return {
			...current,
			towns: figures.towns().map((r) => ({ ...r, town_name: names.get(r.town_code) ?? r.town_code })),
			candidates: figures.candidates(),
			awaiting: figures.awaiting()
		};
	}

	/** Communities per class of the colouring's scale, under the filter (the legend). */
	readonly legend = $derived.by((): number[] => {
		const colouring = this.#in.colouring();
		const cols = this.#in.columns();
		if (!this.current || !this.#figures || !cols) return [];
		const byCode = this.#figures.counts(codesFor(cols, colouring));
		const classOf = classIndexByCode(colouring);
		const counts = new Array<number>(COLOUR_SCALES[colouring].classes.length).fill(0);
		byCode.forEach((n, code) => {
			const k = classOf[code];
			if (n && k !== undefined) counts[k]! += n;
		});
		return counts;
	});

	/** Communities in the columns (0 before they are here). */
	get size(): number {
		return this.#in.columns()?.id.length ?? 0;
	}

	/**
	 * Writes the map's filter value per point of the latest filter (1 shown, 0 hidden) into `out`, which has one
	 * element per community; false (and `out` untouched) before the first figures or with other columns.
	 */
	writeVisible(out: Float32Array): boolean {
		if (!this.current || !this.#figures || this.#figures.fails.length !== out.length) return false;
		this.#figures.visible(out);
		return true;
	}
}
