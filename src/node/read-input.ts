// The command line's door to the importer: reads files and folders from disk and hands their bytes to
// importFiles (src/lib/ingest/import), the same function the browser's /data page uses.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importFiles, type ImportOptions, type ImportResult, type InputFile } from '../lib/ingest/import';

/** Files a folder contributes: the office's data files, not metadata.json or hidden files. */
const DATA_FILE = /\.(csv|txt|tsv|xlsx|xlsm|xls|et|ods|geojson|json)$/i;

/** Every path (a folder gives its data files, sorted) as the importer's input files, with their paths. */
export function readFiles(paths: string[]): (InputFile & { path: string })[] {
	const expanded = paths.flatMap((p) =>
		statSync(p).isDirectory()
			? readdirSync(p)
					.filter((f) => DATA_FILE.test(f) && f !== 'metadata.json' && !f.startsWith('.'))
					.sort()
					.map((f) => join(p, f))
			: [p]
	);
	return expanded.map((path) => ({ path, name: basename(path), bytes: new Uint8Array(readFileSync(path)) }));
}

/** Reads the paths and imports them; `files` are the paths read (for the manifest). */
export async function readInputs(paths: string[], options: ImportOptions): Promise<ImportResult> {
	const files = readFiles(paths);
	const result = await importFiles(files, options);
	const read = new Set(result.files);
	return { ...result, files: files.filter((f) => read.has(f.name)).map((f) => f.path) };
}
