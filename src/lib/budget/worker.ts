/// <reference lib="webworker" />
// The simulator's Web Worker: holds the communities' inputs and runs scenarios off the page's thread — every
// verdict judged again under the scenario's policy, then the budget — so typing a value never blocks the page.
// The published inputs (budget-inputs.arrow) are fetched and read here, column by column: their bytes and rows never
// pass through the page's thread. Under an import the page sends the rows it read through SQL.
import { readBudgetInputs } from '../data/budget-inputs-file';
import { dataState } from './data-state';
import type { History } from './forecast';
import type { VerdictInputs } from './inputs';
import type { Scenario } from './scenario';
import { ScenarioJudge } from './scenario-run';

export type SimulationRequest =
	| { kind: 'inputs'; inputs: VerdictInputs; asOf: string }
	| { kind: 'file'; id: number; url: string; asOf: string }
	| { kind: 'run'; id: number; scenario: Scenario; history: History; only: string[] | null }
	| { kind: 'state'; id: number; inFilter: string[] | null };

/** The answer to a `file` request: the communities' ids in the inputs' order (the year map's order). */
export interface FileLoaded {
	ids: string[];
}

let judge: ScenarioJudge | null = null;

async function fromFile(url: string, asOf: string): Promise<FileLoaded> {
	const r = await fetch(url);
	if (!r.ok) throw new Error(`${url.split('/').pop()}: HTTP ${r.status}`);
	const inputs = readBudgetInputs(new Uint8Array(await r.arrayBuffer()));
	judge = new ScenarioJudge(inputs, asOf);
	return { ids: inputs.communities.map((c) => c.id) };
}

self.onmessage = async (e: MessageEvent<SimulationRequest>) => {
	const m = e.data;
	if (m.kind === 'inputs') {
		judge = new ScenarioJudge(m.inputs, m.asOf);
		return;
	}
	try {
		let result: unknown;
		if (m.kind === 'file') result = await fromFile(m.url, m.asOf);
		else if (!judge) throw new Error('no inputs');
		else if (m.kind === 'state')
			result = dataState(
				judge.inputs,
				judge.verdicts({ policy: {} }),
				m.inFilter ? new Set(m.inFilter) : null
			);
		else result = judge.run(m.scenario, m.history, m.only);
		self.postMessage({ id: m.id, result });
	} catch (err) {
		self.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
	}
};
