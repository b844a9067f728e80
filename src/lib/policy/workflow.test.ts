import { describe, expect, it } from 'vitest';
import { nextStep, WORKFLOW_STAGES, type StageId, type VoteOutcome } from './workflow';

const OUTCOMES: readonly VoteOutcome[] = ['none', 'passed', 'failed'];
const STAGES: readonly (StageId | 'none')[] = ['none', ...WORKFLOW_STAGES.map((s) => s.id)];
const step = (stage: StageId | 'none', applicationVote: VoteOutcome, schemeVote: VoteOutcome = 'none') => {
	const s = nextStep({ stage, applicationVote, schemeVote, inScope: true });
	return s && `${s.action}:${s.stage.id}${s.vote ? `:${s.vote}` : ''}`;
};

describe('§三 stage gate: nextStep', () => {
	it('§三(一): a failed application vote is organised again, never followed by the application', () => {
		expect(step('application-vote', 'failed')).toBe('revote:application-vote:application');
		expect(step('application-vote', 'passed')).toBe('advance:application');
		expect(step('application-vote', 'none')).toBe('vote:application-vote:application');
	});

	it('§三(三): a failed scheme vote is organised again, never followed by the submission', () => {
		expect(step('publicity', 'passed', 'failed')).toBe('revote:publicity:scheme');
		expect(step('publicity', 'passed', 'passed')).toBe('advance:submission');
		expect(step('publicity', 'passed', 'none')).toBe('vote:publicity:scheme');
	});

	it('§三: before the first stage, the first opinions; after the last, nothing', () => {
		expect(step('none', 'none')).toBe('advance:opinions');
		expect(step('opinions', 'none')).toBe('advance:application-vote');
		expect(step('post-evaluation', 'passed', 'passed')).toBeUndefined();
	});

	it('§二(一): outside the programme there is no step at all, at any stage', () => {
		for (const stage of STAGES)
			expect(
				nextStep({ stage, applicationVote: 'none', schemeVote: 'none', inScope: false })
			).toBeUndefined();
	});

	it('§三(一)/§三(三): every stage × application × scheme outcome', () => {
		const at = (id: string) => STAGES.indexOf(id as StageId);
		for (const stage of STAGES) {
			for (const app of OUTCOMES) {
				for (const scheme of OUTCOMES) {
					const got = nextStep({ stage, applicationVote: app, schemeVote: scheme, inScope: true });
					const where = `${stage} app=${app} scheme=${scheme}`;
					const pastApp = at(stage) >= at('application-vote');
					const pastScheme = at(stage) >= at('publicity');
					if (stage === 'none') expect(got?.stage.id, where).toBe('opinions');
					else if (pastApp && app === 'failed') {
						expect(got, where).toMatchObject({ action: 'revote', vote: 'application' });
						expect(got?.stage.id, where).toBe('application-vote');
					} else if (pastScheme && scheme === 'failed') {
						expect(got, where).toMatchObject({ action: 'revote', vote: 'scheme' });
						expect(got?.stage.id, where).toBe('publicity');
					} else if (stage === 'post-evaluation') expect(got, where).toBeUndefined();
					else if (
						(stage === 'application-vote' && app === 'none') ||
						(stage === 'publicity' && scheme === 'none')
					)
						expect(got, where).toMatchObject({ action: 'vote', stage: { id: stage } });
					else {
						expect(got, where).toMatchObject({ action: 'advance', vote: null });
						expect(at(got!.stage.id), where).toBe(at(stage) + 1);
					}
					// whatever the stage, a failed vote never lets the community move past that vote's stage
					if (got && ((pastApp && app === 'failed') || (pastScheme && scheme === 'failed')))
						expect(at(got.stage.id), where).toBeLessThanOrEqual(at('publicity'));
				}
			}
		}
	});
});
