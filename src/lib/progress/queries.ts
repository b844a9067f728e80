/**
 * The public site's SQL, over the public tables only (PROGRESS_TABLES). `progress_view` joins a community's
 * published facts with its progress row and town.
 */
export const PROGRESS_VIEW_SQL = `
CREATE OR REPLACE VIEW progress_view AS
SELECT c.id, c.name, c.address, c.town_code, c.lon, c.lat, c.households, c.building_area, c.completion_year,
	c.satisfaction, p.* EXCLUDE (id), t.name AS town_name, t.kind AS town_kind
FROM communities c
JOIN progress p USING (id)
JOIN towns t ON t.code = c.town_code`;

/** The public tables a data session may load for the public site (its session's whole list). */
export const PROGRESS_TABLES = ['towns', 'communities', 'works', 'stage_events', 'progress'] as const;

/**
 * What the public page loads, and only when a community's card is opened (cardSql): the first screen reads
 * summary.json and the points and search files (compact.ts), no table; `stage_events` is never loaded by the public page.
 */
export const CARD_TABLES = ['towns', 'communities', 'progress', 'works'] as const;

/** The public view, created by the data session once the tables it reads are loaded. */
export const PROGRESS_VIEW = {
	name: 'progress_view',
	sql: PROGRESS_VIEW_SQL,
	needs: ['communities', 'progress', 'towns']
} as const;

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
/** A LIKE pattern that matches `s` literally (its % and _ escaped). */
const literal = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** What a resident typed, tidied: trimmed, lower case, inner spaces removed (拼音 is typed with or without). */
export function normaliseSearch(q: string): string {
	return q.trim().toLowerCase().replace(/\s+/g, '');
}

/**
 * Communities whose name or address contains the text, or whose 拼音 initials or whole 拼音 start with it
 * ("dpeq" and "dongpu" both find 东浦二区). Best first: a name that starts with it, then initials, then others.
 */
export function searchSql(q: string, limit = 20): string {
	const n = normaliseSearch(q);
	const lit = literal(n);
	const contains = quote(`%${lit}%`);
	const starts = quote(`${lit}%`);
	return `SELECT id, name, address, town_code AS "townCode", stage
FROM progress_view
WHERE name ILIKE ${contains} ESCAPE '\\' OR address ILIKE ${contains} ESCAPE '\\'
	OR name_initials LIKE ${starts} ESCAPE '\\' OR name_pinyin LIKE ${starts} ESCAPE '\\'
ORDER BY (name ILIKE ${starts} ESCAPE '\\') DESC, (name_initials LIKE ${starts} ESCAPE '\\') DESC, length(name), id
LIMIT ${limit}`;
}

/** Every community as a map point: where, its stage, and the month its works were accepted. */
export const POINTS_SQL = `SELECT id, lon, lat, households, stage,
	strftime(completed_date, '%Y-%m') AS "completedMonth"
FROM progress_view ORDER BY id`;

/** The card's columns over `progress_view` (public columns only), as `Card` names them. */
const CARD_SELECT = `SELECT id, name, address, town_code AS "townCode", town_name AS "townName", town_kind AS "townKind",
	households, building_area AS "buildingArea", completion_year AS "completionYear", satisfaction, stage,
	CAST(stage_date AS VARCHAR) AS "stageDate", CAST(completed_date AS VARCHAR) AS "completedDate",
	plan_year AS "planYear", investment, resident_total AS "residentTotal", basic, improvement, upgrade,
	next_stage AS "nextStage", next_action AS "nextAction", money_basis AS "moneyBasis"
FROM progress_view`;

/** One community's public card. */
export function cardSql(id: string) {
	const q = quote(id);
	return {
		community: `${CARD_SELECT} WHERE id = ${q}`,
		works: `SELECT item_id AS "itemId" FROM works WHERE community_id = ${q} ORDER BY item_id`
	};
}

/** Every community's card and works (the card files, card-files.ts, are written from these), by id. */
export const ALL_CARDS_SQL = {
	community: `${CARD_SELECT} ORDER BY id`,
	works: `SELECT community_id AS "communityId", item_id AS "itemId" FROM works ORDER BY community_id, item_id`
};
