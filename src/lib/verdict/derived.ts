/**
 * Tables the build derives from the dataset with the policy engine: `status` (one row per community, see
 * status.ts) for SQL, and `map.arrow`, the compact columns the map paints from before DuckDB-WASM is ready.
 */
import { POLICIES, policyFor, type PolicyParams } from '../policy';
import { dataLastDays, freshnessCodes } from './freshness';
import { COLOUR_SCALES, FILTER_VALUES, PROGRAMME_CODES, type CodeLabel, type Colouring } from './classes';
import type { Dataset, FundRow, StageEventRow, VoteRow, WorksRow } from '../schema/rows';
import { communityStatus, type CommunityStatus } from './status';
import type { VerdictCommunity, VerdictTown } from './verdict';
import type { ColumnType } from '../schema/schema';

/** Columns of status.parquet: [name, type]; the SQL of the app reads these names. */
export const STATUS_COLUMNS: readonly [keyof CommunityStatus & string, string, ColumnType][] = [
	['id', 'id', 'text'],
	['idx', 'idx', 'integer'],
	['eligibility', 'eligibility', 'enum'],
	['programme', 'programme', 'enum'],
	['applicationVote', 'application_vote', 'enum'],
	['schemeVote', 'scheme_vote', 'enum'],
	['stage', 'stage', 'enum'],
	['stageDate', 'stage_date', 'date'],
	['startDate', 'start_date', 'date'],
	['applicationVoteDate', 'application_vote_date', 'date'],
	['schemeVoteDate', 'scheme_vote_date', 'date'],
	['basic', 'basic', 'number'],
	['improvement', 'improvement', 'number'],
	['upgrade', 'upgrade', 'number'],
	['investment', 'investment', 'number'],
	['estimate', 'estimate', 'boolean'],
	['elevator', 'elevator', 'number'],
	['residentRequired', 'resident_required', 'number'],
	['residentRaised', 'resident_raised', 'number'],
	['socialCapital', 'social_capital', 'number'],
	['subsidy', 'subsidy', 'number'],
	['subsidyPaid', 'subsidy_paid', 'number'],
	['capped', 'capped', 'boolean'],
	['worksStart', 'works_start', 'date'],
	['fundingBand', 'funding_band', 'enum'],
	['readyDate', 'ready_date', 'date'],
	['readyForPlan', 'ready_for_plan', 'boolean'],
	['awaitingReview', 'awaiting_review', 'boolean'],
	['tiers', 'tiers', 'integer'],
	['missing', 'missing', 'text']
].map(([k, n, t]) => [k, n, t] as [keyof CommunityStatus & string, string, ColumnType]);

/**
 * The policy in force on the data date (数据截至), under which every verdict of the dataset is given.
 * @throws Error (zh / en) when no known policy is in force on `asOf`: no verdict is given under a policy not in force.
 */
export function policyInForce(asOf: string): PolicyParams {
	const policy = policyFor(asOf);
	if (policy) return policy;
	const known = POLICIES.map((p) => `${p.document} ${p.effectiveFrom} – ${p.effectiveTo}`).join('; ');
	throw new Error(
		`数据截至 ${asOf} 不在任何已知政策的有效期内（${known}），无法给出资格、表决和资金结论 / the data date ${asOf} is outside every known policy's period (${known}): no verdict can be given`
	);
}

/**
 * The tables and fields a verdict is given from: a dataset's, without contacts and the rows' fields that play no
 * part (verdict.ts `VerdictCommunity`, `VerdictTown`).
 */
export interface VerdictDataset {
	towns: readonly VerdictTown[];
	communities: readonly VerdictCommunity[];
	works: readonly WorksRow[];
	votes: readonly VoteRow[];
	funds: readonly FundRow[];
	stage_events: readonly StageEventRow[];
}

/** Every community's status, in the order of `dataset.communities`, under `params` (the policy in force on `asOf`). */
export function deriveStatus(dataset: VerdictDataset, asOf: string, params: PolicyParams): CommunityStatus[] {
	const group = <T extends { community_id: string }>(rows: readonly T[]) => {
		const m = new Map<string, T[]>();
		for (const r of rows) {
			const list = m.get(r.community_id);
			if (list) list.push(r);
			else m.set(r.community_id, [r]);
		}
		return m;
	};
	const works = group(dataset.works);
	const votes = group(dataset.votes);
	const funds = group(dataset.funds);
	const stages = group(dataset.stage_events);
	const towns = new Map(dataset.towns.map((t) => [t.code, t]));
	return dataset.communities.map((community, idx) =>
		communityStatus(
			{
				community,
				town: towns.get(community.town_code)!,
				works: works.get(community.id) ?? [],
				votes: votes.get(community.id) ?? [],
				funds: funds.get(community.id) ?? [],
				stages: stages.get(community.id) ?? []
			},
			asOf,
			params,
			idx
		)
	);
}

/** The map's first-paint columns, as typed arrays (codes index the lists of classes.ts: a colouring's `codes`, FILTER_VALUES). */
export interface MapColumns {
	id: string[];
	name: string[];
	lon: Float64Array;
	lat: Float64Array;
	/** Building area, ㎡; 0 when not known. */
	area: Float64Array;
	/** Households; 0 when not known. */
	households: Uint32Array;
	town: Uint8Array;
	/** Year of completion, or NO_YEAR when not known. */
	year: Uint16Array;
	/** Index into FILTER_VALUES.housing / .management, or 255 when not known. */
	housing: Uint8Array;
	management: Uint8Array;
	eligibility: Uint8Array;
	/** The programme set (index into PROGRAMME_CODES): what the first screen's figures add up. */
	programme: Uint8Array;
	applicationVote: Uint8Array;
	schemeVote: Uint8Array;
	/** Stage index + 1; 0 before the first stage; STAGE_CODES.length − 1 outside the scope before the first. */
	stage: Uint8Array;
	fundingBand: Uint8Array;
	tiers: Uint8Array;
	/** Money of the first screen (yuan, as in status, by its basis): investment, resident share required and raised, subsidy. */
	investment: Float64Array;
	residentRequired: Float64Array;
	residentRaised: Float64Array;
	subsidy: Float64Array;
	/** 1 when ready for the next plan (status.ready_for_plan), else 0. */
	readyForPlan: Uint8Array;
	/** 1 when the investment is an estimate from 总投资, works not itemised (status.estimate), else 0. */
	estimate: Uint8Array;
	/** 1 when funds are complete and the town's review begun, not passed (status.awaiting_review), else 0. */
	awaitingReview: Uint8Array;
	/** The day resident funds were complete, as days since 1970-01-01 (`dayNumber`), or NO_DAY. */
	readyDay: Int32Array;
	/**
	 * The community's last update (freshness.ts): the latest date the ledger carries for it (votes, funds,
	 * stage_events) as a day number, or NO_DAY; on the office server the page merges its town changes' days in.
	 */
	lastDay: Int32Array;
	/** The age class of `lastDay` (index into FRESHNESS_CODES) on the data's date; the page recomputes it. */
	freshness: Uint8Array;
}

/** `year` of a community whose year of completion is not known (资料不全): no year filter keeps it, as in SQL. */
export const NO_YEAR = 0;

/** `readyDay` of a community whose funds are not complete. */
export const NO_DAY = -1;

/** An ISO date (YYYY-MM-DD) as days since 1970-01-01, or NO_DAY for null. */
export function dayNumber(iso: string | null): number {
	if (iso === null) return NO_DAY;
	return Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000);
}

/** A day number back to its ISO date (YYYY-MM-DD), or null for NO_DAY. */
export function isoOfDay(day: number): string | null {
	return day === NO_DAY ? null : new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The map's columns of `dataset` and its verdicts; `asOf` (数据截至) is the day the freshness classes are counted to. */
export function mapColumns(dataset: Dataset, status: readonly CommunityStatus[], asOf: string): MapColumns {
	const n = dataset.communities.length;
	const townIndex = new Map(dataset.towns.map((t, i) => [t.code, i]));
	const idx = (list: readonly CodeLabel[], v: string) => list.findIndex((x) => x.code === v);
	const code = (colouring: Colouring, v: string) => COLOUR_SCALES[colouring].codes.indexOf(v);
	const cols: MapColumns = {
		id: new Array<string>(n),
		name: new Array<string>(n),
		lon: new Float64Array(n),
		lat: new Float64Array(n),
		area: new Float64Array(n),
		households: new Uint32Array(n),
		town: new Uint8Array(n),
		year: new Uint16Array(n),
		housing: new Uint8Array(n),
		management: new Uint8Array(n),
		eligibility: new Uint8Array(n),
		programme: new Uint8Array(n),
		applicationVote: new Uint8Array(n),
		schemeVote: new Uint8Array(n),
		stage: new Uint8Array(n),
		fundingBand: new Uint8Array(n),
		tiers: new Uint8Array(n),
		investment: new Float64Array(n),
		residentRequired: new Float64Array(n),
		residentRaised: new Float64Array(n),
		subsidy: new Float64Array(n),
		readyForPlan: new Uint8Array(n),
		estimate: new Uint8Array(n),
		awaitingReview: new Uint8Array(n),
		readyDay: new Int32Array(n),
		lastDay: dataLastDays(dataset),
		freshness: new Uint8Array(n)
	};
	cols.freshness = freshnessCodes(cols.lastDay, dayNumber(asOf));
	dataset.communities.forEach((c, i) => {
		const s = status[i]!;
		cols.id[i] = c.id;
		cols.name[i] = c.name;
		cols.lon[i] = c.lon;
		cols.lat[i] = c.lat;
		// a fact not known (资料不全): 0 in the sums (as SQL's sum skips NULL), NO_YEAR, and no code (-1 → 255)
		cols.area[i] = c.building_area ?? 0;
		cols.households[i] = c.households ?? 0;
		cols.town[i] = townIndex.get(c.town_code) ?? 255;
		cols.year[i] = c.completion_year ?? NO_YEAR;
		cols.housing[i] = c.housing_type === null ? 255 : idx(FILTER_VALUES.housing, c.housing_type);
		cols.management[i] =
			c.property_management === null ? 255 : idx(FILTER_VALUES.management, c.property_management);
		cols.eligibility[i] = code('eligibility', s.eligibility);
		cols.programme[i] = PROGRAMME_CODES.indexOf(s.programme);
		cols.applicationVote[i] = code('applicationVote', s.applicationVote);
		cols.schemeVote[i] = code('schemeVote', s.schemeVote);
		cols.stage[i] = code('stage', s.stage); // 0 none, k = stage index + 1, then out-of-scope
		cols.fundingBand[i] = code('funding', s.fundingBand);
		cols.tiers[i] = s.tiers;
		cols.investment[i] = s.investment;
		cols.residentRequired[i] = s.residentRequired;
		cols.residentRaised[i] = s.residentRaised;
		cols.subsidy[i] = s.subsidy;
		cols.readyForPlan[i] = s.readyForPlan ? 1 : 0;
		cols.estimate[i] = s.estimate ? 1 : 0;
		cols.awaitingReview[i] = s.awaitingReview ? 1 : 0;
		cols.readyDay[i] = dayNumber(s.readyDate);
	});
	return cols;
}
