/**
 * One scenario, run from the communities' own inputs: the verdicts under the scenario's policy (the build's own
 * under the policy in force; every community judged again, verdicts.ts, when the scenario changes a policy field),
 * the pipeline built from them, the budget simulated (simulate.ts), and — when the scenario changes the policy —
 * the same scenario under the policy in force, so the impact of the change can be told (impact.ts). Held by the
 * worker: the verdicts under a policy are computed once per set of overrides.
 */
import { ELIGIBILITY_CLASSES } from '../verdict/classes';
import { runInputsOf } from '../files/budget-inputs-file';
import { policyFor, YUEQING_2023, type PolicyParams } from '../policy';
import type { History, PipelineCommunity } from './forecast';
import { policyImpact, type PolicyImpact } from './impact';
import type { BudgetVerdict, RunInputs, VerdictInputs } from './inputs';
import { paramsOf, type Scenario } from './scenario';
import { simulate, type SimulationResult } from './simulate';
import { pipelineFrom, verdictsUnder } from './verdicts';

export interface ScenarioRun {
	result: SimulationResult;
	/** Against the same scenario under the policy in force; null when the scenario changes no policy field. */
	impact: PolicyImpact | null;
	/** Each community's eligibility under the scenario (index into ELIGIBILITY_CLASSES), in the inputs' order. */
	eligibility: Uint8Array;
}

const KEEP = 8;
/** The cache key of the policy in force (no override). */
const IN_FORCE = '[]';

const keyOf = (s: Pick<Scenario, 'policy'>) =>
	JSON.stringify(Object.entries(s.policy).sort(([a], [b]) => (a < b ? -1 : 1)));

export class ScenarioJudge {
	readonly #run: RunInputs;
	/** Every input of the verdicts: given when a scenario first changes a policy field (null before). */
	#inputs: VerdictInputs | null;
	/** The run's inputs (the worker's data state reads them too). */
	get inputs(): RunInputs {
		return this.#run;
	}
	readonly #asOf: string;
	readonly #base: PolicyParams;
	readonly #names: string[];
	readonly #cache = new Map<string, BudgetVerdict[]>();
	/** The pipeline with no filter under the policy in force (the data state's and every such run's), made once. */
	#basePipeline: PipelineCommunity[] | null = null;

	/**
	 * `run`: the communities with their verdicts under the policy in force on `asOf` (the build's); `inputs`: every
	 * input of the verdicts, in the same order, when already here (else `supply` them before a policy change runs).
	 */
	constructor(run: RunInputs, asOf: string, inputs: VerdictInputs | null = null) {
		this.#run = run;
		this.#inputs = inputs;
		this.#asOf = asOf;
		this.#base = policyFor(asOf) ?? YUEQING_2023;
		this.#names = run.communities.map((c) => c.name);
		this.#cache.set(IN_FORCE, run.verdicts);
	}

	/** A judge over every input, judging the verdicts under the policy in force itself (an import; the tests). */
	static of(inputs: VerdictInputs, asOf: string): ScenarioJudge {
		const base = verdictsUnder(inputs, asOf, policyFor(asOf) ?? YUEQING_2023);
		return new ScenarioJudge(runInputsOf(inputs, base), asOf, inputs);
	}

	/** True when running `s` needs every input of the verdicts and they are not here yet (`supply` them). */
	needsInputs(s: Pick<Scenario, 'policy'>): boolean {
		return this.#inputs === null && !this.#cache.has(keyOf(s));
	}

	/**
	 * Gives the verdicts' inputs (budget-verdict-inputs.arrow read with the run's file: the same communities).
	 * @throws Error when they are not the run's communities, in its order.
	 */
	supply(inputs: VerdictInputs): void {
		const ids = this.#run.communities;
		if (inputs.communities.length !== ids.length || inputs.communities.some((c, i) => c.id !== ids[i]!.id))
			throw new Error('the verdicts’ inputs are not the communities of the run’s inputs (not one build?)');
		this.#inputs = inputs;
	}

	/**
	 * Every community's verdict under the scenario's policy (cached by its overrides): the build's under the policy
	 * in force, judged again otherwise.
	 * @throws Error when the scenario changes the policy and the verdicts' inputs were not supplied.
	 */
	verdicts(s: Pick<Scenario, 'policy'>): BudgetVerdict[] {
		const key = keyOf(s);
		let v = this.#cache.get(key);
		if (!v) {
			if (!this.#inputs) throw new Error('the verdicts’ inputs are not loaded');
			v = verdictsUnder(this.#inputs, this.#asOf, paramsOf(s, this.#base));
			// the in-force verdicts stay; the oldest scenario's go
			if (this.#cache.size >= KEEP) this.#cache.delete([...this.#cache.keys()][1]!);
			this.#cache.set(key, v);
		}
		return v;
	}

	/** The pipeline's communities: all, those of a filter (`only`: ids from the filter's SQL), or chosen ids/names. */
	#only(s: Scenario, only: readonly string[] | null): Set<string> | null {
		if (s.pipeline.kind === 'ids') {
			const chosen = new Set(s.pipeline.ids);
			return new Set(
				this.#run.communities.filter((c) => chosen.has(c.id) || chosen.has(c.name)).map((c) => c.id)
			);
		}
		return s.pipeline.kind === 'filter' && only ? new Set(only) : null;
	}

	/**
	 * The pipeline under the policy in force with no filter (`pipelineFrom(communities, base, base, null)`), made on
	 * first use and kept: the simulator only reads it.
	 */
	basePipeline(): readonly PipelineCommunity[] {
		const base = this.verdicts({ policy: {} });
		return (this.#basePipeline ??= pipelineFrom(this.#run.communities, base, base, null));
	}

	/** The pipeline of `mine` (the scenario's verdicts) within `ids`: the kept one when it is the same. */
	#pipeline(mine: readonly BudgetVerdict[], ids: ReadonlySet<string> | null): readonly PipelineCommunity[] {
		const base = this.verdicts({ policy: {} });
		return ids === null && mine === base
			? this.basePipeline()
			: pipelineFrom(this.#run.communities, mine, base, ids);
	}

	run(s: Scenario, history: History, only: readonly string[] | null): ScenarioRun {
		const base = this.verdicts({ policy: {} });
		const mine = this.verdicts(s);
		const ids = this.#only(s, only);
		const result = simulate(this.#pipeline(mine, ids), s, history, this.#asOf);
		let impact: PolicyImpact | null = null;
		if (Object.keys(s.policy).length > 0) {
			const atBase = simulate(
				this.#pipeline(base, ids),
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
