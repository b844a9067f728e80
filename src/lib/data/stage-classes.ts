/**
 * The stages as the public reads them: the 17 steps of 附件3 grouped into seven plain classes. Part of the one
 * classes module (classes.ts re-exports all of it); a file of its own because the public build imports it and it
 * must carry nothing internal: it imports only the policy engine. Colours: `src/lib/map/colours.ts`.
 */
import { WORKFLOW_STAGES, type StageId } from '../policy';

/** A class as a legend shows it: a key (its colour's key too), the codes it holds, its labels. */
export interface ClassDef {
	key: string;
	/** The values in the data (status column) the class holds. */
	codes: readonly string[];
	zh: string;
	en: string;
}

/** One value of a coded column, with its labels. */
export interface CodeLabel {
	code: string;
	zh: string;
	en: string;
}

/** A community's stage: a workflow stage id, or `none` before the first. */
export type StageCode = StageId | 'none';

/** Every stage code, in the order map.arrow numbers them: 0 `none`, k = the workflow stage index + 1. */
export const STAGE_CODES: readonly StageCode[] = ['none', ...WORKFLOW_STAGES.map((s) => s.id)];

/** Every stage code with its labels (a filter's options, an export's cell), in STAGE_CODES order. */
export const STAGE_VALUES: readonly CodeLabel[] = [
	{ code: 'none', zh: '未启动', en: 'not started' },
	...WORKFLOW_STAGES.map((s) => ({ code: s.id, zh: s.name, en: s.en }))
];

const ids = (from: StageId, to: StageId) => {
	const all = WORKFLOW_STAGES.map((s) => s.id);
	return all.slice(all.indexOf(from), all.indexOf(to) + 1);
};

/** The seven public stage classes, latest first (the legend's order). */
export const STAGE_CLASSES: readonly ClassDef[] = [
	{ key: 'completed', codes: ['post-evaluation'], zh: '已完成（后评估）', en: 'completed' },
	{ key: 'acceptance', codes: ids('acceptance', 'handover'), zh: '验收移交', en: 'acceptance, handover' },
	{ key: 'construction', codes: ['construction'], zh: '施工中', en: 'under construction' },
	{ key: 'approval', codes: ids('consultation', 'permit'), zh: '会商立项招标', en: 'approval and tender' },
	{ key: 'review', codes: ids('submission', 'annual-plan'), zh: '申报评审', en: 'submission and review' },
	{ key: 'early', codes: ids('opinions', 'publicity'), zh: '前期（意见、表决、方案）', en: 'early stages' },
	{ key: 'none', codes: ['none'], zh: '未启动', en: 'not started' }
];

/** The class (index into STAGE_CLASSES) of a workflow stage id or `none`. */
export function stageClassOf(stage: string): number {
	const i = STAGE_CLASSES.findIndex((c) => c.codes.includes(stage));
	if (i < 0) throw new Error(`unknown stage: ${stage}`);
	return i;
}

/** Renovated: accepted, handed over or evaluated — the works are done (§三(七)–(九)). */
export const RENOVATED_STAGES: readonly string[] = ids('acceptance', 'post-evaluation');
/** Under way: in a year's plan and not yet accepted (§三(四)–(六)). */
export const UNDER_WAY_STAGES: readonly string[] = ids('annual-plan', 'construction');
