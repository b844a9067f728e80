/**
 * Typed rows of the dataset's tables, as the schema (schema.ts) defines them. Null is an empty cell. A test
 * (tests/unit/data/rows.test.ts) reads these types with the TypeScript checker and holds them to the schema.
 */
import type { AsOfSource } from './as-of-source';
import type { HousingType, StageId } from '../policy';

export interface TownRow {
	code: string;
	name: string;
	kind: '街道' | '镇' | '乡';
	central: boolean;
	seat_lon: number;
	seat_lat: number;
}

export type PropertyManagement = 'professional' | 'self' | 'community' | 'none';

/**
 * A community. Null is a fact not known yet (资料不全): only id, name, town and point are always there; a verdict
 * needing a null fact says 未知 and names it (verdict.ts).
 */
export interface CommunityRow {
	id: string;
	name: string;
	town_code: string;
	address: string | null;
	lon: number;
	lat: number;
	completion_year: number | null;
	building_area: number | null;
	garage_area: number | null;
	households: number | null;
	owners: number | null;
	exclusive_area: number | null;
	buildings: number | null;
	housing_type: HousingType | null;
	in_shantytown_plan: boolean | null;
	expropriation_year: number | null;
	facilities_deficient: boolean | null;
	strong_will: boolean | null;
	property_management: PropertyManagement | null;
	satisfaction: number | null;
	total_investment: number | null;
	planned_start: string | null;
	notes: string | null;
}

export interface WorksRow {
	community_id: string;
	item_id: string;
	estimated_cost: number;
	final_cost: number | null;
}

export interface VoteRow {
	community_id: string;
	kind: 'application' | 'scheme';
	date: string;
	total_owners: number;
	total_area: number;
	participating_owners: number;
	participating_area: number;
	agree_owners: number;
	agree_area: number;
}

export interface FundRow {
	community_id: string;
	date: string;
	source: 'resident' | 'social' | 'subsidy';
	amount: number;
}

export interface StageEventRow {
	community_id: string;
	stage: StageId;
	date: string;
}

export interface ContactRow {
	community_id: string;
	role: string;
	person: string;
	phone: string;
}

export interface Dataset {
	towns: TownRow[];
	communities: CommunityRow[];
	works: WorksRow[];
	votes: VoteRow[];
	funds: FundRow[];
	stage_events: StageEventRow[];
	contacts: ContactRow[];
}

/** What the dataset says of itself (manifest / metadata.json). */
export interface DatasetMeta {
	/** True for the generated example; the UI shows 示例数据 while it is. */
	example: boolean;
	title: string;
	schemaVersion: number;
	/** The day the data describes ("now" for the example), ISO date. */
	asOf: string;
	/** Where `asOf` came from (import/as-of.ts): --as-of, a workbook's 说明 sheet, metadata.json, or today. */
	asOfSource?: AsOfSource;
	/** Town regions are schematic (示意), not official boundaries. */
	schematicBoundaries: boolean;
	seed?: number;
	note?: string;
}
