// A build folder read back (static/data, or a release's data/): every table of the schema from its Parquet file,
// as the dataset's rows — for `npm run data -- --previous static/data`, which compares an import with it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { storedRow } from '../lib/ingest/carry-history';
import type { Dataset } from '../lib/schema/rows';
import { TABLES } from '../lib/schema/schema';

/** Whether `path` is a build folder (manifest.json and communities.parquet in it). */
export const isBuildFolder = (path: string) =>
	existsSync(join(path, 'manifest.json')) && existsSync(join(path, 'communities.parquet'));

/** Every table of the build in `dir` (a table without its Parquet file reads as empty). */
export async function readBuild(dir: string): Promise<Dataset> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	try {
		const out: Record<string, unknown[]> = {};
		for (const t of TABLES) {
			const file = join(dir, `${t.name}.parquet`);
			if (!existsSync(file)) {
				out[t.name] = [];
				continue;
			}
			const reader = await conn.runAndReadAll(`SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`);
			out[t.name] = (reader.getRowObjectsJson() as Record<string, unknown>[]).map((r) =>
				storedRow(t.name, r)
			);
		}
		return out as unknown as Dataset;
	} finally {
		conn.closeSync();
	}
}
