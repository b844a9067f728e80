/**
 * One community's rows as the page renders them and the engine is given them: its own rows (from the community
 * files, or — for a build from before them — SQL) with its town.
 */
import type { Connector } from '$lib/query/connector';
import { communitySql } from '$lib/filter/queries';
import type { CommunityOwnRows } from '$lib/files/community-slices';
import type { ManifestTown } from '$lib/files/manifest';
import type { CommunityRow, FundRow, StageEventRow, TownRow, VoteRow, WorksRow } from '$lib/schema/rows';

export interface CommunityData {
	community: CommunityRow;
	town: TownRow;
	works: WorksRow[];
	votes: VoteRow[];
	funds: FundRow[];
	stages: StageEventRow[];
}

/** The rows with their town from the manifest; null when the manifest does not list the town. */
export function communityData(rows: CommunityOwnRows, towns: readonly ManifestTown[]): CommunityData | null {
	const town = towns.find((t) => t.code === rows.community.town_code);
	if (!town) return null;
	const { code, name, kind, central, seat_lon, seat_lat } = town;
	return { ...rows, town: { code, name, kind, central, seat_lon, seat_lat } };
}

/** The same rows through SQL (a published build from before the community files). */
export async function loadCommunity(c: Connector, id: string): Promise<CommunityData | null> {
	const sql = communitySql(id);
	const [rows, works, votes, funds, stages] = await Promise.all([
		c.query<CommunityRow & { town_name: string; town_kind: TownRow['kind']; central: boolean }>(
			sql.community
		),
		c.query<WorksRow>(sql.works),
		c.query<VoteRow>(sql.votes),
		c.query<FundRow>(sql.funds),
		c.query<StageEventRow>(sql.stages)
	]);
	const community = rows[0];
	if (!community) return null;
	const town: TownRow = {
		code: community.town_code,
		name: community.town_name,
		kind: community.town_kind,
		central: community.central,
		seat_lon: community.lon,
		seat_lat: community.lat
	};
	return { community, town, works, votes, funds, stages };
}
