/** The simulator's SQL: the pipeline, one row per community, and the plans and payments per year, over `community_view`. */
import { whereSql, type Filter } from '../filter/filters';
import { FIRST_PLAN_YEAR } from './scenario';

/**
 * The plan year a community is in: the year after its 列入年度计划 (the plan for Y is decided by the end of May of
 * Y−1, §三(四)) — the same reading as the public site's `plan_year`.
 */
const PLAN_YEAR_SQL = `(SELECT CAST(year(min(e.date)) + 1 AS INTEGER) FROM stage_events e
		WHERE e.community_id = v.id AND e.stage = 'annual-plan')`;

/**
 * Communities that may still need a subsidy in 2024–2028: not ineligible, and not put in a plan before 2024
 * (a 列入年度计划 dated before 31 May 2023 belongs to the earlier programme). With a filter, only those it selects.
 * `planYear` is the plan a community is already in (a fact); `raisedShare` the share of its resident funds raised.
 */
export function pipelineSql(filter: Filter | null): string {
	return `SELECT id, name, town_code AS "townCode", stage, coalesce(property_management = 'professional', false) AS professional,
	building_area AS "buildingArea", coalesce(garage_area, 0) AS "garageArea",
	basic, improvement, "upgrade", elevator, social_capital AS social, subsidy,
	CAST(ready_date AS VARCHAR) AS "readyDate", CAST(start_date AS VARCHAR) AS "startDate",
	application_vote AS "applicationVote", CAST(application_vote_date AS VARCHAR) AS "applicationVoteDate",
	scheme_vote AS "schemeVote", CAST(scheme_vote_date AS VARCHAR) AS "schemeVoteDate",
	${PLAN_YEAR_SQL} AS "planYear", ready_for_plan AS "readyForPlan",
	CAST(CASE WHEN resident_required > 0 THEN least(1, resident_raised / resident_required) ELSE 0 END AS DOUBLE)
		AS "raisedShare"
FROM community_view v
WHERE eligibility NOT IN ('ineligible', 'unknown')
	AND coalesce(${PLAN_YEAR_SQL}, ${FIRST_PLAN_YEAR}) >= ${FIRST_PLAN_YEAR}
	AND ${filter ? whereSql(filter) : 'true'}
ORDER BY id`;
}

/**
 * Per year: the subsidy of the communities in that year's plan (`planned`, from the data's status) and the
 * subsidy paid out in that year (`paid`, the `funds` rows from 财政补助), citywide and within the filter.
 */
export function planHistorySql(filter: Filter | null): string {
	const inFilter = filter ? whereSql(filter) : 'true';
	return `WITH planned AS (
	SELECT ${PLAN_YEAR_SQL} AS year, subsidy, ${inFilter} AS sel FROM community_view v
), paid AS (
	SELECT CAST(year(f.date) AS INTEGER) AS year, f.amount, ${inFilter} AS sel
	FROM funds f JOIN community_view v ON v.id = f.community_id WHERE f.source = 'subsidy'
), years AS (SELECT year FROM planned WHERE year IS NOT NULL UNION SELECT year FROM paid)
SELECT y.year,
	CAST((SELECT count(*) FROM planned p WHERE p.year = y.year) AS DOUBLE) AS "plannedCount",
	CAST((SELECT coalesce(sum(subsidy), 0) FROM planned p WHERE p.year = y.year) AS DOUBLE) AS planned,
	CAST((SELECT coalesce(sum(subsidy), 0) FROM planned p WHERE p.year = y.year AND p.sel) AS DOUBLE) AS "plannedInFilter",
	CAST((SELECT coalesce(sum(amount), 0) FROM paid p WHERE p.year = y.year) AS DOUBLE) AS paid,
	CAST((SELECT coalesce(sum(amount), 0) FROM paid p WHERE p.year = y.year AND p.sel) AS DOUBLE) AS "paidInFilter"
FROM years y ORDER BY y.year`;
}

/** Every community that ever voted or started, eligible or not: the history the default rates come from. */
export const HISTORY_SQL = `SELECT id, stage, CAST(ready_date AS VARCHAR) AS "readyDate",
	CAST(start_date AS VARCHAR) AS "startDate", application_vote AS "applicationVote",
	CAST(application_vote_date AS VARCHAR) AS "applicationVoteDate", scheme_vote AS "schemeVote",
	CAST(scheme_vote_date AS VARCHAR) AS "schemeVoteDate"
FROM community_view WHERE start_date IS NOT NULL`;

/** The ids a filter selects (a scenario's filter pipeline; the worker judges them under the scenario). */
export function filterIdsSql(filter: Filter): string {
	return `SELECT id FROM community_view v WHERE ${whereSql(filter)} ORDER BY id`;
}
