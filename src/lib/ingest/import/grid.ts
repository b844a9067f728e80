import type { TableName } from '../../schema/schema';

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
}

export const cellKey = (row: number, column: number) => `${row}:${column}`;
