// One verdict per community (issue 10): the verdict of communities of the example checked by hand against the
// policy. The build's status rows against the verdict's projection: tests/data/status-rows.test.ts (data tier).
import { describe, expect, it } from 'vitest';
import { policyInForce } from '../../../src/lib/verdict/derived';
import { nextStepOf, statusOf } from '../../../src/lib/verdict/status';
import { communityVerdict, type CommunityInputs } from '../../../src/lib/verdict/verdict';
import { loadExample } from './load';

const AS_OF = '2026-11-15'; // the example's 数据截至 (data/example/metadata.json)
const policy = policyInForce(AS_OF);

describe('communityVerdict: communities of the example checked by hand', async () => {
	const { dataset } = await loadExample();
	const towns = new Map(dataset.towns.map((t) => [t.code, t]));
	const of = <T extends { community_id: string }>(rows: readonly T[], id: string) =>
		rows.filter((r) => r.community_id === id);
	const inputsOf = (id: string): CommunityInputs => {
		const community = dataset.communities.find((c) => c.id === id)!;
		return {
			community,
			town: towns.get(community.town_code)!,
			works: of(dataset.works, id),
			votes: of(dataset.votes, id),
			funds: of(dataset.funds, id),
			stages: of(dataset.stage_events, id)
		};
	};
	const verdictOf = (id: string) => communityVerdict(inputsOf(id), AS_OF, policy);

	it('§二(一), §三(一): YQ000213 (城南, built 1991) — eligible first; its application vote failed on turnout', () => {
		const v = verdictOf('YQ000213');
		expect(v.eligibility).toMatchObject({ status: 'eligible', priority: true, cls: 'eligible-priority' });
		expect(v.eligibility.reasons.map((r) => r.code)).toEqual(['built-by-cutoff', 'central-priority']);
		// 80 of 146 owners, 7764.19 of 14131.9 ㎡ took part (< 2/3); 73 of 80 and 7132.18 of 7764.19 ㎡ agreed (≥ 3/4)
		const a = v.votes.application;
		expect(a.cls).toBe('short');
		expect(a.row?.date).toBe('2025-06-24');
		expect(a.verdict?.tests).toEqual({
			participationOwners: false,
			participationArea: false,
			approvalOwners: true,
			approvalArea: true
		});
		// 2/3 of 146 = 97⅓ → 98 taking part: 18 more owners, all in favour; no dissenter need change
		expect(a.verdict?.winOver.nonVoters.owners).toBe(18);
		expect(a.verdict?.winOver.dissenters.owners).toBe(0);
		// 2/3 × 14131.9 − 7764.19 = 1657.0766… ㎡
		expect(a.verdict?.winOver.nonVoters.area).toBeCloseTo(1657.0767, 3);
		expect(v.votes.scheme).toEqual({ cls: 'none', row: null, verdict: null });
		expect(v.stage.current).toBe('application-vote');
		expect(v.next.step).toMatchObject({ action: 'revote', vote: 'application' });
		expect(v.next.step?.stage.id).toBe('application-vote');
		expect(v.next.needed?.owners).toBe(18);
	});

	it('§五(二)1, §四(四): YQ000213 — 10% of basic, 30% of improvement; under the cap; all approvals merged', () => {
		const { funding, approval } = verdictOf('YQ000213');
		// basic 611333 + 453500 + 699954 + 617661 + 619341; improvement 324224 + 347486 + 177391 + 378881
		expect(funding.input).toMatchObject({ basic: 3_001_789, improvement: 1_227_982, upgrade: 0 });
		expect(funding.final).toBe(false);
		expect(funding.tiers).toBe(1 | 2);
		expect(funding.result.total).toBe(4_229_771);
		expect(funding.result.residentTotal).toBe(668_573.5); // 300178.9 + 368394.6
		expect(funding.result.subsidyCap).toBe(5_112_117); // 300 元/㎡ × 17040.39 ㎡
		expect(funding.result.subsidy).toBe(3_561_197.5);
		expect(funding.result.capped).toBe(false);
		expect([funding.raised, funding.raisedShare, funding.band, funding.readyDate]).toEqual([
			0,
			0,
			'none',
			null
		]);
		// 422.98万 ≤ 1000万, the total as §五(二)1 defines it
		expect(approval).toEqual({ path: 'proposal+feasibility+design', total: 4_229_771, withElevator: null });
	});

	it('§三(三): YQ000380 (大荆镇, 1997) — scheme vote failed on agreement; publicity ends on the 7th working day', () => {
		const v = verdictOf('YQ000380');
		expect(v.eligibility).toMatchObject({ status: 'eligible', priority: false, cls: 'eligible' });
		expect(v.votes.application.cls).toBe('passed');
		const s = v.votes.scheme;
		expect(s.cls).toBe('short');
		// 90 of 100 took part; 64 agreed (< 67.5) and 9606.92 of 13344.63 ㎡ (< 10008.4725)
		expect(s.verdict?.tests).toEqual({
			participationOwners: true,
			participationArea: true,
			approvalOwners: false,
			approvalArea: false
		});
		expect(s.verdict?.winOver.nonVoters).toEqual({ owners: 0, area: 0 });
		expect(s.verdict?.winOver.dissenters.owners).toBe(4);
		expect(s.verdict?.winOver.dissenters.area).toBeCloseTo(401.5525, 4);
		expect(v.next.step).toMatchObject({ action: 'revote', vote: 'scheme' });
		expect(v.next.step?.stage.id).toBe('publicity');
		expect(v.next.needed?.owners).toBe(4);
		// from Thu 2026-05-07: 7, 8, Sat 9 (调休 workday), 11, 12, 13, 14
		expect(v.stage.publicity?.end).toBe('2026-05-14');
		expect(v.stage.publicity?.unknownYears).toEqual([]);
		// §五(二)1: 10% × 4049560 + 30% × 899854 + 70% × 937555; raised 956658.78 of it (71.9%)
		expect(v.funding.result.residentTotal).toBe(1_331_200.7);
		expect(v.funding.raised).toBe(956_658.78);
		expect(v.funding.raisedShare).toBeCloseTo(0.7186, 4);
		expect(v.funding.band).toBe('lt75');
		expect(v.plan).toEqual({ year: 2028, deadline: '2027-05-31', ready: false, awaitingReview: false });
	});

	it('§五(二)1, §六: YQ000024 — works begun 2022-06-07: an earlier project, shown with its ledger’s money', () => {
		const v = verdictOf('YQ000024');
		expect(v.eligibility.cls).toBe('eligible-priority');
		expect(v.works).toMatchObject({ date: '2022-06-07', basis: 'recorded', earlier: true });
		expect(v.works.reasons.map((r) => r.code)).toEqual(['earlier-project']);
		expect(v.programme).toBe('earlier');
		expect(v.funding.basis).toBe('earlier');
		// the ledger: works on final accounts, deposits 247340.49 + 309024.56 + 423262.88 + 395620.07, subsidy paid
		expect(v.funding.ledger).toEqual({
			investment: 6_611_634.01,
			residentPaid: 1_375_248,
			socialCapital: 0,
			subsidyPaid: 5_449_581
		});
		// what residents were to raise is what the ledger records: complete with the last deposit
		expect(v.funding.raised).toBe(1_375_248);
		expect(v.funding.readyDate).toBe('2021-01-24');
		expect([v.funding.raisedShare, v.funding.band]).toEqual([1, 'full']);
		// the engine's §五(二)1 pricing is still computed (never shown for an earlier project): capped at 300 元/㎡
		expect(v.funding.final).toBe(true);
		expect(v.funding.result.subsidy).toBe(5_449_581);
		expect(v.funding.result.capped).toBe(true);
		// approved under the rules of its time: no §四(四) path
		expect(v.approval).toBeNull();
		expect(v.stage).toMatchObject({ current: 'post-evaluation', start: '2019-11-23', date: '2023-03-21' });
		expect(v.stage.timeline).toHaveLength(17);
		expect(v.next).toEqual({ step: undefined, needed: null });
		expect(v.plan.ready).toBe(false);
	});

	it('§二(一), §四(四): YQ000041 (self-built) — outside the programme: no approval path, whatever its 1299.73万 + 252万 lift', () => {
		const v = verdictOf('YQ000041');
		expect(v.eligibility.reasons.map((r) => r.code)).toEqual(['excluded-self-built']);
		expect(v.funding.result.total).toBe(12_997_327);
		expect(v.funding.result.elevator).toBe(2_520_000);
		expect(v.funding.result.reasons.map((r) => r.code)).toContain('elevator-excluded');
		expect(v.funding.basis).toBe('out-of-scope');
		expect(v.approval).toBeNull();
	});

	it('§四(四) on §五(二)1’s total: YQ000201 — 923.45万 merges all three; with its 165万 lift it would not', () => {
		const v = verdictOf('YQ000201');
		expect(v.funding.result.total).toBe(9_234_503);
		expect(v.funding.result.elevator).toBe(1_650_000);
		expect(v.approval).toEqual({
			path: 'proposal+feasibility+design',
			total: 9_234_503,
			withElevator: 'proposal+feasibility'
		});
	});

	it('§二(一): YQ000080 (城中村) — outside the programme: no subsidy to pay, no step, nothing can bring it in', () => {
		const v = verdictOf('YQ000080');
		expect(v.eligibility.status).toBe('ineligible');
		expect(v.eligibility.remedies.map((r) => r.code)).toEqual(['no-remedy-urban-village']);
		expect(v.programme).toBe('out-of-scope');
		expect(v.funding.basis).toBe('out-of-scope');
		expect(v.funding.band).toBe('none');
		expect(v.approval).toBeNull();
		expect(v.next.step).toBeUndefined();
		expect(v.plan.ready).toBe(false);
		expect(statusOf(v, 79)).toMatchObject({ subsidy: 0, residentRequired: 0, stage: 'out-of-scope' });
	});

	it('§三(一), §三(三): the next step read from a status row is the verdict’s, for every community', () => {
		dataset.communities.forEach((c, i) => {
			const v = verdictOf(c.id);
			const step = nextStepOf(statusOf(v, i));
			expect([step?.stage.id, step?.action, step?.vote], v.id).toEqual([
				v.next.step?.stage.id,
				v.next.step?.action,
				v.next.step?.vote
			]);
		});
	});
});
