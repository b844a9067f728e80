// The query door's engine: SQL from the dashboard run by DuckDB over the published release, for datasets larger
// than one browser tab should hold. Each release gets a DuckDB file with its tables and the dashboard's view (the
// same setup SQL the browser runs). It runs inside a query process (server/query-child.ts, started and watched by
// server/query-pool.ts), never in the server's own: opened read-only with file and network access off, its own
// memory_limit and threads, the configuration locked; one SELECT statement over the release's tables only (DuckDB's
// own parse tree is checked: no catalog or settings functions, no other files); the result streamed chunk by chunk
// into Arrow record batches, stopped past the row limit or the byte budget, never materialised whole.
import { existsSync, renameSync, rmSync } from 'node:fs';
import {
	DuckDBInstance,
	DuckDBTypeId,
	JSDuckDBValueConverter,
	StatementType,
	VARCHAR,
	type DuckDBConnection,
	type DuckDBType
} from '@duckdb/node-api';
import {
	Bool,
	makeData,
	DateMillisecond,
	Field,
	Float64,
	List,
	RecordBatch,
	RecordBatchStreamWriter,
	Schema,
	Struct,
	Utf8,
	vectorFromArray,
	type Data,
	type DataType
} from 'apache-arrow';
import { PROGRESS_TABLES, PROGRESS_VIEW_SQL } from '../src/lib/progress/queries';
import { COMMUNITY_VIEW_SQL, LOADED_TABLES } from '../src/lib/query/tables';

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Write `file`: every table the dashboard loads from the data build in `dataDir`, and its two views. Whole or
 *  not at all. */
export async function buildQueryDb(dataDir: string, file: string): Promise<void> {
	const tmp = `${file}.tmp`;
	rmSync(tmp, { force: true });
	const db = await DuckDBInstance.create(tmp);
	const conn = await db.connect();
	try {
		for (const t of new Set([...LOADED_TABLES, ...PROGRESS_TABLES]))
			await conn.run(`CREATE TABLE ${t} AS SELECT * FROM read_parquet(${quote(`${dataDir}/${t}.parquet`)})`);
		await conn.run(COMMUNITY_VIEW_SQL);
		await conn.run(PROGRESS_VIEW_SQL);
		await conn.run('CHECKPOINT');
	} finally {
		conn.closeSync();
		db.closeSync();
	}
	renameSync(tmp, file);
}

/** A refusal the dashboard shows as is: an HTTP status and the reason in both languages. */
export class QueryRefused extends Error {
	constructor(
		readonly status: number,
		readonly zh: string,
		readonly en: string
	) {
		super(en);
	}
}

/** What one query may take. */
export interface QueryLimits {
	/** Wall time, ms (QUERY_SECONDS). */
	ms: number;
	/** Rows in the result (QUERY_MAX_ROWS). */
	maxRows: number;
	/** Bytes of the result as Arrow (QUERY_MAX_MB). */
	maxBytes: number;
}

/** What the query process's DuckDB may use. */
export interface EngineLimits {
	/** DuckDB's memory_limit, MB (a part of QUERY_MEMORY_MB, which bounds the whole process). */
	memoryMB: number;
	/** DuckDB's threads (QUERY_THREADS). */
	threads: number;
}

/**
 * Open a release's query database for the door: read-only; no files, network or extensions; no spilling to a
 * temporary folder (a query past the memory limit fails instead of filling the disk); settings that hold paths
 * pointed nowhere; the configuration locked so no query can change any of it.
 */
export async function openQueryDb(file: string, engine: EngineLimits): Promise<DuckDBInstance> {
	if (!existsSync(file)) throw new Error(`query database missing: ${file}`);
	// order matters: the options after enable_external_access=false may no longer touch the file system
	return DuckDBInstance.create(file, {
		access_mode: 'READ_ONLY',
		autoinstall_known_extensions: 'false',
		autoload_known_extensions: 'false',
		memory_limit: `${engine.memoryMB}MB`,
		threads: String(engine.threads),
		temp_directory: '',
		home_directory: '/nonexistent',
		extension_directory: '/nonexistent',
		enable_external_access: 'false',
		lock_configuration: 'true'
	});
}

/** Table functions a query may call: generators over values it gives. Every other one reads the catalog, the
 *  settings, files or runs SQL from a string (`query`, `json_execute_serialized_sql`). */
const TABLE_FUNCTIONS = new Set(['range', 'generate_series', 'unnest', 'json_each', 'json_tree']);
/** Scalar functions that read settings or variables, or write to DuckDB's log. */
const DENIED_FUNCTIONS = new Set(['current_setting', 'getvariable', 'write_log']);
/** DuckDB's own views (information_schema, pg_catalog, duckdb_*, sqlite_*): `pragma_database_list`,
 *  `duckdb_databases` and `pg_settings` show the server's paths. */
const SYSTEM_VIEWS = new Set([
	...'character_sets check_constraints columns constraint_column_usage constraint_table_usage key_column_usage referential_constraints schemata tables table_constraints views'.split(
		' '
	),
	...'pg_am pg_attrdef pg_attribute pg_class pg_collation pg_constraint pg_database pg_depend pg_description pg_enum pg_index pg_indexes pg_namespace pg_prepared_statements pg_proc pg_sequence pg_sequences pg_settings pg_tables pg_tablespace pg_type pg_views'.split(
		' '
	)
]);
const SYSTEM_PREFIX = /^(duckdb_|pragma_|sqlite_)/;

const notAllowed = (what: string) =>
	new QueryRefused(
		403,
		`查询只能读取已发布的数据表，不能使用 ${what}`,
		`a query may read the published tables only, not ${what}`
	);

/** Why a parse tree (DuckDB's json_serialize_sql) reaches past the release's tables, or undefined. */
export function parseTreeProblem(node: unknown): QueryRefused | undefined {
	if (Array.isArray(node)) {
		for (const child of node) {
			const p = parseTreeProblem(child);
			if (p) return p;
		}
		return undefined;
	}
	if (!node || typeof node !== 'object') return undefined;
	const o = node as Record<string, unknown>;
	const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : '');
	if (o.type === 'SHOW_REF') return notAllowed('DESCRIBE / SHOW / SUMMARIZE');
	if (o.type === 'BASE_TABLE') {
		const table = lower(o.table_name);
		if (
			SYSTEM_VIEWS.has(table) ||
			SYSTEM_PREFIX.test(table) ||
			['system', 'temp'].includes(lower(o.catalog_name)) ||
			['pg_catalog', 'information_schema'].includes(lower(o.schema_name))
		)
			return notAllowed(`“${String(o.table_name)}”`);
	}
	if (o.type === 'TABLE_FUNCTION') {
		const fn = lower((o.function as Record<string, unknown> | undefined)?.function_name);
		if (!TABLE_FUNCTIONS.has(fn)) return notAllowed(`${fn}()`);
	}
	if (o.class === 'FUNCTION') {
		const fn = lower(o.function_name);
		if (DENIED_FUNCTIONS.has(fn) || SYSTEM_PREFIX.test(fn)) return notAllowed(`${fn}()`);
	}
	for (const value of Object.values(o)) {
		const p = parseTreeProblem(value);
		if (p) return p;
	}
	return undefined;
}

/** Refuse anything but one SELECT over the release's tables; the prepared statement otherwise. */
async function prepareChecked(conn: DuckDBConnection, sql: string) {
	const statements = await conn.extractStatements(sql);
	if (statements.count !== 1)
		throw new QueryRefused(
			400,
			`只接受一条查询语句（收到 ${statements.count} 条）`,
			`exactly one statement is accepted (got ${statements.count})`
		);
	const prepared = await statements.prepare(0);
	if (prepared.statementType !== StatementType.SELECT)
		throw new QueryRefused(
			403,
			'只允许 SELECT 查询',
			`only SELECT is allowed (got ${StatementType[prepared.statementType]})`
		);
	// DuckDB's own parse tree: PRAGMA and SHOW are SELECTs to the planner, and a name may be quoted, qualified or
	// cased any way — the tree has them resolved to what they are
	const tree = (
		await conn.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR) AS t', [sql], [VARCHAR])
	).getRowObjectsJS()[0]?.t as string | undefined;
	const parsed = JSON.parse(tree ?? '{"error":true}') as { error: boolean; statements?: unknown };
	if (parsed.error) throw notAllowed('PRAGMA');
	const problem = parseTreeProblem(parsed.statements);
	if (problem) throw problem;
	return prepared;
}

/** The Arrow type a DuckDB column is sent as: numbers as Float64 (as DuckDB-WASM's castBigIntToDouble gives
 *  them), dates and timestamps as DateMillisecond, lists and structs as such, everything else as text. */
export function arrowType(t: DuckDBType): DataType {
	switch (t.typeId) {
		case DuckDBTypeId.BOOLEAN:
			return new Bool();
		case DuckDBTypeId.TINYINT:
		case DuckDBTypeId.SMALLINT:
		case DuckDBTypeId.INTEGER:
		case DuckDBTypeId.BIGINT:
		case DuckDBTypeId.UTINYINT:
		case DuckDBTypeId.USMALLINT:
		case DuckDBTypeId.UINTEGER:
		case DuckDBTypeId.UBIGINT:
		case DuckDBTypeId.HUGEINT:
		case DuckDBTypeId.UHUGEINT:
		case DuckDBTypeId.FLOAT:
		case DuckDBTypeId.DOUBLE:
		case DuckDBTypeId.DECIMAL:
		case DuckDBTypeId.TIME:
		case DuckDBTypeId.TIME_NS:
			return new Float64();
		case DuckDBTypeId.DATE:
		case DuckDBTypeId.TIMESTAMP:
		case DuckDBTypeId.TIMESTAMP_S:
		case DuckDBTypeId.TIMESTAMP_MS:
		case DuckDBTypeId.TIMESTAMP_NS:
		case DuckDBTypeId.TIMESTAMP_TZ:
			return new DateMillisecond();
		case DuckDBTypeId.LIST:
		case DuckDBTypeId.ARRAY:
			return new List(new Field('item', arrowType(t.valueType), true));
		case DuckDBTypeId.STRUCT:
			return new Struct(t.entryNames.map((n, i) => new Field(n, arrowType(t.entryTypes[i]!), true)));
		default:
			return new Utf8();
	}
}

/** A JS value (node-api's JS converter) as the Arrow type above takes it. */
function arrowValue(v: unknown, type: DataType): unknown {
	if (v === null || v === undefined) return null;
	if (type instanceof Float64) return typeof v === 'bigint' ? Number(v) : v;
	if (type instanceof List) {
		const child = type.children[0]!.type;
		return (v as unknown[]).map((x) => arrowValue(x, child));
	}
	if (type instanceof Struct) {
		const o = v as Record<string, unknown>;
		return Object.fromEntries(type.children.map((f) => [f.name, arrowValue(o[f.name], f.type)]));
	}
	if (type instanceof Utf8)
		return typeof v === 'string'
			? v
			: JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x));
	return v;
}

/** The validity bitmap of `values` (a bit per value, set when not null) and its null count. */
function validity(values: readonly unknown[]): { nullBitmap?: Uint8Array; nullCount: number } {
	let nullCount = 0;
	const bits = new Uint8Array(Math.ceil(values.length / 8));
	for (let i = 0; i < values.length; i++)
		if (values[i] === null || values[i] === undefined) nullCount++;
		else bits[i >> 3]! |= 1 << (i & 7);
	return nullCount ? { nullBitmap: bits, nullCount } : { nullCount: 0 };
}

/** One column of a chunk as Arrow data: numbers, booleans, text and dates written straight into their buffers
 *  (apache-arrow's generic builders cost ~100 µs a row on a wide view); nested values through its builder. */
function columnData(values: unknown[], type: DataType): Data {
	const length = values.length;
	if (type instanceof Float64) {
		const data = new Float64Array(length);
		for (let i = 0; i < length; i++) {
			const v = values[i];
			data[i] = typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : 0;
		}
		return makeData({ type, length, data, ...validity(values) });
	}
	if (type instanceof Bool) {
		const data = new Uint8Array(Math.ceil(length / 8));
		for (let i = 0; i < length; i++) if (values[i] === true) data[i >> 3]! |= 1 << (i & 7);
		return makeData({ type, length, data, ...validity(values) });
	}
	if (type instanceof Utf8) {
		const parts: Buffer[] = [];
		const valueOffsets = new Int32Array(length + 1);
		let offset = 0;
		for (let i = 0; i < length; i++) {
			const v = values[i];
			if (v !== null && v !== undefined) {
				const text = typeof v === 'string' ? v : String(arrowValue(v, type));
				const bytes = Buffer.from(text, 'utf8');
				parts.push(bytes);
				offset += bytes.length;
			}
			valueOffsets[i + 1] = offset;
		}
		return makeData({ type, length, data: Buffer.concat(parts, offset), valueOffsets, ...validity(values) });
	}
	if (type instanceof DateMillisecond) {
		const data = new BigInt64Array(length);
		for (let i = 0; i < length; i++) {
			const v = values[i];
			if (v instanceof Date) data[i] = BigInt(v.getTime());
		}
		return makeData({ type, length, data, ...validity(values) });
	}
	const vector = vectorFromArray(
		values.map((v) => arrowValue(v, type)),
		type
	);
	if (vector.data.length !== 1) throw new Error('a column chunk came in several pieces');
	return vector.data[0]!;
}

/**
 * Run one SELECT on `conn`: Arrow IPC (stream format) of its rows, or a QueryRefused saying why not. The result is
 * read chunk by chunk (DuckDB's streaming result, about 2,048 rows at a time), each chunk turned into a record
 * batch; past `maxRows` rows or `maxBytes` bytes of batches it stops there and the query is refused with the limit
 * it passed (DuckDB's streaming result computes no further than what was fetched).
 */
export async function runQuery(
	conn: DuckDBConnection,
	sql: string,
	limits: QueryLimits
): Promise<Uint8Array> {
	const prepared = await prepareChecked(conn, sql);
	const result = await prepared.stream();
	const names = result.deduplicatedColumnNames();
	const types = result.columnTypes().map(arrowType);
	const schema = new Schema(names.map((n, i) => new Field(n, types[i]!, true)));
	const rowType = new Struct(schema.fields);
	const batches: RecordBatch[] = [];
	let rows = 0;
	let bytes = 0;
	for (
		let chunk = await result.fetchChunk();
		chunk && chunk.rowCount > 0;
		chunk = await result.fetchChunk()
	) {
		rows += chunk.rowCount;
		if (rows > limits.maxRows)
			throw new QueryRefused(
				413,
				`结果超过 ${limits.maxRows} 行，已停止：请加筛选或汇总`,
				`the result has more than ${limits.maxRows} rows and was stopped: filter or aggregate`
			);
		const children = types.map((t, c) =>
			columnData(chunk.convertColumnValues(c, JSDuckDBValueConverter) as unknown[], t)
		);
		const data = makeData({ type: rowType, length: chunk.rowCount, nullCount: 0, children });
		bytes += data.byteLength;
		batches.push(new RecordBatch(schema, data));
		if (bytes > limits.maxBytes) {
			const mb = Math.round(limits.maxBytes / 1048576);
			throw new QueryRefused(
				413,
				`结果超过 ${mb} MB，已停止：请只选需要的列，或加筛选、汇总`,
				`the result is larger than ${mb} MB and was stopped: select fewer columns, filter or aggregate`
			);
		}
	}
	const writer = new RecordBatchStreamWriter();
	writer.reset(undefined, schema);
	for (const b of batches) writer.write(b);
	writer.finish();
	return writer.toUint8Array(true);
}
