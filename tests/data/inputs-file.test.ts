// /budget reads its worker's inputs from budget-inputs.arrow (no DuckDB-WASM) — the build's own verdicts under the
// policy in force, not judged again — and derives the history, the plans per year and the pipeline's subsidy from
// them in the worker (data-state.ts); a scenario changing a policy field reads budget-verdict-inputs.arrow too and
// judges every community again. The build's verdicts must equal the worker's judging of them from the files' inputs
// for every community, the files' inputs must equal what the page reads through SQL under an import
// (budget/inputs.ts), and the data state what queries.ts reads — for the example and a generated 5,000 — so the
// verdicts (§二(一) eligibility … §五(二)1 subsidy) and the default budget (§三(四) plans) are the same.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePublicData } from '../../src/node/public-data';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { dataState, historyRows, type HistoryRow } from '../../src/lib/budget/data-state';
import { history, type PipelineCommunity } from '../../src/lib/budget/forecast';
import { readInputs } from '../../src/lib/budget/inputs';
import type { PlanHistoryRow } from '../../src/lib/budget/plan-state';
import { filterIdsSql, HISTORY_SQL, pipelineSql, planHistorySql } from '../../src/lib/budget/queries';
import { ScenarioJudge } from '../../src/lib/budget/scenario-run';
import {
	budgetVerdict,
	INPUTS_FILE,
	readRunInputs,
	readVerdictInputs,
	VERDICT_INPUTS_FILE
} from '../../src/lib/files/budget-inputs-file';
import { EMPTY_FILTER, filterMask, type Filter } from '../../src/lib/filter/filters';
import { readMapColumns } from '../../src/lib/files/map-columns';
import { pipelineFilter, pipelineSearch } from '../../src/lib/budget/pipeline-filter';
import type { Manifest } from '../../src/lib/files/manifest';
import { COMMUNITY_VIEW_SQL } from '../../src/lib/query/tables';

const node = (args: string[]) => {
	const r = spawnSync(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', ...args], {
		encoding: 'utf8'
	});
	expect(r.status, r.stderr).toBe(0);
};

/** Builds the data as `npm run data` does: the example, or a generated set of `count`. */
function built(count?: number): string {
	const dir = mkdtempSync(join(tmpdir(), 'yq-budget-'));
	const input: string[] = [];
	if (count) {
		node(['scripts/generate-dataset.ts', '--count', String(count), '--seed', '11', '--out', `${dir}/ds`]);
		input.push('--input', `${dir}/ds`);
	}
	node(['scripts/build-data.ts', ...input, '--out', `${dir}/out`]);
	return `${dir}/out`;
}

async function sql<T>(conn: DuckDBConnection, text: string): Promise<T[]> {
	return (await conn.runAndReadAll(text)).getRowObjectsJson() as T[];
}

/** Sums of money as the SQL adds DOUBLEs in an order of its own: equal to the fen. */
const fen = (rows: readonly PlanHistoryRow[]) =>
	rows.map((r) => ({
		...r,
		planned: Math.round(r.planned * 100),
		plannedInFilter: Math.round(r.plannedInFilter * 100),
		paid: Math.round(r.paid * 100),
		paidInFilter: Math.round(r.paidInFilter * 100)
	}));

async function check(out: string, filter: Filter) {
	const { asOf, towns } = JSON.parse(readFileSync(`${out}/manifest.json`, 'utf8')) as Manifest;
	const run = readRunInputs(new Uint8Array(readFileSync(`${out}/${INPUTS_FILE}`)));
	const fromFile = readVerdictInputs(new Uint8Array(readFileSync(`${out}/${VERDICT_INPUTS_FILE}`)), run);
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	try {
		for (const t of ['towns', 'communities', 'status', 'works', 'votes', 'funds', 'stage_events'])
			await conn.run(`CREATE TABLE ${t} AS SELECT * FROM '${out}/${t}.parquet'`);
		await conn.run(COMMUNITY_VIEW_SQL);
		const fromSql = await readInputs((text) => sql(conn, text));
		expect(fromFile.communities.length).toBeGreaterThan(100);
		for (const t of ['towns', 'communities', 'works', 'votes', 'funds', 'stage_events'] as const)
			expect(fromFile[t], t).toEqual(fromSql[t]);

		// the build's verdicts in force, as the worker reads them, are its judging of every community again
		const judged = ScenarioJudge.of(fromFile, asOf).verdicts({ policy: {} });
		expect(judged).toHaveLength(run.verdicts.length);
		expect(run.verdicts).toEqual(judged.map(budgetVerdict));
		expect(new Set(run.verdicts.map((v) => v.eligibility)).size).toBeGreaterThan(2);
		expect(run.verdicts.some((v) => v.subsidy > 0 && v.readyDate !== null)).toBe(true);
		const base = run.verdicts;
		const ids = (await sql<{ id: string }>(conn, filterIdsSql(filter))).map((r) => r.id);
		expect(ids.length).toBeGreaterThan(0);
		// a filter's ids as the page takes them: the map's own filter over map.arrow, no SQL
		const cols = readMapColumns(new Uint8Array(readFileSync(`${out}/map.arrow`)));
		const mask = filterMask(
			cols,
			towns.map((t) => t.code),
			pipelineFilter(pipelineSearch(filter))
		);
		expect(cols.id.filter((_, i) => mask[i] === 1).sort()).toEqual(ids);
		const state = dataState(run, base, new Set(ids));
		const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
		const rows = historyRows(base);
		const past = await sql<HistoryRow>(conn, HISTORY_SQL);
		expect(rows.length).toBeGreaterThan(0);
		expect([...rows].sort(byId)).toEqual(past.sort(byId));
		// the history the worker hands the page: `history` over those rows in the inputs' order (by id)
		expect(state.history.toFunds.length).toBeGreaterThan(0);
		expect(state.history).toEqual(history(past.sort(byId) as PipelineCommunity[]));
		const plans = await sql<PlanHistoryRow>(conn, planHistorySql(filter));
		expect(fen(state.planRows)).toEqual(fen(plans));
		expect(state.planRows.some((r) => r.plannedInFilter > 0 && r.plannedInFilter < r.planned)).toBe(true);
		const pipeline = await sql<{ subsidy: number }>(conn, pipelineSql(null));
		expect(Math.round(state.pipelineSubsidy * 100)).toBe(
			Math.round(pipeline.reduce((s, c) => s + c.subsidy, 0) * 100)
		);
	} finally {
		conn.closeSync();
	}
}

describe('the build’s verdicts in force equal the worker’s judging; the files’ inputs and the data state equal the SQL', () => {
	it('the example: every community, its works, votes, funds and stage events; history, plans, subsidy', async () => {
		const out = built();
		const { towns } = JSON.parse(readFileSync(`${out}/manifest.json`, 'utf8')) as Manifest;
		await check(out, { ...EMPTY_FILTER, towns: [towns[0]!.code, towns[3]!.code] });
		// internal data: the public site's data (npm run build:public, the office server's publish) leaves it out
		expect(existsSync(`${out}/${INPUTS_FILE}`)).toBe(true);
		expect(existsSync(`${out}/${VERDICT_INPUTS_FILE}`)).toBe(true);
		await writePublicData(out, `${out}-public`);
		expect(existsSync(`${out}-public/progress-points.arrow.gz`)).toBe(true);
		expect(existsSync(`${out}-public/${INPUTS_FILE}`)).toBe(false);
		expect(existsSync(`${out}-public/${VERDICT_INPUTS_FILE}`)).toBe(false);
	}, 300_000);

	it('a generated 5,000', async () => {
		const out = built(5000);
		const { towns } = JSON.parse(readFileSync(`${out}/manifest.json`, 'utf8')) as Manifest;
		await check(out, { ...EMPTY_FILTER, towns: [towns[1]!.code, towns[2]!.code], yearTo: 1995 });
	}, 600_000);
});
