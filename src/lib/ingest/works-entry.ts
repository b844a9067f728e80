/**
 * One works item and its cost, as a town records it on the phone form (and the office server checks again before
 * storing it): the item of the 附件1 catalogue (§二(三)), its estimate (概算, 元) and, once the final accounts are
 * approved, its final cost (决算, 元; §五(二)1 按核定的竣工财务决算数为准). The check is the importer's own, run
 * whole: the one works row, beside its community and town, validated by `validateDataset` — each cell against the
 * works table's column (required, a number, not below 0: schema.ts) and the item against the catalogue (its id, or
 * its code and name, or its name as in 附件1). No rule is written here.
 *
 * The works table's key is (community_id, item_id): an item the community has already is a change of that row
 * (before → after), any other a new row. What the change does to the community's money is the engine's
 * (`worksFunding`: the community's verdict under the policy in force, before and after).
 */
import type { PolicyParams } from '../policy';
import type { TownRow, WorksRow } from '../schema/rows';
import { table } from '../schema/schema';
import { communityVerdict, type CommunityInputs, type CommunityVerdict } from '../verdict/verdict';
import { validateDataset } from './validate';
import type { EntryProblem } from './vote-entry';

/** The form's values as typed (text, as a spreadsheet's cells). */
export interface WorksEntry {
	/** A 附件1 item: its id (`building.basic.1.1`), or its code and name, or its name. */
	item_id: string;
	/** 元: the estimate, incl. its share of other costs and contingency. */
	estimated_cost: string;
	/** 元: the final accounts once approved; empty while not known. */
	final_cost: string;
}

/** The columns the form fills, in the works table's order. */
export const WORKS_ENTRY_COLUMNS = ['item_id', 'estimated_cost', 'final_cost'] as const;

export interface WorksEntryCheck {
	/** The row as the importer would store it (the item as its catalogue id); null while any problem remains. */
	row: WorksRow | null;
	/** The community's row of that item in the data served now (the table's key), or null: the item is new. */
	before: WorksRow | null;
	problems: EntryProblem[];
}

/** Two works rows the same to the fen (the estimate and the final cost; an empty final cost as null). */
function sameCosts(a: WorksRow, b: WorksRow): boolean {
	const fen = (v: number | null) => (v === null ? null : Math.round(v * 100));
	return fen(a.estimated_cost) === fen(b.estimated_cost) && fen(a.final_cost) === fen(b.final_cost);
}

/**
 * Check a works item typed on the form against the importer's rules.
 * @param communityId the community's id
 * @param town its town (code and name: the importer reads the community beside it)
 * @param works the community's works rows in the data served now (to tell a change of a row from a new one)
 */
export function checkWorksEntry(
	entry: WorksEntry,
	communityId: string,
	town: Pick<TownRow, 'code' | 'name'>,
	works: readonly WorksRow[]
): WorksEntryCheck {
	const columns = table('works').columns.map((c) => c.name);
	const raw: Record<string, string> = { ...entry, community_id: communityId };
	const { dataset, problems } = validateDataset(
		[
			// the community as the importer needs it to take the row in: its required facts (the point may be empty)
			{
				table: 'communities',
				file: 'communities.csv',
				header: ['id', 'name', 'town_code'],
				headerRow: 1,
				rows: [[communityId, communityId, town.code]],
				rowNumbers: [2]
			},
			{
				table: 'works',
				file: 'works.csv',
				header: columns,
				headerRow: 1,
				rows: [columns.map((c) => raw[c] ?? '')],
				rowNumbers: [2]
			}
		],
		{ defaultTowns: [town as TownRow], allowMissingPoint: true }
	);
	const errors = problems
		.filter((p) => p.file === 'works.csv' && p.level === 'error')
		.map((p) => ({
			column: p.column ?? 'item_id',
			// the value as typed, named in the message (the importer gives it beside, as a report's column)
			zh: p.value === undefined || p.value === '' ? p.zh : `${p.zh}（所填为“${p.value}”）`,
			en: p.value === undefined || p.value === '' ? p.en : `${p.en} (given: "${p.value}")`
		}));
	const stored = dataset.works[0];
	const before = stored ? (works.find((w) => w.item_id === stored.item_id) ?? null) : null;
	if (errors.length > 0 || !stored) return { row: null, before, problems: errors };
	const row: WorksRow = {
		community_id: communityId,
		item_id: stored.item_id,
		estimated_cost: stored.estimated_cost,
		final_cost: stored.final_cost ?? null
	};
	if (before && sameCosts(before, row))
		return {
			row: null,
			before,
			problems: [
				{
					column: 'estimated_cost',
					zh: '与现有数据相同（该项目的概算与决算金额未变），无需录入',
					en: "the same as the data (the item's estimate and final cost unchanged): nothing to record"
				}
			]
		};
	return { row, before, problems: [] };
}

/** The community's works with `row` in place of the row of its item, or added (the table's key). */
export function withWorksRow(works: readonly WorksRow[], row: WorksRow): WorksRow[] {
	const i = works.findIndex((w) => w.item_id === row.item_id);
	return i < 0 ? [...works, row] : works.map((w, j) => (j === i ? row : w));
}

/** What a works change does to a community's money: the verdict's funding before and after (§五(二)1). */
export interface WorksFunding {
	before: CommunityVerdict['funding'];
	after: CommunityVerdict['funding'];
}

/**
 * The community's funding under `policy` on `asOf` before the change and with `row` recorded — the verdict the
 * community page shows (`communityVerdict`: computeFunding on the works per tier, final accounts once every item
 * has them; an estimate from 总投资 while no item is given; an earlier project's or an out-of-scope community's as
 * the verdict reads them).
 */
export function worksFunding(
	inputs: CommunityInputs,
	row: WorksRow,
	asOf: string,
	policy: PolicyParams
): WorksFunding {
	return {
		before: communityVerdict(inputs, asOf, policy).funding,
		after: communityVerdict({ ...inputs, works: withWorksRow(inputs.works, row) }, asOf, policy).funding
	};
}

/**
 * The figures of a community's funding a works form shows, read from the verdict as the community page reads them
 * (FundingCard): `how` the money is counted — `estimate` (总投资 given, no item yet: §五(二)1 on the total),
 * `costed` / `final` (the items' estimates, or their final accounts once every item has them), `earlier` (works
 * begun before the policy: its ledger's money, not priced under it), `out-of-scope` (§二(一): nothing to pay).
 */
export interface FundingFigures {
	how: 'estimate' | 'costed' | 'final' | 'earlier' | 'out-of-scope';
	/** 总投资, 元, lifts excluded: the works' (or the 总投资 given, for an estimate). */
	total: number;
	/** 财政补助, 元: the engine's; for an estimate the most it can be; null for an earlier project or out of scope. */
	subsidy: number | null;
	/** 居民出资合计, 元 (the range by tier, for an estimate); null for an earlier project or out of scope. */
	residents: number | readonly [number, number] | null;
	/** 加装电梯, 元: outside the total, subsidised separately (§五(二)1). */
	elevator: number;
}

/** The figures of `funding` (a verdict's) as a works form shows them. */
export function fundingFigures(funding: CommunityVerdict['funding']): FundingFigures {
	const r = funding.result;
	const elevator = r.elevator;
	const total = funding.ledger.investment;
	if (funding.basis !== 'policy')
		return { how: funding.basis, total, subsidy: null, residents: null, elevator };
	if (funding.estimate)
		return {
			how: 'estimate',
			total,
			subsidy: funding.estimate.subsidyMax,
			residents: funding.estimate.residentRange,
			elevator
		};
	return {
		how: funding.final ? 'final' : 'costed',
		total,
		subsidy: r.subsidy,
		residents: r.residentTotal,
		elevator
	};
}
