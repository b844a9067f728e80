/** Two runs side by side: what changes from the base to another scenario, year by year. */
import type { SimulationResult } from './simulate';

const round2 = (v: number) => Math.round(v * 100) / 100;

export interface YearDiff {
	year: number;
	demand: number;
	fundedAmount: number;
	residents: number;
	movedIn: string[];
	movedOut: string[];
}

/** What changes from `base` to `other`, year by year: Δ demand, Δ funded, Δ residents' burden, who moves. */
export function compare(base: SimulationResult, other: SimulationResult): YearDiff[] {
	const yearOf = (r: SimulationResult) => new Map(r.outcomes.map((o) => [o.id, o.fundedYear]));
	const a = yearOf(base);
	const b = yearOf(other);
	return base.years.map((y, j) => {
		const o = other.years[j]!;
		const movedIn = [...b].filter(([id, yr]) => yr === y.year && a.get(id) !== y.year).map(([id]) => id);
		const movedOut = [...a].filter(([id, yr]) => yr === y.year && b.get(id) !== y.year).map(([id]) => id);
		return {
			year: y.year,
			demand: round2(o.demand - y.demand),
			fundedAmount: round2(o.fundedAmount - y.fundedAmount),
			residents: round2(o.residentBase + o.residentExcess - (y.residentBase + y.residentExcess)),
			movedIn,
			movedOut
		};
	});
}
