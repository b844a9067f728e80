// A child process that must not outlive the process that started it (the office server's importer and query
// processes): when the parent is gone — killed with SIGKILL, crashed — this process kills itself. Two watchers:
// the IPC channel's 'disconnect' (when there is one), and a poll of the parent's pid on a thread of its own, which
// fires even while this process's main thread is busy in a long synchronous parse. Linux and macOS: an orphan is
// re-parented, so its parent pid changes.
import { Worker } from 'node:worker_threads';

const WATCHER = `
const { workerData } = require('node:worker_threads');
setInterval(() => {
	if (process.ppid !== workerData.parent) process.kill(process.pid, 'SIGKILL');
}, workerData.ms);
`;

/**
 * Kill this process as soon as its parent ends. Call once, early. `parent` is the pid the parent gave (it may
 * already be gone by the time this runs: then this process ends at once); by default the parent now.
 */
export function exitWithParent(parent = process.ppid, pollMs = 250): void {
	if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL');
	process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
	const watcher = new Worker(WATCHER, {
		eval: true,
		workerData: { parent, ms: pollMs },
		// the smallest heap a worker will take: it only compares two numbers
		resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1 }
	});
	watcher.unref();
}
