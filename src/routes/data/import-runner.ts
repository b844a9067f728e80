/** Runs the importer in its Web Worker; one request at a time, a newer one wins (older replies are dropped). */
import type { ImportResult } from '$lib/ingest/import/types';
import type { ImportReply, ImportRequest } from './import.worker';

export class ImportRunner {
	#worker: Worker | null = null;
	#next = 0;
	#waiting = new Map<number, { resolve: (r: ImportResult) => void; reject: (e: Error) => void }>();

	#start(): Worker {
		if (this.#worker) return this.#worker;
		const w = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
		w.onmessage = (e: MessageEvent<ImportReply>) => {
			const pending = this.#waiting.get(e.data.id);
			this.#waiting.delete(e.data.id);
			if ('error' in e.data) pending?.reject(new Error(e.data.error));
			else pending?.resolve(e.data.result);
		};
		w.onerror = (e) => {
			for (const p of this.#waiting.values()) p.reject(new Error(e.message || 'import worker failed'));
			this.#waiting.clear();
		};
		this.#worker = w;
		return w;
	}

	run(request: Omit<ImportRequest, 'id'>): Promise<ImportResult> {
		const id = ++this.#next;
		return new Promise((resolve, reject) => {
			this.#waiting.set(id, { resolve, reject });
			this.#start().postMessage({ ...request, id } satisfies ImportRequest);
		});
	}

	stop(): void {
		this.#worker?.terminate();
		this.#worker = null;
	}
}

let kept: ImportRunner | null = null;

/** The app's one runner (the kept workbench holds it); `stop()` ends its worker, the next run starts another. */
export function keptRunner(): ImportRunner {
	kept ??= new ImportRunner();
	return kept;
}
