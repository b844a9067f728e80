// The public build's guard: finds anything internal in a built folder. Two kinds of needle —
//  - internal column and table names (schema.ts `public: false`): in data files they must not appear as a
//    column (Parquet) or key (JSON; a GeoJSON feature's properties); a name distinctive enough not to be an
//    ordinary word (8+ letters or containing `_`, e.g. `garage_area`, `contacts`) must not appear in any text
//    file at all, JS included;
//  - internal values (contact names and phones, internal notes): none may appear in a data file (Parquet
//    decoded); in code, those of 3+ characters (phones, notes, most names — a 2-character name also occurs
//    inside ordinary words such as 实施建设).
// Compiled libraries (.wasm) are not scanned: their strings are the library's, not the dataset's.
// Every name and value is looked for in one pass over each file (an Aho–Corasick automaton, needle-search.ts):
// what `text.includes(v)` for each would find (tests/unit/leak): 446k values at 300k communities in ~30 s.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { publicColumns, TABLES } from '../lib/schema/schema';
import { NeedleSet, type NeedleScanner } from './needle-search';

/** The tables a public build may hold: the schema's public ones and the derived `progress`. */
const PUBLISHED_TABLES = new Set([...Object.keys(publicColumns()), 'progress']);

export interface Leak {
	file: string;
	needle: string;
	where: string;
}

/** Internal names: every non-public table, and every non-public column not also public elsewhere. */
export function internalNames(): string[] {
	const publicNames = new Set(
		TABLES.flatMap((t) => (t.public ? t.columns.filter((c) => c.public).map((c) => c.name) : []))
	);
	const names = new Set<string>();
	for (const t of TABLES) {
		if (!t.public) names.add(t.name);
		for (const c of t.columns) if (!(t.public && c.public) && !publicNames.has(c.name)) names.add(c.name);
	}
	return [...names].sort();
}

const distinctive = (name: string) => name.includes('_') || name.length >= 8;

function* files(dir: string): Generator<string> {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) yield* files(path);
		else yield path;
	}
}

function jsonKeys(value: unknown, out = new Set<string>()): Set<string> {
	if (Array.isArray(value)) for (const v of value) jsonKeys(v, out);
	else if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) {
			out.add(k);
			jsonKeys(v, out);
		}
	return out;
}

/** A file's text as the scan reads it, fed to `scan` in parts; its column or key names (data files). */
async function readFile(path: string, conn: DuckDBConnection, scan: NeedleScanner): Promise<string[]> {
	if (path.endsWith('.parquet')) {
		// the rows as one JSON array (`JSON.stringify` of every row object), made and fed a chunk of rows at a time:
		// at 300k, works is 3.1M rows and 320M characters of JSON, gigabytes as row objects and one string
		const result = await conn.stream(`SELECT * FROM read_parquet('${path.replaceAll("'", "''")}')`);
		let sep = '[';
		for await (const rows of result.yieldRowObjectJson())
			for (const row of rows) {
				scan.feed(sep + JSON.stringify(row));
				sep = ',';
			}
		scan.feed(sep === '[' ? '[]' : ']');
		return result.columnNames();
	}
	// a gzipped file (the progress files) is scanned unpacked, as what it holds
	const raw = readFileSync(path);
	const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
	scan.feed(text);
	if (path.endsWith('.geojson')) {
		const fc = JSON.parse(text) as { features?: { properties?: unknown }[] };
		return [...jsonKeys((fc.features ?? []).map((f) => f.properties ?? {}))];
	}
	return path.endsWith('.json') ? [...jsonKeys(JSON.parse(text))] : [];
}

/**
 * Every leak in `dir`: internal names (as above) and internal `values` (at least 2 characters). One pass over each
 * file's text for every name and value at once (needle-search.ts); the findings are those of `text.includes(v)`
 * for each, in the same order.
 */
export async function scanForLeaks(dir: string, values: readonly string[]): Promise<Leak[]> {
	const names = internalNames();
	const needles = values.filter((v) => v.trim().length >= 2);
	const set = new NeedleSet([...names.filter(distinctive), ...needles]);
	const leaks: Leak[] = [];
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	try {
		for (const path of files(dir)) {
			const file = relative(dir, path);
			if (path.endsWith('.wasm')) continue;
			const scan = set.scanner();
			const columns = await readFile(path, conn, scan);
			const data = /\.(parquet|json|geojson|arrow)(\.gz)?$/.test(path);
			for (const name of names) {
				if (columns.includes(name)) leaks.push({ file, needle: name, where: 'column or key' });
				else if (distinctive(name) && scan.has(name)) leaks.push({ file, needle: name, where: 'text' });
			}
			const table = /([^/]+)\.parquet$/.exec(file)?.[1];
			if (table && !PUBLISHED_TABLES.has(table))
				leaks.push({ file, needle: table, where: 'not a public table' });
			if (scan.count > 0)
				for (const v of needles)
					if ((data || v.length >= 3) && scan.has(v)) leaks.push({ file, needle: v, where: 'value' });
		}
	} finally {
		conn.closeSync();
	}
	return leaks;
}
