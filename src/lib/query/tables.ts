/** The tables the dashboard may load into DuckDB-WASM from static/data (each when a page first needs it), and the one view its queries read. */
export const LOADED_TABLES = [
	'towns',
	'communities',
	'status',
	'works',
	'votes',
	'funds',
	'stage_events'
] as const;

/**
 * `community_view`: a community with its status (policy engine verdicts, money, stage) and its town. Every map,
 * KPI and list query reads this view, so they agree by construction.
 */
export const COMMUNITY_VIEW_SQL = `
CREATE OR REPLACE VIEW community_view AS
SELECT c.*, s.* EXCLUDE (id), t.name AS town_name, t.kind AS town_kind, t.central
FROM communities c
JOIN status s USING (id)
JOIN towns t ON t.code = c.town_code`;

/** The view as the data session creates it, once the tables it reads are loaded. */
export const COMMUNITY_VIEW = {
	name: 'community_view',
	sql: COMMUNITY_VIEW_SQL,
	needs: ['communities', 'status', 'towns']
} as const;

/** What the map, its KPIs, towns and candidates read: community_view. */
export const MAP_TABLES = ['towns', 'communities', 'status'] as const;
/** What the budget's pipeline and history read: community_view, stage_events for plans made, funds for what was paid. */
export const BUDGET_TABLES = [...MAP_TABLES, 'stage_events', 'funds'] as const;
/** What one community's page reads: the map's tables and the community's works, votes and funds. */
export const COMMUNITY_TABLES = [...LOADED_TABLES] as const;
