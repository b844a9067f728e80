// The query door: SQL from the dashboard run by the server's DuckDB over the published release, for datasets
// larger than one browser tab should hold. Each release gets a DuckDB file with its tables and the dashboard's
// view (the same setup SQL the browser runs), opened read-only with file and network access off and the
// configuration locked; one SELECT statement only; a time limit (interrupt) and a row limit; Arrow IPC out.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { DuckDBInstance, StatementType, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromJSON, tableToIPC } from 'apache-arrow';
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

export class QueryRefused extends Error {
	constructor(
		readonly status: number,
		readonly zh: string,
		readonly en: string
	) {
		super(en);
	}
}

export interface QueryLimits {
	ms: number;
	maxRows: number;
}

/** Plain JS values Arrow can carry: BIGINT and HUGEINT as numbers (as the browser's castBigIntToDouble does). */
function plain(v: unknown): unknown {
	if (typeof v === 'bigint') return Number(v);
	return v;
}

export class QueryDoor {
	private constructor(
		private readonly db: DuckDBInstance,
		readonly file: string
	) {}

	static async open(file: string): Promise<QueryDoor> {
		if (!existsSync(file)) throw new Error(`query database missing: ${file}`);
		const db = await DuckDBInstance.create(file, {
			access_mode: 'READ_ONLY',
			enable_external_access: 'false',
			autoinstall_known_extensions: 'false',
			autoload_known_extensions: 'false',
			lock_configuration: 'true'
		});
		return new QueryDoor(db, file);
	}

	/** Run one SELECT; Arrow IPC (stream format) of its rows, or a QueryRefused saying why not. */
	async query(sql: string, limits: QueryLimits): Promise<Uint8Array> {
		const conn = await this.db.connect();
		const timer = setTimeout(() => conn.interrupt(), limits.ms);
		try {
			return await this.run(conn, sql, limits);
		} catch (e) {
			if (e instanceof QueryRefused) throw e;
			const message = (e as Error).message;
			if (/interrupt/i.test(message))
				throw new QueryRefused(
					408,
					`查询超过 ${limits.ms / 1000} 秒，已取消`,
					`the query ran past ${limits.ms / 1000} s and was cancelled`
				);
			throw new QueryRefused(400, `查询出错：${message}`, `query failed: ${message}`);
		} finally {
			clearTimeout(timer);
			conn.closeSync();
		}
	}

	private async run(conn: DuckDBConnection, sql: string, limits: QueryLimits): Promise<Uint8Array> {
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
		const reader = await prepared.runAndReadUntil(limits.maxRows + 1);
		if (reader.currentRowCount > limits.maxRows)
			throw new QueryRefused(
				413,
				`结果超过 ${limits.maxRows} 行，请加筛选或汇总`,
				`the result has more than ${limits.maxRows} rows; filter or aggregate`
			);
		const rows = (reader.getRowObjectsJS() as Record<string, unknown>[]).map((r) =>
			Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)]))
		);
		if (rows.length === 0) {
			const empty = Object.fromEntries(reader.columnNames().map((c) => [c, null]));
			return tableToIPC(tableFromJSON([empty]).slice(0, 0), 'stream');
		}
		return tableToIPC(tableFromJSON(rows), 'stream');
	}

	close(): void {
		this.db.closeSync();
	}
}
