/**
 * `/`'s list export without DuckDB-WASM: the export's rows (ExportRow, as exportSql gives them) made from the map's
 * columns (map.arrow, already on the page) and the three columns the map does not carry — address, number of
 * buildings, the stage's date and the start of works — from `list-columns.json` (row for row with map.arrow; ≈ 40 KB at 乐清's size),
 * fetched on the first export. Written by `npm run data` and /data's static files; made in memory for an import.
 * The filter is the map's own (filterMask, tested equal to whereSql); the order is exportSql's (town code, id).
 */
import type { Dataset } from '../schema/rows';
import type { CommunityStatus } from '../verdict/status';
import { COLOUR_SCALES, FILTER_VALUES, PROGRAMME_CODES } from '../verdict/classes';
import { isoOfDay, NO_DAY, NO_YEAR, type MapColumns } from '../verdict/derived';
import type { ExportRow } from './export';
import type { ManifestTown } from './manifest';

/** The file's name in the data folder. */
export const LIST_COLUMNS_FILE = 'list-columns.json';

/** What the export shows that map.arrow does not carry, row for row with it. */
export interface ListColumns {
	address: (string | null)[];
	/** Buildings, or null when not known. */
	buildings: (number | null)[];
	/** The latest stage's date (status.stage_date), 'YYYY-MM-DD', or null before the first stage. */
	stageDate: (string | null)[];
	/** The start of works (status.works_start: §五(二)1, §六 decide by it), 'YYYY-MM-DD', or null. */
	worksStart: (string | null)[];
}

/** The columns of a dataset and its status (the build's, in the dataset's order as map.arrow is). */
export function listColumns(dataset: Dataset, status: readonly CommunityStatus[]): ListColumns {
	return {
		address: dataset.communities.map((c) => c.address),
		buildings: dataset.communities.map((c) => c.buildings),
		stageDate: status.map((s) => s.stageDate),
		worksStart: status.map((s) => s.worksStart)
	};
}

/**
 * The export's rows for the communities where `mask` is 1 (filterMask's), ordered by town code then id as
 * exportSql orders them. `towns`: the manifest's, in map.arrow's town order.
 */
export function exportRows(
	cols: MapColumns,
	list: ListColumns,
	towns: readonly ManifestTown[],
	mask: Float32Array
): ExportRow[] {
	const code = (scale: keyof typeof COLOUR_SCALES, k: number) => COLOUR_SCALES[scale].codes[k] ?? '';
	const out: { town: string; row: ExportRow }[] = [];
	for (let i = 0; i < cols.id.length; i++) {
		if (mask[i] !== 1) continue;
		const town = towns[cols.town[i]!];
		out.push({
			town: town?.code ?? '',
			row: {
				id: cols.id[i]!,
				name: cols.name[i]!,
				town_name: town?.name ?? '',
				address: list.address[i] ?? null,
				// a fact not known (资料不全) is empty, as the SQL's NULL: no year, no area, no households (never 0)
				completion_year: cols.year[i] === NO_YEAR ? null : cols.year[i]!,
				building_area: cols.area[i] === 0 ? null : cols.area[i]!,
				households: cols.households[i] === 0 ? null : cols.households[i]!,
				buildings: list.buildings[i]!,
				housing_type: FILTER_VALUES.housing[cols.housing[i]!]?.code ?? '',
				property_management: FILTER_VALUES.management[cols.management[i]!]?.code ?? '',
				eligibility: code('eligibility', cols.eligibility[i]!),
				application_vote: code('applicationVote', cols.applicationVote[i]!),
				scheme_vote: code('schemeVote', cols.schemeVote[i]!),
				stage: code('stage', cols.stage[i]!),
				stage_date: list.stageDate[i] ?? null,
				programme: PROGRAMME_CODES[cols.programme[i]!] ?? '',
				works_start: list.worksStart[i] ?? null,
				awaiting_review: cols.awaitingReview[i] === 1,
				investment: cols.investment[i]!,
				resident_required: cols.residentRequired[i]!,
				resident_raised: cols.residentRaised[i]!,
				subsidy: cols.subsidy[i]!,
				ready_date: cols.readyDay[i] === NO_DAY ? null : isoOfDay(cols.readyDay[i]!),
				ready_for_plan: cols.readyForPlan[i] === 1,
				lon: cols.lon[i]!,
				lat: cols.lat[i]!
			}
		});
	}
	const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
	out.sort((a, b) => cmp(a.town, b.town) || cmp(a.row.id, b.row.id));
	return out.map((r) => r.row);
}
