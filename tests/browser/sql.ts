// The app's SQL, run directly with DuckDB in Node over the built Parquet files — the expected values of tests.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { COMMUNITY_VIEW_SQL, LOADED_TABLES } from '../../src/lib/query/tables';

let conn: Promise<DuckDBConnection> | null = null;

async function open(dir: string): Promise<DuckDBConnection> {
	const c = await (await DuckDBInstance.create(':memory:')).connect();
	for (const t of LOADED_TABLES) await c.run(`CREATE TABLE ${t} AS SELECT * FROM '${dir}/${t}.parquet'`);
	await c.run(COMMUNITY_VIEW_SQL);
	return c;
}

export async function directSql<T = Record<string, unknown>>(sql: string, dir = 'build/data'): Promise<T[]> {
	conn ??= open(dir);
	return (await (await conn).runAndReadAll(sql)).getRowObjectsJson() as T[];
}
