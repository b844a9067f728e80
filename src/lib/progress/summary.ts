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
	/** Accepted, handed over or evaluated (RENOVATED_STAGES). */
	renovated: Tally;
	/** In a year's plan, not yet accepted (UNDER_WAY_STAGES). */
	underWay: Tally;
	/** In the plan for the year after `asOf` (its 列入年度计划 date in the as-of year), not yet accepted. */
	plannedNextYear: Tally & { year: number };
	/** Completions (acceptance) per year since 2020. */
	byYear: (Tally & { year: number })[];
	/** Completions per month since January 2020, `YYYY-MM`, every month up to `asOf`. */
	byMonth: (Tally & { month: string })[];
	/** Communities per public stage class (STAGE_CLASSES order). */
	stages: number[];
	towns: (ManifestTown & { communities: number; renovated: number; underWay: number })[];
	/** Post-evaluation satisfaction (§三(九)): the mean score of the communities surveyed, or null if none. */
	satisfaction: { mean: number; communities: number } | null;
}

/**
 * The `progress` table: one published row per community — derived at build time from the policy engine's
 * status, holding only what the public may read. `next_stage` and `next_action` are the engine's stage gate
 * (`nextStep`): the stage to work on and `advance`, `vote` or `revote` (the vote did not pass and is organised
 * again), both '' once the renovation is complete.
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
	['next_action', 'text']
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
