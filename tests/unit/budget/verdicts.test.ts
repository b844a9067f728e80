// The simulator judges every community again under a scenario's policy, with the engine's communityStatus, and
// tells what the change does. On the example data (the same files `npm run data` reads).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadExample } from '../data/load';
import { communityStatus } from '../../../src/lib/verdict/status';
import { policyFor } from '../../../src/lib/policy';
import { withOverrides } from '../../../src/lib/policy/param-table';
import { estimateRates, history } from '../../../src/lib/budget/forecast';
import { turnedEligible } from '../../../src/lib/budget/impact';
import { defaultScenario, readScenario, type Scenario } from '../../../src/lib/budget/scenario';
import { ScenarioJudge } from '../../../src/lib/budget/scenario-run';
import { scenarioFromParam, scenarioToParam } from '../../../src/lib/budget/storage';
import { pipelineFrom, planYearsOf, verdictsUnder } from '../../../src/lib/budget/verdicts';
import { runInputsOf } from '../../../src/lib/files/budget-inputs-file';

describe('scenario verdicts on the example', async () => {
	const { dataset } = await loadExample();
	const { asOf } = JSON.parse(readFileSync('data/example/metadata.json', 'utf8')) as { asOf: string };
	const base = policyFor(asOf)!;
	const { contacts: _, ...inputs } = dataset;
	const judge = ScenarioJudge.of(inputs, asOf);
	const baseStatus = verdictsUnder(inputs, asOf, base);
	const h = history(
		pipelineFrom(runInputsOf(inputs, baseStatus).communities, baseStatus, baseStatus, null).filter(
			(c) => c.startDate
		)
	);
	const rates = estimateRates(h);
	const scenario = (policy: Scenario['policy']): Scenario => ({
		...defaultScenario('x', 150_000_000, rates),
		policy
	});
	const one = (policy: Scenario['policy'], id: string) => {
		const i = dataset.communities.findIndex((c) => c.id === id);
		const c = dataset.communities[i]!;
		const of = <T extends { community_id: string }>(rows: readonly T[]) =>
			rows.filter((r) => r.community_id === id);
		return communityStatus(
			{
				community: c,
				town: dataset.towns.find((t) => t.code === c.town_code)!,
				works: of(dataset.works),
				votes: of(dataset.votes),
				funds: of(dataset.funds),
				stages: of(dataset.stage_events)
			},
			asOf,
			withOverrides(base, policy),
			i
		);
	};

	it('no policy change: no impact, and the pipeline is the published verdicts’ (not ineligible, plan ≥ 2024)', () => {
		const run = judge.run(scenario({}), h, null);
		expect(run.impact).toBeNull();
		const ineligible = new Set(baseStatus.filter((s) => s.eligibility === 'ineligible').map((s) => s.id));
		expect(run.result.outcomes.some((o) => ineligible.has(o.id))).toBe(false);
		expect(run.result.outcomes.length).toBeGreaterThan(100);
	});

	it('§二(一): cutoff 2005-12-31 — the communities turning eligible are the engine’s, and enter the pipeline', () => {
		const policy = { builtBeforeCutoff: '2005-12-31' };
		const run = judge.run(scenario(policy), h, null);
		const up = turnedEligible(run.impact!);
		expect(up.length).toBeGreaterThan(0);
		for (const c of up) {
			expect(one({}, c.id).eligibility, c.id).toBe('ineligible');
			expect(one(policy, c.id).eligibility, c.id).toBe(c.to);
		}
		// every change the engine gives is listed, and nothing else
		const expected = dataset.communities
			.map((c) => c.id)
			.filter((id) => one({}, id).eligibility !== one(policy, id).eligibility);
		expect(run.impact!.eligibility.map((c) => c.id).sort()).toEqual(expected.sort());
		const inPipeline = new Set(run.result.outcomes.map((o) => o.id));
		const plans = planYearsOf(inputs.stage_events);
		for (const c of up) if (!plans.has(c.id)) expect(inPipeline.has(c.id), c.id).toBe(true);
		// the map's colouring reads the same verdicts
		const i = dataset.communities.findIndex((c) => c.id === up[0]!.id);
		expect(run.eligibility[i]).not.toBe(3);
		// Δ in total = the part funded within the years run + the part after them; the part after is the newly
		// eligible the scenario does not fund by the last year, each counted with its reason (issue 19)
		const im = run.impact!;
		expect(im.subsidyDeltaWithin + im.subsidyDeltaAfter).toBeCloseTo(im.subsidyDelta, 2);
		const byId = new Map(run.result.outcomes.map((o) => [o.id, o]));
		const later = im.subsidy.filter((c) => byId.has(c.id) && byId.get(c.id)!.fundedYear === null);
		expect(im.after.communities).toBe(later.length);
		expect(im.after.notReady + im.after.budget).toBe(later.length);
		expect(im.subsidyDeltaAfter).toBeCloseTo(
			later.reduce((a, c) => a + (c.to ?? 0) - (c.from ?? 0), 0),
			2
		);
		expect(im.after.lastYear).toBe(2028);
	});

	it('§五(二)1: a lower cap lowers subsidies; Δ in total is the sum of the per-community Δ', () => {
		const run = judge.run(scenario({ subsidyCapPerM2: 100 }), h, null);
		const i = run.impact!;
		expect(i.subsidy.length).toBeGreaterThan(0);
		const sum = i.subsidy.reduce((a, c) => a + (c.to ?? 0) - (c.from ?? 0), 0);
		expect(i.subsidyDelta).toBeCloseTo(sum, 2);
		expect(i.subsidyDelta).toBeLessThan(0);
		for (const c of i.planYear) {
			const o = run.result.outcomes.find((x) => x.id === c.id);
			expect(o?.fundedYear ?? null, c.id).toBe(c.to);
		}
	});

	it('§三(一): a 90% approval threshold turns passed votes short, as the engine says', () => {
		const policy = { approvalThreshold: 0.9 };
		const run = judge.run(scenario(policy), h, null);
		const changed = run.impact!.applicationVote;
		expect(changed.length).toBeGreaterThan(0);
		for (const c of changed) expect(one(policy, c.id).applicationVote, c.id).toBe(c.to);
	});

	it('a shared link carries only the overrides; an unknown or out-of-bounds field is refused naming it', () => {
		const s = scenario({ builtBeforeCutoff: '2005-12-31' });
		const back = scenarioFromParam(scenarioToParam(s), rates);
		expect(back.scenario!.policy).toEqual({ builtBeforeCutoff: '2005-12-31' });
		const bad = scenarioFromParam(scenarioToParam({ ...s, policy: { cutoffDate: '2005-12-31' } }), rates);
		expect(bad.scenario).toBeNull();
		expect(bad.problems.map((p) => p.field)).toEqual(['policy.cutoffDate']);
		const out = readScenario({ ...s, policy: { builtBeforeCutoff: '2030-12-31' } }, rates);
		expect(out.problems[0]!.en).toContain('Completed on or before');
	});

	it('an old saved scenario (v2: cap and shares of its own, no policy) still opens', () => {
		const { policy: _, ...rest } = scenario({});
		const v2 = {
			...rest,
			version: 2,
			subsidyCapPerM2: 250,
			residentShare: { basic: 0.1, improvement: 0.3, upgrade: 0.7 }
		};
		const r = readScenario(v2, rates);
		expect(r.problems).toEqual([]);
		expect(r.scenario!.policy).toEqual({ subsidyCapPerM2: 250 });
	});
});
