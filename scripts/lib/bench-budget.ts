// The simulator's speed (issues 5 and 13), in Node on the same code the page's Web Worker runs (V8 both): one
// deterministic run (forecast, pricing per community and year, projectBudget over 2024–2028), the engine's
// projectBudget alone, and a Monte Carlo of 1,000 draws — over a built dataset's pipeline; and the same at 300k
// communities on that pipeline replicated (new ids), which needs no 300k build.
import { DuckDBInstance } from '@duckdb/node-api';
import {
	estimateRates,
	forecast,
	durations,
	history,
	type History,
	type PipelineCommunity
} from '../../src/lib/budget/forecast';
import { HISTORY_SQL, pipelineSql } from '../../src/lib/budget/queries';
import { defaultScenario } from '../../src/lib/budget/scenario';
import { simulate } from '../../src/lib/budget/simulate';
import { COMMUNITY_VIEW_SQL, LOADED_TABLES } from '../../src/lib/query/tables';
import { projectBudget, YUEQING_2023 } from '../../src/lib/policy';

export interface BudgetBench {
	pipeline: number;
	simulateMs: number[];
	projectBudgetMs: number[];
	/** The first projectBudget on a new list of ids (it ranks the ids once), ms. */
	projectBudgetFirstMs: number;
	monteCarlo1000Ms: number[];
	/**
	 * CPU time of this process over the same calls (user + system, GC threads included), ms: on a machine shared
	 * with other work the wall times above stretch, this does not.
	 */
	simulateCpuMs: number[];
	projectBudgetCpuMs: number[];
	monteCarlo1000CpuMs: number[];
	/**
	 * V8 heap in use with a run's result still held (the pipeline, its history and the result: what the page's
	 * worker holds), after a run and after a run with draws, MB.
	 */
	heapAfterRunMB: number;
	heapAfterDrawsMB: number | null;
}

/** The V8 heap in use, MB, after a full collection when Node runs with --expose-gc (npm run bench does). */
const heapMB = () => {
	(globalThis as { gc?: () => void }).gc?.();
	return Math.round(process.memoryUsage().heapUsed / 2 ** 20);
};

/** The last result, kept reachable while the heap is read. */
const held: unknown[] = [];

/** Runs `f`, pushing its wall and CPU milliseconds. */
function timed(f: () => void, wall: number[], cpu: number[]): void {
	const c = process.cpuUsage();
	const t = performance.now();
	f();
	wall.push(performance.now() - t);
	const u = process.cpuUsage(c);
	cpu.push((u.user + u.system) / 1000);
}

/** The dataset's budget pipeline (not ineligible, not planned before the first plan year) and its history. */
export async function readPipeline(dataDir: string): Promise<{ pipeline: PipelineCommunity[]; h: History }> {
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	for (const t of LOADED_TABLES)
		await conn.run(`CREATE TABLE ${t} AS SELECT * FROM '${dataDir}/${t}.parquet'`);
	await conn.run(COMMUNITY_VIEW_SQL);
	const read = async (sql: string) =>
		(await conn.runAndReadAll(sql)).getRowObjectsJson() as unknown as PipelineCommunity[];
	const pipeline = await read(pipelineSql(null));
	const h = history(await read(HISTORY_SQL));
	conn.closeSync();
	return { pipeline, h };
}

/** `pipeline` copied with new ids (`id~k`) up to `n` communities. */
export function replicatePipeline(pipeline: readonly PipelineCommunity[], n: number): PipelineCommunity[] {
	const out: PipelineCommunity[] = [];
	for (let k = 0; out.length < n; k++)
		for (const c of pipeline) {
			if (out.length >= n) break;
			out.push({ ...c, id: `${c.id}~${k}` });
		}
	return out;
}

export function benchBudget(
	{ pipeline, h }: { pipeline: PipelineCommunity[]; h: History },
	asOf: string,
	runs: number,
	mcRuns: number
): BudgetBench {
	const rates = estimateRates(h);
	const s = defaultScenario('bench', 200_000_000, rates);
	const d = durations(rates, h, null);
	const candidates = pipeline.map((c) => ({
		id: c.id,
		readyDate: forecast(c, asOf, rates, d, true).fundsComplete,
		professionalManagement: c.professional,
		raisedShare: Math.min(1, Math.max(0, c.raisedShare)),
		planYear: c.planYear,
		subsidy: c.basic * 0.5
	}));
	const scenario = { years: [2024, 2025, 2026, 2027, 2028].map((year) => ({ year, budget: 200_000_000 })) };
	const t = performance.now();
	projectBudget(candidates, scenario, YUEQING_2023);
	const out: BudgetBench = {
		pipeline: pipeline.length,
		simulateMs: [],
		projectBudgetMs: [],
		projectBudgetFirstMs: performance.now() - t,
		monteCarlo1000Ms: [],
		simulateCpuMs: [],
		projectBudgetCpuMs: [],
		monteCarlo1000CpuMs: [],
		heapAfterRunMB: 0,
		heapAfterDrawsMB: null
	};
	for (let i = 0; i < runs; i++) {
		timed(() => simulate(pipeline, s, h, asOf), out.simulateMs, out.simulateCpuMs);
		timed(
			() => projectBudget(candidates, scenario, YUEQING_2023),
			out.projectBudgetMs,
			out.projectBudgetCpuMs
		);
	}
	held.push(simulate(pipeline, s, h, asOf));
	out.heapAfterRunMB = heapMB();
	for (let i = 0; i < mcRuns; i++) {
		const draws = { ...s, uncertainty: true, draws: 1000, seed: i + 1 };
		timed(() => simulate(pipeline, draws, h, asOf), out.monteCarlo1000Ms, out.monteCarlo1000CpuMs);
	}
	if (mcRuns) {
		held.push(simulate(pipeline, { ...s, uncertainty: true, draws: 1000, seed: 1 }, h, asOf));
		out.heapAfterDrawsMB = heapMB();
	}
	held.length = 0;
	return out;
}
