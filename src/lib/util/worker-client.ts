/**
 * The one way this app talks to a Web Worker of its own: requests carry an `id`, the worker answers
 * `{ id, result }` or `{ id, error }`, and a worker that fails — its module does not load (a 404, a syntax error),
 * it throws outside a request, or a reply cannot be read — rejects every request waiting on it and every later one
 * with a `WorkerFailure` naming the worker in Chinese and English. Nothing waits forever on a dead worker.
 * `watchWorker` gives the same failure for a worker driven by a library's own protocol (DuckDB-WASM's).
 */

/** A worker's name in both languages, as a reader would call it (“预算模拟” / “budget simulator”). */
export interface WorkerName {
	zh: string;
	en: string;
}

/** What a worker of this app posts back: the answer to request `id`, or why there is none. */
export type WorkerReply = { id: number; result: unknown } | { id: number; error: string };

/** A worker that stopped (or never started): `zh` and `en` say which and why; `message` holds both. */
export class WorkerFailure extends Error {
	readonly zh: string;
	readonly en: string;
	constructor(name: WorkerName, detail: string | null) {
		const zh = `${name.zh}的后台线程${detail ? `出错：${detail}` : '未能加载'}。请刷新页面；仍不行时，网站的文件可能不全，请告诉维护人员。`;
		const en = `The ${name.en}'s worker ${detail ? `failed: ${detail}` : 'could not be loaded'}. Reload the page; if it fails again the site's files may be incomplete — tell its keeper.`;
		super(`${zh} ${en}`);
		this.name = 'WorkerFailure';
		this.zh = zh;
		this.en = en;
	}
}

/** Why a worker's `error` event fired: the error's message, or null when the script could not be loaded. */
function detailOf(event: Event): string | null {
	const message = (event as Partial<ErrorEvent>).message;
	return typeof message === 'string' && message !== '' ? message : null;
}

/**
 * Calls `onFailure` once when `worker` fails (`error`, `messageerror`); returns the function that stops watching.
 * For workers whose messages a library handles (DuckDB-WASM clears its pending requests on an error and leaves
 * their promises waiting).
 */
export function watchWorker(
	worker: Worker,
	name: WorkerName,
	onFailure: (failure: WorkerFailure) => void
): () => void {
	let done = false;
	const onError = (event: Event) => {
		if (done) return;
		done = true;
		onFailure(new WorkerFailure(name, detailOf(event)));
	};
	const onMessageError = () => {
		if (done) return;
		done = true;
		onFailure(new WorkerFailure(name, 'a reply could not be read / 回复无法读取'));
	};
	worker.addEventListener('error', onError);
	worker.addEventListener('messageerror', onMessageError);
	return () => {
		worker.removeEventListener('error', onError);
		worker.removeEventListener('messageerror', onMessageError);
	};
}

/** `R` without its `id`, for each member of a union. */
type WithoutId<R> = R extends unknown ? Omit<R, 'id'> : never;

/**
 * A request/reply client over one worker, started on first use. `Request` is the worker's message type: members
 * with an `id` are asked (and answered), members without one are told (no answer).
 */
export class WorkerClient<Request extends object> {
	readonly #make: () => Worker;
	readonly #name: WorkerName;
	#worker: Worker | null = null;
	#failed: WorkerFailure | null = null;
	#next = 0;
	#waiting = new Map<number, { resolve: (r: never) => void; reject: (e: Error) => void }>();

	/** `make` creates the worker (`new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module' })`). */
	constructor(make: () => Worker, name: WorkerName) {
		this.#make = make;
		this.#name = name;
	}

	/** The worker, started if need be; null once it failed (until `stop()`). */
	#start(): Worker | null {
		if (this.#failed) return null;
		if (this.#worker) return this.#worker;
		const w = this.#make();
		w.onmessage = (e: MessageEvent<WorkerReply>) => {
			const pending = this.#waiting.get(e.data.id);
			this.#waiting.delete(e.data.id);
			if ('error' in e.data) pending?.reject(new Error(e.data.error));
			else pending?.resolve(e.data.result as never);
		};
		watchWorker(w, this.#name, (failure) => this.#fail(failure));
		this.#worker = w;
		return w;
	}

	#fail(failure: WorkerFailure): void {
		this.#failed = failure;
		this.#worker?.terminate();
		this.#worker = null;
		for (const p of this.#waiting.values()) p.reject(failure);
		this.#waiting.clear();
	}

	/** Starts the worker (its module loads) before there is anything to send it. */
	warm(): void {
		this.#start();
	}

	/** Sends `request` with a fresh id; answers its result, or rejects with its error or the worker's failure. */
	ask<T>(request: WithoutId<Extract<Request, { id: number }>>): Promise<T> {
		const id = ++this.#next;
		return new Promise<T>((resolve, reject) => {
			const w = this.#start();
			if (!w) return reject(this.#failed!);
			this.#waiting.set(id, { resolve: resolve as (r: never) => void, reject });
			w.postMessage({ ...request, id });
		});
	}

	/** Sends a message that has no answer; dropped when the worker failed (the next `ask` says so). */
	tell(message: Exclude<Request, { id: number }>): void {
		this.#start()?.postMessage(message);
	}

	/** Ends the worker; requests still waiting are left unanswered. The next call starts another. */
	stop(): void {
		this.#worker?.terminate();
		this.#worker = null;
		this.#failed = null;
	}
}
