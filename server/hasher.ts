// scrypt on a thread of its own. node:crypto's async scrypt runs on libuv's thread pool (4 threads), which file
// serving shares (stat, open, read): 40 clients looping on /api/login kept all 4 busy and a viewer's data file
// waited ~10 s behind them (issue 21, item 3). Here every hash runs, one at a time, on one worker thread, so the
// pool stays free for files, a burst of logins takes at most one core of the two, and scrypt's 32 MB is held once.
// The worker is Node's own `worker_threads` with its source inline (no file to resolve under tsx, vitest or a
// build); a pool library (piscina, tinypool) would add a worker file and buy nothing for one thread.
import { Worker } from 'node:worker_threads';

/** The worker: scryptSync for each message, in order (CommonJS, as `eval` workers are). */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
parentPort.on('message', (job) => {
	try {
		const key = scryptSync(job.password, Buffer.from(job.salt), job.keyLength, job.options);
		parentPort.postMessage({ id: job.id, key });
	} catch (e) {
		parentPort.postMessage({ id: job.id, error: String((e && e.message) || e) });
	}
});`;

export interface ScryptCost {
	N: number;
	r: number;
	p: number;
	maxmem: number;
}

interface Pending {
	resolve: (key: Buffer) => void;
	reject: (e: Error) => void;
}

/** One worker thread deriving scrypt keys in order; `waiting` is how many are queued or running. */
export class Hasher {
	private worker: Worker | undefined;
	private readonly pending = new Map<number, Pending>();
	private nextId = 1;

	/** Hashes asked for and not yet answered (the one running included). */
	get waiting(): number {
		return this.pending.size;
	}

	/** scrypt(password, salt) with `cost`, `keyLength` bytes; rejects when scrypt refuses the parameters. */
	derive(password: string, salt: Buffer, keyLength: number, cost: ScryptCost): Promise<Buffer> {
		const worker = this.start();
		const id = this.nextId++;
		return new Promise<Buffer>((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			// a pending hash keeps the process alive; an idle worker does not
			worker.ref();
			worker.postMessage({ id, password, salt: new Uint8Array(salt), keyLength, options: cost });
		});
	}

	/** Stop the worker; hashes still waiting are refused. */
	async close(): Promise<void> {
		const worker = this.worker;
		this.worker = undefined;
		this.fail(new Error('the password hasher was closed'));
		await worker?.terminate();
	}

	private start(): Worker {
		if (this.worker) return this.worker;
		const worker = new Worker(WORKER_SOURCE, { eval: true, name: 'scrypt' });
		worker.on('message', (m: { id: number; key?: Uint8Array; error?: string }) => {
			const job = this.pending.get(m.id);
			if (!job) return;
			this.pending.delete(m.id);
			if (this.pending.size === 0) worker.unref();
			if (m.key) job.resolve(Buffer.from(m.key.buffer, m.key.byteOffset, m.key.byteLength));
			else job.reject(new Error(m.error ?? 'scrypt failed'));
		});
		// a worker that dies (out of memory, killed) fails what it held; the next hash starts a new one
		const gone = (e: Error) => {
			if (this.worker === worker) this.worker = undefined;
			this.fail(e);
		};
		worker.on('error', gone);
		worker.on('exit', (code) => gone(new Error(`the password hasher stopped (exit ${code})`)));
		worker.unref();
		this.worker = worker;
		return worker;
	}

	private fail(e: Error): void {
		for (const job of this.pending.values()) job.reject(e);
		this.pending.clear();
	}
}

/** The process's one hasher (passwords.ts). */
export const hasher = new Hasher();
