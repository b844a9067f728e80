/**
 * `progress.arrow`: the public page's per-community columns — what its map points and its search read, written by
 * the data build and read in the page with apache-arrow only (no wasm), so the first screen never waits for
 * DuckDB-WASM. The same facts as `progress_view` (queries.ts); tests/unit/progress/compact.test.ts proves the
 * points and every search equal to POINTS_SQL and searchSql over the published tables.
 */
import { makeVector, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { WORKFLOW_STAGES } from '../policy';

/** Stage codes as stored: 0 is `none` (before the first stage), then the workflow's stages in order. */
export const STAGE_CODES: readonly string[] = ['none', ...WORKFLOW_STAGES.map((s) => s.id)];

/** One row per community, ordered by id. Text as string[] ('' for none), numbers as typed arrays. */
export interface ProgressColumns {
	id: string[];
	name: string[];
	/** '' when the community has no address. */
	address: string[];
	townCode: string[];
	lon: Float64Array;
	lat: Float64Array;
	households: Uint32Array;
	/** Index into STAGE_CODES. */
	stage: Uint8Array;
	/** `YYYY-MM` of the acceptance ('' before it). */
	completedMonth: string[];
	/** 拼音 initials and whole 拼音 of the name, as in the `progress` table (name_initials, name_pinyin). */
	initials: string[];
	pinyin: string[];
}

/** What the builder reads: a community's published facts and its `progress` row. */
export interface ProgressSource {
	id: string;
	name: string;
	address: string | null;
	town_code: string;
	lon: number;
	lat: number;
	households: number;
	stage: string;
	completed_date: string | null;
	name_initials: string;
	name_pinyin: string;
}

const TEXT = ['id', 'name', 'address', 'townCode', 'completedMonth', 'initials', 'pinyin'] as const;

export function progressColumns(rows: readonly ProgressSource[]): ProgressColumns {
	const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const n = sorted.length;
	const cols: ProgressColumns = {
		id: [],
		name: [],
		address: [],
		townCode: [],
		lon: new Float64Array(n),
		lat: new Float64Array(n),
		households: new Uint32Array(n),
		stage: new Uint8Array(n),
		completedMonth: [],
		initials: [],
		pinyin: []
	};
	sorted.forEach((r, i) => {
		const stage = STAGE_CODES.indexOf(r.stage);
		if (stage < 0) throw new Error(`unknown stage: ${r.stage} (${r.id})`);
		cols.id.push(r.id);
		cols.name.push(r.name);
		cols.address.push(r.address ?? '');
		cols.townCode.push(r.town_code);
		cols.lon[i] = r.lon;
		cols.lat[i] = r.lat;
		cols.households[i] = r.households;
		cols.stage[i] = stage;
		cols.completedMonth.push(r.completed_date?.slice(0, 7) ?? '');
		cols.initials.push(r.name_initials);
		cols.pinyin.push(r.name_pinyin);
	});
	return cols;
}

/** The columns as an Arrow IPC file. */
export function progressArrow(cols: ProgressColumns): Uint8Array {
	const vectors = Object.fromEntries(
		Object.entries(cols).map(([name, values]) => [
			name,
			Array.isArray(values) ? vectorFromArray(values, new Utf8()) : makeVector(values as Uint8Array)
		])
	);
	return tableToIPC(new Table(vectors), 'file');
}

/** Reads `progress.arrow`; refuses a file without every column (written by another version). */
export function readProgressColumns(bytes: Uint8Array): ProgressColumns {
	const t = tableFromIPC(bytes);
	const column = (name: keyof ProgressColumns) => {
		const v = t.getChild(name);
		if (!v) throw new Error(`progress.arrow: no column ${name}`);
		return v.toArray() as unknown;
	};
	const out = {} as Record<keyof ProgressColumns, unknown>;
	for (const name of [...TEXT, 'lon', 'lat', 'households', 'stage'] as const) {
		const values = column(name);
		out[name] = (TEXT as readonly string[]).includes(name)
			? Array.from(values as Iterable<string | null>, (s) => s ?? '')
			: values;
	}
	return out as ProgressColumns;
}
