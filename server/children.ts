// What the office server's child processes (the importer for uploads, the query processes) share: a watch on
// their resident memory — a hard limit the server enforces from outside, whatever the child allocates (V8's heap
// limit covers only its JS objects, not DuckDB's or zlib's native memory) — and a lower CPU priority, so that on a
// small machine the server answering viewers comes first.
import { readFileSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Node's options for a child: TypeScript through tsx, and the hook that kills the child when the server is gone
 *  (with YQ_PARENT_PID in its environment; scripts/lib/exit-with-parent-hook.ts). Relative to the project root. */
export const CHILD_IMPORTS = ['--import', 'tsx', '--import', './scripts/lib/exit-with-parent-hook.ts'];

/** The resident set size of process `pid` in MB (Linux: /proc), or undefined when it cannot be read. */
export function rssMB(pid: number): number | undefined {
	try {
		const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
		return kb === undefined ? undefined : Number(kb) / 1024;
	} catch {
		return undefined;
	}
}

/**
 * Call `over(mb)` once when process `pid` holds more than `limitMB` of memory, checked every `everyMs`; returns a
 * function that stops watching. Where /proc is missing (not Linux) nothing is watched: the V8 heap limit and
 * DuckDB's memory_limit still hold.
 */
export function watchMemory(
	pid: number,
	limitMB: number,
	over: (mb: number) => void,
	everyMs = 100
): () => void {
	const timer = setInterval(() => {
		const mb = rssMB(pid);
		if (mb !== undefined && mb > limitMB) {
			clearInterval(timer);
			over(mb);
		}
	}, everyMs);
	timer.unref();
	return () => clearInterval(timer);
}

/** Run process `pid` at a lower priority (nice 10) than the server; ignored where not permitted. */
export function lowerPriority(pid: number | undefined): void {
	if (pid === undefined) return;
	try {
		setPriority(pid, 10);
	} catch {
		// not permitted here: the child runs at the server's priority
	}
}
