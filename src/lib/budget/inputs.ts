/**
 * What the simulator needs to judge every community again under a scenario: each community with its town, works,
 * votes, funds and stage events — the inputs of the engine's `communityStatus`, in the fields it reads — and the
 * community's name and property management (the pipeline's). Read through the data session's SQL (one query per
 * table, dates as ISO text) under an import in this browser or when the published data has no budget-inputs.arrow;
 * otherwise the page's worker reads the build's files (no DuckDB). Also the SQL the files are tested equal to.
 */
import type { VerdictInputs } from '../files/budget-inputs-file';

export {
	INPUT_TABLES,
	type BudgetCommunity,
	type BudgetVerdict,
	type RunInputs,
	type VerdictInputs
} from '../files/budget-inputs-file';

/** One SELECT per table, in the row types of budget-inputs-file.ts (dates as `YYYY-MM-DD`, not Arrow dates). */
export const INPUT_SQL: Readonly<Record<keyof VerdictInputs, string>> = {
	towns: 'SELECT code, kind, central FROM towns ORDER BY code',
	communities: `SELECT id, name, town_code, completion_year, building_area, garage_area, housing_type,
	in_shantytown_plan, expropriation_year, facilities_deficient, strong_will, total_investment, property_management
FROM communities ORDER BY id`,
	works: 'SELECT community_id, item_id, estimated_cost, final_cost FROM works',
	votes: `SELECT community_id, kind, CAST(date AS VARCHAR) AS date, total_owners, total_area, participating_owners,
	participating_area, agree_owners, agree_area FROM votes`,
	funds: 'SELECT community_id, CAST(date AS VARCHAR) AS date, source, amount FROM funds',
	stage_events: 'SELECT community_id, stage, CAST(date AS VARCHAR) AS date FROM stage_events'
};

/** Reads every input table with `query` (the session's coordinator, or DuckDB in Node for the tests). */
export async function readInputs(query: <T>(sql: string) => Promise<T[]>): Promise<VerdictInputs> {
	const [towns, communities, works, votes, funds, stage_events] = await Promise.all([
		query<VerdictInputs['towns'][number]>(INPUT_SQL.towns),
		query<VerdictInputs['communities'][number]>(INPUT_SQL.communities),
		query<VerdictInputs['works'][number]>(INPUT_SQL.works),
		query<VerdictInputs['votes'][number]>(INPUT_SQL.votes),
		query<VerdictInputs['funds'][number]>(INPUT_SQL.funds),
		query<VerdictInputs['stage_events'][number]>(INPUT_SQL.stage_events)
	]);
	return { towns, communities, works, votes, funds, stage_events };
}
