// The public page answers its first screen without DuckDB: the headline and legend from summary.json, the map's
// points and the search from the two progress files (compact.ts: the points apart from the search's text). Every
// figure and list must equal the SQL over the published tables (the public build's Parquet files), for the
// example and for a larger generated set.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { writePublicData } from '../../src/node/public-data';
import {
	gunzipped,
	POINTS_FILE,
	readProgressPoints,
	readProgressSearch,
	SEARCH_FILE
} from '../../src/lib/progress/compact';
import { pointsOf, searchColumns } from '../../src/lib/progress/find';
import { POINTS_SQL, PROGRESS_VIEW_SQL, searchSql } from '../../src/lib/progress/queries';
import {
	CONSTRUCTION_STAGES,
	PLANNED_STAGES,
	RENOVATED_STAGES,
	STAGE_CLASSES
} from '../../src/lib/verdict/stage-classes';
import { PROGRESS_FROM_YEAR, type ProgressSummary } from '../../src/lib/progress/summary';

const node = (args: string[]) => {
	const r = spawnSync(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', ...args], {
		encoding: 'utf8'
	});
	expect(r.status, r.stderr).toBe(0);
};

/** Builds the data (the example, or a generated set of `count`), then the public data, as build:public does. */
async function published(count?: number): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'yq-public-'));
	const input: string[] = [];
	if (count) {
		node(['scripts/generate-dataset.ts', '--count', String(count), '--seed', '7', '--out', `${dir}/ds`]);
		input.push('--input', `${dir}/ds`);
	}
	node(['scripts/build-data.ts', ...input, '--out', `${dir}/full`]);
	await writePublicData(`${dir}/full`, `${dir}/public`);
	return `${dir}/public`;
}

const list = (stages: readonly string[]) => stages.map((s) => `'${s}'`).join(', ');

async function sql<T>(conn: DuckDBConnection, text: string): Promise<T[]> {
	return (await conn.runAndReadAll(text)).getRowObjectsJson() as T[];
}

async function check(out: string) {
	const summary = JSON.parse(readFileSync(`${out}/summary.json`, 'utf8')) as ProgressSummary;
	const file = (name: string) => gunzipped(new Uint8Array(readFileSync(`${out}/${name}`)));
	const points = readProgressPoints(await file(POINTS_FILE));
	const cols = readProgressSearch(await file(SEARCH_FILE), points);
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	try {
		for (const t of ['towns', 'communities', 'progress'])
			await conn.run(`CREATE TABLE ${t} AS SELECT * FROM '${out}/${t}.parquet'`);
		await conn.run(PROGRESS_VIEW_SQL);
		const asOfYear = Number(summary.asOf.slice(0, 4));
		const tally = async (where: string) => {
			const [r] = await sql<{ c: number; h: number }>(
				conn,
				`SELECT count(*)::INT AS c, coalesce(sum(households), 0)::INT AS h FROM progress_view WHERE ${where}`
			);
			return { communities: r!.c, households: r!.h };
		};

		// §三(七)–(九) renovated, §三(六) under construction, §三(四) in a plan and not yet begun (per plan year)
		expect(summary.renovated).toEqual(await tally(`stage IN (${list(RENOVATED_STAGES)})`));
		expect(summary.construction).toEqual(await tally(`stage IN (${list(CONSTRUCTION_STAGES)})`));
		expect(summary.total).toEqual(await tally('TRUE'));
		const { years, ...planned } = summary.planned;
		expect(planned).toEqual(await tally(`stage IN (${list(PLANNED_STAGES)})`));
		expect(years).toEqual(
			await sql(
				conn,
				`SELECT plan_year::INT AS year, count(*)::INT AS communities, sum(households)::INT AS households
				 FROM progress_view WHERE stage IN (${list(PLANNED_STAGES)}) AND plan_year IS NOT NULL
				 GROUP BY 1 ORDER BY 1`
			)
		);
		expect(summary.byYear).toEqual(
			await sql(
				conn,
				`SELECT y.range::INT AS year, count(p.id)::INT AS communities, coalesce(sum(p.households), 0)::INT AS households
				 FROM range(${PROGRESS_FROM_YEAR}, ${asOfYear + 1}) y LEFT JOIN progress_view p ON year(p.completed_date) = y.range
				 GROUP BY 1 ORDER BY 1`
			)
		);
		expect(summary.byMonth).toEqual(
			await sql(
				conn,
				`SELECT strftime(m.range, '%Y-%m') AS month, count(p.id)::INT AS communities,
					coalesce(sum(p.households), 0)::INT AS households
				 FROM range(DATE '${PROGRESS_FROM_YEAR}-01-01', DATE '${summary.asOf.slice(0, 7)}-01' + INTERVAL 1 MONTH, INTERVAL 1 MONTH) m
				 LEFT JOIN progress_view p ON strftime(p.completed_date, '%Y-%m') = strftime(m.range, '%Y-%m')
				 GROUP BY 1 ORDER BY 1`
			)
		);
		// the legend's counts: communities per stage class
		const classOf = `CASE ${STAGE_CLASSES.map((c, i) => `WHEN stage IN (${list(c.codes)}) THEN ${i}`).join(' ')} END`;
		const perClass = await sql<{ k: number; n: number }>(
			conn,
			`SELECT ${classOf} AS k, count(*)::INT AS n FROM progress_view GROUP BY 1`
		);
		expect(summary.stages).toEqual(STAGE_CLASSES.map((_, i) => perClass.find((r) => r.k === i)?.n ?? 0));
		// the towns' table and shading
		expect(
			summary.towns
				.map((t) => ({ code: t.code, c: t.communities, r: t.renovated, b: t.construction, p: t.planned }))
				.sort((a, b) => a.code.localeCompare(b.code))
		).toEqual(
			await sql(
				conn,
				`SELECT t.code, count(p.id)::INT AS c,
					count(p.id) FILTER (WHERE p.stage IN (${list(RENOVATED_STAGES)}))::INT AS r,
					count(p.id) FILTER (WHERE p.stage IN (${list(CONSTRUCTION_STAGES)}))::INT AS b,
					count(p.id) FILTER (WHERE p.stage IN (${list(PLANNED_STAGES)}))::INT AS p
				 FROM towns t LEFT JOIN progress_view p ON p.town_code = t.code GROUP BY t.code ORDER BY t.code`
			)
		);
		// §三(九): satisfaction, the mean of the communities evaluated
		const [sat] = await sql<{ mean: number | null; n: number }>(
			conn,
			`SELECT round(avg(satisfaction), 2)::DOUBLE AS mean, count(satisfaction)::INT AS n
			 FROM progress_view WHERE stage = 'post-evaluation'`
		);
		expect(summary.satisfaction).toEqual(sat!.n > 0 ? { mean: sat!.mean, communities: sat!.n } : null);

		// the map's points: the SQL's, with lon/lat as stored (float32, within a metre)
		const fromSql = await sql<{ lon: number; lat: number }>(conn, POINTS_SQL);
		expect(pointsOf(points)).toEqual(
			fromSql.map((p) => ({ ...p, lon: Math.fround(p.lon), lat: Math.fround(p.lat) }))
		);
		for (const [i, p] of fromSql.entries()) {
			expect(Math.abs(points.lon[i]! - p.lon)).toBeLessThan(1e-5);
			expect(Math.abs(points.lat[i]! - p.lat)).toBeLessThan(1e-5);
		}

		// the search: terms a resident types, taken from the data, and the awkward ones
		const i = Math.floor(cols.id.length / 3);
		const terms = [
			cols.initials[i]!.slice(0, 2),
			cols.initials[i + 1]!,
			cols.pinyin[i]!.slice(0, 4),
			[...cols.name[i]!].slice(1, 3).join(''),
			cols.name[i + 2]!,
			cols.address.find((a) => a.length > 4)!.slice(2, 5),
			'小区',
			' D p ',
			'1',
			'%',
			'_',
			"'",
			'zzzz'
		];
		let found = 0;
		for (const term of terms) {
			const fromSql = await sql<{ address: string | null }>(conn, searchSql(term));
			expect(searchColumns(cols, term), term).toEqual(fromSql);
			found += fromSql.length;
		}
		expect(found).toBeGreaterThan(20);
	} finally {
		conn.closeSync();
	}
}

describe('the public first screen without DuckDB equals the SQL over the published tables', () => {
	it('the example: headline, legend, years, months, towns, satisfaction, points and search', async () => {
		await check(await published());
	}, 120_000);

	it('a generated set of 5,000 communities: the same', async () => {
		await check(await published(5000));
	}, 240_000);
});
