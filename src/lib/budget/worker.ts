/// <reference lib="webworker" />
// The simulator's Web Worker: holds the communities' inputs and runs scenarios off the page's thread — every
// verdict judged again under the scenario's policy, then the budget — so typing a value never blocks the page.
// The published inputs (budget-inputs.arrow) are fetched and read here, column by column: their bytes and rows never
// pass through the page's thread. Under an import the page sends the rows it read through SQL.
import { readBudgetInputs } from '../files/budget-inputs-file';
import { dataState } from './data-state';
import type { History } from './forecast';
import type { VerdictInputs } from './inputs';
import type { Scenario } from './scenario';
import { ScenarioJudge } from './scenario-run';

export type SimulationRequest =
	| { kind: 'inputs'; inputs: VerdictInputs; asOf: string }
	| { kind: 'file'; id: number; url: string }
	| { kind: 'as-of'; asOf: string }
	| { kind: 'run'; id: number; scenario: Scenario; history: History; only: string[] | null }
	| { kind: 'state'; id: number; inFilter: string[] | null };

/** The answer to a `file` request: the communities' ids in the inputs' order (the year map's order). */
export interface FileLoaded {
	ids: string[];
}

let inputs: VerdictInputs | null = null;
let asOf: string | null = null;
let judge: ScenarioJudge | null = null;

/** The judge over the inputs and the data date, once both are here (the file may come before the manifest). */
function judged(): ScenarioJudge {
	if (!inputs || asOf === null) throw new Error('no inputs');
	return (judge ??= new ScenarioJudge(inputs, asOf));
}

async function fromFile(url: string): Promise<FileLoaded> {
	const r = await fetch(url);
	if (!r.ok) throw new Error(`${url.split('/').pop()}: HTTP ${r.status}`);
	inputs = readBudgetInputs(new Uint8Array(await r.arrayBuffer()));
	judge = null;
	return { ids: inputs.communities.map((c) => c.id) };
}

self.onmessage = async (e: MessageEvent<SimulationRequest>) => {
	const m = e.data;
	if (m.kind === 'inputs' || m.kind === 'as-of') {
		if (m.kind === 'inputs') inputs = m.inputs;
		asOf = m.asOf;
		judge = null;
		return;
	}
	try {
		let result: unknown;
		if (m.kind === 'file') result = await fromFile(m.url);
		else if (m.kind === 'state') {
			const j = judged();
			result = dataState(j.inputs, j.verdicts({ policy: {} }), m.inFilter ? new Set(m.inFilter) : null);
		} else result = judged().run(m.scenario, m.history, m.only);
		self.postMessage({ id: m.id, result });
	} catch (err) {
		self.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
	}
};
