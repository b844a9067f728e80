/** The engine's next step (`nextStep`, §三) in the reader's language: the stage's name, or the vote to hold again. */
import { WORKFLOW_STAGES, type NextStep } from '../policy';
import { pick } from './lang.svelte';
import { t } from './messages';

/** What to do next, e.g. 改造申请与资金筹集, 组织申请表决 or 重新组织方案表决. */
export function stepLabel(step: Pick<NextStep, 'action' | 'vote'> & { stage: { id: string } }): string {
	if (step.action !== 'advance' && step.vote) return t(`step.${step.action}.${step.vote}`);
	const stage = WORKFLOW_STAGES.find((s) => s.id === step.stage.id);
	return stage ? pick({ zh: stage.name, en: stage.en }) : step.stage.id;
}
