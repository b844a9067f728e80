// `npm start` with the build present (issue 24: "a server that starts at once", target ≤ 15 s): the time from
// running `npm start` to the first 200 on GET /, polled every 100 ms. Restarts keep their office-data folder (a
// restart after a crash or an update); first starts begin with an empty one (the store made, the admin's one-time
// password hashed). For comparison, starts that must build again (the build's stamp removed), as every start did
// before the build was reused. Each `npm start` runs in a process group of its own on a free 127.0.0.1 port and
// is stopped by that group's id. Timings are recorded, never asserted.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './harness/site-server';
import { buildDashboard, buildState, STAMP_FILE } from '../../src/node/dashboard-build';
import { summarize, type Summary } from './load-stats';

export interface StartBenchOptions {
	/** Restarts with the build present and an existing office-data folder (default 5). */
	restarts: number;
	/** First starts with the build present and an empty office-data folder (default 3). */
	firstStarts: number;
	/** Starts that build the dashboard again, for comparison (default 1; 0 skips them). */
	rebuilds: number;
}

export const START_BENCH_DEFAULTS: StartBenchOptions = { restarts: 5, firstStarts: 3, rebuilds: 1 };

export interface StartBenchResult {
	options: StartBenchOptions;
	/** Seconds from `npm start` to the first 200 on GET /, each kind. */
	restartS: Summary;
	firstStartS: Summary;
	rebuildS: Summary;
	/** Every run's seconds, in order. */
	runs: { kind: 'restart' | 'first start' | 'rebuild'; seconds: number }[];
}

/** Run `npm start` in `root` until GET / answers 200; the seconds it took and what it printed. Then stop it. */
async function timedStart(root: string, dataDir: string): Promise<{ seconds: number; output: string }> {
	const port = await freePort();
	const began = performance.now();
	const child = spawn('npm', ['start'], {
		cwd: root,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir }
	});
	let output = '';
	child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
	child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	let seconds: number;
	try {
		for (;;) {
			if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
			if (performance.now() - began > 900_000)
				throw new Error(`npm start did not serve in 15 min:\n${output}`);
			try {
				const res = await fetch(`http://127.0.0.1:${port}/`);
				await res.arrayBuffer();
				if (res.ok) {
					seconds = Math.round((performance.now() - began) / 100) / 10;
					break;
				}
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 100));
		}
	} finally {
		if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
		await exited;
	}
	return { seconds, output };
}

/** Time `npm start` in the project at `root` (its build made first when it is not current). */
export async function benchStart(root: string, options: StartBenchOptions): Promise<StartBenchResult> {
	const state = buildState(root);
	if (!state.current) {
		console.log(`start: building the dashboard first (${state.why.en})`);
		buildDashboard(root);
	}
	const runs: StartBenchResult['runs'] = [];
	const scratch = mkdtempSync(join(tmpdir(), 'bench-start-'));
	try {
		const kept = join(scratch, 'kept');
		// the store made once, so that every restart finds one
		await timedStart(root, kept);
		for (let i = 0; i < options.restarts; i++) {
			const { seconds, output } = await timedStart(root, kept);
			if (!output.includes("the dashboard's build is current"))
				throw new Error(`a restart built:\n${output}`);
			runs.push({ kind: 'restart', seconds });
			console.log(`start: restart ${i + 1}: ${seconds} s`);
		}
		for (let i = 0; i < options.firstStarts; i++) {
			const { seconds } = await timedStart(root, join(scratch, `first-${i}`));
			runs.push({ kind: 'first start', seconds });
			console.log(`start: first start ${i + 1}: ${seconds} s`);
		}
		for (let i = 0; i < options.rebuilds; i++) {
			rmSync(join(root, STAMP_FILE), { force: true });
			const { seconds, output } = await timedStart(root, kept);
			if (!output.includes('building the dashboard')) throw new Error(`a rebuild did not build:\n${output}`);
			runs.push({ kind: 'rebuild', seconds });
			console.log(`start: start that builds again ${i + 1}: ${seconds} s`);
		}
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
	const of = (kind: StartBenchResult['runs'][number]['kind']) =>
		summarize(runs.filter((r) => r.kind === kind).map((r) => r.seconds));
	return {
		options,
		restartS: of('restart'),
		firstStartS: of('first start'),
		rebuildS: of('rebuild'),
		runs
	};
}
