import { toDecimal } from './exact';
import { type PolicyParams } from './params';
import { PolicyInputError } from './reason';

export type ApprovalPath = 'proposal+feasibility+design' | 'proposal+feasibility' | 'separate';

/** Chinese names of the paths, for people. */
export const APPROVAL_PATH_NAMES: Readonly<Record<ApprovalPath, { zh: string; en: string }>> = Object.freeze({
	'proposal+feasibility+design': {
		zh: '合并编报和审批项目建议书、可行性研究报告、初步设计',
		en: 'proposal, feasibility study and preliminary design approved together'
	},
	'proposal+feasibility': {
		zh: '合并编报和审批项目建议书、可行性研究报告；初步设计另行审批',
		en: 'proposal and feasibility study together; preliminary design separately'
	},
	separate: {
		zh: '项目建议书、可行性研究报告、初步设计分别编报审批',
		en: 'proposal, feasibility study and preliminary design approved separately'
	}
});

/**
 * How a government-invested project is approved, by total investment (yuan) — §四(四): 1000万元以下 the proposal,
 * feasibility study and preliminary design are approved as one; 2000万元以下 the first two are. 以下 includes the
 * number itself (Civil Code art. 1259: 以上、以下、以内 include it; 不满、超过 do not), so exactly 1000万 merges all
 * three and exactly 2000万 merges the first two.
 *
 * Which total (a reading, since §四(四) does not define it): the one total the scheme defines, §五(二)1's
 * 小区改造项目总投资额 — final accounts, else the estimate, **without elevator installation** (加装电梯), which
 * §五(二)1 sets outside the project ("按相关办法另行补助": installed and subsidised under its own measures). One
 * document, one meaning of 总投资; the community page shows the total the path was decided on and, where the
 * elevator would cross a limit, says so.
 * @param totalInvestment — 元, the project's total investment as §五(二)1 defines it (elevators excluded)
 * @throws PolicyInputError when it is negative or not a finite number
 */
export function approvalPath(totalInvestment: number, params: PolicyParams): ApprovalPath {
	toDecimal(totalInvestment, 'totalInvestment');
	if (totalInvestment < 0) {
		throw new PolicyInputError('totalInvestment', `不能为负数 / must not be negative (${totalInvestment})`);
	}
	if (totalInvestment <= params.mergeAllApprovalsUpTo) return 'proposal+feasibility+design';
	if (totalInvestment <= params.mergeProposalFeasibilityUpTo) return 'proposal+feasibility';
	return 'separate';
}

/**
 * Whether the land-use and construction planning permits (建设用地规划许可证、建设工程规划许可证) are needed — §四(四):
 * not when the planning conditions do not change and no facade along an important street is altered.
 */
export function planningPermitsNeeded(p: {
	planningConditionsChange: boolean;
	importantStreetFacade: boolean;
}): boolean {
	return p.planningConditionsChange || p.importantStreetFacade;
}
