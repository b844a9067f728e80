import type { TableName } from '../../schema/schema';
import type { AutoFilter } from './ooxml';

/** A sheet or CSV as read: rows of text cells, the row numbers the clerk sees, and cells already destroyed. */

/** A cell whose value the file no longer holds (a formula with no saved result, an Excel error, 1.39E+10). */
export interface BadCell {
	value: string;
	zh: string;
	en: string;
	kind: string;
}

export interface Grid {
	file: string;
	sheet?: string;
	rows: string[][];
	/** 1-based row (Excel row, CSV line) of each row. */
	rowNumbers: number[];
	/** Bad cells by `row index:column index` into `rows`. */
	bad: Map<string, BadCell>;
	/** Column indices whose cells carried a percent format (0.92 shown as 92%): already on the 0–100 scale. */
	percentColumns?: Set<number>;
	/** The table, when the source says it (GeoJSON points are communities). */
	table?: TableName;
	/** A GIS layer of community points (GeoJSON, Shapefile, KML): with a ledger among the files, it gives the
	 * ledger's communities their points (matched by id, else name and town); alone, it is the communities. */
	layer?: 'points';
	/** Indices into `rows` of rows hidden in the workbook (by a filter or by hand). */
	hiddenRows?: Set<number>;
	/** Column indices hidden in the workbook. */
	hiddenColumns?: Set<number>;
	/** The sheet's AutoFilter, when it has one (ooxml.ts); rows it hides are data, rows hidden by hand are not. */
	filter?: AutoFilter;
	/** Whether the sheet has a filter whose criteria could not be read (.xls, .xlsb): hidden rows in its range
	 * are read, said so, as the filter's. */
	filterUnread?: { firstRow: number; lastRow: number };
	/** `row index:column index` of cells shown as a year and month only (Excel's 年月 formats). */
	monthOnly?: Set<string>;
}

export const cellKey = (row: number, column: number) => `${row}:${column}`;
