// The simulator's hot path on index-keyed typed arrays (session 5: money per community and plan year in typed
// arrays, funded years and reasons by the community's place, firstPlanYear asked once per date, the history's
// medians by selection) gives the same result as the code it replaced (simulate-before.ts, priced there with the
// engine's exact computeFunding): every year's figures (§五(三) demand, funded, unspent; §五(二)1 subsidy,
// residents' base and excess, social capital; §三(四) readiness deadline), every community's outcome, its
// milestones and reason, and the Monte Carlo bands — on the example and on a generated 3,000, under the policy in
// force and under scenarios that change it (§五(二)1 cap and shares, §二(一) cutoff), both fill rules.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../unit/data/load';
import { estimateRates, history, type History } from '../../src/lib/budget/forecast';
import { defaultScenario, type Scenario } from '../../src/lib/budget/scenario';
import { simulate } from '../../src/lib/budget/simulate';
import { pipelineFrom, verdictsUnder } from '../../src/lib/budget/verdicts';
import { runInputsOf } from '../../src/lib/files/budget-inputs-file';
import { paramsOf } from '../../src/lib/budget/scenario';
import { policyFor, YUEQING_2023 } from '../../src/lib/policy';
import { simulate as before } from '../unit/budget/simulate-before';

async function pipelineOf(dir: string) {
	const { dataset } = await load([dir]);
	const { asOf } = JSON.parse(readFileSync(`${dir}/metadata.json`, 'utf8')) as { asOf: string };
	const { contacts: _, ...inputs } = dataset;
	const policy = policyFor(asOf) ?? YUEQING_2023;
	const base = verdictsUnder(inputs, asOf, policy);
	const { communities } = runInputsOf(inputs, base);
	const h = history(pipelineFrom(communities, base, base, null).filter((c) => c.startDate));
	/** The pipeline under a scenario's policy, as the worker builds it (verdicts judged again). */
	const under = (s: Scenario) =>
		pipelineFrom(communities, verdictsUnder(inputs, asOf, paramsOf(s, policy)), base, null);
	return { asOf, h, under };
}

function scenarios(h: History): Scenario[] {
	const rates = estimateRates(h);
	const s = defaultScenario('基准', 60_000_000, rates);
	return [
		s,
		{ ...s, fill: 'skip', costGrowth: 0.03, socialShare: 0.1 },
		{ ...s, budgets: { ...s.budgets, 2026: 5_000_000, 2027: 0 }, fill: 'strict' },
		{ ...s, policy: { subsidyCapPerM2: 250 }, costGrowth: 0.05 },
		{ ...s, policy: { 'residentShare.basic': 0.15, 'residentShare.upgrade': 0.65 } },
		{ ...s, policy: { builtBeforeCutoff: '2005-12-31' }, fill: 'skip' },
		{ ...s, uncertainty: true, draws: 40, seed: 7 }
	];
}

function same(p: Awaited<ReturnType<typeof pipelineOf>>, label: string): { runs: number; funded: number } {
	let funded = 0;
	const list = scenarios(p.h);
	for (const [k, s] of list.entries()) {
		const pipeline = p.under(s);
		const now = simulate(pipeline, s, p.h, p.asOf);
		const then = before(pipeline, s, p.h, p.asOf);
		expect({ ...now, ms: 0 }, `${label}, scenario ${k}`).toEqual({ ...then, ms: 0 });
		funded += now.outcomes.filter((o) => o.fundedYear !== null).length;
	}
	return { runs: list.length, funded };
}

describe('simulate: the rewritten hot path equals the previous code', () => {
	it('on the example, seven scenarios (policy in force and changed, both fills, draws)', async () => {
		const p = await pipelineOf('data/example');
		const { funded } = same(p, 'example');
		expect(funded).toBeGreaterThan(100); // the comparison covers funded communities, not only waiting ones
	});

	it('on a generated 3,000, seven scenarios', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'yq-sim-'));
		const r = spawnSync(
			process.execPath,
			['--import', 'tsx', 'scripts/generate-dataset.ts', '--count', '3000', '--seed', '5', '--out', dir],
			{ encoding: 'utf8' }
		);
		expect(r.status, r.stderr).toBe(0);
		const p = await pipelineOf(dir);
		const { funded } = same(p, 'generated 3,000');
		expect(funded).toBeGreaterThan(500);
	}, 120_000);
});
