// The simulator's speed (issue 5), in Node on the same code the page's Web Worker runs (V8 both): one
// deterministic run (forecast, computeFunding per community and year, projectBudget over 2024–2028), the
// engine's projectBudget alone, and a Monte Carlo of 1,000 draws — over a built dataset's pipeline.
import { DuckDBInstance } from '@duckdb/node-api';
import {
	estimateRates,
	forecast,
	durations,
	history,
	type PipelineCommunity
} from '../../src/lib/budget/forecast';
import { HISTORY_SQL, pipelineSql } from '../../src/lib/budget/queries';
import { defaultScenario } from '../../src/lib/budget/scenario';
import { simulate } from '../../src/lib/budget/simulate';
import { COMMUNITY_VIEW_SQL, LOADED_TABLES } from '../../src/lib/data/tables';
import { projectBudget, YUEQING_2023 } from '../../src/lib/policy';

export interface BudgetBench {
	pipeline: number;
	simulateMs: number[];
	projectBudgetMs: number[];
	monteCarlo1000Ms: number[];
}

export async function benchBudget(
	dataDir: string,
	asOf: string,
	runs: number,
	mcRuns: number
): Promise<BudgetBench> {
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	for (const t of LOADED_TABLES)
		await conn.run(`CREATE TABLE ${t} AS SELECT * FROM '${dataDir}/${t}.parquet'`);
	await conn.run(COMMUNITY_VIEW_SQL);
	const read = async (sql: string) =>
		(await conn.runAndReadAll(sql)).getRowObjectsJson() as unknown as PipelineCommunity[];
	const pipeline = await read(pipelineSql(null));
	const h = history(await read(HISTORY_SQL));
	conn.closeSync();
	const rates = estimateRates(h);
	const s = defaultScenario('bench', 200_000_000, rates);
	const out: BudgetBench = {
		pipeline: pipeline.length,
		simulateMs: [],
		projectBudgetMs: [],
		monteCarlo1000Ms: []
	};
	const d = durations(rates, h, null);
	const candidates = pipeline.map((c) => ({
		id: c.id,
		readyDate: forecast(c, asOf, rates, d, true).fundsComplete,
		professionalManagement: c.professional,
		subsidy: c.basic * 0.5
	}));
	const scenario = { years: [2024, 2025, 2026, 2027, 2028].map((year) => ({ year, budget: 200_000_000 })) };
	for (let i = 0; i < runs; i++) {
		let t = performance.now();
		simulate(pipeline, s, h, asOf);
		out.simulateMs.push(performance.now() - t);
		t = performance.now();
		projectBudget(candidates, scenario, YUEQING_2023);
		out.projectBudgetMs.push(performance.now() - t);
	}
	for (let i = 0; i < mcRuns; i++) {
		const t = performance.now();
		simulate(pipeline, { ...s, uncertainty: true, draws: 1000, seed: i + 1 }, h, asOf);
		out.monteCarlo1000Ms.push(performance.now() - t);
	}
	return out;
}
