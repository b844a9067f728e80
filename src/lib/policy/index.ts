/**
 * The rules of 乐政办发〔2023〕47号 as pure functions: no Svelte, no DuckDB, no DOM, no network. Runs unchanged in
 * Node, the browser and a Web Worker. Every number comes from `PolicyParams`; every verdict carries its reasons (§).
 */
export { YUEQING_2023, POLICIES, policyFor } from './params';
export type { PolicyParams, Fraction, WorksTier, HousingType } from './params';
export { PolicyInputError } from './reason';
export type { Reason } from './reason';
export { assessEligibility, ELIGIBILITY_FACT_NAMES } from './eligibility';
export type { EligibilityFact, EligibilityInput, EligibilityStatus, EligibilityVerdict } from './eligibility';
export { assessVote } from './vote';
export type { VoteKind, VoteTally, VoteVerdict } from './vote';
export { computeFunding, estimateFromTotal } from './funding';
export type { FundingEstimate, FundingInput, FundingResult } from './funding';
export { fundingFigures } from './funding-fast';
export type { FundingFigures } from './funding-fast';
export { approvalPath, planningPermitsNeeded, APPROVAL_PATH_NAMES } from './approval';
export type { ApprovalPath } from './approval';
export { CN_CALENDAR, fromHolidayFile, isoToDay, dayToIso } from './calendar';
export type { WorkCalendar } from './calendar';
export { earliestPublicityEnd, publicityWindow, countWorkingDays } from './publicity';
export type { PublicityWindow } from './publicity';
export {
	projectBudget,
	projectBudgetIndexed,
	rankCandidates,
	readinessDeadline,
	firstPlanYear
} from './budget';
export type {
	BudgetCandidate,
	BudgetScenario,
	BudgetYear,
	BudgetProjection,
	IndexedBudgetYear
} from './budget';
export { WORKS_CATALOGUE, WORKS_CATEGORIES, WORKS_TIERS, worksItem } from './catalogue';
export type { WorksItem, WorksCategory } from './catalogue';
export { TOWN_DEPARTMENT, WORKFLOW_STAGES, VOTE_STAGES, nextStage, nextStep, stageIndex } from './workflow';
export type { NextStep, StepInput, StageId, VoteOutcome, WorkflowStage } from './workflow';
export { assessWorksStart } from './works-start';
export type { StageDay, WorksStart } from './works-start';
export { DEPARTMENTS } from './departments';
export type { Department, DepartmentName } from './departments';
