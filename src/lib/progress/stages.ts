/**
 * The stages as the public reads them: the 17 steps of 附件3 grouped into seven plain classes, each with its
 * colour. Shared by the leadership map's stage colouring and the public progress site. Imports only the policy
 * engine, so the public build carries nothing internal.
 */
import { WORKFLOW_STAGES, type StageId } from '../policy';

export interface StageClass {
	/** The workflow stage ids in the class (`none` before the first). */
	codes: readonly string[];
	zh: string;
	en: string;
	rgb: [number, number, number];
}

const ids = (from: StageId, to: StageId) => {
	const all = WORKFLOW_STAGES.map((s) => s.id);
	return all.slice(all.indexOf(from), all.indexOf(to) + 1);
};

export const STAGE_CLASSES: readonly StageClass[] = [
	{ codes: ['post-evaluation'], zh: '已完成（后评估）', en: 'completed', rgb: [0, 90, 50] },
	{ codes: ids('acceptance', 'handover'), zh: '验收移交', en: 'acceptance, handover', rgb: [65, 171, 93] },
	{ codes: ['construction'], zh: '施工中', en: 'under construction', rgb: [35, 139, 230] },
	{
		codes: ids('consultation', 'permit'),
		zh: '会商立项招标',
		en: 'approval and tender',
		rgb: [106, 81, 163]
	},
	{
		codes: ids('submission', 'annual-plan'),
		zh: '申报评审',
		en: 'submission and review',
		rgb: [230, 85, 13]
	},
	{
		codes: ids('opinions', 'publicity'),
		zh: '前期（意见、表决、方案）',
		en: 'early stages',
		rgb: [253, 174, 107]
	},
	{ codes: ['none'], zh: '未启动', en: 'not started', rgb: [200, 200, 200] }
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
