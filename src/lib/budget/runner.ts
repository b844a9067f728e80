/** Runs scenarios in the simulator's Web Worker; callers pass plain data (`$state.snapshot`), not proxies. */
import type { DataState } from './data-state';
import type { History } from './forecast';
import type { VerdictInputs } from './inputs';
import type { Scenario } from './scenario';
import type { ScenarioRun } from './scenario-run';
import type { FileLoaded, SimulationRequest } from './worker';

type Reply = { id: number; result: unknown } | { id: number; error: string };

export class SimulationRunner {
	#worker: Worker | null = null;
	#next = 0;
	#waiting = new Map<number, { resolve: (r: never) => void; reject: (e: Error) => void }>();

	#start(): Worker {
		if (this.#worker) return this.#worker;
		const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
		w.onmessage = (e: MessageEvent<Reply>) => {
			const pending = this.#waiting.get(e.data.id);
			this.#waiting.delete(e.data.id);
			if ('error' in e.data) pending?.reject(new Error(e.data.error));
			else pending?.resolve(e.data.result as never);
		};
		this.#worker = w;
		return w;
	}

	/** Starts the worker (its module loads) before there is anything to send it. */
	warm(): void {
		this.#start();
	}

	/**
	 * Has the worker fetch and read the published inputs file itself (`url`, absolute): nothing of it on the page's
	 * thread. Answers the communities' ids in the inputs' order; fails when the file cannot be had.
	 */
	loadFile(url: string): Promise<FileLoaded> {
		return this.#ask<FileLoaded>({ kind: 'file', id: ++this.#next, url });
	}

	/** The data date the worker judges the file's inputs on (sent when the manifest is in; the file may be later). */
	asOf(asOf: string): void {
		const request: SimulationRequest = { kind: 'as-of', asOf };
		this.#start().postMessage(request);
	}

	/** Hands the communities' inputs (rows read through SQL, under an import) to the worker. */
	load(inputs: VerdictInputs, asOf: string): void {
		const request: SimulationRequest = { kind: 'inputs', inputs, asOf };
		this.#start().postMessage(request);
	}

	/** Runs a scenario; `only` is the ids of a filter pipeline (from its SQL), else null. */
	run(scenario: Scenario, history: History, only: string[] | null): Promise<ScenarioRun> {
		return this.#ask<ScenarioRun>({ kind: 'run', id: ++this.#next, scenario, history, only });
	}

	/** The data's history, plans and payments per year (within `inFilter`'s ids) and pipeline subsidy. */
	state(inFilter: string[] | null): Promise<DataState> {
		return this.#ask<DataState>({ kind: 'state', id: ++this.#next, inFilter });
	}

	#ask<T>(request: SimulationRequest & { id: number }): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			this.#waiting.set(request.id, { resolve: resolve as (r: never) => void, reject });
			this.#start().postMessage(request);
		});
	}

	stop(): void {
		this.#worker?.terminate();
		this.#worker = null;
	}
}
