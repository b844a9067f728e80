/**
 * The only door to the database: one method, `query(sql)`, returning plain rows. The browser's connector opens
 * DuckDB-WASM lazily (its 34 MB wasm never blocks the first paint) and loads the dataset's Parquet files through
 * parquet-wasm as Arrow — DuckDB-WASM cannot read Parquet offline itself. Extension downloads are off.
 */

export type Row = Record<string, unknown>;

export interface Connector {
	query<T = Row>(sql: string): Promise<T[]>;
}

export interface LoadProgress {
	step: 'engine' | 'tables' | 'ready';
	loaded: number;
	total: number;
}

/** Which tables to load and the SQL that sets up views over them; the dashboard's by default. */
export interface TableSet {
	tables: readonly string[];
	setupSql: string;
}

/** DuckDB-WASM in a Web Worker with the tables of `set` loaded from `base` (e.g. `/data`). */
export async function openWasmConnector(
	base: string,
	{ tables, setupSql }: TableSet,
	onProgress?: (p: LoadProgress) => void
): Promise<Connector> {
	onProgress?.({ step: 'engine', loaded: 0, total: tables.length });
	const [duckdb, parquet, ehWasm, ehWorker, mvpWasm, mvpWorker, parquetWasm] = await Promise.all([
		import('@duckdb/duckdb-wasm'),
		import('parquet-wasm/esm'),
		import('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'),
		import('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'),
		import('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'),
		import('@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url'),
		import('parquet-wasm/esm/parquet_wasm_bg.wasm?url')
	]);
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: mvpWasm.default, mainWorker: mvpWorker.default },
		eh: { mainModule: ehWasm.default, mainWorker: ehWorker.default }
	});
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker!));
	await Promise.all([
		db.instantiate(bundle.mainModule, bundle.pthreadWorker),
		parquet.default({ module_or_path: parquetWasm.default })
	]);
	await db.open({ query: { castBigIntToDouble: true } });
	const conn = await db.connect();
	await conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');

	let loaded = 0;
	await Promise.all(
		tables.map(async (name) => {
			const res = await fetch(`${base}/${name}.parquet`);
			if (!res.ok) throw new Error(`${name}.parquet: HTTP ${res.status}`);
			const bytes = new Uint8Array(await res.arrayBuffer());
			const ipc = parquet.readParquet(bytes).intoIPCStream();
			await conn.insertArrowFromIPCStream(ipc, { name, create: true });
			onProgress?.({ step: 'tables', loaded: ++loaded, total: tables.length });
		})
	);
	await conn.query(setupSql);
	onProgress?.({ step: 'ready', loaded, total: tables.length });

	return {
		async query<T>(sql: string): Promise<T[]> {
			const table = await conn.query(sql);
			return table.toArray().map((r) => r.toJSON() as T);
		}
	};
}
