/**
 * Test kit of the towns' forms (issue 22), for the unit tests beside each form's check (vote-entry, fund-entry,
 * stage-entry, …): the example's tables as the importer reads them, and which columns the importer itself flags for
 * one row typed on a form — so each test compares the form's check with the importer, not with a copy of its rules.
 * Node only (reads data/example/ from the working directory); nothing in the app imports it.
 */
import { readFileSync } from 'node:fs';
import { parseCsv } from '../files/csv';
import type { TableName } from '../schema/schema';
import { validateDataset, type RawTable } from './validate';

/** A table of the example (data/example/<name>.csv) as the importer reads it, with the rows `keep` keeps. */
export function exampleTable(name: TableName, keep = (_row: string[]) => true): RawTable {
	const { rows } = parseCsv(readFileSync(`data/example/${name}.csv`, 'utf8'));
	const [header, ...body] = rows as [string[], ...string[][]];
	const kept = body.filter((r) => r.length > 1 && keep(r));
	return {
		table: name,
		file: `${name}.csv`,
		header,
		headerRow: 1,
		rows: kept,
		rowNumbers: kept.map((_, i) => i + 2)
	};
}

/** The example's row of one community as name → text (read from its CSV, not through the code under test). */
export function exampleCommunity(id: string): Record<string, string> {
	const t = exampleTable('communities', (r) => r[0] === id);
	return Object.fromEntries(t.header.map((h, i) => [h, t.rows[0]![i] ?? '']));
}

/**
 * The columns the importer flags as errors in `rows` of table `name` (a header and rows as typed), validated beside
 * the example's towns and the one community `communityId` (and `more` tables, e.g. the community's other stages).
 */
export function importerFlags(
	name: TableName,
	header: string[],
	rows: string[][],
	communityId: string,
	more: RawTable[] = []
): string[] {
	const typed: RawTable = {
		table: name,
		file: `${name}.csv`,
		header,
		headerRow: 1,
		rows,
		rowNumbers: rows.map((_, i) => i + 2)
	};
	const communities = exampleTable('communities', (r) => r[0] === communityId);
	const { problems } = validateDataset([exampleTable('towns'), communities, ...more, typed], {
		defaultTowns: []
	});
	return problems.filter((p) => p.file === typed.file && p.level === 'error').map((p) => p.column!);
}
