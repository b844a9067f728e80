/**
 * Each pipeline community's money under a scenario, per plan year it could be planned in: priced once with the
 * engine's `fundingFigures` (computeFunding's figures, exact near a half fen or the cap) and kept in typed arrays
 * indexed by the community's place in the pipeline and the year, so a run — and every Monte Carlo draw, which only
 * picks the year — reads numbers instead of re-pricing or keeping an object per community.
 */
import { fundingFigures, type PolicyParams } from '../policy';
import type { PipelineCommunity } from './forecast';
import { FIRST_PLAN_YEAR, LAST_PLAN_YEAR, type Scenario } from './scenario';

export interface Money {
	subsidy: number;
	residentBase: number;
	residentExcess: number;
	social: number;
}

const round2 = (v: number) => Math.round(v * 100) / 100;
/** The plan years and the year after them (a community ready too late is priced for that year). */
const SPAN = LAST_PLAN_YEAR + 2 - FIRST_PLAN_YEAR;

/**
 * A community's money under the scenario if planned in `year` (cost growth from the as-of year); one already in a
 * plan keeps the money of the policy in force (`fact`, no growth), its subsidy as the data's status has it.
 */
export function moneyFor(
	c: PipelineCommunity,
	s: Scenario,
	year: number,
	asOfYear: number,
	params: PolicyParams,
	fact: PolicyParams
): Money {
	const planned = c.planYear !== null;
	const g = planned ? 1 : (1 + s.costGrowth) ** Math.max(0, year - asOfYear);
	const investment = (c.basic + c.improvement + c.upgrade) * g;
	const f = fundingFigures(
		{
			basic: round2(c.basic * g),
			improvement: round2(c.improvement * g),
			upgrade: round2(c.upgrade * g),
			elevator: round2(c.elevator * g),
			buildingArea: c.buildingArea,
			garageArea: c.garageArea,
			socialCapital: round2(planned ? c.social : Math.max(c.social, s.socialShare * investment))
		},
		planned ? fact : params
	);
	return {
		subsidy: planned ? c.subsidy : f.subsidy,
		residentBase: f.residentBase,
		residentExcess: f.residentExcess,
		social: f.socialCapital
	};
}

/** The pipeline's money by (community index, plan year), priced on first use. */
export class MoneyTable {
	readonly #subsidy: Float64Array;
	readonly #base: Float64Array;
	readonly #excess: Float64Array;
	readonly #social: Float64Array;
	readonly #done: Uint8Array;

	constructor(
		private readonly pipeline: readonly PipelineCommunity[],
		private readonly s: Scenario,
		private readonly asOfYear: number,
		private readonly params: PolicyParams,
		private readonly fact: PolicyParams
	) {
		const size = pipeline.length * SPAN;
		this.#subsidy = new Float64Array(size);
		this.#base = new Float64Array(size);
		this.#excess = new Float64Array(size);
		this.#social = new Float64Array(size);
		this.#done = new Uint8Array(size);
	}

	#price(i: number, year: number): Money {
		return moneyFor(this.pipeline[i]!, this.s, year, this.asOfYear, this.params, this.fact);
	}

	/** The slot of (i, year), priced if not yet; -1 for a year outside the table (a plan year the data holds). */
	#slot(i: number, year: number): number {
		const k = year - FIRST_PLAN_YEAR;
		if (k < 0 || k >= SPAN) return -1;
		const j = i * SPAN + k;
		if (this.#done[j] === 0) {
			const m = this.#price(i, year);
			this.#subsidy[j] = m.subsidy;
			this.#base[j] = m.residentBase;
			this.#excess[j] = m.residentExcess;
			this.#social[j] = m.social;
			this.#done[j] = 1;
		}
		return j;
	}

	subsidy(i: number, year: number): number {
		const j = this.#slot(i, year);
		return j < 0 ? this.#price(i, year).subsidy : this.#subsidy[j]!;
	}

	/** Adds (i, year)'s residents' base, excess and social capital to `sums` [base, excess, social]. */
	addTo(sums: Float64Array, i: number, year: number): void {
		const j = this.#slot(i, year);
		if (j < 0) {
			const m = this.#price(i, year);
			sums[0] = sums[0]! + m.residentBase;
			sums[1] = sums[1]! + m.residentExcess;
			sums[2] = sums[2]! + m.social;
			return;
		}
		sums[0] = sums[0]! + this.#base[j]!;
		sums[1] = sums[1]! + this.#excess[j]!;
		sums[2] = sums[2]! + this.#social[j]!;
	}
}
