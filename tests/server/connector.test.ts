// The query door's connector gives the same rows as DuckDB over the same files (issue 14: "the same queries").
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../src/lib/filter/filters';
import { kpiSql, townSql } from '../../src/lib/filter/queries';
import {
	chooseEngine,
	openServerConnector,
	openServerDatabase,
	QueryError
} from '../../src/lib/query/server-connector';
import { COMMUNITY_VIEW_SQL, LOADED_TABLES } from '../../src/lib/query/tables';
import { scratchBuild, startOffice, type Running } from '../../scripts/lib/harness/office';

let run: Running;
let build: string;
beforeAll(async () => {
	build = scratchBuild();
	run = await startOffice(build);
}, 120_000);
afterAll(() => run.stop());

async function direct(sql: string): Promise<Record<string, unknown>[]> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	for (const t of LOADED_TABLES)
		await conn.run(
			`CREATE TABLE ${t} AS SELECT * FROM read_parquet('${join(build, 'data', `${t}.parquet`)}')`
		);
	await conn.run(COMMUNITY_VIEW_SQL);
	const rows = (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
	conn.closeSync();
	return rows.map((r) =>
		Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))
	);
}

describe('the server connector', () => {
	it('answers the dashboard’s KPI and town queries as DuckDB does over the same files', async () => {
		const server = openServerConnector(`${run.url}/api/query`);
		for (const sql of [kpiSql(EMPTY_FILTER), townSql(EMPTY_FILTER)])
			expect(await server.query(sql)).toEqual(await direct(sql));
	});
	it('reports a refusal with its reason', async () => {
		const server = openServerConnector(`${run.url}/api/query`);
		const error = await server.query('DROP TABLE towns').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(QueryError);
		expect((error as QueryError).zh).toContain('SELECT');
	});
	it('serves as the data session’s Database: views already there, tables not loaded again, imports refused', async () => {
		const db = openServerDatabase(`${run.url}/api/query`);
		await db.loadParquet('communities', '/data/communities.parquet');
		await db.run('CREATE OR REPLACE VIEW community_view AS SELECT 1');
		await expect(db.run('DROP TABLE communities')).rejects.toBeInstanceOf(QueryError);
		await expect(db.loadArrow('communities', new Uint8Array())).rejects.toBeInstanceOf(QueryError);
		const result = await db.columnar(
			'SELECT id, households, completion_year FROM communities ORDER BY id LIMIT 2'
		);
		expect(result.names).toEqual(['id', 'households', 'completion_year']);
		expect(result.length).toBe(2);
		expect(result.columns[0]).toEqual(
			(await direct('SELECT id FROM communities ORDER BY id LIMIT 2')).map((r) => r.id)
		);
	});
	it('is chosen past one tab’s worth of communities, or by the setting', () => {
		expect(chooseEngine({ tables: { communities: 724 } })).toBe('browser');
		expect(chooseEngine({ tables: { communities: 1_000_000 } })).toBe('server');
		expect(chooseEngine({ tables: { communities: 724 } }, 'server')).toBe('server');
		expect(chooseEngine({ tables: { communities: 1_000_000 } }, 'browser')).toBe('browser');
	});
});
