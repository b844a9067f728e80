// The public site's data from a full data build: public tables with only their public columns (schema.ts), the
// published progress table and summary, the base map and a public manifest. Used by `npm run build:public` and
// by the office server on each publish; both then run the leak scan over what was written.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Manifest } from '../lib/files/manifest';
import { publicColumns } from '../lib/schema/schema';
import { POINTS_FILE, progressFiles, readLegacyProgress, SEARCH_FILE } from '../lib/progress/compact';
import { ALL_CARDS_SQL, PROGRESS_VIEW_SQL } from '../lib/progress/queries';
import { cardFiles } from '../lib/progress/card-files';
import type { Card } from '../lib/progress/card';
import { dirname, join } from 'node:path';

export interface PublicData {
	/** Rows per public table. */
	counts: Record<string, number>;
	/** The internal values the leak scan must not find: contacts' names and phones, internal notes. */
	secrets: string[];
}

/** Write the public data of the full build in `full` into `out`. */
export async function writePublicData(full: string, out: string): Promise<PublicData> {
	mkdirSync(out, { recursive: true });
	const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	const counts: Record<string, number> = {};
	try {
		for (const [table, columns] of Object.entries({ ...publicColumns(), progress: ['*'] })) {
			const select = columns.map((c) => (c === '*' ? c : `"${c}"`)).join(', ');
			await conn.run(
				`COPY (SELECT ${select} FROM read_parquet(${q(`${full}/${table}.parquet`)})) TO ${q(`${out}/${table}.parquet`)} (FORMAT parquet, COMPRESSION zstd)`
			);
			const n = await conn.runAndReadAll(
				`SELECT count(*)::INT AS n FROM read_parquet(${q(`${out}/${table}.parquet`)})`
			);
			counts[table] = Number(n.getRowObjects()[0]!.n);
		}
		const secrets = await conn.runAndReadAll(
			`SELECT person AS v FROM read_parquet(${q(`${full}/contacts.parquet`)})
			 UNION SELECT phone FROM read_parquet(${q(`${full}/contacts.parquet`)})
			 UNION SELECT notes FROM read_parquet(${q(`${full}/communities.parquet`)}) WHERE notes IS NOT NULL AND notes <> ''`
		);
		// the card without DuckDB-WASM: the card's SQL over the public tables just written, cut into files
		await writeCardFiles(out, out);
		for (const file of ['summary.json', 'towns.geojson', 'boundary.geojson', 'land.geojson'])
			cpSync(join(full, file), join(out, file));
		// the page's points and search without DuckDB; a build from before the split has one progress.arrow (split
		// here, so an earlier release can be published again); one from before that has none (the page asks SQL)
		if (existsSync(join(full, POINTS_FILE)))
			for (const file of [POINTS_FILE, SEARCH_FILE]) cpSync(join(full, file), join(out, file));
		else if (existsSync(join(full, 'progress.arrow')))
			for (const [file, bytes] of Object.entries(
				progressFiles(readLegacyProgress(readFileSync(join(full, 'progress.arrow'))))
			))
				writeFileSync(join(out, file), bytes);
		const manifest = JSON.parse(readFileSync(`${full}/manifest.json`, 'utf8')) as Manifest;
		const publicManifest = {
			title: manifest.title,
			example: manifest.example,
			note: manifest.note,
			asOf: manifest.asOf,
			schemaVersion: manifest.schemaVersion,
			schematicBoundaries: manifest.schematicBoundaries,
			builtAt: manifest.builtAt,
			towns: manifest.towns,
			tables: counts
		};
		writeFileSync(`${out}/manifest.json`, JSON.stringify(publicManifest, null, '\t') + '\n');
		return { counts, secrets: secrets.getRowObjects().map((r) => String(r.v)) };
	} finally {
		conn.closeSync();
	}
}

/**
 * The public card's files (card-files.ts) from the Parquet tables in `from` (a public data folder, or a full build:
 * the card's SQL reads public columns only), written into `to`: ALL_CARDS_SQL over progress_view, cut into files.
 */
export async function writeCardFiles(from: string, to: string): Promise<void> {
	const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	try {
		for (const t of ['communities', 'progress', 'towns', 'works'])
			await conn.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet(${q(`${from}/${t}.parquet`)})`);
		await conn.run(PROGRESS_VIEW_SQL);
		const cards = (
			await conn.runAndReadAll(ALL_CARDS_SQL.community)
		).getRowObjectsJson() as unknown as Card[];
		const works = (await conn.runAndReadAll(ALL_CARDS_SQL.works)).getRowObjectsJson() as unknown as {
			communityId: string;
			itemId: string;
		}[];
		for (const [path, json] of Object.entries(cardFiles(cards, works))) {
			mkdirSync(dirname(join(to, path)), { recursive: true });
			writeFileSync(join(to, path), json);
		}
	} finally {
		conn.closeSync();
	}
}
