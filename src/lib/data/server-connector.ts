/**
 * The second `Connector`: SQL sent to the office server's query door (`POST /api/query`), answered as Arrow IPC by
 * the server's DuckDB over the published release. For datasets larger than one browser tab should hold, or when
 * the reader chooses it. Same SQL, same rows as DuckDB-WASM's connector.
 */
import { tableFromIPC } from 'apache-arrow';
import type { Connector, Row } from './connector';
import type { Manifest } from './manifest';

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

/** A connector over `endpoint` (default `/api/query` on this origin); `fetcher` for tests outside a page. */
export function openServerConnector(endpoint = '/api/query', fetcher: typeof fetch = fetch): Connector {
	return {
		async query<T = Row>(sql: string): Promise<T[]> {
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
			const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
			return table.toArray().map((r) => plain(r.toJSON() as Row) as T);
		}
	};
}
