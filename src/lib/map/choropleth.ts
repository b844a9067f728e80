/**
 * The town choropleth: which figure colours the towns (one of the town table's, figures.ts, by the key figures'
 * definitions — or none), and a sequential colour per town (d3).
 */
import { scaleSequential } from 'd3-scale';
import { interpolateBlues } from 'd3-scale-chromatic';
import { TOWN_FIGURES, type TownFigure } from '../filter/definitions';

/** The choices of the town shading: none, or a town figure (its words are the figure's, figures.ts). */
export const TOWN_METRICS: readonly TownMetric[] = ['none', ...TOWN_FIGURES];
export type TownMetric = 'none' | TownFigure;

/** One town's row of the town table: its figures (TOWN_FIGURES) and name. */
export type TownRowKpis = { town_code: string; town_name: string } & Record<TownFigure, number>;

/** A fill colour per town code for the metric, from light (0) to dark (the largest town), and the domain. */
export function townColours(
	rows: readonly TownRowKpis[],
	metric: TownMetric
): { fill: Map<string, string>; max: number } | null {
	if (metric === 'none') return null;
	const max = Math.max(0, ...rows.map((r) => r[metric]));
	const scale = scaleSequential(interpolateBlues).domain([0, max || 1]);
	return { fill: new Map(rows.map((r) => [r.town_code, scale(r[metric])])), max };
}
