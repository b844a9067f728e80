/// <reference lib="webworker" />
// The simulator's Web Worker: holds the communities' inputs and runs scenarios off the page's thread — the build's
// verdicts under the policy in force, every verdict judged again when a scenario changes the policy, then the
// budget — so typing a value never blocks the page. The published files are fetched and read here, column by
// column: their bytes and rows never pass through the page's thread. budget-inputs.arrow comes first (a run under
// the policy in force needs nothing else); budget-verdict-inputs.arrow only when a scenario first changes a policy
// field. Under an import the page sends the rows it read through SQL, and the verdicts in force are judged here.
import { readRunInputs, readVerdictInputs } from '../files/budget-inputs-file';
import { dataState } from './data-state';
import type { History } from './forecast';
import type { RunInputs, VerdictInputs } from './inputs';
import type { Scenario } from './scenario';
import { packOutcomes, transferables, type PackedResult } from './outcome-columns';
import { ScenarioJudge, type ScenarioRun } from './scenario-run';

export type SimulationRequest =
	| { kind: 'inputs'; inputs: VerdictInputs; asOf: string }
	| { kind: 'file'; id: number; url: string; verdictUrl: string }
	| { kind: 'as-of'; asOf: string }
	| { kind: 'run'; id: number; scenario: Scenario; history: History; only: string[] | null }
	| { kind: 'state'; id: number; inFilter: string[] | null };

/** The answer to a `file` request: the communities' ids in the inputs' order (the year map's order). */
export interface FileLoaded {
	ids: string[];
}

/** A run as the worker posts it: its outcomes as columns (`unpackOutcomes` on the page). */
export type PackedRun = Omit<ScenarioRun, 'result'> & { result: PackedResult };

/** The published run's inputs (budget-inputs.arrow) and where the rest of the verdicts' inputs are. */
let published: { run: RunInputs; verdictUrl: string } | null = null;
/** Every input, read through SQL under an import. */
let imported: VerdictInputs | null = null;
let asOf: string | null = null;
let judge: ScenarioJudge | null = null;
/** budget-verdict-inputs.arrow being fetched and read (once). */
let verdictInputs: Promise<VerdictInputs> | null = null;

/** The judge over the inputs and the data date, once both are here (the file may come before the manifest). */
function judged(): ScenarioJudge {
	if (asOf === null || (!published && !imported)) throw new Error('no inputs');
	judge ??= imported ? ScenarioJudge.of(imported, asOf) : new ScenarioJudge(published!.run, asOf);
	return judge;
}

async function bytesOf(url: string): Promise<Uint8Array> {
	const r = await fetch(url);
	if (!r.ok) throw new Error(`${url.split('/').pop()}: HTTP ${r.status}`);
	return new Uint8Array(await r.arrayBuffer());
}

async function fromFile(url: string, verdictUrl: string): Promise<FileLoaded> {
	const run = readRunInputs(await bytesOf(url));
	published = { run, verdictUrl };
	imported = null;
	verdictInputs = null;
	judge = null;
	return { ids: run.communities.map((c) => c.id) };
}

/** The judge, with every input of the verdicts when `s` changes the policy (fetched the first time). */
async function judgeFor(s: Scenario): Promise<ScenarioJudge> {
	const j = judged();
	if (j.needsInputs(s) && published) {
		const { run, verdictUrl } = published;
		verdictInputs ??= bytesOf(verdictUrl).then((b) => readVerdictInputs(b, run));
		const inputs = await verdictInputs.catch((e: unknown) => {
			verdictInputs = null; // a later run tries again
			throw e;
		});
		if (j.needsInputs(s)) j.supply(inputs);
	}
	return j;
}

async function handle(m: SimulationRequest): Promise<void> {
	if (m.kind === 'inputs' || m.kind === 'as-of') {
		if (m.kind === 'inputs') {
			imported = m.inputs;
			published = null;
		}
		asOf = m.asOf;
		judge = null;
		return;
	}
	try {
		let result: unknown;
		let transfer: ArrayBuffer[] = [];
		if (m.kind === 'file') result = await fromFile(m.url, m.verdictUrl);
		else if (m.kind === 'state') {
			const j = judged();
			const inFilter = m.inFilter ? new Set(m.inFilter) : null;
			result = dataState(j.inputs, j.verdicts({ policy: {} }), inFilter, j.basePipeline());
		} else {
			const run = (await judgeFor(m.scenario)).run(m.scenario, m.history, m.only);
			const packed: PackedRun = { ...run, result: packOutcomes(run.result) };
			transfer = [...transferables(packed.result), run.eligibility.buffer as ArrayBuffer];
			result = packed;
		}
		self.postMessage({ id: m.id, result }, transfer);
	} catch (err) {
		self.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
	}
}

// one message after another, in the order sent: a run waiting for the verdicts' inputs is never overtaken by a
// later one (whose result the page would then replace with the older one's)
let queue: Promise<void> = Promise.resolve();
self.onmessage = (e: MessageEvent<SimulationRequest>) => {
	queue = queue.then(() => handle(e.data));
};
