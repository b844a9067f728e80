/** Runs scenarios in the simulator's Web Worker; callers pass plain data (`$state.snapshot`), not proxies. */
import type { DataState } from './data-state';
import type { History } from './forecast';
import type { VerdictInputs } from './inputs';
import type { Scenario } from './scenario';
import type { ScenarioRun } from './scenario-run';
import { unpackOutcomes } from './outcome-columns';
import type { FileLoaded, PackedRun, SimulationRequest } from './worker';
import { WorkerClient } from '../util/worker-client';

/** The simulator's worker, one per page; a worker that fails to load rejects every request (`WorkerFailure`). */
export class SimulationRunner {
	readonly #client = new WorkerClient<SimulationRequest>(
		() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
		{ zh: '预算模拟', en: 'budget simulator' }
	);

	/** Starts the worker (its module loads) before there is anything to send it. */
	warm(): void {
		this.#client.warm();
	}

	/**
	 * Has the worker fetch and read the published run's inputs itself (`url`, absolute: budget-inputs.arrow, with the
	 * build's verdicts under the policy in force): nothing of it on the page's thread. `verdictUrl`
	 * (budget-verdict-inputs.arrow) is fetched only when a scenario first changes a policy field. Answers the
	 * communities' ids in the inputs' order; fails when the file cannot be had.
	 */
	loadFile(url: string, verdictUrl: string): Promise<FileLoaded> {
		return this.#client.ask<FileLoaded>({ kind: 'file', url, verdictUrl });
	}

	/** The data date the worker judges the file's inputs on (sent when the manifest is in; the file may be later). */
	asOf(asOf: string): void {
		this.#client.tell({ kind: 'as-of', asOf });
	}

	/** Hands the communities' inputs (rows read through SQL, under an import) to the worker. */
	load(inputs: VerdictInputs, asOf: string): void {
		this.#client.tell({ kind: 'inputs', inputs, asOf });
	}

	/** Runs a scenario; `only` is the ids of a filter pipeline (from its SQL), else null. */
	async run(scenario: Scenario, history: History, only: string[] | null): Promise<ScenarioRun> {
		const r = await this.#client.ask<PackedRun>({ kind: 'run', scenario, history, only });
		return { ...r, result: unpackOutcomes(r.result) };
	}

	/** The data's history, plans and payments per year (within `inFilter`'s ids) and pipeline subsidy. */
	state(inFilter: string[] | null): Promise<DataState> {
		return this.#client.ask<DataState>({ kind: 'state', inFilter });
	}

	stop(): void {
		this.#client.stop();
	}
}
