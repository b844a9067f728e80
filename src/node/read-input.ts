// The command line's door to the importer: reads files and folders from disk and hands their bytes to
// importFiles (src/lib/ingest/import), the same function the browser's /data page uses.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importFiles, type ImportOptions, type ImportResult, type InputFile } from '../lib/ingest/import';

/**
 * Files of a folder that are not the office's: the build's own metadata.json, hidden files (`.DS_Store`) and the
 * lock files Excel and WPS leave while a workbook is open (`~$台账.xlsx`). Every other file is handed to the
 * importer, which reads it or says why not (an .xlsb, a shapefile's parts, a PDF): none is skipped silently.
 */
const NOT_THE_OFFICES = (f: string) => f === 'metadata.json' || f.startsWith('.') || f.startsWith('~$');

/** Every path (a folder gives its files, sorted; not its sub-folders) as the importer's input files. */
export function readFiles(paths: string[]): (InputFile & { path: string })[] {
	const expanded = paths.flatMap((p) =>
		statSync(p).isDirectory()
			? readdirSync(p, { withFileTypes: true })
					.filter((d) => d.isFile() && !NOT_THE_OFFICES(d.name))
					.map((d) => d.name)
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
