/**
 * The public map's town shading: each street or town coloured by its communities renovated, on one scale shared
 * by the map and its legend. The darkest green is kept for well beyond the largest count (×1.6), so the town
 * names stay readable over every fill.
 */
import { scaleSequential } from 'd3-scale';
import { interpolateGreens } from 'd3-scale-chromatic';

export interface TownShading {
	/** CSS colour per town code. */
	fill: Map<string, string>;
	/** The largest count of communities renovated in a town (the legend's right end). */
	max: number;
	colour: (renovated: number) => string;
}

export function townShading(towns: readonly { code: string; renovated: number }[]): TownShading {
	const max = Math.max(0, ...towns.map((x) => x.renovated));
	const scale = scaleSequential(interpolateGreens).domain([0, Math.max(1, max) * 1.6]);
	const colour = (n: number) => scale(n);
	return { fill: new Map(towns.map((x) => [x.code, colour(x.renovated)])), max, colour };
}
