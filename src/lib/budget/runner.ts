/** Runs scenarios in the simulator's Web Worker; callers pass plain data (`$state.snapshot`), not proxies. */
import type { History, PipelineCommunity } from './forecast';
import type { Scenario } from './scenario';
import type { SimulationResult } from './simulate';
import type { SimulationRequest } from './worker';

type Reply = { id: number; result: SimulationResult } | { id: number; error: string };

export class SimulationRunner {
	#worker: Worker | null = null;
	#next = 0;
	#waiting = new Map<number, { resolve: (r: SimulationResult) => void; reject: (e: Error) => void }>();

	#start(): Worker {
		if (this.#worker) return this.#worker;
		const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
		w.onmessage = (e: MessageEvent<Reply>) => {
			const pending = this.#waiting.get(e.data.id);
			this.#waiting.delete(e.data.id);
			if ('error' in e.data) pending?.reject(new Error(e.data.error));
			else pending?.resolve(e.data.result);
		};
		this.#worker = w;
		return w;
	}

	run(
		pipeline: PipelineCommunity[],
		scenario: Scenario,
		history: History,
		asOf: string
	): Promise<SimulationResult> {
		const id = ++this.#next;
		const request: SimulationRequest = { id, pipeline, scenario, history, asOf };
		return new Promise((resolve, reject) => {
			this.#waiting.set(id, { resolve, reject });
			this.#start().postMessage(request);
		});
	}

	stop(): void {
		this.#worker?.terminate();
		this.#worker = null;
	}
}
