/**
 * The map's points and the residents' search, answered from the compact columns (compact.ts) in the page — the
 * same rule as POINTS_SQL and searchSql (queries.ts), tested equal to them over the published tables.
 */
import { STAGE_CODES, type ProgressColumns, type ProgressPoints } from './compact';
import { normaliseSearch } from './queries';

/** A community as a map point: where, its stage, and the month its works were accepted. */
export interface MapPoint {
	id: string;
	/** As stored: float32, within a metre of the data's coordinate. */
	lon: number;
	lat: number;
	households: number;
	stage: string;
	completedMonth: string | null;
}

/** A search result. */
export interface SearchHit {
	id: string;
	name: string;
	address: string | null;
	townCode: string;
	stage: string;
}

/** Every community as a map point, ordered by id (POINTS_SQL, lon/lat as float32). */
export function pointsOf(cols: ProgressPoints): MapPoint[] {
	return cols.id.map((id, i) => ({
		id,
		lon: cols.lon[i]!,
		lat: cols.lat[i]!,
		households: cols.households[i]!,
		stage: STAGE_CODES[cols.stage[i]!]!,
		completedMonth: cols.completedMonth[i] || null
	}));
}

/**
 * searchSql's rule: the name or address contains the text (any case), or the 拼音 initials or whole 拼音 start
 * with it; a name that starts with it first, then initials, then shorter names, then by id; at most `limit`.
 */
export function searchColumns(cols: ProgressColumns, q: string, limit = 20): SearchHit[] {
	const n = normaliseSearch(q);
	if (!n) return [];
	const hits: { i: number; name: boolean; initials: boolean; length: number }[] = [];
	for (let i = 0; i < cols.id.length; i++) {
		const name = cols.name[i]!.toLowerCase();
		const initials = cols.initials[i]!.startsWith(n);
		if (
			name.includes(n) ||
			cols.address[i]!.toLowerCase().includes(n) ||
			initials ||
			cols.pinyin[i]!.startsWith(n)
		)
			hits.push({ i, name: name.startsWith(n), initials, length: [...cols.name[i]!].length });
	}
	hits.sort(
		(a, b) =>
			Number(b.name) - Number(a.name) ||
			Number(b.initials) - Number(a.initials) ||
			a.length - b.length ||
			(cols.id[a.i]! < cols.id[b.i]! ? -1 : 1)
	);
	return hits.slice(0, limit).map(({ i }) => ({
		id: cols.id[i]!,
		name: cols.name[i]!,
		address: cols.address[i] || null,
		townCode: cols.townCode[i]!,
		stage: STAGE_CODES[cols.stage[i]!]!
	}));
}
