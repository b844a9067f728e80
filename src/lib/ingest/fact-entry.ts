/**
 * A correction of one fact of a community, as a town records it on the phone form (and the office server checks
 * again before storing it): a column of the communities table, its value before (the data served now) and after
 * (as typed). The check is the importer's own, run whole: the community's row, with the one cell replaced, is
 * validated by `validateDataset` beside its town — each cell against its column (type, range, required: schema.ts)
 * and the row's rules (e.g. the exclusive area not above the building area). No rule is written here.
 */
import type { TownRow } from '../schema/rows';
import { table, type Column } from '../schema/schema';
import type { CellValue } from './cells';
import { validateDataset } from './validate';
import type { EntryProblem } from './vote-entry';

/**
 * The communities' columns a town corrects on this form: all but the id and the town (a community does not move
 * between towns by a town's hand) and the point (its own form: tap the map).
 */
export const TOWN_FACT_COLUMNS: readonly Column[] = table('communities').columns.filter(
	(c) => !['id', 'town_code', 'lon', 'lat'].includes(c.name)
);

/** The form's values as typed: which column, and its new value as text (as a spreadsheet's cell). */
export interface FactEntry {
	column: string;
	value: string;
}

export interface FactEntryCheck {
	/** The value the importer would store (null for an empty optional cell); undefined while a problem remains. */
	value: CellValue | undefined;
	/** The value in the data served now. */
	before: CellValue;
	problems: EntryProblem[];
}

/** A stored value as the text of a cell (what the importer reads back: true/false, numbers, dates as ISO). */
function cellText(v: unknown): string {
	if (v === null || v === undefined) return '';
	return String(v).slice(0, typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? 10 : undefined);
}

/**
 * Check a correction of `community` (its communities row as served: column name → value) in `town` (its towns
 * row, or at least code and name) by the importer's rules.
 */
export function checkFactEntry(
	entry: FactEntry,
	community: Record<string, unknown>,
	town: Pick<TownRow, 'code' | 'name'>
): FactEntryCheck {
	const columns = table('communities').columns;
	const before = (community[entry.column] ?? null) as CellValue;
	if (!TOWN_FACT_COLUMNS.some((c) => c.name === entry.column))
		return {
			value: undefined,
			before,
			problems: [
				{
					column: 'column',
					zh: `乡镇不能在此更正“${entry.column}”（编号、所属乡镇与坐标不在此更正）`,
					en: `a town does not correct "${entry.column}" here (the id, the town and the point are not corrected here)`
				}
			]
		};
	const cells = columns.map((c) => (c.name === entry.column ? entry.value : cellText(community[c.name])));
	const { dataset, problems } = validateDataset(
		[
			{
				table: 'communities',
				file: 'communities.csv',
				header: columns.map((c) => c.name),
				headerRow: 1,
				rows: [cells],
				rowNumbers: [2]
			}
		],
		{ defaultTowns: [town as TownRow], allowMissingPoint: true }
	);
	const errors = problems
		.filter((p) => p.file === 'communities.csv' && p.level === 'error')
		.map((p) => ({ column: p.column ?? entry.column, zh: p.zh, en: p.en }));
	if (errors.length > 0) return { value: undefined, before, problems: errors };
	const row = dataset.communities[0] as unknown as Record<string, CellValue>;
	return { value: row[entry.column] ?? null, before, problems: [] };
}
