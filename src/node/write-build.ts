// Writes a validated dataset as the app's static files: Parquet per table (DuckDB, zstd), towns.geojson,
// manifest.json — into a fresh folder that replaces the old one only once complete.
import { townNameEn } from '../lib/files/pinyin';
import {
	chmodSync,
	createWriteStream,
	mkdirSync,
	existsSync,
	mkdtempSync,
	renameSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { FeatureCollection } from 'geojson';
import { csvLine } from '../lib/files/csv';
import type { Manifest } from '../lib/files/manifest';
import type { Dataset, DatasetMeta } from '../lib/schema/rows';
import { SCHEMA_VERSION, SQL_TYPE, TABLES, type ColumnType } from '../lib/schema/schema';

async function writeCsv(
	path: string,
	columns: string[],
	rows: readonly Record<string, unknown>[]
): Promise<void> {
	const stream = createWriteStream(path);
	let chunk: string[] = [csvLine(columns)];
	for (const row of rows) {
		chunk.push(csvLine(columns.map((c) => row[c] as string | number | boolean | null)));
		if (chunk.length >= 5000) {
			stream.write(chunk.join(''));
			chunk = [];
		}
	}
	stream.write(chunk.join(''));
	await new Promise<void>((ok, fail) => stream.end((e?: Error | null) => (e ? fail(e) : ok())));
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** A table to write beside the dataset's own: its columns as [name, type] and rows keyed by those names. */
export interface ExtraTable {
	name: string;
	columns: readonly [string, ColumnType][];
	rows: readonly Record<string, unknown>[];
}

export async function writeBuild(
	outDir: string,
	dataset: Dataset,
	regions: FeatureCollection,
	meta: DatasetMeta,
	sources: string[],
	extra: {
		tables?: ExtraTable[];
		files?: Record<string, string | Uint8Array>;
		/** Writes more files from the folder's Parquet, before it replaces the old one (e.g. the card files). */
		finish?: (dir: string) => Promise<void>;
	} = {}
): Promise<Record<string, number>> {
	const out = resolve(outDir);
	const parent = dirname(out);
	mkdirSync(parent, { recursive: true }); // static/ is not in git when it holds only the build

	const tmp = mkdtempSync(join(parent, '.data-build-'));
	try {
		const db = await DuckDBInstance.create(':memory:');
		const conn = await db.connect();
		const counts: Record<string, number> = {};
		const tables: ExtraTable[] = [
			...TABLES.map((t) => ({
				name: t.name,
				columns: t.columns.map((c): [string, ColumnType] => [c.name, c.type]),
				rows: dataset[t.name] as unknown as Record<string, unknown>[]
			})),
			...(extra.tables ?? [])
		];
		for (const table of tables) {
			const csv = join(tmp, `${table.name}.csv`);
			await writeCsv(
				csv,
				table.columns.map(([name]) => name),
				table.rows
			);
			const types = table.columns
				.map(([name, type]) => `${sqlString(name)}: ${sqlString(SQL_TYPE[type])}`)
				.join(', ');
			await conn.run(
				`COPY (SELECT * FROM read_csv(${sqlString(csv)}, header = true, quote = '"', escape = '"', nullstr = '', columns = {${types}}))
				 TO ${sqlString(join(tmp, `${table.name}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`
			);
			rmSync(csv);
			counts[table.name] = table.rows.length;
		}
		conn.closeSync();
		writeFileSync(join(tmp, 'towns.geojson'), JSON.stringify(regions));
		for (const [name, content] of Object.entries(extra.files ?? {})) {
			mkdirSync(dirname(join(tmp, name)), { recursive: true });
			writeFileSync(join(tmp, name), content);
		}
		const manifest: Manifest = {
			...meta,
			schemaVersion: SCHEMA_VERSION,
			builtAt: new Date().toISOString(),
			towns: dataset.towns.map((t) => ({ ...t, name_en: townNameEn(t) })),
			tables: counts,
			sources
		};
		writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
		await extra.finish?.(tmp);
		chmodSync(tmp, 0o755);
		const old = `${out}.old-${process.pid}`;
		if (existsSync(out)) renameSync(out, old);
		renameSync(tmp, out);
		rmSync(old, { recursive: true, force: true });
		return counts;
	} catch (e) {
		rmSync(tmp, { recursive: true, force: true });
		throw e;
	}
}
