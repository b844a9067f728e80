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

/**
 * The seven public stage classes, latest first (the legend's order); the leadership map's stage colouring and the
 * public site show the same classes under the same words. Each class lies wholly inside one stage group or none,
 * so the legend's classes add up to the headline's groups (a test checks).
 */
export const STAGE_CLASSES: readonly ClassDef[] = [
	{ key: 'completed', codes: ['post-evaluation'], zh: '后评估与长效管理', en: 'post-evaluation' },
	{
		key: 'acceptance',
		codes: ids('acceptance', 'handover'),
		zh: '竣工验收、移交',
		en: 'accepted, handing over'
	},
	{ key: 'construction', codes: ['construction'], zh: '施工中', en: 'under construction' },
	{
		key: 'approval',
		codes: ids('annual-plan', 'permit'),
		zh: '列入计划，立项招标',
		en: 'in the plan: approval, tender'
	},
	{
		key: 'review',
		codes: ids('submission', 'competitive-review'),
		zh: '申报评审',
		en: 'submitted, in review'
	},
	{ key: 'early', codes: ids('opinions', 'publicity'), zh: '前期（意见、表决、方案）', en: 'early stages' },
	{ key: 'none', codes: ['none'], zh: '未启动', en: 'not started' }
];

/** The class (index into STAGE_CLASSES) of a workflow stage id or `none`. */
export function stageClassOf(stage: string): number {
	const i = STAGE_CLASSES.findIndex((c) => c.codes.includes(stage));
	if (i < 0) throw new Error(`unknown stage: ${stage}`);
	return i;
}

/** A headline group of stage classes: its key, labels, the classes it adds up (legend order) and their codes. */
export interface StageGroup {
	key: 'renovated' | 'underWay';
	zh: string;
	en: string;
	/** The keys of the STAGE_CLASSES it holds. */
	classes: readonly string[];
	/** The stage codes it counts (those of its classes), in workflow order. */
	codes: readonly string[];
}

const group = (key: StageGroup['key'], zh: string, en: string, classes: string[]): StageGroup => ({
	key,
	zh,
	en,
	classes,
	codes: STAGE_CODES.filter((code) => classes.includes(STAGE_CLASSES[stageClassOf(code)]!.key))
});

/**
 * The two groups the public headline, its town table and the legends' notes count: renovated — the works are
 * accepted (竣工验收 §三(七)), then handed over (§三(八)) and evaluated (§三(九)); under way — in a year's plan
 * (§三(四)) and not yet accepted: approval, tender, permit (§四) and the works (§三(五)–(六)).
 */
export const STAGE_GROUPS: readonly StageGroup[] = [
	group('renovated', '已完成改造', 'Renovated', ['completed', 'acceptance']),
	group('underWay', '正在改造', 'Under way', ['approval', 'construction'])
];

/** Renovated: accepted, handed over or evaluated — the works are done (§三(七)–(九)); acceptance first. */
export const RENOVATED_STAGES: readonly string[] = STAGE_GROUPS[0]!.codes;
/** Under way: in a year's plan and not yet accepted (§三(四)–(六)). */
export const UNDER_WAY_STAGES: readonly string[] = STAGE_GROUPS[1]!.codes;

/** A group in words from its classes, e.g. 已完成改造 = 后评估与长效管理 + 竣工验收、移交. */
export function stageGroupWords(g: StageGroup, lang: 'zh' | 'en'): string {
	const parts = STAGE_CLASSES.filter((c) => g.classes.includes(c.key)).map((c) => c[lang]);
	return `${g[lang]} = ${parts.join(' + ')}`;
}
