/** The simulator's SQL: the pipeline, one row per community, over `community_view`. */
import { whereSql, type Filter } from '../data/filters';
import { FIRST_PLAN_YEAR } from './scenario';

/**
 * Communities that may still need a subsidy in 2024–2028: not ineligible, and not put in a plan before 2024
 * (a 列入年度计划 dated before 31 May 2023 belongs to the earlier programme). With a filter, only those it selects.
 */
export function pipelineSql(filter: Filter | null): string {
	return `SELECT id, name, town_code AS "townCode", stage, property_management = 'professional' AS professional,
	building_area AS "buildingArea", coalesce(garage_area, 0) AS "garageArea",
	basic, improvement, "upgrade", elevator, social_capital AS social, subsidy,
	CAST(ready_date AS VARCHAR) AS "readyDate", CAST(start_date AS VARCHAR) AS "startDate",
	application_vote AS "applicationVote", CAST(application_vote_date AS VARCHAR) AS "applicationVoteDate",
	scheme_vote AS "schemeVote", CAST(scheme_vote_date AS VARCHAR) AS "schemeVoteDate"
FROM community_view v
WHERE eligibility <> 'ineligible'
	AND NOT EXISTS (SELECT 1 FROM stage_events e WHERE e.community_id = v.id AND e.stage = 'annual-plan'
		AND year(e.date) + 1 < ${FIRST_PLAN_YEAR})
	AND ${filter ? whereSql(filter) : 'true'}
ORDER BY id`;
}

/** Every community that ever voted or started, eligible or not: the history the default rates come from. */
export const HISTORY_SQL = `SELECT id, stage, CAST(ready_date AS VARCHAR) AS "readyDate",
	CAST(start_date AS VARCHAR) AS "startDate", application_vote AS "applicationVote",
	CAST(application_vote_date AS VARCHAR) AS "applicationVoteDate", scheme_vote AS "schemeVote",
	CAST(scheme_vote_date AS VARCHAR) AS "schemeVoteDate"
FROM community_view WHERE start_date IS NOT NULL`;
