/** Runs the importer in its Web Worker; a worker that fails to load rejects the run (`WorkerFailure`). */
import type { ImportResult } from '$lib/ingest/import/types';
import { WorkerClient } from '$lib/util/worker-client';
import type { ImportRequest } from './import.worker';

export class ImportRunner {
	readonly #client = new WorkerClient<ImportRequest>(
		() => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }),
		{ zh: '导入', en: 'importer' }
	);

	run(request: Omit<ImportRequest, 'id'>): Promise<ImportResult> {
		return this.#client.ask<ImportResult>(request);
	}

	stop(): void {
		this.#client.stop();
	}
}

let kept: ImportRunner | null = null;

/** The app's one runner (the kept workbench holds it); `stop()` ends its worker, the next run starts another. */
export function keptRunner(): ImportRunner {
	kept ??= new ImportRunner();
	return kept;
}
