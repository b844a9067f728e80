// The query door's processes: a few query processes (server/query-child.ts), each running one query at a time,
// and a queue in front of them. The server's own process only passes SQL in and Arrow bytes out, so a query —
// however large its result or its DuckDB work — never blocks the event loop that serves everyone else, and never
// holds the server's memory. Each query is bounded from outside: its time (interrupted at the limit, its process
// killed if it does not stop within a grace), its process's resident memory (killed past QUERY_MEMORY_MB), and
// its share: one user never holds every process, has at most QUERY_PER_USER queries running or waiting, and the
// queue holds at most QUERY_QUEUE. Past any of them the query is refused, in Chinese and English, saying which.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CHILD_IMPORTS, lowerPriority, watchMemory } from './children';
import { QueryRefused, type EngineLimits, type QueryLimits } from './query';
import type { FromQueryChild, ToQueryChild } from './query-child';

export interface PoolLimits {
	/** Query processes, i.e. queries running at once (QUERY_CONCURRENT, default 2). */
	processes: number;
	/** Queries one user (or, before a login is needed, one address) may have running or waiting (QUERY_PER_USER,
	 *  default 8: the dashboard sends a handful per filter). */
	perUser: number;
	/** Queries waiting in all (QUERY_QUEUE, default 32). */
	queued: number;
	/** Resident memory of one query process, MB (QUERY_MEMORY_MB, default 1024): DuckDB gets 40 % as its
	 *  memory_limit, V8 40 % as its heap; past the whole the process is killed. */
	memoryMB: number;
	/** DuckDB threads per query (QUERY_THREADS, default 1). */
	threads: number;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** How long a query may go on after it was told to stop before its process is killed. */
const GRACE_MS = 2000;
/** An idle query process ends after this long (its DuckDB cache freed); the next query starts one. */
const IDLE_MS = 5 * 60_000;

interface Job {
	id: number;
	user: string;
	file: string;
	sql: string;
	resolve(ipc: Uint8Array): void;
	reject(e: QueryRefused): void;
	/** Refuses it when it has waited as long as a query may run. */
	waitTimer?: NodeJS.Timeout;
	/** Its client hung up. */
	aborted?: boolean;
	/** Ends its time and memory watches. */
	stop?: () => void;
}

interface Slot {
	child?: ChildProcess;
	ready?: Promise<ChildProcess>;
	job?: Job;
	idle?: NodeJS.Timeout;
}

export class QueryPool {
	private readonly slots: Slot[];
	private readonly waiting: Job[] = [];
	private readonly perUser = new Map<string, number>();
	private nextId = 1;
	private closed = false;

	constructor(
		readonly limits: PoolLimits,
		readonly query: QueryLimits
	) {
		this.slots = Array.from({ length: Math.max(1, limits.processes) }, () => ({}));
	}

	/** Queries running and waiting now. */
	stats(): { running: number; waiting: number; processes: number } {
		return {
			running: this.slots.filter((s) => s.job).length,
			waiting: this.waiting.length,
			processes: this.slots.filter((s) => s.child).length
		};
	}

	/** The pids of the query processes (tests). */
	pids(): number[] {
		return this.slots.flatMap((s) => (s.child?.pid ? [s.child.pid] : []));
	}

	/**
	 * Run `sql` for `user` over the query database `file`: its Arrow IPC bytes, or a QueryRefused. `signal` aborts
	 * it (the client hung up): removed from the queue, or interrupted.
	 */
	run(user: string, file: string, sql: string, signal?: AbortSignal): Promise<Uint8Array> {
		if (this.closed) return Promise.reject(new QueryRefused(503, '服务器正在停止', 'the server is stopping'));
		const mine = this.perUser.get(user) ?? 0;
		if (mine >= this.limits.perUser)
			return Promise.reject(
				new QueryRefused(
					429,
					`您同时进行的查询过多（最多 ${this.limits.perUser} 个），请等前面的查询完成`,
					`too many queries of yours at once (at most ${this.limits.perUser}); wait for the earlier ones`
				)
			);
		if (this.waiting.length >= this.limits.queued)
			return Promise.reject(
				new QueryRefused(
					503,
					`服务器查询繁忙（${this.limits.queued} 个在排队），请稍后再试`,
					`the query door is busy (${this.limits.queued} queries waiting); try again shortly`
				)
			);
		// the first query starts every process, so that the next ones (another user's) need not wait for one
		for (const slot of this.slots) if (!slot.ready) this.warm(slot);
		this.perUser.set(user, mine + 1);
		return new Promise<Uint8Array>((resolve, reject) => {
			const done = () => {
				const n = (this.perUser.get(user) ?? 1) - 1;
				if (n > 0) this.perUser.set(user, n);
				else this.perUser.delete(user);
			};
			const job: Job = {
				id: this.nextId++,
				user,
				file,
				sql,
				resolve: (ipc) => (done(), resolve(ipc)),
				reject: (e) => (done(), reject(e))
			};
			job.waitTimer = setTimeout(() => {
				if (!this.dequeue(job)) return;
				job.reject(
					new QueryRefused(
						503,
						`查询排队超过 ${this.query.ms / 1000} 秒，服务器繁忙，请稍后再试`,
						`the query waited past ${this.query.ms / 1000} s: the server is busy; try again shortly`
					)
				);
			}, this.query.ms);
			signal?.addEventListener('abort', () => this.abort(job), { once: true });
			this.waiting.push(job);
			this.dispatch();
		});
	}

	private dequeue(job: Job): boolean {
		const i = this.waiting.indexOf(job);
		if (i < 0) return false;
		this.waiting.splice(i, 1);
		clearTimeout(job.waitTimer);
		return true;
	}

	private abort(job: Job): void {
		job.aborted = true;
		if (this.dequeue(job))
			return job.reject(new QueryRefused(499, '查询已取消', 'the query was cancelled by its client'));
		const slot = this.slots.find((s) => s.job === job);
		if (slot?.child) this.send(slot.child, { kind: 'interrupt', id: job.id });
	}

	/** Running queries of `user` now. */
	private runningOf(user: string): number {
		return this.slots.filter((s) => s.job?.user === user).length;
	}

	/** Start waiting queries on free processes: the oldest whose user holds fewer than all but one process. */
	private dispatch(): void {
		const cap = Math.max(1, this.slots.length - 1);
		for (const slot of this.slots) {
			if (slot.job) continue;
			const i = this.waiting.findIndex((j) => this.runningOf(j.user) < cap);
			if (i < 0) return;
			const [job] = this.waiting.splice(i, 1) as [Job];
			clearTimeout(job.waitTimer);
			slot.job = job;
			void this.start(slot, job);
		}
	}

	private spawnChild(slot: Slot): Promise<ChildProcess> {
		const heap = Math.max(64, Math.floor(this.limits.memoryMB * 0.4));
		const child = spawn(
			process.execPath,
			[`--max-old-space-size=${heap}`, ...CHILD_IMPORTS, 'server/query-child.ts'],
			{
				cwd: ROOT,
				stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
				serialization: 'advanced',
				// the query process kills itself when the server is gone (scripts/lib/exit-with-parent.ts)
				env: { ...process.env, YQ_PARENT_PID: String(process.pid) }
			}
		);
		lowerPriority(child.pid);
		slot.child = child;
		child.on('error', (e) => console.error('query process:', e));
		child.on('exit', (code, signal) => this.exited(slot, child, code, signal));
		child.on('message', (m: FromQueryChild) => this.answer(slot, m));
		return new Promise((resolve, reject) => {
			child.once('message', () => resolve(child));
			child.once('exit', () => reject(new Error('the query process ended before it was ready')));
		});
	}

	/** Start a slot's process ahead of its first query. */
	private warm(slot: Slot): void {
		slot.ready = this.spawnChild(slot);
		slot.ready.then(
			(child) => this.idleAfter(slot, child),
			() => {
				slot.ready = undefined;
				slot.child = undefined;
			}
		);
	}

	/** End the slot's process after IDLE_MS without a query. */
	private idleAfter(slot: Slot, child: ChildProcess): void {
		clearTimeout(slot.idle);
		if (this.closed || slot.job) return;
		slot.idle = setTimeout(() => slot.child === child && !slot.job && child.kill('SIGTERM'), IDLE_MS);
		slot.idle.unref();
	}

	private send(child: ChildProcess, m: ToQueryChild): void {
		if (child.connected) child.send(m, (e) => e && console.error('query process:', e.message));
	}

	/** Why the running query of a slot was ended from outside (time, memory), for its answer. */
	private readonly killedFor = new WeakMap<ChildProcess, QueryRefused>();

	private async start(slot: Slot, job: Job): Promise<void> {
		clearTimeout(slot.idle);
		let child: ChildProcess;
		try {
			child = await (slot.ready ??= this.spawnChild(slot));
		} catch {
			slot.ready = undefined;
			slot.child = undefined;
			slot.job = undefined;
			job.reject(new QueryRefused(500, '查询进程无法启动', 'the query process could not start'));
			return this.dispatch();
		}
		if (job.aborted) {
			slot.job = undefined;
			job.reject(new QueryRefused(499, '查询已取消', 'the query was cancelled by its client'));
			return this.dispatch();
		}
		const { ms, maxRows, maxBytes } = this.query;
		const engine: EngineLimits = {
			memoryMB: Math.max(64, Math.floor(this.limits.memoryMB * 0.4)),
			threads: this.limits.threads
		};
		const kill = (why: QueryRefused) => {
			if (slot.child !== child || slot.job !== job) return;
			this.killedFor.set(child, why);
			child.kill('SIGKILL');
		};
		const seconds = ms / 1000;
		const interrupt = setTimeout(() => this.send(child, { kind: 'interrupt', id: job.id }), ms);
		const hardStop = setTimeout(
			() =>
				kill(
					new QueryRefused(
						408,
						`查询超过 ${seconds} 秒，已取消`,
						`the query ran past ${seconds} s and was cancelled`
					)
				),
			ms + GRACE_MS
		);
		const stopWatch = watchMemory(child.pid!, this.limits.memoryMB, () =>
			kill(
				new QueryRefused(
					413,
					`查询所需内存超过 ${this.limits.memoryMB} MB，已停止：请加筛选或汇总`,
					`the query needed more than ${this.limits.memoryMB} MB of memory and was stopped: filter or aggregate`
				)
			)
		);
		job.stop = () => {
			clearTimeout(interrupt);
			clearTimeout(hardStop);
			stopWatch();
		};
		this.send(child, {
			kind: 'query',
			id: job.id,
			file: job.file,
			sql: job.sql,
			limits: { ms, maxRows, maxBytes },
			engine
		});
	}

	private finish(slot: Slot): Job | undefined {
		const job = slot.job;
		if (!job) return undefined;
		job.stop?.();
		slot.job = undefined;
		return job;
	}

	private answer(slot: Slot, m: FromQueryChild): void {
		if (m.kind === 'ready' || slot.job?.id !== m.id) return;
		const job = this.finish(slot)!;
		if (m.kind === 'result') job.resolve(m.ipc);
		else job.reject(new QueryRefused(m.status, m.zh, m.en));
		if (slot.child) this.idleAfter(slot, slot.child);
		this.dispatch();
	}

	private exited(slot: Slot, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
		if (slot.child !== child) return;
		slot.child = undefined;
		slot.ready = undefined;
		clearTimeout(slot.idle);
		const job = this.finish(slot);
		if (job) {
			const why =
				this.killedFor.get(child) ??
				// V8 out of heap aborts the process (SIGABRT or 134)
				(signal === 'SIGABRT' || code === 134
					? new QueryRefused(
							413,
							`查询结果所需内存超过上限，已停止：请只选需要的列，或加筛选、汇总`,
							'the query needed more memory than it may have and was stopped: select fewer columns, filter or aggregate'
						)
					: new QueryRefused(
							500,
							`查询进程意外结束（${signal ?? code}），已重启`,
							`the query process ended unexpectedly (${signal ?? code}) and was restarted`
						));
			job.reject(why);
		}
		this.dispatch();
	}

	/** Refuse what waits, end every query process. */
	close(): void {
		this.closed = true;
		for (const job of this.waiting.splice(0)) {
			clearTimeout(job.waitTimer);
			job.reject(new QueryRefused(503, '服务器正在停止', 'the server is stopping'));
		}
		for (const slot of this.slots) {
			clearTimeout(slot.idle);
			slot.child?.kill('SIGKILL');
		}
	}
}
