// /budget's worker steps in Node (V8 as in the page's worker), over one size's built files: what the page waits for
// before its chart — budget-inputs.arrow read (the build's verdicts in force among it), the data state, the first
// run of the default scenario — and what a scenario changing a policy field adds — budget-verdict-inputs.arrow read,
// every community judged again. Each step's CPU time beside its wall time: on a shared machine the wall time
// stretches with the load, the CPU time much less. Recorded, never asserted.
import { readFileSync } from 'node:fs';
import { dataState } from '../../src/lib/budget/data-state';
import { estimateRates } from '../../src/lib/budget/forecast';
import { defaultScenario } from '../../src/lib/budget/scenario';
import { ScenarioJudge } from '../../src/lib/budget/scenario-run';
import {
	INPUTS_FILE,
	readRunInputs,
	readVerdictInputs,
	VERDICT_INPUTS_FILE
} from '../../src/lib/files/budget-inputs-file';

/** One step: wall and CPU milliseconds. */
export interface Step {
	wallMs: number;
	cpuMs: number;
}

export interface WorkerSteps {
	/** budget-inputs.arrow's bytes → rows (communities, verdicts in force, subsidies). */
	readInputs: Step;
	/** History, plans per year, pipeline subsidy (no filter). */
	state: Step;
	/** The default scenario's run (pipeline, forecast, pricing, projectBudget). */
	firstRun: Step;
	/** A policy change: budget-verdict-inputs.arrow's bytes → rows. */
	readVerdictInputs: Step;
	/** A policy change: every community judged again (§二(一) cutoff 2005-12-31), its run and impact. */
	policyRun: Step;
}

function timed<T>(f: () => T): [T, Step] {
	const c = process.cpuUsage();
	const t = performance.now();
	const out = f();
	const wallMs = Math.round(performance.now() - t);
	const u = process.cpuUsage(c);
	return [out, { wallMs, cpuMs: Math.round((u.user + u.system) / 1000) }];
}

export function benchWorkerSteps(dataDir: string, asOf: string): WorkerSteps {
	const runBytes = new Uint8Array(readFileSync(`${dataDir}/${INPUTS_FILE}`));
	const verdictBytes = new Uint8Array(readFileSync(`${dataDir}/${VERDICT_INPUTS_FILE}`));
	const [run, readInputs] = timed(() => readRunInputs(runBytes));
	const judge = new ScenarioJudge(run, asOf);
	const [st, state] = timed(() => dataState(run, judge.verdicts({ policy: {} }), null));
	const h = st.history;
	const s = defaultScenario('基准', st.pipelineSubsidy / 5, estimateRates(h));
	const [, firstRun] = timed(() => judge.run(s, h, null));
	const [inputs, readVerdicts] = timed(() => readVerdictInputs(verdictBytes, run));
	judge.supply(inputs);
	const [, policyRun] = timed(() =>
		judge.run({ ...s, policy: { builtBeforeCutoff: '2005-12-31' } }, h, null)
	);
	return { readInputs, state, firstRun, readVerdictInputs: readVerdicts, policyRun };
}
