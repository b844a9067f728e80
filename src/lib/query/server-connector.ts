/**
 * The second `Connector`: SQL sent to the office server's query door (`POST /api/query`), answered as Arrow IPC by
 * the server's DuckDB over the published release. For datasets larger than one browser tab should hold, or when
 * the reader chooses it. Same SQL, same rows as DuckDB-WASM's connector.
 */
import { tableFromIPC } from 'apache-arrow';
import type { ColumnarResult, Connector, Database, Row } from './connector';
import type { Manifest } from '../files/manifest';

/** Communities past which the dashboard asks the server instead of loading every table into the tab. */
export const TAB_MAX_COMMUNITIES = 300_000;

export type Engine = 'browser' | 'server';

/**
 * Which engine answers the dashboard's queries: the reader's setting when given (`?engine=server` or
 * `browser`), else the server when the manifest counts more communities than one tab should hold.
 */
export function chooseEngine(manifest: Pick<Manifest, 'tables'>, setting?: string | null): Engine {
	if (setting === 'server' || setting === 'browser') return setting;
	return (manifest.tables.communities ?? 0) > TAB_MAX_COMMUNITIES ? 'server' : 'browser';
}

/** A refusal of the query door, with its reason in both languages. */
export class QueryError extends Error {
	constructor(
		readonly status: number,
		readonly zh: string,
		readonly en: string
	) {
		super(`${status}: ${en}`);
	}
}

/** Plain values as DuckDB-WASM's connector gives them (BIGINT as number). */
function plain(row: Row): Row {
	for (const [k, v] of Object.entries(row)) if (typeof v === 'bigint') row[k] = Number(v);
	return row;
}

async function post(endpoint: string, sql: string, fetcher: typeof fetch) {
	const res = await fetcher(endpoint, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		credentials: 'same-origin',
		body: JSON.stringify({ sql })
	});
	if (!res.ok) {
		const body = (await res.json().catch(() => ({}))) as { error?: { zh: string; en: string } };
		throw new QueryError(
			res.status,
			body.error?.zh ?? `查询失败（${res.status}）`,
			body.error?.en ?? `query failed (${res.status})`
		);
	}
	return tableFromIPC(new Uint8Array(await res.arrayBuffer()));
}

/** A cell as `ColumnarResult` holds it: numbers and booleans as they are, dates as ISO text, the rest as text. */
function cell(v: unknown): string | number | boolean | null {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number(v);
	if (typeof v === 'number' || typeof v === 'boolean') return v;
	if (v instanceof Date) return v.toISOString();
	return String(v);
}

/** The views the server's query database already holds (server/query.ts): creating them again is a no-op. */
const SERVER_VIEWS =
	/^\s*(CREATE\s+OR\s+REPLACE\s+VIEW|DROP\s+VIEW\s+IF\s+EXISTS)\s+"?(community_view|progress_view)"?\b/i;

/**
 * The data session's `Database` over the query door, for its `open` hook: the published tables are already on
 * the server (loading them is a no-op), its views too; it is read-only, so an import cannot be loaded into it
 * (the workbench's preview needs the browser's engine).
 */
export function openServerDatabase(endpoint = '/api/query', fetcher: typeof fetch = fetch): Database {
	const connector = openServerConnector(endpoint, fetcher);
	const readOnly = () =>
		new QueryError(
			400,
			'服务器上的数据只读：导入数据只能在浏览器引擎中预览',
			"the server's data is read-only: an import can be previewed only in the browser's engine"
		);
	return {
		query: (sql) => connector.query(sql),
		async run(sql) {
			if (!SERVER_VIEWS.test(sql)) throw readOnly();
		},
		async loadParquet() {
			// the server holds every published table
		},
		async loadArrow() {
			throw readOnly();
		},
		async columnar(sql): Promise<ColumnarResult> {
			const table = await post(endpoint, sql, fetcher);
			const fields = table.schema.fields;
			return {
				names: fields.map((f) => f.name),
				types: fields.map((f) => String(f.type)),
				columns: fields.map((_, j) => {
					const column = table.getChildAt(j);
					return Array.from({ length: table.numRows }, (_, i) => cell(column?.get(i)));
				}),
				length: table.numRows
			};
		},
		async close() {
			// nothing to end: the engine is the server's
		}
	};
}

/** A connector over `endpoint` (default `/api/query` on this origin); `fetcher` for tests outside a page. */
export function openServerConnector(endpoint = '/api/query', fetcher: typeof fetch = fetch): Connector {
	return {
		async query<T = Row>(sql: string): Promise<T[]> {
			const table = await post(endpoint, sql, fetcher);
			return table.toArray().map((r) => plain(r.toJSON() as Row) as T);
		}
	};
}
