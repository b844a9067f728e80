/** The importer's contract, shared by the CLI (`npm run data -- --input …`) and the browser's `/data` page. */
import type { AsOfSource } from './as-of';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Problem } from '../problems';
import type { Dataset, TownRow } from '../../schema/rows';
import type { TableName } from '../../schema/schema';
import type { Locate } from '../../geo/locate';
import type { RawTable } from '../validate';
import type { ColumnMapping } from './mapping';

export interface InputFile {
	name: string;
	bytes: Uint8Array;
}

export interface ImportOptions {
	/** The bundled official town list (used when the files have no towns table). */
	defaultTowns: TownRow[];
	/** Inside 乐清? (see src/lib/ingest/validate.ts) */
	locate?: Locate;
	/** The keeper's choices for columns the importer could not place. */
	mapping?: ColumnMapping;
	crs?: 'wgs84' | 'gcj02';
	/** Let communities without coordinates in (lon/lat null, a notice each): the workbench places them. */
	allowMissingPoint?: boolean;
	/** 乐清's outline: when given, a boundary GeoJSON among the files is checked against it and the towns
	 * (validateTownRegions), so the browser and the CLI give the same verdict on it. */
	outline?: Feature<Polygon | MultiPolygon>;
	/** Limits per file (default MAX_FILE_BYTES, MAX_ROWS): raised only by `npm run bench` for its generated
	 *  300k and 1M datasets, which no office file reaches. */
	limits?: { fileBytes: number; rows: number };
}

/** A column of the office's file that no known header matched: shown in the mapping step, never dropped silently. */
export interface UnplacedColumn {
	file: string;
	sheet?: string;
	table: TableName;
	header: string;
	headerRow: number;
	samples: string[];
	/** Hidden in the workbook (shown as such in the mapping step). */
	hidden?: boolean;
}

export interface ImportResult {
	/** Validated rows; rows with errors left out. */
	dataset: Dataset;
	/** Errors and notices; `kind` groups them. */
	problems: Problem[];
	/** The files' tables as read (the office's own rows, for the report workbook). */
	tables: RawTable[];
	unplaced: UnplacedColumn[];
	townRegions?: FeatureCollection;
	townRegionsFile?: string;
	/** 数据截至 (YYYY-MM-DD) when the files say it (说明 sheet), else undefined. */
	asOf?: string;
	/** Where `asOf` was read (the file and sheet), when the files say it. */
	asOfSource?: AsOfSource;
	files: string[];
}
