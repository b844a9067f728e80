import { toDecimal } from './exact';
import { YUEQING_2023, type PolicyParams } from './params';
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
 * How a government-invested project is approved, by total investment (yuan) — §四(四): below 10 million the
 * proposal, feasibility study and preliminary design are approved as one; below 20 million the first two are.
 */
export function approvalPath(totalInvestment: number, params: PolicyParams = YUEQING_2023): ApprovalPath {
	toDecimal(totalInvestment, 'totalInvestment');
	if (totalInvestment < 0) {
		throw new PolicyInputError('totalInvestment', `不能为负数 / must not be negative (${totalInvestment})`);
	}
	if (totalInvestment < params.mergeAllApprovalsBelow) return 'proposal+feasibility+design';
	if (totalInvestment < params.mergeProposalFeasibilityBelow) return 'proposal+feasibility';
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
