/**
 * The named queries of the app, as SQL text over `community_view` (tables.ts). Pages and tests run the same
 * text, so a KPI on screen is the SQL a test runs directly.
 */
import { COLOUR_SCALES, type Colouring } from '../verdict/classes';
import { FIGURE, FIGURES, figureSql, TOWN_FIGURES, type FigureKey } from './definitions';
import { whereSql, type Filter } from './filters';

/** The key figures of the filter (figures.ts: each figure's measure over its programme sets), yuan, ㎡, counts. */
export type Kpis = Record<FigureKey, number>;

/** The key figures of the filter, each by its definition in figures.ts (formatting is the view's). */
export function kpiSql(f: Filter): string {
	return `SELECT
	${FIGURES.map(figureSql).join(',\n\t')}
FROM community_view WHERE ${whereSql(f)}`;
}

/** Communities per class code of the colouring, under the filter (the page counts them in JS: figures.ts). */
export function legendSql(f: Filter, colouring: Colouring): string {
	const column = COLOUR_SCALES[colouring].column;
	if (column === null)
		throw new Error(`${colouring}: computed in the page, no column of community_view holds it`);
	return `SELECT ${column} AS class, CAST(count(*) AS DOUBLE) AS n
FROM community_view WHERE ${whereSql(f)} GROUP BY 1`;
}

/** Map rows (idx) that pass the filter. */
export function visibleSql(f: Filter): string {
	return `SELECT idx FROM community_view WHERE ${whereSql(f)}`;
}

/** Per town: the town table's figures (TOWN_FIGURES, by the key figures' definitions) for the choropleth and list. */
export function townSql(f: Filter): string {
	return `SELECT town_code, any_value(town_name) AS town_name,
	${TOWN_FIGURES.map((k) => figureSql(FIGURE[k])).join(',\n\t')}
FROM community_view WHERE ${whereSql(f, 'towns')} GROUP BY town_code ORDER BY town_code`;
}

/**
 * Communities whose funds are complete and whose town review has begun but not passed (status.awaiting_review):
 * not candidates (§三(四)), listed apart so a leader sees who is next.
 */
export function awaitingReviewSql(f: Filter): string {
	return `SELECT id, name, town_code AS "townCode", CAST(ready_date AS VARCHAR) AS "readyDate"
FROM community_view WHERE awaiting_review AND ${whereSql(f)} ORDER BY ready_date, id`;
}

/** Candidates for the next plan under the filter; the policy engine ranks them (rankCandidates). */
export function candidatesSql(f: Filter): string {
	return `SELECT id, name, town_code AS "townCode", CAST(ready_date AS VARCHAR) AS "readyDate",
	coalesce(property_management = 'professional', false) AS "professionalManagement",
	CAST(subsidy AS DOUBLE) AS subsidy
FROM community_view WHERE ready_for_plan AND ${whereSql(f)}`;
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** One community's rows, table by table, for its page. */
export function communitySql(id: string) {
	const q = quote(id);
	return {
		community: `SELECT * EXCLUDE (stage_date, ready_date), CAST(stage_date AS VARCHAR) AS stage_date, CAST(ready_date AS VARCHAR) AS ready_date FROM community_view WHERE id = ${q}`,
		works: `SELECT community_id, item_id, CAST(estimated_cost AS DOUBLE) AS estimated_cost, CAST(final_cost AS DOUBLE) AS final_cost FROM works WHERE community_id = ${q}`,
		votes: `SELECT * EXCLUDE (date), CAST(date AS VARCHAR) AS date FROM votes WHERE community_id = ${q} ORDER BY date`,
		funds: `SELECT * EXCLUDE (date), CAST(date AS VARCHAR) AS date FROM funds WHERE community_id = ${q} ORDER BY date`,
		stages: `SELECT community_id, stage, CAST(date AS VARCHAR) AS date FROM stage_events WHERE community_id = ${q}`
	};
}

/** The filtered communities with what an export shows (labels are applied in export.ts). */
export function exportSql(f: Filter): string {
	return `SELECT id, name, town_name, address, completion_year, CAST(building_area AS DOUBLE) AS building_area,
	households, buildings, housing_type, property_management, eligibility, programme, application_vote, scheme_vote, stage,
	CAST(stage_date AS VARCHAR) AS stage_date, CAST(investment AS DOUBLE) AS investment,
	CAST(resident_required AS DOUBLE) AS resident_required, CAST(resident_raised AS DOUBLE) AS resident_raised,
	CAST(subsidy AS DOUBLE) AS subsidy, CAST(works_start AS VARCHAR) AS works_start, CAST(ready_date AS VARCHAR) AS ready_date,
	ready_for_plan, awaiting_review, lon, lat
FROM community_view WHERE ${whereSql(f)} ORDER BY town_code, id`;
}
