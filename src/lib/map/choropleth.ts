/** The town choropleth: which KPI colours the towns, and a sequential colour per town (d3). */
import { scaleSequential } from 'd3-scale';
import { interpolateBlues } from 'd3-scale-chromatic';

export const TOWN_METRICS = {
	none: { zh: '不着色', en: 'none' },
	communities: { zh: '小区数', en: 'communities' },
	households: { zh: '户数', en: 'households' },
	investment: { zh: '估算总投资', en: 'investment' },
	subsidy: { zh: '财政补助需求', en: 'subsidy demand' },
	readyForPlan: { zh: '可列入计划', en: 'ready for the plan' }
} as const;
export type TownMetric = keyof typeof TOWN_METRICS;

export interface TownRowKpis {
	town_code: string;
	town_name: string;
	communities: number;
	households: number;
	investment: number;
	subsidy: number;
	readyForPlan: number;
}

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
