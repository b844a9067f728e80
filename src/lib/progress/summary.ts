/**
 * What the public progress site shows before its database loads: `summary.json`, written by the data build from
 * the same rows as `progress.parquet`. Types only, plus the columns of the `progress` table.
 */
import type { ManifestTown } from '../files/manifest';

export interface Tally {
	communities: number;
	households: number;
}

export interface ProgressSummary {
	title: string;
	example: boolean;
	schematicBoundaries: boolean;
	note?: string;
	asOf: string;
	/**
	 * The headline's three groups (STAGE_GROUPS), no two sharing a community: accepted, handed over or evaluated
	 * (RENOVATED_STAGES); works begun, not yet accepted (CONSTRUCTION_STAGES); in a year's plan, works not yet
	 * begun (PLANNED_STAGES), with how many are in each plan year.
	 */
	renovated: Tally;
	construction: Tally;
	/** Every community, in any stage or none, in the programme or not: what the three groups are part of. */
	total: Tally;
	planned: Tally & { years: (Tally & { year: number })[] };
	/** Completions (acceptance) per year since 2020. */
	byYear: (Tally & { year: number })[];
	/** Completions per month since January 2020, `YYYY-MM`, every month up to `asOf`. */
	byMonth: (Tally & { month: string })[];
	/** Communities per public stage class (STAGE_CLASSES order). */
	stages: number[];
	towns: (ManifestTown & {
		communities: number;
		renovated: number;
		construction: number;
		planned: number;
	})[];
	/** Post-evaluation satisfaction (§三(九)): the mean score of the communities surveyed, or null if none. */
	satisfaction: { mean: number; communities: number } | null;
}

/**
 * The `progress` table: one published row per community — derived at build time from the policy engine's
 * status, holding only what the public may read. `next_stage` and `next_action` are the engine's stage gate
 * (`nextStep`): the stage to work on and `advance`, `vote` or `revote` (the vote did not pass and is organised
 * again), both '' once the renovation is complete; outside the programme (§二(一)) `next_stage` is '' and
 * `next_action` is `out-of-scope`. `money_basis` says what `investment` and `resident_total` are: `policy` (as
 * the scheme prices them), `earlier` (an earlier project: as its ledger records them) or `out-of-scope` (no
 * project: both 0).
 */
export const PROGRESS_COLUMNS = [
	['id', 'text'],
	['stage', 'text'],
	['stage_date', 'date'],
	['completed_date', 'date'],
	['plan_year', 'integer'],
	['investment', 'number'],
	['resident_total', 'number'],
	['basic', 'number'],
	['improvement', 'number'],
	['upgrade', 'number'],
	['name_initials', 'text'],
	['name_pinyin', 'text'],
	['next_stage', 'text'],
	['next_action', 'text'],
	['money_basis', 'text']
] as const;

export type ProgressRow = {
	[K in (typeof PROGRESS_COLUMNS)[number][0]]: K extends 'plan_year'
		? number | null
		: K extends 'investment' | 'resident_total' | 'basic' | 'improvement' | 'upgrade'
			? number
			: K extends 'stage_date' | 'completed_date'
				? string | null
				: string;
};

/** The first year of the public record of completions. */
export const PROGRESS_FROM_YEAR = 2020;
