/**
 * The public page's per-community columns, written by the data build and read in the page with apache-arrow only
 * (no wasm), in two gzipped Arrow IPC files so the first screen does not wait for the search's text:
 *  - `progress-points.arrow.gz` — what the map draws: id, lon/lat (float32: within a metre), households, stage
 *    (an index into STAGE_CODES) and the month of acceptance (dictionary text); about 11 bytes a community gzipped;
 *  - `progress-search.arrow.gz` — what only the search reads: name, address, town code (dictionary), 拼音
 *    initials and whole 拼音, row for row with the points file; fetched on the search box's first focus or once the
 *    map is idle.
 * The same facts as `progress_view` (queries.ts); tests/data/public-answers.test.ts proves the points
 * and every search equal to POINTS_SQL and searchSql over the published tables.
 */
import { Dictionary, Int16, Int8, makeVector, Table, tableFromIPC, tableToIPC, Utf8 } from 'apache-arrow';
import { vectorOf } from '../util/arrow-vector';
import { gzipSync } from 'fflate';
import { STAGE_CODES as CODES } from '../verdict/stage-classes';

/**
 * Stage codes as stored: 0 is `none` (before the first stage), then the workflow's stages in order, then
 * `out-of-scope` (outside the programme) — the stage classes' own list.
 */
export const STAGE_CODES: readonly string[] = CODES;

/** The two files, by name as published next to summary.json. */
export const POINTS_FILE = 'progress-points.arrow.gz';
export const SEARCH_FILE = 'progress-search.arrow.gz';

/** What the map draws, one row per community ordered by id. */
export interface ProgressPoints {
	id: string[];
	lon: Float32Array;
	lat: Float32Array;
	/** As narrow an unsigned type as the largest value allows. */
	households: Uint8Array | Uint16Array | Uint32Array;
	/** Index into STAGE_CODES. */
	stage: Uint8Array;
	/** `YYYY-MM` of the acceptance ('' before it). */
	completedMonth: string[];
}

/** What only the search reads, row for row with ProgressPoints. Text as string[] ('' for none). */
export interface ProgressSearchText {
	name: string[];
	/** '' when the community has no address. */
	address: string[];
	townCode: string[];
	/** 拼音 initials and whole 拼音 of the name, as in the `progress` table (name_initials, name_pinyin). */
	initials: string[];
	pinyin: string[];
}

export type ProgressColumns = ProgressPoints & ProgressSearchText;

/** What the builder reads: a community's published facts and its `progress` row. */
export interface ProgressSource {
	id: string;
	name: string;
	address: string | null;
	town_code: string;
	lon: number;
	lat: number;
	/** Null when not known (资料不全): 0 in the points, as SQL's sum skips it. */
	households: number | null;
	stage: string;
	completed_date: string | null;
	name_initials: string;
	name_pinyin: string;
}

const POINT_TEXT = ['id', 'completedMonth'] as const;
const POINT_NUMBERS = ['lon', 'lat', 'households', 'stage'] as const;
const SEARCH_TEXT = ['name', 'address', 'townCode', 'initials', 'pinyin'] as const;

function narrowUnsigned(values: readonly number[]): Uint8Array | Uint16Array | Uint32Array {
	const max = values.reduce((m, v) => Math.max(m, v), 0);
	return max < 2 ** 8
		? Uint8Array.from(values)
		: max < 2 ** 16
			? Uint16Array.from(values)
			: Uint32Array.from(values);
}

export function progressColumns(rows: readonly ProgressSource[]): ProgressColumns {
	const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const stage = Uint8Array.from(sorted, (r) => {
		const i = STAGE_CODES.indexOf(r.stage);
		if (i < 0) throw new Error(`unknown stage: ${r.stage} (${r.id})`);
		return i;
	});
	return {
		id: sorted.map((r) => r.id),
		lon: Float32Array.from(sorted, (r) => r.lon),
		lat: Float32Array.from(sorted, (r) => r.lat),
		households: narrowUnsigned(sorted.map((r) => r.households ?? 0)),
		stage,
		completedMonth: sorted.map((r) => r.completed_date?.slice(0, 7) ?? ''),
		name: sorted.map((r) => r.name),
		address: sorted.map((r) => r.address ?? ''),
		townCode: sorted.map((r) => r.town_code),
		initials: sorted.map((r) => r.name_initials),
		pinyin: sorted.map((r) => r.name_pinyin)
	};
}

/**
 * Few distinct values (months, towns): a dictionary, its indexes as narrow as their count allows. Each file has
 * one, with id 0 (not Arrow's running counter: the same data gives the same bytes).
 */
const dictionary = (values: string[]) =>
	vectorOf(values, new Dictionary(new Utf8(), new Set(values).size <= 127 ? new Int8() : new Int16(), 0));
const ipc = (table: Table) => gzipSync(tableToIPC(table, 'file'), { level: 9, mtime: 0 });

/** The columns as the two published files, gzipped (deterministic: no time in the header). */
export function progressFiles(cols: ProgressColumns): Record<string, Uint8Array> {
	return {
		[POINTS_FILE]: ipc(
			new Table({
				id: vectorOf(cols.id, new Utf8()),
				lon: makeVector(cols.lon),
				lat: makeVector(cols.lat),
				households: makeVector(cols.households),
				stage: makeVector(cols.stage),
				completedMonth: dictionary(cols.completedMonth)
			})
		),
		[SEARCH_FILE]: ipc(
			new Table({
				name: vectorOf(cols.name, new Utf8()),
				address: vectorOf(cols.address, new Utf8()),
				townCode: dictionary(cols.townCode),
				initials: vectorOf(cols.initials, new Utf8()),
				pinyin: vectorOf(cols.pinyin, new Utf8())
			})
		)
	};
}

/**
 * The file's bytes unpacked: gzip as published; a server that sent it with `Content-Encoding: gzip` has had the
 * browser unpack it already, so bytes without the gzip magic are taken as they are.
 */
export async function gunzipped(bytes: Uint8Array): Promise<Uint8Array> {
	if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
	const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
		.stream()
		.pipeThrough(new DecompressionStream('gzip'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

function read<K extends string>(bytes: Uint8Array, file: string, text: readonly K[], typed: readonly K[]) {
	const t = tableFromIPC(bytes);
	const out = {} as Record<K, unknown>;
	for (const name of [...text, ...typed]) {
		const v = t.getChild(name);
		if (!v) throw new Error(`${file}: no column ${name}`);
		out[name] = text.includes(name) ? Array.from(v as Iterable<string | null>, (s) => s ?? '') : v.toArray();
	}
	return { out, rows: t.numRows };
}

/** Reads the points file (unpacked); refuses one without every column (written by another version). */
export function readProgressPoints(bytes: Uint8Array): ProgressPoints {
	return read(bytes, POINTS_FILE, POINT_TEXT, POINT_NUMBERS).out as unknown as ProgressPoints;
}

/** Reads the search file (unpacked) beside its points: refuses one whose rows are not the points' rows. */
export function readProgressSearch(bytes: Uint8Array, points: ProgressPoints): ProgressColumns {
	const { out, rows } = read(bytes, SEARCH_FILE, SEARCH_TEXT, []);
	if (rows !== points.id.length)
		throw new Error(`${SEARCH_FILE}: ${rows} rows, ${POINTS_FILE}: ${points.id.length}`);
	return { ...points, ...(out as unknown as ProgressSearchText) };
}

/**
 * A build from before the split held one `progress.arrow` with every column (float64 lon/lat): its columns, so a
 * release published before can be published again (public-data.ts writes the two files from it).
 */
export function readLegacyProgress(bytes: Uint8Array): ProgressColumns {
	const { out } = read(bytes, 'progress.arrow', [...POINT_TEXT, ...SEARCH_TEXT], POINT_NUMBERS);
	const o = out as Record<string, ArrayLike<number>>;
	return {
		...(out as unknown as ProgressColumns),
		lon: Float32Array.from(o.lon!),
		lat: Float32Array.from(o.lat!),
		households: narrowUnsigned(Array.from(o.households!))
	};
}
