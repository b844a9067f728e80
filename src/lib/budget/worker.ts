/// <reference lib="webworker" />
// The simulator's Web Worker: holds the communities' inputs (sent once) and runs scenarios off the page's thread —
// every verdict judged again under the scenario's policy, then the budget — so typing a value never blocks the page.
import { dataState } from './data-state';
import type { History } from './forecast';
import type { VerdictInputs } from './inputs';
import type { Scenario } from './scenario';
import { ScenarioJudge } from './scenario-run';

export type SimulationRequest =
	| { kind: 'inputs'; inputs: VerdictInputs; asOf: string }
	| { kind: 'run'; id: number; scenario: Scenario; history: History; only: string[] | null }
	| { kind: 'state'; id: number; inFilter: string[] | null };

let judge: ScenarioJudge | null = null;

self.onmessage = (e: MessageEvent<SimulationRequest>) => {
	const m = e.data;
	if (m.kind === 'inputs') {
		judge = new ScenarioJudge(m.inputs, m.asOf);
		return;
	}
	try {
		if (!judge) throw new Error('no inputs');
		const result =
			m.kind === 'state'
				? dataState(judge.inputs, judge.verdicts({ policy: {} }), m.inFilter ? new Set(m.inFilter) : null)
				: judge.run(m.scenario, m.history, m.only);
		self.postMessage({ id: m.id, result });
	} catch (err) {
		self.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
	}
};
