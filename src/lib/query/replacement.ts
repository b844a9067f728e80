/**
 * What an import becomes in the browser, built as `npm run data` builds static/data: the engine's `status` for
 * every community (deriveStatus, under the policy in force), the map's first-paint columns (mapColumns, the same
 * builder as map.arrow), a manifest, and every table as typed Arrow for DuckDB-WASM. The data session swaps
 * these in with `replace()`. Only the dashboard uses this module (the public site has no import).
 */
import { Bool, Float64, Table as ArrowTable, tableToIPC, Utf8, type Vector } from 'apache-arrow';
import { vectorOf } from '../util/arrow-vector';
import type { FeatureCollection } from 'geojson';
import type { PolicyParams } from '../policy';
import { deriveStatus, mapColumns, policyInForce, STATUS_COLUMNS, type MapColumns } from '../verdict/derived';
import type { Manifest, ManifestTown } from '../files/manifest';
import type { Dataset, DatasetMeta } from '../schema/rows';
import { SQL_TYPE, TABLES, type ColumnType } from '../schema/schema';
import { communityRowsOf, type CommunityOwnRows } from '../files/community-slices';
import { listColumns, type ListColumns } from '../files/list-columns';

/** A table beside the dataset's own (e.g. the public `progress` rows), as the build's ExtraTable. */
export interface ExtraTable {
	name: string;
	columns: readonly (readonly [string, ColumnType])[];
	rows: readonly Record<string, unknown>[];
}

/** What the workbench hands to `session.replace()`: a validated dataset and what it says of itself. */
export interface ImportInput {
	dataset: Dataset;
	meta: DatasetMeta;
	/** Town regions, when the import brings its own (else the published ones stay). */
	townRegions?: FeatureCollection;
	/** Derived tables the caller built (e.g. `progress`); a published table not replaced is dropped. */
	extra?: readonly ExtraTable[];
}

/** A table ready for DuckDB: its columns with DuckDB types, and its rows as an Arrow IPC stream (null: none). */
export interface LoadableTable {
	name: string;
	columns: readonly (readonly [string, string])[];
	ipc: Uint8Array | null;
}

export interface Replacement {
	tables: LoadableTable[];
	manifest: Manifest;
	mapColumns: MapColumns;
	townRegions?: FeatureCollection;
	/** One community's own rows, as the published community files carry them (the community page). */
	rowsOf: (id: string) => CommunityOwnRows | null;
	/** The export's columns map.arrow lacks (list-columns.json's). */
	listColumns: ListColumns;
}

/** Rows as an Arrow IPC stream: text, enum and dates as text, numbers as doubles (DuckDB casts on insert). */
export function toLoadable(table: ExtraTable): LoadableTable {
	const columns = table.columns.map(([name, type]) => [name, SQL_TYPE[type]] as const);
	if (table.rows.length === 0) return { name: table.name, columns, ipc: null };
	const vectors: Record<string, Vector> = {};
	for (const [name, type] of table.columns) {
		const values = table.rows.map((r) => {
			const v = r[name];
			return v === undefined ? null : v;
		});
		vectors[name] =
			type === 'boolean'
				? vectorOf(values as (boolean | null)[], new Bool())
				: type === 'integer' || type === 'number'
					? vectorOf(values as (number | null)[], new Float64())
					: vectorOf(
							values.map((v) => (v === null ? null : String(v))),
							new Utf8()
						);
	}
	return { name: table.name, columns, ipc: tableToIPC(new ArrowTable(vectors), 'stream') };
}

/**
 * The replacement for a validated dataset: every schema table, `status` from the engine under `policy`, the
 * caller's extra tables, the map's columns and a manifest (towns keep their published English names).
 */
export function buildReplacement(
	input: ImportInput,
	policy: PolicyParams | undefined,
	publishedTowns: readonly ManifestTown[] = []
): Replacement {
	const { dataset, meta } = input;
	const status = deriveStatus(dataset, meta.asOf, policy ?? policyInForce(meta.asOf));
	const statusTable: ExtraTable = {
		name: 'status',
		columns: STATUS_COLUMNS.map(([, name, type]) => [name, type] as const),
		rows: status.map((s) => Object.fromEntries(STATUS_COLUMNS.map(([key, name]) => [name, s[key]])))
	};
	const tables: ExtraTable[] = [
		...TABLES.map((t) => ({
			name: t.name,
			columns: t.columns.map((c) => [c.name, c.type] as const),
			rows: dataset[t.name] as unknown as Record<string, unknown>[]
		})),
		statusTable,
		...(input.extra ?? [])
	];
	const english = new Map(publishedTowns.map((t) => [t.code, t.name_en]));
	const manifest: Manifest = {
		...meta,
		builtAt: new Date().toISOString(),
		towns: dataset.towns.map((t) => ({ ...t, name_en: english.get(t.code) ?? t.name })),
		tables: Object.fromEntries(tables.map((t) => [t.name, t.rows.length])),
		sources: ['import']
	};
	return {
		tables: tables.map(toLoadable),
		manifest,
		mapColumns: mapColumns(dataset, status, meta.asOf),
		townRegions: input.townRegions,
		rowsOf: (id) => communityRowsOf(dataset, id),
		listColumns: listColumns(dataset, status)
	};
}
