// A query process: runs the query door's SQL (server/query.ts) one statement at a time for the office server,
// which starts it (server/query-pool.ts), watches its memory and time, and kills it when it goes past them. Its
// own process, so that a query's memory — DuckDB's or the result's — is never the server's, and a query that
// will not stop can be ended without ending anything else. It dies with the server (started with
// scripts/lib/exit-with-parent-hook.ts).
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { openQueryDb, QueryRefused, runQuery, type EngineLimits, type QueryLimits } from './query';

/** From the server. */
export type ToQueryChild =
	| { kind: 'query'; id: number; file: string; sql: string; limits: QueryLimits; engine: EngineLimits }
	| { kind: 'interrupt'; id: number };

/** To the server. */
export type FromQueryChild =
	| { kind: 'ready' }
	| { kind: 'result'; id: number; ipc: Uint8Array }
	| { kind: 'refused'; id: number; status: number; zh: string; en: string };

let open: { file: string; db: DuckDBInstance } | undefined;
let running: { id: number; conn: DuckDBConnection } | undefined;

const send = (m: FromQueryChild) => process.send!(m);

async function query(m: Extract<ToQueryChild, { kind: 'query' }>): Promise<FromQueryChild> {
	if (open?.file !== m.file) {
		open?.db.closeSync();
		open = undefined;
		open = { file: m.file, db: await openQueryDb(m.file, m.engine) };
	}
	const conn = await open.db.connect();
	running = { id: m.id, conn };
	try {
		return { kind: 'result', id: m.id, ipc: await runQuery(conn, m.sql, m.limits) };
	} catch (e) {
		if (e instanceof QueryRefused) return { kind: 'refused', id: m.id, status: e.status, zh: e.zh, en: e.en };
		const message = (e as Error).message;
		const seconds = m.limits.ms / 1000;
		if (/interrupt/i.test(message))
			return {
				kind: 'refused',
				id: m.id,
				status: 408,
				zh: `查询超过 ${seconds} 秒，已取消`,
				en: `the query ran past ${seconds} s and was cancelled`
			};
		if (/out of memory|memory limit/i.test(message))
			return {
				kind: 'refused',
				id: m.id,
				status: 413,
				zh: `查询所需内存超过 ${m.engine.memoryMB} MB，已停止：请加筛选或汇总`,
				en: `the query needed more than ${m.engine.memoryMB} MB of memory and was stopped: filter or aggregate`
			};
		return {
			kind: 'refused',
			id: m.id,
			status: 400,
			zh: `查询出错：${message}`,
			en: `query failed: ${message}`
		};
	} finally {
		running = undefined;
		conn.closeSync();
	}
}

process.on('message', (m: ToQueryChild) => {
	if (m.kind === 'interrupt') {
		if (running?.id === m.id) running.conn.interrupt();
		return;
	}
	void query(m).then(send, (e: unknown) => {
		// on the server's console only: the message may name the server's paths
		console.error('query process:', e);
		send({
			kind: 'refused',
			id: m.id,
			status: 500,
			zh: '查询进程出错，详情见服务器日志',
			en: "the query process failed; the server's log has the details"
		});
	});
});
send({ kind: 'ready' });
