/**
 * A town's community as GET /api/town serves it (rows as JSON from the release's Parquet files: numbers, booleans,
 * dates as text, null for an empty cell) read back as the typed rows a verdict is given from (`CommunityInputs`,
 * verdict.ts) — for the towns' forms that ask the engine what a change does (e.g. a works item's cost to the
 * community's funding), on the page and on the server alike.
 */
import type { HousingType, StageId } from '../policy';
import type { FundRow, StageEventRow, TownRow, WorksRow } from '../schema/rows';
import type { CommunityInputs } from '../verdict/verdict';
import type { TownCommunity } from './api';

const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));
const bool = (v: unknown): boolean | null =>
	v === null || v === undefined || v === '' ? null : v === true || v === 'true';
const day = (v: unknown) => String(v).slice(0, 10);

/** The community's works rows as served (item id, estimate and final cost in 元; no final cost: null). */
export function worksRowsOf(c: Pick<TownCommunity, 'community' | 'works'>): WorksRow[] {
	return c.works.map((w) => ({
		community_id: String(c.community.id),
		item_id: String(w.item_id),
		estimated_cost: Number(w.estimated_cost),
		final_cost: num(w.final_cost)
	}));
}

/** The rows a verdict of the community is given from (its votes play no part in its money: left out). */
export function townVerdictInputs(c: TownCommunity): CommunityInputs {
	const r = c.community;
	return {
		community: {
			id: String(r.id),
			town_code: String(r.town_code),
			completion_year: num(r.completion_year),
			building_area: num(r.building_area),
			garage_area: num(r.garage_area),
			housing_type: (r.housing_type ?? null) as HousingType | null,
			in_shantytown_plan: bool(r.in_shantytown_plan),
			expropriation_year: num(r.expropriation_year),
			facilities_deficient: bool(r.facilities_deficient),
			strong_will: bool(r.strong_will),
			total_investment: num(r.total_investment)
		},
		town: {
			code: c.townRow.code,
			kind: c.townRow.kind as TownRow['kind'],
			central: c.townRow.central
		},
		works: worksRowsOf(c),
		votes: [],
		funds: c.funds.map((f): FundRow => ({
			community_id: String(f.community_id),
			date: day(f.date),
			source: String(f.source) as FundRow['source'],
			amount: Number(f.amount)
		})),
		stages: c.stages.map((s): StageEventRow => ({
			community_id: String(s.community_id),
			stage: String(s.stage) as StageId,
			date: day(s.date)
		}))
	};
}
