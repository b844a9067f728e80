// Every worker of the app goes through one client (src/lib/util/worker-client.ts): a worker that fails to load
// (its script 404s: the browser fires a bare `error` event) or throws while loading (an ErrorEvent with a message)
// rejects what waits on it and what comes after, naming the worker in Chinese and English. Before the one client,
// the budget simulator's runner had no `onerror`: its requests waited forever and /budget said “loading” for good.
// Node has no Web Worker: `StandInWorker` plays the browser's side — it answers requests like the real workers, or
// fails the way a browser reports a worker that failed.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { SimulationRunner } from '../../src/lib/budget/runner';
import { WorkerClient, WorkerFailure } from '../../src/lib/util/worker-client';
import { ImportRunner } from '../../src/routes/data/import-runner';

type Message = { id?: number; kind?: string };

/** A browser Worker as the runners see it: messages in, replies out, `error` events. */
class StandInWorker extends EventTarget {
	static made: StandInWorker[] = [];
	/** Whether new stand-ins answer requests. */
	static answering = false;
	onmessage: ((e: MessageEvent) => void) | null = null;
	onerror: ((e: Event) => void) | null = null;
	received: Message[] = [];
	terminated = false;
	/** Answers requests (`{ id, result }`) when true; else keeps them, as a worker that never loaded. */
	answers = StandInWorker.answering;

	constructor() {
		super();
		StandInWorker.made.push(this);
	}

	postMessage(m: Message): void {
		this.received.push(m);
		if (this.answers && m.id !== undefined) {
			const reply = { id: m.id, result: `answer to ${m.kind ?? 'import'}` };
			setTimeout(() => this.onmessage?.(new MessageEvent('message', { data: reply })));
		}
	}

	terminate(): void {
		this.terminated = true;
	}

	/** What the browser does when the script fails: `message` set when it threw, none when it did not load. */
	fail(message?: string): void {
		const e = new Event('error');
		if (message !== undefined) Object.assign(e, { message });
		this.onerror?.(e);
		this.dispatchEvent(e);
	}
}

// the stand-in is this file's alone: the unit tier shares its workers' globals between files (isolate: false)
vi.stubGlobal('Worker', StandInWorker);
afterAll(() => vi.unstubAllGlobals());
afterEach(() => {
	StandInWorker.made = [];
	StandInWorker.answering = false;
});

/** Whether `p` has settled once the events queued by then have run (no time limit: settled or not). */
async function outcome<T>(
	p: Promise<T>
): Promise<{ settled: false } | { settled: true; value?: T; error?: unknown }> {
	let result: { settled: false } | { settled: true; value?: T; error?: unknown } = { settled: false };
	p.then(
		(value) => (result = { settled: true, value }),
		(error: unknown) => (result = { settled: true, error })
	);
	await new Promise((r) => setTimeout(r));
	return result;
}

describe('a worker that fails to load', () => {
	it('/budget: the simulator’s requests reject with the worker named, instead of waiting for ever', async () => {
		const runner = new SimulationRunner();
		runner.warm();
		const file = runner.loadFile(
			'http://127.0.0.1/data/budget-inputs.arrow',
			'http://127.0.0.1/data/budget-verdict-inputs.arrow'
		);
		const state = runner.state(null);
		const outcomes = [outcome<unknown>(file), outcome<unknown>(state)];
		StandInWorker.made[0]!.fail(); // the worker's script answered 404
		for (const o of await Promise.all(outcomes)) {
			expect(o.settled).toBe(true);
			const error = o.settled ? o.error : null;
			expect(error).toBeInstanceOf(WorkerFailure);
			expect((error as WorkerFailure).zh).toContain('预算模拟的后台线程未能加载');
			expect((error as WorkerFailure).en).toContain("The budget simulator's worker could not be loaded");
		}
		expect(StandInWorker.made[0]!.terminated).toBe(true);
		// a later request (a scenario run) is refused at once, and no second worker is started behind the page's back
		const later = await outcome(runner.run({} as never, {} as never, null));
		expect(later.settled && later.error).toBeInstanceOf(WorkerFailure);
		expect(StandInWorker.made).toHaveLength(1);
	});

	it('/data: the importer’s run rejects with the error the worker threw while loading', async () => {
		const runner = new ImportRunner();
		const run = outcome(runner.run({} as never));
		StandInWorker.made[0]!.fail('Uncaught SyntaxError: Unexpected token');
		const o = await run;
		expect(o.settled).toBe(true);
		const error = (o.settled ? o.error : null) as WorkerFailure;
		expect(error).toBeInstanceOf(WorkerFailure);
		expect(error.zh).toContain('导入的后台线程出错：Uncaught SyntaxError');
		expect(error.en).toContain("The importer's worker failed: Uncaught SyntaxError");
	});

	it('stop() after a failure lets the next request start a new worker (the page tries again)', async () => {
		const runner = new SimulationRunner();
		runner.warm();
		StandInWorker.made[0]!.fail();
		runner.stop();
		StandInWorker.answering = true;
		await expect(runner.state(null)).resolves.toBe('answer to state');
		expect(StandInWorker.made).toHaveLength(2);
	});
});

describe('a worker that works', () => {
	it('asks get their own answers by id; tells carry no id and get none', async () => {
		const client = new WorkerClient<{ id: number; kind: 'run' } | { kind: 'as-of'; asOf: string }>(
			() => new Worker('x.js'),
			{ zh: '测试', en: 'test' }
		);
		client.tell({ kind: 'as-of', asOf: '2026-11-15' });
		const worker = StandInWorker.made[0]!;
		worker.answers = true;
		const a = client.ask<string>({ kind: 'run' });
		const b = client.ask<string>({ kind: 'run' });
		expect(await Promise.all([a, b])).toEqual(['answer to run', 'answer to run']);
		expect(worker.received).toEqual([
			{ kind: 'as-of', asOf: '2026-11-15' },
			{ kind: 'run', id: 1 },
			{ kind: 'run', id: 2 }
		]);
	});

	it('a request the worker could not do rejects with its error; the worker stays usable', async () => {
		const client = new WorkerClient<{ id: number; kind: 'run' }>(() => new Worker('x.js'), {
			zh: '测试',
			en: 'test'
		});
		const failing = client.ask<string>({ kind: 'run' });
		const worker = StandInWorker.made[0]!;
		worker.onmessage?.(new MessageEvent('message', { data: { id: 1, error: 'no inputs' } }));
		await expect(failing).rejects.toThrow('no inputs');
		worker.answers = true;
		await expect(client.ask<string>({ kind: 'run' })).resolves.toBe('answer to run');
	});
});
