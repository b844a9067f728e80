// A town's own 资料补充表 (issue 22: "a town downloads its own communities"): the supplement workbook of /data
// (src/lib/files/supplement-xlsx.ts, one workbook per town) made on the server from the data served now, for one of
// the account's towns only — the rows read with DuckDB, filtered by the town in SQL, as the importer stores them.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { supplementFileName, supplementXlsx } from '../src/lib/files/supplement-xlsx';
import { storedRow } from '../src/lib/ingest/carry-history';
import type { CommunityRow, DatasetMeta, TownRow } from '../src/lib/schema/rows';

const parquet = (dir: string, name: string) =>
	`read_parquet('${join(dir, `${name}.parquet`).replaceAll("'", "''")}')`;

/**
 * The 资料补充表 of town `townName` from the build in `dataDir` (a release's data/ or the example's).
 * @returns the file name offered (资料补充表-<town>.xlsx) and the workbook's bytes; null when the data has no town
 *   of that name (the caller checks first that the town is the account's own)
 */
export async function townSupplement(
	dataDir: string,
	townName: string
): Promise<{ name: string; bytes: Uint8Array } | null> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	let town: Pick<TownRow, 'code' | 'name'> | undefined;
	let communities: CommunityRow[];
	try {
		const towns = (
			await conn.runAndReadAll(`SELECT code, name FROM ${parquet(dataDir, 'towns')} WHERE name = $1`, [
				townName
			])
		).getRowObjectsJson() as { code: string; name: string }[];
		town = towns[0];
		if (!town) return null;
		const rows = (
			await conn.runAndReadAll(`SELECT * FROM ${parquet(dataDir, 'communities')} WHERE town_code = $1`, [
				town.code
			])
		).getRowObjectsJson() as Record<string, unknown>[];
		communities = rows.map((r) => storedRow<CommunityRow>('communities', r));
	} finally {
		conn.closeSync();
		db.closeSync();
	}
	const meta = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as DatasetMeta;
	const bytes = await supplementXlsx(communities, town, meta);
	return { name: supplementFileName(town), bytes };
}
