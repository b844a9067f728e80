// The leak scan's rule as it was written before the one-pass scan (src/node/leak-scan.ts until session 5):
// `text.includes(v)` for every internal name and value in every file. Kept here only as the tests' reference: the
// one-pass scan must find exactly what this finds, in the same order.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { internalNames, type Leak } from '../../../src/node/leak-scan';
import { publicColumns } from '../../../src/lib/schema/schema';

const PUBLISHED_TABLES = new Set([...Object.keys(publicColumns()), 'progress']);
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

/** The old scan, unchanged but for its name. */
export async function naiveScanForLeaks(dir: string, values: readonly string[]): Promise<Leak[]> {
	const names = internalNames();
	const needles = values.filter((v) => v.trim().length >= 2);
	const leaks: Leak[] = [];
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	try {
		for (const path of files(dir)) {
			const file = relative(dir, path);
			if (path.endsWith('.wasm')) continue;
			const raw = readFileSync(path);
			let text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
			let columns: string[] = [];
			const data = /\.(parquet|json|geojson|arrow)(\.gz)?$/.test(path);
			if (path.endsWith('.parquet')) {
				const reader = await conn.runAndReadAll(
					`SELECT * FROM read_parquet('${path.replaceAll("'", "''")}')`
				);
				columns = reader.columnNames();
				text = JSON.stringify(reader.getRowObjectsJson());
			} else if (path.endsWith('.geojson')) {
				const fc = JSON.parse(text) as { features?: { properties?: unknown }[] };
				columns = [...jsonKeys((fc.features ?? []).map((f) => f.properties ?? {}))];
			} else if (path.endsWith('.json')) {
				columns = [...jsonKeys(JSON.parse(text))];
			}
			for (const name of names) {
				if (columns.includes(name)) leaks.push({ file, needle: name, where: 'column or key' });
				else if (distinctive(name) && text.includes(name)) leaks.push({ file, needle: name, where: 'text' });
			}
			const table = /([^/]+)\.parquet$/.exec(file)?.[1];
			if (table && !PUBLISHED_TABLES.has(table))
				leaks.push({ file, needle: table, where: 'not a public table' });
			for (const v of needles)
				if ((data || v.length >= 3) && text.includes(v)) leaks.push({ file, needle: v, where: 'value' });
		}
	} finally {
		conn.closeSync();
	}
	return leaks;
}
