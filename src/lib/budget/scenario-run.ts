/**
 * One scenario, run from the communities' own inputs: every verdict judged again under the scenario's policy
 * (verdicts.ts), the pipeline built from them, the budget simulated (simulate.ts), and — when the scenario changes
 * the policy — the same scenario under the policy in force, so the impact of the change can be told (impact.ts).
 * Held by the worker: the verdicts under a policy are computed once per set of overrides.
 */
import { ELIGIBILITY_CLASSES } from '../verdict/classes';
import type { CommunityStatus } from '../verdict/status';
import { policyFor, YUEQING_2023, type PolicyParams } from '../policy';
import type { History } from './forecast';
import { policyImpact, type PolicyImpact } from './impact';
import type { VerdictInputs } from './inputs';
import { paramsOf, type Scenario } from './scenario';
import { simulate, type SimulationResult } from './simulate';
import { pipelineFrom, planYearsOf, verdictsUnder } from './verdicts';

export interface ScenarioRun {
	result: SimulationResult;
	/** Against the same scenario under the policy in force; null when the scenario changes no policy field. */
	impact: PolicyImpact | null;
	/** Each community's eligibility under the scenario (index into ELIGIBILITY_CLASSES), in the inputs' order. */
	eligibility: Uint8Array;
}

const KEEP = 8;

export class ScenarioJudge {
	readonly #inputs: VerdictInputs;
	/** The inputs the verdicts are judged from (the worker's data state reads them too). */
	get inputs(): VerdictInputs {
		return this.#inputs;
	}
	readonly #asOf: string;
	readonly #base: PolicyParams;
	readonly #plans: Map<string, number>;
	readonly #names: string[];
	readonly #cache = new Map<string, CommunityStatus[]>();

	constructor(inputs: VerdictInputs, asOf: string) {
		this.#inputs = inputs;
		this.#asOf = asOf;
		this.#base = policyFor(asOf) ?? YUEQING_2023;
		this.#plans = planYearsOf(inputs);
		this.#names = inputs.communities.map((c) => c.name);
	}

	/** Every community's status under the scenario's policy (cached by its overrides). */
	verdicts(s: Pick<Scenario, 'policy'>): CommunityStatus[] {
		const key = JSON.stringify(Object.entries(s.policy).sort(([a], [b]) => (a < b ? -1 : 1)));
		let v = this.#cache.get(key);
		if (!v) {
			v = verdictsUnder(this.#inputs, this.#asOf, paramsOf(s, this.#base));
			if (this.#cache.size >= KEEP) this.#cache.delete(this.#cache.keys().next().value!);
			this.#cache.set(key, v);
		}
		return v;
	}

	/** The pipeline's communities: all, those of a filter (`only`: ids from the filter's SQL), or chosen ids/names. */
	#only(s: Scenario, only: readonly string[] | null): Set<string> | null {
		if (s.pipeline.kind === 'ids') {
			const chosen = new Set(s.pipeline.ids);
			return new Set(
				this.#inputs.communities.filter((c) => chosen.has(c.id) || chosen.has(c.name)).map((c) => c.id)
			);
		}
		return s.pipeline.kind === 'filter' && only ? new Set(only) : null;
	}

	run(s: Scenario, history: History, only: readonly string[] | null): ScenarioRun {
		const base = this.verdicts({ policy: {} });
		const mine = this.verdicts(s);
		const ids = this.#only(s, only);
		const result = simulate(pipelineFrom(this.#inputs, mine, base, this.#plans, ids), s, history, this.#asOf);
		let impact: PolicyImpact | null = null;
		if (Object.keys(s.policy).length > 0) {
			const atBase = simulate(
				pipelineFrom(this.#inputs, base, base, this.#plans, ids),
				{ ...s, policy: {}, uncertainty: false },
				history,
				this.#asOf
			);
			impact = policyImpact(this.#names, base, mine, atBase, result);
		}
		const eligibility = Uint8Array.from(mine, (v) => ELIGIBILITY_CLASSES.indexOf(v.eligibility));
		return { result, impact, eligibility };
	}
}
