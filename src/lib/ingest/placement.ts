/**
 * Communities the office's files give without coordinates: the importer lets them in, the keeper places each on the
 * map (or accepts the suggested point, the seat of its town), and the placed points go into the dataset that is
 * applied and exported. Pure: the workbench page holds the placements.
 */
import type { CommunityRow, Dataset, TownRow } from '../schema/rows';

/** A point as [lon, lat], WGS84. */
export type Point = [number, number];

/** Placements chosen by the keeper, by community id. */
export type Placements = Readonly<Record<string, Point>>;

const located = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Whether a community row has a usable point (both coordinates present and finite). */
export function hasPoint(c: Pick<CommunityRow, 'lon' | 'lat'>): boolean {
	return located(c.lon) && located(c.lat);
}

/** The communities without a point, in the file's order. */
export function withoutPoint(dataset: Pick<Dataset, 'communities'>): CommunityRow[] {
	return dataset.communities.filter((c) => !hasPoint(c));
}

/** The suggested point: the seat (驻地) of the community's town, when the town is known. */
export function suggestedPoint(
	c: Pick<CommunityRow, 'town_code'>,
	towns: readonly TownRow[]
): Point | undefined {
	const town = towns.find((t) => t.code === c.town_code);
	return town && located(town.seat_lon) && located(town.seat_lat)
		? [town.seat_lon, town.seat_lat]
		: undefined;
}

/** Six decimals (about 0.1 m): what a click on the map can mean, and what the ledger keeps. */
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The dataset with the keeper's placements written into its communities (others untouched). */
export function withPlacements(dataset: Dataset, placements: Placements): Dataset {
	if (Object.keys(placements).length === 0) return dataset;
	return {
		...dataset,
		communities: dataset.communities.map((c) => {
			const p = placements[c.id];
			return p ? { ...c, lon: round6(p[0]), lat: round6(p[1]) } : c;
		})
	};
}

/** The dataset that can be applied or built: only communities with a point (the map cannot show the others). */
export function placedOnly(dataset: Dataset): { dataset: Dataset; left: CommunityRow[] } {
	const left = withoutPoint(dataset);
	if (left.length === 0) return { dataset, left };
	const out = new Set(left.map((c) => c.id));
	const keep = <T extends { community_id: string }>(rows: readonly T[]) =>
		rows.filter((r) => !out.has(r.community_id));
	return {
		dataset: {
			towns: dataset.towns,
			communities: dataset.communities.filter((c) => !out.has(c.id)),
			works: keep(dataset.works),
			votes: keep(dataset.votes),
			funds: keep(dataset.funds),
			stage_events: keep(dataset.stage_events),
			contacts: keep(dataset.contacts)
		},
		left
	};
}
