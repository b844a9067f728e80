import type { DepartmentName } from './departments';
import { YUEQING_2023 } from './params';

export interface WorkflowStage {
	/** Stable id, e.g. `application-vote`. */
	id: string;
	/** The stage as the policy names it. */
	name: string;
	/** The department that owns the stage, from 附件2. */
	department: DepartmentName;
	/** Where the policy sets the stage out. */
	clause: string;
	/** What must hold before the stage is complete, in Chinese. */
	gate: string;
	/** The stage's name in English. */
	en: string;
	/** The gate in English. */
	gateEn: string;
}

/** The towns and streets as 附件2 names them: the department of the stages a town account records itself. */
export const TOWN_DEPARTMENT = '各乡镇（街道）';
const TOWN = TOWN_DEPARTMENT;

const ROWS = [
	[
		'opinions',
		'征求意见',
		TOWN,
		'§三(一)、附件3',
		'业主委员会或业主代表征求居民意见',
		'first opinions',
		"owners' committee or representatives canvass residents"
	],
	[
		'application-vote',
		'申请表决',
		TOWN,
		'§三(一)',
		'“双三分之二”参与、“双四分之三”同意',
		'application vote',
		'two-thirds take part and three-quarters approve, by area and by owners'
	],
	[
		'application',
		'改造申请与资金筹集',
		TOWN,
		'§三(一)',
		'向乡镇（街道）提出申请，居民自筹资金汇入指定账户',
		'application and resident funds',
		'apply to the town; residents pay their share into the designated account'
	],
	[
		'design',
		'编制方案',
		TOWN,
		'§三(二)',
		'乡镇（街道）委托专业单位编制改造方案',
		'scheme design',
		'the town commissions a professional scheme'
	],
	[
		'publicity',
		'方案公示与表决',
		TOWN,
		'§三(三)',
		`公示不少于${YUEQING_2023.publicityMinWorkingDays}个工作日，方案表决通过`,
		'scheme publicity and vote',
		`publicity of at least ${YUEQING_2023.publicityMinWorkingDays} working days; the scheme vote passes`
	],
	[
		'submission',
		'项目申报',
		TOWN,
		'§三(四)',
		'提交申请表、设计方案、公示书、居民承诺书、长效管理方案',
		'submission',
		"application form, scheme, publicity notice, residents' pledge and long-term management plan"
	],
	[
		'town-review',
		'乡镇初审',
		TOWN,
		'§三(四)',
		'初审通过且居民自筹资金全部到位',
		'town review',
		'town review passed and all resident funds in place'
	],
	[
		'competitive-review',
		'竞争性评审',
		'市旧改办',
		'§三(四)',
		'市旧改办联合有关部门竞争性评审',
		'competitive review',
		'the city office reviews competitively with the departments'
	],
	[
		'annual-plan',
		'列入年度计划',
		'市旧改办',
		'§三(四)',
		`每年${YUEQING_2023.planDeadline.month}月${YUEQING_2023.planDeadline.day}日前经市政府同意，确定下一年度计划`,
		'annual plan',
		`next year's plan approved by the city government before ${YUEQING_2023.planDeadline.day}/${YUEQING_2023.planDeadline.month} each year`
	],
	[
		'consultation',
		'联合会商',
		'市旧改办',
		'§四(三)',
		'市住建局组织有关部门对设计方案联合会商',
		'joint consultation',
		'the housing bureau convenes departments on the scheme'
	],
	[
		'project-approval',
		'立项审批',
		'市发改局',
		'§四(四)',
		'按总投资合并或分别审批',
		'project approval',
		'approved as one project or separately by total investment'
	],
	[
		'tender',
		'施工招标',
		TOWN,
		'附件3',
		'乡镇（街道）组织施工招标',
		'construction tender',
		'the town tenders the works'
	],
	[
		'permit',
		'施工许可',
		TOWN,
		'§四(五)',
		'乡镇（街道）办理施工许可证',
		'construction permit',
		'the town obtains the construction permit'
	],
	[
		'construction',
		'施工及监督管理',
		TOWN,
		'§三(六)',
		'安全质量监督、居民参与监督、跟踪审计',
		'construction',
		"safety and quality supervision, residents' oversight, follow-up audit"
	],
	[
		'acceptance',
		'联合验收',
		TOWN,
		'§三(七)、§四(六)',
		'联合验收通过，完成竣工财务决算',
		'joint acceptance',
		'joint acceptance passed and final accounts settled'
	],
	[
		'handover',
		'移交归档',
		TOWN,
		'§三(八)',
		'移交业主委员会或物业专营单位，报城建档案馆归档',
		'handover and archiving',
		"handed to the owners' committee or manager; archived"
	],
	[
		'post-evaluation',
		'后评估与长效管理',
		'市旧改办',
		'§三(九)',
		'满意度调查，财政补助与后评估挂钩',
		'post-evaluation',
		'satisfaction survey; subsidy linked to the evaluation'
	]
] as const satisfies readonly [string, string, DepartmentName, string, string, string, string][];

export type StageId = (typeof ROWS)[number][0];

/** §三 and 附件3: the stages of a project, in order, from first opinions to long-term management. */
export const WORKFLOW_STAGES: readonly (WorkflowStage & { id: StageId })[] = Object.freeze(
	ROWS.map(([id, name, department, clause, gate, en, gateEn]) =>
		Object.freeze({ id, name, department, clause, gate, en, gateEn })
	)
);

const INDEX = new Map<string, number>(WORKFLOW_STAGES.map((s, i) => [s.id, i]));

/** The position of a stage in the workflow (0-based), or -1 for an unknown id. */
export function stageIndex(id: string): number {
	return INDEX.get(id) ?? -1;
}

/** The stage after `id` (its next step and owner), or undefined at the end or for an unknown id. */
export function nextStage(id: string): WorkflowStage | undefined {
	const i = INDEX.get(id);
	return i === undefined ? undefined : WORKFLOW_STAGES[i + 1];
}

/** A vote's outcome as the stage gate needs it: not held, passed, or held and failed. */
export type VoteOutcome = 'none' | 'passed' | 'failed';

/** Where each vote is held: the application vote in its own stage (§三(一)), the scheme vote during publicity (§三(三)). */
export const VOTE_STAGES = { application: 'application-vote', scheme: 'publicity' } as const satisfies Record<
	'application' | 'scheme',
	StageId
>;

export interface StepInput {
	/** The latest stage reached, or 'none' before the first. */
	stage: StageId | 'none';
	/**
	 * Inside the programme's scope (§二(一): eligible or conditional). A community outside it has no renovation
	 * step: nothing is started, consulted or voted on for it.
	 */
	inScope: boolean;
	/** The outcome of the latest application vote and of the latest scheme vote. */
	applicationVote: VoteOutcome;
	schemeVote: VoteOutcome;
}

export interface NextStep {
	/** The stage to work on next. */
	stage: WorkflowStage & { id: StageId };
	/**
	 * `advance`: the following stage; `vote`: the current stage's vote is still to be held; `revote`: the vote
	 * failed, the community cannot move on, and the vote must be organised again.
	 */
	action: 'advance' | 'vote' | 'revote';
	/** The vote concerned by `vote` and `revote`, else null. */
	vote: 'application' | 'scheme' | null;
}

const stageById = (id: StageId) => WORKFLOW_STAGES[INDEX.get(id)!]!;

/**
 * The stage gate: what a community does next, given its stage and its votes — §三(一), §三(三). A failed vote
 * stops the project at that vote's stage, whatever later stage the records show, until a new vote passes; a vote
 * stage reached without a result still has its vote to hold. Undefined once the last stage is reached, and for a
 * community outside the programme's scope (§二(一)): no renovation step is sent to a town for it.
 */
export function nextStep(input: StepInput): NextStep | undefined {
	if (!input.inScope) return undefined;
	if (input.stage === 'none') return { stage: WORKFLOW_STAGES[0]!, action: 'advance', vote: null };
	const at = stageIndex(input.stage);
	for (const vote of ['application', 'scheme'] as const) {
		const voteStage = VOTE_STAGES[vote];
		const outcome = vote === 'application' ? input.applicationVote : input.schemeVote;
		if (at < stageIndex(voteStage)) break;
		if (outcome === 'failed') return { stage: stageById(voteStage), action: 'revote', vote };
		if (outcome === 'none' && input.stage === voteStage) {
			return { stage: stageById(voteStage), action: 'vote', vote };
		}
	}
	const next = WORKFLOW_STAGES[at + 1];
	return next ? { stage: next, action: 'advance', vote: null } : undefined;
}
