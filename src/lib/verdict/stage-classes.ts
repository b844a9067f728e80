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

/**
 * A community's stage: a workflow stage id; before the first, `none` inside the programme's scope and
 * `out-of-scope` outside it (§二(一): nothing is to start).
 */
export type StageCode = StageId | 'none' | 'out-of-scope';

/**
 * Every stage code, in the order map.arrow numbers them: 0 `none`, k = the workflow stage index + 1, then
 * `out-of-scope` (last, so the stages keep their numbers).
 */
export const STAGE_CODES: readonly StageCode[] = [
	'none',
	...WORKFLOW_STAGES.map((s) => s.id),
	'out-of-scope'
];

/** The words of a community outside the programme, for its stage (legends, filters, exports, the public card). */
export const OUT_OF_SCOPE_WORDS = { zh: '不在本次改造范围', en: 'outside the programme' } as const;

/** Every stage code with its labels (a filter's options, an export's cell), in STAGE_CODES order. */
export const STAGE_VALUES: readonly CodeLabel[] = [
	{ code: 'none', zh: '未启动', en: 'not started' },
	...WORKFLOW_STAGES.map((s) => ({ code: s.id, zh: s.name, en: s.en })),
	{ code: 'out-of-scope', ...OUT_OF_SCOPE_WORDS }
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
	{ key: 'none', codes: ['none'], zh: '未启动', en: 'not started' },
	{ key: 'out', codes: ['out-of-scope'], ...OUT_OF_SCOPE_WORDS }
];

/** The class (index into STAGE_CLASSES) of a workflow stage id or `none`. */
export function stageClassOf(stage: string): number {
	const i = STAGE_CLASSES.findIndex((c) => c.codes.includes(stage));
	if (i < 0) throw new Error(`unknown stage: ${stage}`);
	return i;
}

/** A headline group of stage classes: its key, labels, the classes it adds up (legend order) and their codes. */
export interface StageGroup {
	key: 'renovated' | 'construction' | 'planned';
	zh: string;
	en: string;
	/** What it counts, in a sentence (zh / en), shown beside the figure. */
	defZh: string;
	defEn: string;
	/** The keys of the STAGE_CLASSES it holds. */
	classes: readonly string[];
	/** The stage codes it counts (those of its classes), in workflow order. */
	codes: readonly string[];
}

const group = (
	key: StageGroup['key'],
	[zh, en]: [string, string],
	[defZh, defEn]: [string, string],
	classes: string[]
): StageGroup => ({
	key,
	zh,
	en,
	defZh,
	defEn,
	classes,
	codes: STAGE_CODES.filter((code) => classes.includes(STAGE_CLASSES[stageClassOf(code)]!.key))
});

/**
 * The three groups the public headline, its town table and the legends' notes count — no two share a community,
 * so they add up to no more than the communities there are: renovated — the works are accepted (竣工验收 §三(七)),
 * then handed over (§三(八)) and evaluated (§三(九)); under construction (施工 §三(六)); in a year's plan and not
 * yet under construction — approval, tender, permit (§三(四), §四).
 */
export const STAGE_GROUPS: readonly StageGroup[] = [
	group(
		'renovated',
		['已完成改造', 'Renovated'],
		[
			'已通过联合验收的小区（含移交归档、后评估）',
			'communities whose works passed joint acceptance (handed over and evaluated included)'
		],
		['completed', 'acceptance']
	),
	group(
		'construction',
		['正在施工', 'Under construction'],
		['已开工、尚未验收的小区', 'communities whose works have begun and are not yet accepted'],
		['construction']
	),
	group(
		'planned',
		['已列入计划、待开工', 'In a plan, not yet begun'],
		[
			'已列入年度改造计划、正在立项招标、尚未开工的小区',
			"communities in a year's plan going through approval and tender, works not yet begun"
		],
		['approval']
	)
];

/** Renovated: accepted, handed over or evaluated — the works are done (§三(七)–(九)); acceptance first. */
export const RENOVATED_STAGES: readonly string[] = STAGE_GROUPS[0]!.codes;
/** Under construction: the works have begun and are not yet accepted (§三(六)). */
export const CONSTRUCTION_STAGES: readonly string[] = STAGE_GROUPS[1]!.codes;
/** In a year's plan, works not yet begun: the plan, approval, tender and permit (§三(四), §四). */
export const PLANNED_STAGES: readonly string[] = STAGE_GROUPS[2]!.codes;

/** A group in words from its classes, e.g. 已完成改造 = 后评估与长效管理 + 竣工验收、移交. */
export function stageGroupWords(g: StageGroup, lang: 'zh' | 'en'): string {
	const parts = STAGE_CLASSES.filter((c) => g.classes.includes(c.key)).map((c) => c[lang]);
	return `${g[lang]} = ${parts.join(' + ')}`;
}
