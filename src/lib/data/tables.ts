/** The tables the app loads into DuckDB-WASM from static/data, and the one view its queries read. */
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

/** The dashboard's tables and view, for `openWasmConnector`. */
export const DASHBOARD_TABLES = { tables: LOADED_TABLES, setupSql: COMMUNITY_VIEW_SQL };
