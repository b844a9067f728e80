/**
 * The `static/data` files `npm run data` writes, made from a validated dataset without Node: one Parquet file per
 * table and `status.parquet` (the policy engine's verdicts, by the same `deriveStatus`), `map.arrow`,
 * `towns.geojson` and `manifest.json`, plus the geography files passed through. The Parquet writer is passed in
 * (parquet-wasm, initialised by the caller in the browser or in Node), so this module stays pure.
 */
import { communitySlices } from './community-slices';
import { LIST_COLUMNS_FILE, listColumns } from './list-columns';
import {
	Bool,
	DateDay,
	Float64,
	Int32,
	Table,
	tableToIPC,
	Utf8,
	type DataType,
	type Vector
} from 'apache-arrow';
import { vectorOf } from '../util/arrow-vector';
import type { FeatureCollection } from 'geojson';
import { deriveStatus, mapColumns, policyInForce, STATUS_COLUMNS } from '../verdict/derived';
import type { Manifest, ManifestTown } from './manifest';
import { mapArrow } from './map-arrow-file';
import { budgetInputsFiles, INPUTS_FILE, VERDICT_INPUTS_FILE } from './budget-inputs-file';
import type { Dataset, DatasetMeta } from '../schema/rows';
import { SCHEMA_VERSION, TABLES, type ColumnType } from '../schema/schema';

/** Arrow IPC stream in, Parquet bytes out (`writeParquet(Table.fromIPCStream(ipc))` of parquet-wasm). */
export type ParquetWriter = (ipc: Uint8Array) => Uint8Array;

/** The Arrow types DuckDB gives the schema's column types in `npm run data` (write-build.ts). */
const ARROW_TYPE: Record<ColumnType, () => DataType> = {
	text: () => new Utf8(),
	enum: () => new Utf8(),
	integer: () => new Int32(),
	number: () => new Float64(),
	boolean: () => new Bool(),
	date: () => new DateDay()
};

function arrowValue(type: ColumnType, v: unknown): unknown {
	if (v === null || v === undefined || v === '') return null;
	if (type === 'date') return new Date(`${String(v)}T00:00:00Z`);
	if (type === 'text' || type === 'enum') return String(v);
	return v;
}

/** Rows as an Arrow IPC stream with the given columns and types. */
export function arrowIpc(
	columns: readonly (readonly [string, ColumnType])[],
	rows: readonly Record<string, unknown>[]
): Uint8Array {
	const vectors: Record<string, Vector> = {};
	for (const [name, type] of columns)
		vectors[name] = vectorOf(
			rows.map((r) => arrowValue(type, r[name])),
			ARROW_TYPE[type]()
		);
	return tableToIPC(new Table(vectors), 'stream');
}

export interface StaticInput {
	dataset: Dataset;
	meta: DatasetMeta;
	regions: FeatureCollection;
	/** English town names by code (the build makes them with pinyin; the browser keeps the published ones). */
	townNamesEn: ReadonlyMap<string, string>;
	/** Files copied as they are (boundary.geojson, land.geojson). */
	passThrough: Record<string, Uint8Array>;
	sources: string[];
	builtAt: string;
	/** Tables derived beside the dataset's own (the public `progress` rows), written as Parquet too. */
	extraTables?: readonly {
		name: string;
		columns: readonly (readonly [string, ColumnType])[];
		rows: readonly Record<string, unknown>[];
	}[];
}

/** Every file of the data folder, by name. */
export function staticFiles(input: StaticInput, writeParquet: ParquetWriter): Record<string, Uint8Array> {
	const { dataset, meta } = input;
	const text = (s: string) => new TextEncoder().encode(s);
	const files: Record<string, Uint8Array> = {};
	const tables: Record<string, number> = {};
	for (const t of TABLES) {
		const rows = dataset[t.name] as unknown as Record<string, unknown>[];
		files[`${t.name}.parquet`] = writeParquet(
			arrowIpc(
				t.columns.map((c) => [c.name, c.type] as const),
				rows
			)
		);
		tables[t.name] = rows.length;
	}
	const status = deriveStatus(dataset, meta.asOf, policyInForce(meta.asOf));
	const statusRows = status.map((s) =>
		Object.fromEntries(STATUS_COLUMNS.map(([key, name]) => [name, s[key]]))
	);
	files['status.parquet'] = writeParquet(
		arrowIpc(
			STATUS_COLUMNS.map(([, name, type]) => [name, type] as const),
			statusRows
		)
	);
	tables.status = statusRows.length;
	for (const t of input.extraTables ?? []) {
		files[`${t.name}.parquet`] = writeParquet(arrowIpc(t.columns, t.rows));
		tables[t.name] = t.rows.length;
	}
	files['map.arrow'] = mapArrow(mapColumns(dataset, status, meta.asOf));
	const budget = budgetInputsFiles(dataset, status);
	files[INPUTS_FILE] = budget.run;
	files[VERDICT_INPUTS_FILE] = budget.verdict;
	for (const [path, json] of Object.entries(communitySlices(dataset))) files[path] = text(json);
	files[LIST_COLUMNS_FILE] = text(JSON.stringify(listColumns(dataset, status)));
	files['towns.geojson'] = text(JSON.stringify(input.regions));
	Object.assign(files, input.passThrough);
	const towns: ManifestTown[] = dataset.towns.map((t) => ({
		...t,
		name_en: input.townNamesEn.get(t.code) ?? t.name
	}));
	const manifest: Manifest = {
		...meta,
		schemaVersion: SCHEMA_VERSION,
		builtAt: input.builtAt,
		towns,
		tables,
		sources: input.sources
	};
	files['manifest.json'] = text(JSON.stringify(manifest, null, '\t') + '\n');
	return files;
}
