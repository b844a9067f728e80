/**
 * One coordinator owns all queries (one per app, held by the data session). Views declare the SQL they need (a
 * function of the filter state); the coordinator runs it once DuckDB-WASM is ready, one at a time, caches results
 * by SQL text, and re-runs a view's query only when its SQL text changes — so a filter change re-runs just the
 * queries that filter touches. `clear()` (the data changed: an import applied or discarded) empties the cache and
 * makes every declared query run again.
 */
import { getContext, setContext } from 'svelte';
import type { Connector, LoadProgress } from './connector';

const CACHE_LIMIT = 256;

/** A query dropped before it ran: a newer one was asked for in the same slot (a newer filter superseded it). */
export class SupersededError extends Error {
	constructor(sql: string) {
		super(`superseded: ${sql.slice(0, 80)}`);
		this.name = 'SupersededError';
	}
}

export class Coordinator {
	status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
	progress = $state<LoadProgress | null>(null);
	error = $state<string | null>(null);
	/** Queries run (not served from cache), for tests and the benchmark. */
	runs = $state(0);
	/** Bumped by `clear()`: declared queries read it, so they run again over the new data. */
	version = $state(0);

	#connector: Connector | null = null;
	// The cache is bookkeeping, not state that views read: a plain Map on purpose.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#cache = new Map<string, Promise<unknown>>();
	#queue: Promise<unknown> = Promise.resolve();
	// the newest request per slot: a queued query whose ticket is older never runs
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#latest = new Map<string, { ticket: number; key: string; started: boolean }>();
	#tickets = 0;

	/** Opens the database with `open` (once); views' queries wait for it. */
	async connect(open: (onProgress: (p: LoadProgress) => void) => Promise<Connector>): Promise<void> {
		if (this.status !== 'idle') return;
		this.status = 'loading';
		try {
			this.#connector = await open((p) => (this.progress = p));
			this.status = 'ready';
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			this.status = 'error';
		}
	}

	/** Forgets every cached result; declared queries run again (the data under them changed). */
	clear(): void {
		this.#cache.clear();
		this.version++;
	}

	/**
	 * Runs `task` in the query queue, uncached: queries asked for after it wait for it (loading or swapping
	 * tables), and it waits for those asked for before.
	 */
	exclusive<T>(task: () => Promise<T>): Promise<T> {
		const run = this.#queue.then(task);
		this.#queue = run.catch(() => undefined);
		return run;
	}

	/** The result of `read` on `sql`, run now in the queue, never from the cache (the SQL console). */
	fresh<T>(sql: string, read: (c: Connector, sql: string) => Promise<T>): Promise<T> {
		const connector = this.#connector;
		if (!connector) return Promise.reject(new Error('database not ready'));
		return this.exclusive(() => {
			this.runs++;
			return read(connector, sql);
		});
	}

	/**
	 * The result of `read` on `sql`, from cache when the same SQL ran before. With a `slot` (one per view's query),
	 * a newer request in the same slot supersedes this one: if it has not started yet it never runs and rejects
	 * with `SupersededError`, so queries never wait behind a stale one.
	 */
	request<T>(sql: string, read: (c: Connector, sql: string) => Promise<T>, slot?: string): Promise<T> {
		const key = `${read.name}\u0000${sql}`;
		const ticket = ++this.#tickets;
		const before = slot === undefined ? undefined : this.#latest.get(slot);
		// the slot's older query will not run: never hand its promise out of the cache again
		if (before && !before.started && before.key !== key) this.#cache.delete(before.key);
		const hit = this.#cache.get(key);
		if (hit) {
			if (slot !== undefined && before?.key !== key) this.#latest.set(slot, { ticket, key, started: true });
			this.#cache.delete(key);
			this.#cache.set(key, hit);
			return hit as Promise<T>;
		}
		if (slot !== undefined) this.#latest.set(slot, { ticket, key, started: false });
		const connector = this.#connector;
		if (!connector) return Promise.reject(new Error('database not ready'));
		const run = this.#queue.then(() => {
			if (slot !== undefined) {
				const latest = this.#latest.get(slot)!;
				if (latest.ticket !== ticket) throw new SupersededError(sql);
				latest.started = true;
			}
			this.runs++;
			return read(connector, sql);
		});
		this.#queue = run.catch(() => undefined);
		this.#cache.set(key, run);
		run.catch(() => {
			if (this.#cache.get(key) === run) this.#cache.delete(key);
		});
		if (this.#cache.size > CACHE_LIMIT) this.#cache.delete(this.#cache.keys().next().value!);
		return run;
	}
}

/** What a view receives for a declared query. */
export class QueryResult<T> {
	result = $state.raw<T | undefined>(undefined);
	pending = $state(false);
	error = $state<string | null>(null);
}

/** Rows as plain objects. */
export function rows<T>(c: Connector, sql: string): Promise<T[]> {
	return c.query<T>(sql);
}

let slots = 0;

/**
 * Declares a query from a component: `sql` is re-evaluated when what it reads changes; the query runs when the
 * SQL text differs from the last one and the database is ready.
 */
export function useQuery<T>(
	coordinator: Coordinator,
	sql: () => string | null,
	read: (c: Connector, sql: string) => Promise<T>
): QueryResult<T> {
	const out = new QueryResult<T>();
	const slot = `q${++slots}`;
	let last: string | null = null;
	let version = -1;
	$effect(() => {
		const text = sql();
		const v = coordinator.version;
		if (coordinator.status !== 'ready' || text === null || (text === last && v === version)) return;
		last = text;
		version = v;
		out.pending = true;
		coordinator.request(text, read, slot).then(
			(r) => {
				if (last !== text || version !== v) return;
				out.result = r;
				out.error = null;
				out.pending = false;
			},
			(e: unknown) => {
				// stale: a newer query of this view is on its way
				if (last !== text || version !== v || e instanceof SupersededError) return;
				out.error = e instanceof Error ? e.message : String(e);
				out.pending = false;
			}
		);
	});
	return out;
}

const KEY = Symbol('coordinator');

export function setCoordinator(c: Coordinator): Coordinator {
	return setContext(KEY, c);
}

export function getCoordinator(): Coordinator {
	const c = getContext<Coordinator | undefined>(KEY);
	if (!c) throw new Error('no coordinator: the layout must call setSession (or setCoordinator)');
	return c;
}
