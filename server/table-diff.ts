// What a release changes in the ledger's other tables (votes, payments, stages, works, contacts, towns): the rows
// it adds and the rows it drops, against the release current when it was staged. The communities' diff says which
// community changed and how (src/lib/ingest/diff.ts); a release that adds a town's vote or payment changes no
// community row, and its diff must still say so. Written beside diff.json as tables-diff.json.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { TableRowDiff } from '../src/lib/office/api';
import { TABLES } from '../src/lib/schema/schema';

export type { TableRowDiff };

/** The file a release keeps its tables' row counts in. */
export const TABLES_DIFF_FILE = 'tables-diff.json';

const quote = (path: string) => `'${path.replaceAll("'", "''")}'`;

/**
 * Per table other than `communities`, in the schema's order: rows in `dataDir` not in `baseDir` (added) and rows in
 * `baseDir` not in `dataDir` (removed), compared whole over the schema's columns as a multiset (SQL `EXCEPT ALL`:
 * two equal payments on one day are two rows). A changed row (a vote's tallies corrected) counts as one removed and
 * one added. A table whose Parquet file is missing on a side counts as empty there.
 */
export async function diffTableRows(baseDir: string, dataDir: string): Promise<TableRowDiff[]> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	try {
		const out: TableRowDiff[] = [];
		for (const t of TABLES) {
			if (t.name === 'communities') continue;
			const columns = t.columns.map((c) => `"${c.name}"`).join(', ');
			const side = (dir: string) => {
				const file = join(dir, `${t.name}.parquet`);
				return existsSync(file)
					? `SELECT ${columns} FROM read_parquet(${quote(file)})`
					: `SELECT ${columns} FROM read_parquet(${quote(join(dataDir, `${t.name}.parquet`))}) LIMIT 0`;
			};
			if (!existsSync(join(dataDir, `${t.name}.parquet`))) continue;
			const count = async (a: string, b: string) => {
				const reader = await conn.runAndReadAll(`SELECT count(*) AS n FROM (${a} EXCEPT ALL ${b})`);
				return Number(reader.getRowObjects()[0]!.n);
			};
			const [before, after] = [side(baseDir), side(dataDir)];
			out.push({
				table: t.name,
				zh: t.zh,
				added: await count(after, before),
				removed: await count(before, after)
			});
		}
		return out;
	} finally {
		conn.closeSync();
		db.closeSync();
	}
}
