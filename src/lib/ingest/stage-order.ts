/**
 * The importer's rule on a community's stages (§三, 附件3: a project passes the workflow's stages in order): taken in
 * the workflow's order (the policy engine's `stageIndex`), no stage begins before the stage before it. One rule for
 * the importer (validate.ts, over a stage_events table) and for a town's stage form (stage-entry.ts), in the same
 * words.
 */
import { stageIndex, WORKFLOW_STAGES } from '../policy';

/** One stage a community reached: the stage id and the day it began (YYYY-MM-DD). */
export interface StageDate {
	stage: string;
	date: string;
}

/** A stage that begins before the stage before it, with the reason in Chinese and English. */
export interface StageOrderBreak {
	/** Its index in the list given. */
	index: number;
	zh: string;
	en: string;
}

/**
 * The stages of ONE community that break the workflow's order: each stage dated before the latest stage before it
 * in the workflow (that stage itself in order). Known stage ids only (the schema's enum has checked them).
 */
export function stageOrderBreaks(stages: readonly StageDate[]): StageOrderBreak[] {
	const ordered = stages
		.map((_, i) => i)
		.sort((a, b) => stageIndex(stages[a]!.stage) - stageIndex(stages[b]!.stage));
	const breaks: StageOrderBreak[] = [];
	let latest: StageDate | null = null;
	for (const i of ordered) {
		const row = stages[i]!;
		if (latest && row.date < latest.date) {
			const before = WORKFLOW_STAGES[stageIndex(latest.stage)]!.name;
			breaks.push({
				index: i,
				zh: `阶段日期早于前一阶段（${before} ${latest.date}），应按工作流程顺序`,
				en: `stage date is before the previous stage (${latest.stage} ${latest.date}); stages follow the workflow order`
			});
		} else latest = row;
	}
	return breaks;
}
