// A larger data build made from a smaller one, for the query door's bench only: every community copied with a
// new id (`id~k`) together with its rows in the other tables, up to `count` communities. Used at 1M, which the
// importer cannot build on this machine in a session (at 300k it takes over 20 min and 4.5 GB); the copies have
// the same distributions as the 300k generator's output, not a 1M generator's. No map.arrow: Node-side only.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

/** Tables keyed by the community's `id`; the others by `community_id`. `towns` is copied as it is. */
const BY_ID = new Set(['communities', 'status', 'progress']);
const TABLES = ['communities', 'status', 'progress', 'works', 'votes', 'funds', 'stage_events', 'contacts'];

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

export async function replicateBuild(src: string, out: string, count: number): Promise<void> {
	mkdirSync(out, { recursive: true });
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	try {
		await conn.run(
			`CREATE TABLE base AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS r FROM read_parquet(${quote(`${src}/communities.parquet`)})`
		);
		const n = Number((await conn.runAndReadAll('SELECT count(*) FROM base')).getRows()[0]![0]);
		const copies = Math.ceil(count / n);
		await conn.run(
			`CREATE TABLE pick AS SELECT b.id, t.k FROM base b, range(${copies}) t(k) WHERE t.k * ${n} + b.r < ${count}`
		);
		for (const table of TABLES) {
			const key = BY_ID.has(table) ? 'id' : 'community_id';
			await conn.run(
				`COPY (SELECT x.* REPLACE (CASE WHEN p.k = 0 THEN x.${key} ELSE x.${key} || '~' || p.k END AS ${key})
				FROM read_parquet(${quote(`${src}/${table}.parquet`)}) x JOIN pick p ON x.${key} = p.id)
				TO ${quote(`${out}/${table}.parquet`)} (FORMAT parquet, COMPRESSION zstd)`
			);
		}
	} finally {
		conn.closeSync();
		db.closeSync();
	}
	copyFileSync(`${src}/towns.parquet`, `${out}/towns.parquet`);
	const manifest = JSON.parse(readFileSync(`${src}/manifest.json`, 'utf8')) as {
		tables: Record<string, number>;
		replicatedFrom?: string;
	};
	manifest.tables.communities = count;
	manifest.replicatedFrom = src;
	writeFileSync(`${out}/manifest.json`, JSON.stringify(manifest, null, '\t') + '\n');
}
