/**
 * The only door to the database. The browser's DuckDB-WASM opens lazily (its 34 MB wasm never blocks the first
 * paint), in one Web Worker, and takes tables as Arrow IPC: the dataset's Parquet files decoded by parquet-wasm
 * (DuckDB-WASM cannot read Parquet offline itself), or rows built in the browser (an import). Extension downloads
 * are off. Pages never call this: the app's data session (session.svelte.ts) opens it once.
 */

import { watchWorker } from '../util/worker-client';

export type Row = Record<string, unknown>;

export interface Connector {
	query<T = Row>(sql: string): Promise<T[]>;
}

/** A result as columns (fast to build and to show at 100k rows): names, DuckDB's types, values by column. */
export interface ColumnarResult {
	names: string[];
	types: string[];
	/** `columns[j][i]`: row i of column j; dates and timestamps as ISO text, other non-numbers as text. */
	columns: (string | number | boolean | null)[][];
	length: number;
}

export interface LoadProgress {
	step: 'engine' | 'tables' | 'ready';
	loaded: number;
	total: number;
}

/** DuckDB-WASM, opened: queries, and tables loaded, replaced or dropped by name. */
export interface Database extends Connector {
	/** Runs SQL that returns nothing the caller reads (views, DROP). */
	run(sql: string): Promise<void>;
	/** Fetches `${url}` (a Parquet file) and loads it as table `name` (replacing any table of that name). */
	loadParquet(name: string, url: string): Promise<void>;
	/** Loads an Arrow IPC stream as table `name` (replacing any table of that name). */
	loadArrow(name: string, ipc: Uint8Array): Promise<void>;
	/** The result of any statement as columns (the SQL console). */
	columnar(sql: string): Promise<ColumnarResult>;
	/** Ends the worker. */
	close(): Promise<void>;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** What is read of an Arrow table DuckDB returns (the worker's and Node's copies of apache-arrow both fit). */
interface ArrowResult {
	numRows: number;
	schema: { fields: { name: string; type: { typeId: number; toString(): string } }[] };
	toArray(): { toJSON(): unknown }[];
	getChildAt(i: number): { get(i: number): unknown } | null;
}

/** A DuckDB-WASM connection: the browser worker's (async) or the Node blocking build's (tests). */
export interface DuckConnection {
	query(sql: string): ArrowResult | PromiseLike<ArrowResult>;
	insertArrowFromIPCStream(ipc: Uint8Array, options: { name: string; create: boolean }): unknown;
}

/**
 * The app's Database over a DuckDB-WASM connection: `decode` turns Parquet bytes into an Arrow IPC stream
 * (parquet-wasm), `end` ends the engine.
 */
export function databaseOver(
	conn: DuckConnection,
	decode: (parquet: Uint8Array) => Uint8Array,
	end: () => Promise<void>
): Database {
	const loadArrow = async (name: string, ipc: Uint8Array) => {
		await conn.query(`DROP VIEW IF EXISTS ${ident(name)}; DROP TABLE IF EXISTS ${ident(name)};`);
		await conn.insertArrowFromIPCStream(ipc, { name, create: true });
	};
	return {
		async query<T>(sql: string): Promise<T[]> {
			const table = await conn.query(sql);
			return table.toArray().map((r) => r.toJSON() as T);
		},
		async run(sql) {
			await conn.query(sql);
		},
		async loadParquet(name, url) {
			const res = await fetch(url);
			if (!res.ok) throw new Error(`${name}.parquet: HTTP ${res.status}`);
			await loadArrow(name, decode(new Uint8Array(await res.arrayBuffer())));
		},
		loadArrow,
		async columnar(sql) {
			const table = await conn.query(sql);
			const fields = table.schema.fields;
			return {
				names: fields.map((f) => f.name),
				types: fields.map((f) => String(f.type)),
				columns: fields.map((f, j) => cellsOf(table.getChildAt(j), f.type.typeId, table.numRows)),
				length: table.numRows
			};
		},
		close: end
	};
}

/** Opens DuckDB-WASM in a Web Worker, with parquet-wasm ready beside it. */
export async function openDatabase(): Promise<Database> {
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
	const worker = new Worker(bundle.mainWorker!);
	// DuckDB-WASM drops its pending requests when its worker fails, leaving them waiting: the start fails instead
	const failed = new Promise<never>((_, reject) =>
		watchWorker(worker, { zh: 'DuckDB 数据库', en: 'DuckDB database' }, reject)
	);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	const conn = await Promise.race([
		failed,
		(async () => {
			await Promise.all([
				db.instantiate(bundle.mainModule, bundle.pthreadWorker),
				parquet.default({ module_or_path: parquetWasm.default })
			]);
			await db.open({ query: { castBigIntToDouble: true } });
			return db.connect();
		})()
	]).catch((e: unknown) => {
		worker.terminate();
		throw e;
	});
	await conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
	return databaseOver(
		conn,
		(bytes) => parquet.readParquet(bytes).intoIPCStream(),
		async () => {
			await conn.close();
			await db.terminate();
			worker.terminate();
		}
	);
}

/** Arrow type ids (apache-arrow's `Type`) read here: dates and timestamps become ISO text. */
const DATE_TYPES = new Set([8 /* Date */, 10 /* Timestamp */]);

function cellsOf(
	vector: { get(i: number): unknown } | null,
	typeId: number,
	n: number
): (string | number | boolean | null)[] {
	const out = new Array<string | number | boolean | null>(n);
	for (let i = 0; i < n; i++) {
		const v = vector?.get(i);
		if (v === null || v === undefined) out[i] = null;
		else if (DATE_TYPES.has(typeId) && (typeof v === 'number' || v instanceof Date)) {
			const iso = new Date(v).toISOString();
			out[i] = typeId === 8 ? iso.slice(0, 10) : iso.replace('T', ' ').replace(/\.000Z$|Z$/, '');
		} else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') out[i] = v;
		else if (typeof v === 'bigint') out[i] = Number(v);
		else
			out[i] =
				v instanceof Date
					? v.toISOString()
					: JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? Number(x) : x));
	}
	return out;
}
