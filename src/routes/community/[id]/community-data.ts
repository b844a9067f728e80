/** Loads one community's rows through the connector and turns them into the engine's inputs. */
import type { Connector } from '$lib/query/connector';
import { communitySql } from '$lib/filter/queries';
import type { CommunityRow, FundRow, StageEventRow, TownRow, VoteRow, WorksRow } from '$lib/schema/rows';

export interface CommunityData {
	community: CommunityRow & { town_name: string; town_kind: TownRow['kind']; central: boolean };
	town: TownRow;
	works: WorksRow[];
	votes: VoteRow[];
	funds: FundRow[];
	stages: StageEventRow[];
}

export async function loadCommunity(c: Connector, id: string): Promise<CommunityData | null> {
	const sql = communitySql(id);
	const [rows, works, votes, funds, stages] = await Promise.all([
		c.query<CommunityData['community']>(sql.community),
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
