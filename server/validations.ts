// The validations queue: uploads are validated by the importer one at a time (VALIDATE_CONCURRENT, default 1 —
// ten at once had taken 12.6 GB), in the order they came; the others wait in a queue that keepers see (GET
// /api/validations: who, which files, running or waiting and at which place), the page showing a keeper their own
// place. The queue is bounded in all (VALIDATE_QUEUE) and per keeper (VALIDATE_PER_USER); past either an upload is
// refused at once, saying which. An upload whose keeper goes away while it waits leaves the queue.

import type { QueuedValidation } from '../src/lib/office/api';

export interface ValidationLimits {
	/** Importer processes at once (VALIDATE_CONCURRENT, default 1). */
	concurrent: number;
	/** Uploads waiting in all (VALIDATE_QUEUE, default 10). */
	queued: number;
	/** Uploads of one keeper running or waiting (VALIDATE_PER_USER, default 3). */
	perUser: number;
}

export type { QueuedValidation };

/** A refusal of the queue, with its HTTP status and reason in both languages. */
export class QueueRefused extends Error {
	constructor(
		readonly status: number,
		readonly zh: string,
		readonly en: string
	) {
		super(en);
	}
}

interface Job {
	info: Omit<QueuedValidation, 'state' | 'position'>;
	start(): void;
}

export class ValidationQueue {
	private readonly running: Job[] = [];
	private readonly waiting: Job[] = [];

	constructor(readonly limits: ValidationLimits) {}

	/** The uploads running, then those waiting, in order. */
	list(): QueuedValidation[] {
		return [
			...this.running.map((j) => ({ ...j.info, state: 'running' as const, position: 0 })),
			...this.waiting.map((j, i) => ({ ...j.info, state: 'waiting' as const, position: i + 1 }))
		];
	}

	/**
	 * Run `work` when a place is free; its result. Refused at once (QueueRefused) when the queue or the keeper's
	 * share is full; `signal` (the client hung up) takes it out of the queue before it starts.
	 */
	run<T>(
		meta: { ticket: string; user: string; files: string[] },
		work: () => Promise<T>,
		signal?: AbortSignal
	): Promise<T> {
		const mine = [...this.running, ...this.waiting].filter((j) => j.info.user === meta.user).length;
		if (mine >= this.limits.perUser)
			return Promise.reject(
				new QueueRefused(
					429,
					`您已有 ${mine} 个上传在校验或排队（最多 ${this.limits.perUser} 个），请等它们完成`,
					`you have ${mine} uploads validating or waiting (at most ${this.limits.perUser}); wait for them to finish`
				)
			);
		if (this.running.length >= this.limits.concurrent && this.waiting.length >= this.limits.queued)
			return Promise.reject(
				new QueueRefused(
					503,
					`校验队列已满（${this.limits.queued} 个在排队），请稍后再上传`,
					`the validation queue is full (${this.limits.queued} waiting); upload again later`
				)
			);
		return new Promise<T>((resolve, reject) => {
			const job: Job = {
				info: { ...meta, queuedAt: new Date().toISOString() },
				start: () => {
					job.info.startedAt = new Date().toISOString();
					this.running.push(job);
					work()
						.then(resolve, reject)
						.finally(() => {
							this.running.splice(this.running.indexOf(job), 1);
							this.next();
						});
				}
			};
			signal?.addEventListener(
				'abort',
				() => {
					const i = this.waiting.indexOf(job);
					if (i < 0) return;
					this.waiting.splice(i, 1);
					reject(
						new QueueRefused(
							499,
							'上传者已离开，已移出队列',
							'the uploader went away; taken out of the queue'
						)
					);
				},
				{ once: true }
			);
			this.waiting.push(job);
			this.next();
		});
	}

	private next(): void {
		while (this.running.length < this.limits.concurrent && this.waiting.length) this.waiting.shift()!.start();
	}
}
