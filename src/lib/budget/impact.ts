/**
 * What a scenario's policy changes do, against the policy in force: the communities whose eligibility, votes or
 * plan readiness change (the engine's verdicts under both), those that move plan year (the same scenario run with
 * and without its policy changes: same budgets, forecast and pipeline rule), and the subsidy, per community and
 * in total. Pure; run in the simulator's worker.
 */
import type { EligibilityClass, VoteClass } from '../verdict/classes';
import type { BudgetVerdict } from './inputs';
import type { SimulationResult } from './simulate';

const round2 = (v: number) => Math.round(v * 100) / 100;

export interface Change<T> {
	id: string;
	name: string;
	from: T;
	to: T;
}

export interface PolicyImpact {
	eligibility: Change<EligibilityClass>[];
	applicationVote: Change<VoteClass>[];
	schemeVote: Change<VoteClass>[];
	readyForPlan: Change<boolean>[];
	/** Funded year with the policy in force → under the scenario; null: not funded within the plan years. */
	planYear: Change<number | null>[];
	/**
	 * The subsidy each community would get (null: not in the pipeline), and the total of the differences — every
	 * community of the pipeline, whatever the year it is funded in, or none.
	 */
	subsidy: Change<number | null>[];
	subsidyDelta: number;
	/**
	 * Of `subsidyDelta`, the part funded within the years run (the differences of the subsidy funded in them), and
	 * the rest: the communities the scenario does not fund by the last year run — with how many there are, and
	 * why (forecast ready after the last year's deadline, or waiting for budget in the last year).
	 */
	subsidyDeltaWithin: number;
	subsidyDeltaAfter: number;
	after: { communities: number; notReady: number; budget: number; lastYear: number; deadline: string | null };
}

/** Communities that turn eligible: ineligible under the policy in force, not under the scenario. */
export function turnedEligible(impact: PolicyImpact): Change<EligibilityClass>[] {
	return impact.eligibility.filter((c) => c.from === 'ineligible' && c.to !== 'ineligible');
}

export function policyImpact(
	names: readonly string[],
	base: readonly BudgetVerdict[],
	scenario: readonly BudgetVerdict[],
	baseRun: SimulationResult,
	run: SimulationResult
): PolicyImpact {
	const changes = <K extends 'eligibility' | 'applicationVote' | 'schemeVote' | 'readyForPlan'>(k: K) =>
		base.flatMap((b, i) => {
			const s = scenario[i]!;
			return b[k] === s[k] ? [] : [{ id: b.id, name: names[i]!, from: b[k], to: s[k] }];
		});
	const before = new Map(baseRun.outcomes.map((o) => [o.id, o]));
	const after = new Map(run.outcomes.map((o) => [o.id, o]));
	const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
	const planYear: Change<number | null>[] = [];
	const subsidy: Change<number | null>[] = [];
	let delta = 0;
	let within = 0;
	const later = { communities: 0, notReady: 0, budget: 0 };
	for (const id of ids) {
		const a = before.get(id);
		const b = after.get(id);
		const name = (a ?? b)!.name;
		const ya = a?.fundedYear ?? null;
		const yb = b?.fundedYear ?? null;
		if (ya !== yb) planYear.push({ id, name, from: ya, to: yb });
		const sa = a?.subsidy ?? null;
		const sb = b?.subsidy ?? null;
		if (sa !== sb) {
			subsidy.push({ id, name, from: sa, to: sb });
			delta += (sb ?? 0) - (sa ?? 0);
			// funded within the years run: the subsidy of that year's list
			within += (yb !== null ? (sb ?? 0) : 0) - (ya !== null ? (sa ?? 0) : 0);
			if (b && yb === null) {
				later.communities++;
				if (b.reason.code === 'not-ready' || b.reason.code === 'no-funds-forecast') later.notReady++;
				else later.budget++;
			}
		}
	}
	const last = run.years.at(-1);
	return {
		eligibility: changes('eligibility'),
		applicationVote: changes('applicationVote'),
		schemeVote: changes('schemeVote'),
		readyForPlan: changes('readyForPlan'),
		planYear,
		subsidy,
		subsidyDelta: round2(delta),
		subsidyDeltaWithin: round2(within),
		subsidyDeltaAfter: round2(delta - within),
		after: {
			...later,
			lastYear: last?.year ?? 0,
			deadline: last?.readinessDeadline ?? null
		}
	};
}
