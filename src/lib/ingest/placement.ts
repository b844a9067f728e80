/**
 * Communities the office's files give without coordinates: the importer lets them in, the keeper places each on the
 * map (or accepts the suggested point, the seat of its town), and the placed points go into the dataset that is
 * applied and exported. Pure: the workbench page holds the placements.
 */
import type { CommunityRow, Dataset, TownRow } from '../schema/rows';
import type { Problem } from './problems';

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
export const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

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

/** Up to this many communities placed at their seat are named in the notice. */
const NAMED = 10;

/**
 * Every community without a point placed at its town's seat (驻地) — /data's suggestion, taken for all at once (the
 * CLI's `--place-at-seat`) — with one notice saying how many and which; a community whose town has no seat stays
 * unplaced, an error naming it.
 * @param file the input named in the problems
 */
export function placeAtSeats(dataset: Dataset, file: string): { dataset: Dataset; problems: Problem[] } {
	const unplaced = withoutPoint(dataset);
	const placements: Record<string, Point> = {};
	const problems: Problem[] = [];
	for (const c of unplaced) {
		const p = suggestedPoint(c, dataset.towns);
		if (p) placements[c.id] = p;
		else
			problems.push({
				file,
				row: 0,
				column: '经度/纬度',
				value: c.id,
				kind: 'no-point',
				zh: `${c.id} ${c.name}：没有坐标，所在乡镇街道（${c.town_code}）也没有驻地坐标，无法放置`,
				en: `${c.id} ${c.name}: no coordinates, and its town (${c.town_code}) has no seat to place it at`,
				level: 'error'
			});
	}
	const ids = Object.keys(placements);
	if (ids.length > 0) {
		const named = ids.slice(0, NAMED).join('、') + (ids.length > NAMED ? ` 等` : '');
		problems.push({
			file,
			row: 0,
			kind: 'placed-at-seat',
			zh: `${ids.length}个小区没有坐标，已放在所在乡镇街道驻地（${named}）；地图上这些点是示意位置，可在 /data 逐个调整`,
			en: `${ids.length} communities without coordinates placed at their town's seat (${ids.slice(0, NAMED).join(', ')}${ids.length > NAMED ? ', …' : ''}); their points are only indicative — move them on /data`,
			level: 'notice'
		});
	}
	return { dataset: withPlacements(dataset, placements), problems };
}
