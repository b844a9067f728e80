/**
 * One stage a community reached, as a town records it on the phone form (and the office server checks again before
 * storing it): each cell by the importer's own `readCell` against the stage_events table's column (the stage: one
 * of the workflow's, by id or Chinese name; the day it began: a date — schema.ts); the stage the one after the
 * community's latest in the policy engine's workflow (`nextStage`, §三 and 附件3: a project passes the stages in
 * order, none skipped or taken twice); and, over the community's stages with this one, the importer's date rule
 * (`stageOrderBreaks`: no stage begins before the stage before it). For the scheme's publicity (§三(三)) the
 * engine's publicity window: the day it may end at the earliest (the 7th working day). No rule is written here.
 */
import {
	DEPARTMENTS,
	nextStage,
	publicityWindow,
	stageIndex,
	WORKFLOW_STAGES,
	type PolicyParams
} from '../policy';
import type { PublicityWindow, WorkflowStage } from '../policy';
import type { StageEventRow } from '../schema/rows';
import { table } from '../schema/schema';
import { readRow } from './cells';
import { stageOrderBreaks, type StageDate } from './stage-order';
import type { EntryProblem } from './vote-entry';

/** The form's values as typed. */
export interface StageEntry {
	/** A workflow stage id (e.g. `design`) or its Chinese name. */
	stage: string;
	/** YYYY-MM-DD: the day the stage began. */
	date: string;
}

export interface StageEntryCheck {
	/** The row as the importer would store it; null while any problem remains. */
	row: StageEventRow | null;
	problems: EntryProblem[];
	/** The stage to record next (after the community's latest), or null once the last stage is reached. */
	next: WorkflowStage | null;
	/** The community's latest stage reached (in the workflow's order), or null before the first. */
	latest: StageDate | null;
	/** For the publicity stage (§三(三)): the engine's window from the day it began; else null. */
	publicity: PublicityWindow | null;
}

/** The community's latest stage in the workflow's order, or null when it has none. */
export function latestStage(stages: readonly StageDate[]): StageDate | null {
	return stages.reduce<StageDate | null>(
		(a, s) => (!a || stageIndex(s.stage) > stageIndex(a.stage) ? s : a),
		null
	);
}

/** The stage a community records next: the workflow's after its latest, the first before any, null after the last. */
export function stageToRecord(stages: readonly StageDate[]): WorkflowStage | null {
	const latest = latestStage(stages);
	return latest ? (nextStage(latest.stage) ?? null) : WORKFLOW_STAGES[0]!;
}

/**
 * Check a stage typed on the form against the importer's rules and the workflow's order.
 * @param stages the community's stages in the data (its stage_events rows)
 * @param policy the policy in force on the data's date (`policyInForce(asOf)`), for the publicity's working days
 * @param recorder the department recording (附件2): a town account's `TOWN_DEPARTMENT` records only the stages
 *   附件2 gives the towns (竞争性评审, 列入年度计划, 联合会商, 立项审批 and 后评估 are the city's: recorded by the
 *   office in its ledger); undefined for no limit
 */
export function checkStageEntry(
	entry: StageEntry,
	communityId: string,
	stages: readonly StageDate[],
	policy: PolicyParams,
	recorder?: string
): StageEntryCheck {
	const latest = latestStage(stages);
	const next = stageToRecord(stages);
	const raw: Record<string, string> = { ...entry, community_id: communityId };
	const { values, problems } = readRow(table('stage_events').columns, raw);
	const row = values as unknown as StageEventRow;
	if (values.stage !== undefined && row.stage !== next?.id) {
		const at = latest ? WORKFLOW_STAGES[stageIndex(latest.stage)]!.name : null;
		problems.push({
			column: 'stage',
			zh: next
				? `不按工作流程顺序：${at ? `本小区已到“${at}”，` : ''}下一阶段应为“${next.name}”`
				: `本小区已到最后阶段“${at}”，没有下一阶段`,
			en: next
				? `out of the workflow's order: ${latest ? `the community reached ${latest.stage}; ` : ''}the next stage is ${next.id}`
				: `the community reached the last stage (${latest!.stage}): there is no next stage`
		});
	}
	// the next stage is another department's: said at once, before any date is typed (the form picks it already)
	if (recorder !== undefined && next && next.department !== recorder)
		return {
			row: null,
			next,
			latest,
			publicity: null,
			problems: [
				{
					column: 'stage',
					zh: `“${next.name}”由${next.department}负责（附件2），不由本账户登记：待${next.department}登记后，本小区再填报下一阶段`,
					en: `${next.en} is the ${DEPARTMENTS.find((d) => d.name === next.department)?.en ?? next.department}'s stage (附件2), not this account's: once it records it, the community's next stage can be recorded here`
				}
			]
		};
	if (problems.length === 0) {
		const all = [...stages, { stage: row.stage, date: row.date }];
		const broken = stageOrderBreaks(all).find((b) => b.index === all.length - 1);
		if (broken) problems.push({ column: 'date', zh: broken.zh, en: broken.en });
	}
	if (problems.length > 0) return { row: null, problems, next, latest, publicity: null };
	const publicity = row.stage === 'publicity' ? publicityWindow(row.date, policy) : null;
	return { row, problems, next, latest, publicity };
}
