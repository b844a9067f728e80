import { describe, expect, it } from 'vitest';
import { deriveStatus } from '../../../src/lib/verdict/derived';
import { nextStepOf } from '../../../src/lib/verdict/status';
import { progressRows } from '../../../src/lib/progress/progress-table';
import { loadExample } from './load';
import { YUEQING_2023 } from '../../../src/lib/policy';

describe('the published progress table: next step (§三(一), §三(三))', async () => {
	const { dataset } = await loadExample();
	const status = deriveStatus(dataset, '2026-11-15', YUEQING_2023);
	const rows = progressRows(dataset, status);
	const row = (id: string) => rows.find((r) => r.id === id)!;

	it('§三(一): a failed application vote is published as a vote to hold again, not the application', () => {
		for (const id of ['YQ000213', 'YQ000046', 'YQ000376']) {
			expect(row(id), id).toMatchObject({
				stage: 'application-vote',
				next_stage: 'application-vote',
				next_action: 'revote'
			});
		}
	});

	it('§三(三): a failed scheme vote is published as a vote to hold again, not the submission', () => {
		expect(row('YQ000380')).toMatchObject({
			stage: 'publicity',
			next_stage: 'publicity',
			next_action: 'revote'
		});
	});

	it('§三: every row publishes the engine stage gate of its community; complete ones publish nothing', () => {
		rows.forEach((r, i) => {
			const step = nextStepOf(status[i]!);
			// §二(一): outside the programme, no step — said so, not left blank
			const action = status[i]!.programme === 'out-of-scope' ? 'out-of-scope' : (step?.action ?? '');
			expect([r.next_stage, r.next_action], r.id).toEqual([step?.stage.id ?? '', action]);
		});
		const out = rows.filter((_, i) => status[i]!.eligibility === 'ineligible');
		expect(out.length).toBeGreaterThan(0);
		for (const r of out)
			expect([r.next_stage, r.next_action, r.investment], r.id).toEqual(['', 'out-of-scope', 0]);
		const done = rows.filter((r) => r.stage === 'post-evaluation');
		expect(done.length).toBeGreaterThan(0);
		for (const r of done) expect([r.next_stage, r.next_action]).toEqual(['', '']);
		// no community whose latest vote failed is shown moving past that vote's stage
		status.forEach((s, i) => {
			if (s.applicationVote === 'short') expect(rows[i]!.next_stage, s.id).toBe('application-vote');
			else if (s.schemeVote === 'short') expect(rows[i]!.next_stage, s.id).toBe('publicity');
		});
	});
});
