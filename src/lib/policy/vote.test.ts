import { describe, expect, it } from 'vitest';
import { YUEQING_2023 } from './params';
import { PolicyInputError } from './reason';
import { assessVote, type VoteTally } from './vote';

const tally = (t: Partial<VoteTally>): VoteTally => ({
	totalOwners: 300,
	totalArea: 27000,
	participatingOwners: 300,
	participatingArea: 27000,
	agreeOwners: 300,
	agreeArea: 27000,
	...t
});

describe('§三(一) / §三(三) owners vote: 双三分之二 turnout, 双四分之三 approval', () => {
	it('§三(一): exactly 2/3 turnout by headcount passes (200 of 300), 199 does not', () => {
		const at = assessVote(tally({ participatingOwners: 200, agreeOwners: 150 }), YUEQING_2023);
		expect(at.tests.participationOwners).toBe(true);
		expect(at.passed).toBe(true);
		const below = assessVote(tally({ participatingOwners: 199, agreeOwners: 199 }), YUEQING_2023);
		expect(below.tests.participationOwners).toBe(false);
		expect(below.participationMet).toBe(false);
		expect(below.passed).toBe(false);
		expect(below.shortfall.owners).toBe(1);
	});

	it('§三(一): exactly 2/3 turnout by area passes (18000 of 27000 ㎡), a hair less does not', () => {
		expect(
			assessVote(tally({ participatingArea: 18000, agreeArea: 18000 }), YUEQING_2023).tests.participationArea
		).toBe(true);
		const v = assessVote(tally({ participatingArea: 17999.99, agreeArea: 17999.99 }), YUEQING_2023);
		expect(v.tests.participationArea).toBe(false);
		expect(v.shortfall.area).toBeCloseTo(0.01, 10);
	});

	it('§三(一): exact on decimals where floating point is not (2/3 of 300.3 ㎡ is 200.2 ㎡)', () => {
		const v = assessVote(
			tally({ totalArea: 300.3, participatingArea: 200.2, agreeArea: 200.2 }),
			YUEQING_2023
		);
		expect(3 * 200.2 >= 2 * 300.3).toBe(false); // what a naive float comparison would say
		expect(v.tests.participationArea).toBe(true);
		expect(v.passed).toBe(true);
	});

	it('§三(一): exactly 3/4 approval by headcount passes (150 of 200), 149 does not', () => {
		expect(
			assessVote(tally({ participatingOwners: 200, agreeOwners: 150 }), YUEQING_2023).tests.approvalOwners
		).toBe(true);
		const v = assessVote(tally({ participatingOwners: 200, agreeOwners: 149 }), YUEQING_2023);
		expect(v.tests.approvalOwners).toBe(false);
		expect(v.approvalMet).toBe(false);
		expect(v.passed).toBe(false);
		// each new owner adds to both sides: (149 + k) / (200 + k) ≥ 3/4 ⇔ k ≥ 3·200 − 4·149 = 4
		expect(v.shortfall.owners).toBe(4);
	});

	it('§三(一): approval is of the participating area, not of the total', () => {
		const v = assessVote(tally({ participatingArea: 20000, agreeArea: 15000 }), YUEQING_2023);
		expect(v.tests.approvalArea).toBe(true); // 15000 / 20000 = 3/4 exactly
		expect(
			assessVote(tally({ participatingArea: 20000, agreeArea: 14999 }), YUEQING_2023).tests.approvalArea
		).toBe(false);
	});

	it('§三(一): passes only when all four hold', () => {
		const cases: Partial<VoteTally>[] = [
			{ participatingOwners: 150, agreeOwners: 150 },
			{ participatingArea: 10000, agreeArea: 10000 },
			{ agreeOwners: 200 },
			{ agreeArea: 20000 }
		];
		for (const c of cases) expect(assessVote(tally(c), YUEQING_2023).passed).toBe(false);
		expect(assessVote(tally({}), YUEQING_2023).passed).toBe(true);
	});

	it('§三(一): shortfall = max(0, ceil(2T/3) − P, 3P − 4A) owners; by area the same, not rounded', () => {
		const v = assessVote(
			{
				totalOwners: 100,
				totalArea: 100,
				participatingOwners: 60,
				participatingArea: 60,
				agreeOwners: 40,
				agreeArea: 40
			},
			YUEQING_2023
		);
		// owners: ceil(200/3) − 60 = 7; 3·60 − 4·40 = 20 → 20
		expect(v.shortfall.owners).toBe(20);
		// area: 200/3 − 60 = 6.67; 180 − 160 = 20 → 20
		expect(v.shortfall.area).toBe(20);
		const turnoutOnly = assessVote(
			{
				totalOwners: 100,
				totalArea: 100,
				participatingOwners: 60,
				participatingArea: 60,
				agreeOwners: 60,
				agreeArea: 60
			},
			YUEQING_2023
		);
		expect(turnoutOnly.shortfall.owners).toBe(7);
		expect(turnoutOnly.shortfall.area).toBeCloseTo(20 / 3, 12);
		expect(turnoutOnly.shortfallReachable).toBe(true);
		expect(assessVote(tally({}), YUEQING_2023).shortfall).toEqual({ owners: 0, area: 0 });
	});

	it('§三(一): the shortfall met by new owners makes the vote pass', () => {
		const t = {
			totalOwners: 97,
			totalArea: 8731.5,
			participatingOwners: 51,
			participatingArea: 4700.25,
			agreeOwners: 37,
			agreeArea: 3400
		};
		const v = assessVote(t, YUEQING_2023);
		expect(v.passed).toBe(false);
		const k = v.shortfall.owners;
		const a = v.shortfall.area;
		const after = assessVote(
			{
				...t,
				participatingOwners: t.participatingOwners + k,
				agreeOwners: t.agreeOwners + k,
				participatingArea: t.participatingArea + a + 1e-6,
				agreeArea: t.agreeArea + a + 1e-6
			},
			YUEQING_2023
		);
		expect(after.passed).toBe(true);
		const oneFewer = assessVote(
			{
				...t,
				participatingOwners: t.participatingOwners + k - 1,
				agreeOwners: t.agreeOwners + k - 1
			},
			YUEQING_2023
		);
		expect(oneFewer.tests.participationOwners && oneFewer.tests.approvalOwners).toBe(false);
	});

	it('§三(一): a shortfall larger than the owners left is flagged unreachable', () => {
		const v = assessVote(
			{
				totalOwners: 10,
				totalArea: 1000,
				participatingOwners: 10,
				participatingArea: 1000,
				agreeOwners: 2,
				agreeArea: 200
			},
			YUEQING_2023
		);
		expect(v.shortfall.owners).toBe(22);
		expect(v.shortfallReachable).toBe(false);
	});

	it('§三(一): 还差 — the fewest owners to win over mixes non-voters (for turnout) and dissenters changing', () => {
		const t = {
			totalOwners: 100,
			totalArea: 100,
			participatingOwners: 60,
			participatingArea: 60,
			agreeOwners: 40,
			agreeArea: 40
		};
		const v = assessVote(t, YUEQING_2023);
		// turnout: ceil(200/3) − 60 = 7 non-voters in favour; then ceil(3·67/4) − 40 − 7 = 4 dissenters change
		expect(v.winOver.nonVoters.owners).toBe(7);
		expect(v.winOver.dissenters.owners).toBe(4);
		expect(v.winOver.nonVoters.owners + v.winOver.dissenters.owners).toBeLessThan(v.shortfall.owners);
		// area: 200/3 − 60 non-voting ㎡, then 3/4·(200/3) − 40 − 20/3 = 3.33… ㎡ changing
		expect(v.winOver.nonVoters.area).toBeCloseTo(20 / 3, 12);
		expect(v.winOver.dissenters.area).toBeCloseTo(10 / 3, 12);
		const won = (k: number, j: number) =>
			assessVote(
				{
					...t,
					participatingOwners: t.participatingOwners + k,
					agreeOwners: t.agreeOwners + k + j
				},
				YUEQING_2023
			);
		expect(won(7, 4).tests.participationOwners && won(7, 4).tests.approvalOwners).toBe(true);
		expect(won(7, 3).tests.approvalOwners).toBe(false);
		expect(won(6, 5).tests.participationOwners).toBe(false);
	});

	it('§三(一): a vote that newcomers alone cannot save is still reachable by dissenters changing', () => {
		const v = assessVote(
			{
				totalOwners: 10,
				totalArea: 1000,
				participatingOwners: 10,
				participatingArea: 1000,
				agreeOwners: 2,
				agreeArea: 200
			},
			YUEQING_2023
		);
		expect(v.shortfallReachable).toBe(false);
		// everyone voted: 3/4 of 10 = 7.5 → 8 in favour, so 6 of the 8 who did not agree
		expect(v.winOver).toEqual({ nonVoters: { owners: 0, area: 0 }, dissenters: { owners: 6, area: 550 } });
		expect(assessVote(tally({}), YUEQING_2023).winOver).toEqual({
			nonVoters: { owners: 0, area: 0 },
			dissenters: { owners: 0, area: 0 }
		});
	});

	it('§三(三): the scheme vote uses the same thresholds and cites its own clause', () => {
		const v = assessVote(tally({ kind: 'scheme', participatingOwners: 200, agreeOwners: 150 }), YUEQING_2023);
		expect(v.passed).toBe(true);
		expect(new Set(v.reasons.map((r) => r.clause))).toEqual(new Set(['§三(三)']));
		expect(new Set(assessVote(tally({}), YUEQING_2023).reasons.map((r) => r.clause))).toEqual(
			new Set(['§三(一)'])
		);
	});

	it('rejects impossible tallies with PolicyInputError naming the field', () => {
		const bad: [Partial<VoteTally>, string][] = [
			[{ agreeOwners: 301, participatingOwners: 300 }, 'agreeOwners'],
			[{ participatingOwners: 301, agreeOwners: 1 }, 'participatingOwners'],
			[{ agreeArea: 27001 }, 'agreeArea'],
			[{ participatingArea: 27001 }, 'participatingArea'],
			[{ agreeOwners: -1 }, 'participatingOwners'],
			[{ totalArea: Number.POSITIVE_INFINITY }, 'totalArea'],
			[{ participatingArea: Number.NaN }, 'participatingArea'],
			[{ totalOwners: 10.5 }, 'totalOwners'],
			[{ totalOwners: 0, participatingOwners: 0, agreeOwners: 0 }, 'totalOwners']
		];
		for (const [t, field] of bad) {
			let error: unknown;
			try {
				assessVote(tally(t), YUEQING_2023);
			} catch (e) {
				error = e;
			}
			expect(error, JSON.stringify(t)).toBeInstanceOf(PolicyInputError);
			expect((error as PolicyInputError).field).toBe(field);
		}
	});
});
