// DuckDB-WASM's Node build (same engine and missing extensions as the page) behind the app's Database, with
// parquet-wasm's Node build decoding Parquet as in the page — so session tests run the browser's code paths.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { databaseOver, type Database, type DuckConnection } from '../../../src/lib/query/connector';

const require = createRequire(import.meta.url);

export async function openNodeDatabase(): Promise<Database> {
	const entry = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
	const duckdb = require(entry) as typeof import('@duckdb/duckdb-wasm/blocking');
	const parquet = require('parquet-wasm/node') as typeof import('parquet-wasm/node');
	const dist = dirname(entry);
	const db = await duckdb.createDuckDB(
		{
			mvp: {
				mainModule: join(dist, 'duckdb-mvp.wasm'),
				mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs')
			},
			eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate();
	db.open({ query: { castBigIntToDouble: true } });
	const conn = db.connect();
	// with autoload on, a missing extension hangs in Node instead of failing (notes/stack.md)
	conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
	return databaseOver(
		conn as unknown as DuckConnection,
		(bytes) => parquet.readParquet(bytes).intoIPCStream(),
		async () => conn.close()
	);
}
