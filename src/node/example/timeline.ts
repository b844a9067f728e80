// An example project's history: stage events in workflow order with plausible gaps, the two votes, and the money
// as it arrived — generated in full, then cut at the as-of day, so the mix of stages comes out of the timing.
import {
	dayToIso,
	earliestPublicityEnd,
	firstPlanYear,
	isoToDay,
	type StageId,
	YUEQING_2023
} from '../../lib/policy';
import type { FundRow, StageEventRow, VoteRow } from '../../lib/schema/rows';
import type { Random } from '../../lib/util/random';

export interface Plan {
	/** Stage → ISO date, in workflow order, before the as-of cut. */
	stages: [StageId, string][];
	votes: VoteRow[];
	/** Resident deposits complete on this day (ready for the plan), if they complete at all. */
	readyDate: string | null;
	/** Where the project stalls, if it does. */
	stall: 'application-vote' | 'scheme-vote' | 'funds' | null;
}

export interface Tally {
	owners: number;
	area: number;
}

/** A vote tally: passing, failing or right on the threshold, always agree ≤ participating ≤ total. */
export function makeVote(
	rng: Random,
	kind: VoteRow['kind'],
	communityId: string,
	date: string,
	total: Tally,
	outcome: 'pass' | 'fail' | 'borderline'
): VoteRow {
	let pOwners: number;
	let aOwners: number;
	let pShare: number;
	let aShare: number;
	if (outcome === 'borderline') {
		// exactly 2/3 turnout and 3/4 approval by headcount: passes, as the exact rule says
		pOwners = Math.ceil((2 * total.owners) / 3);
		aOwners = Math.ceil((3 * pOwners) / 4);
		pShare = rng.uniform(0.68, 0.75);
		aShare = rng.uniform(0.77, 0.82);
	} else if (outcome === 'pass') {
		pShare = rng.uniform(0.7, 0.96);
		aShare = rng.uniform(0.78, 0.98);
		pOwners = Math.min(total.owners, Math.ceil(total.owners * pShare));
		aOwners = Math.min(pOwners, Math.ceil(pOwners * aShare));
	} else if (rng.chance(0.5)) {
		pShare = rng.uniform(0.45, 0.65);
		aShare = rng.uniform(0.7, 0.95);
		pOwners = Math.floor(total.owners * pShare);
		aOwners = Math.floor(pOwners * aShare);
	} else {
		pShare = rng.uniform(0.7, 0.9);
		aShare = rng.uniform(0.55, 0.73);
		pOwners = Math.ceil(total.owners * pShare);
		aOwners = Math.floor(pOwners * aShare);
	}
	const pArea = Math.min(total.area, Math.round(total.area * pShare * 100) / 100);
	const aArea = Math.min(pArea, Math.round(pArea * aShare * 100) / 100);
	return {
		community_id: communityId,
		kind,
		date,
		total_owners: total.owners,
		total_area: total.area,
		participating_owners: pOwners,
		participating_area: pArea,
		agree_owners: aOwners,
		agree_area: aArea
	};
}

function add(date: string, min: number, max: number, rng: Random): string {
	return dayToIso(isoToDay(date, 'date') + rng.int(min, max));
}

const later = (a: string, b: string) => (a > b ? a : b);

/** The whole planned path of one project starting on `start`, with where (if anywhere) it stalls. */
export function makePlan(
	rng: Random,
	communityId: string,
	start: string,
	total: Tally,
	smooth = false
): Plan {
	const stages: [StageId, string][] = [];
	const votes: VoteRow[] = [];
	const r = smooth ? 1 : rng.next();
	const stall: Plan['stall'] =
		r < 0.1 ? 'application-vote' : r < 0.14 ? 'scheme-vote' : r < 0.3 ? 'funds' : null;
	const borderline = rng.chance(0.04);

	stages.push(['opinions', start]);
	const voteStage = add(start, 20, 60, rng);
	stages.push(['application-vote', voteStage]);
	const voteDate = add(voteStage, 14, 40, rng);
	votes.push(
		makeVote(
			rng,
			'application',
			communityId,
			voteDate,
			total,
			stall === 'application-vote' ? 'fail' : borderline ? 'borderline' : 'pass'
		)
	);
	if (stall === 'application-vote') return { stages, votes, readyDate: null, stall };

	const application = add(voteDate, 3, 25, rng);
	stages.push(['application', application]);
	const design = add(application, 60, 240, rng);
	stages.push(['design', design]);
	const publicity = add(design, 45, 120, rng);
	stages.push(['publicity', publicity]);
	const schemeDate = add(earliestPublicityEnd(publicity, YUEQING_2023), 0, 3, rng);
	votes.push(
		makeVote(rng, 'scheme', communityId, schemeDate, total, stall === 'scheme-vote' ? 'fail' : 'pass')
	);
	if (stall === 'scheme-vote') return { stages, votes, readyDate: null, stall };

	const submission = add(schemeDate, 5, 30, rng);
	stages.push(['submission', submission]);
	if (stall === 'funds') return { stages, votes, readyDate: null, stall };

	const readyDate = later(add(submission, 0, 90, rng), add(application, 120, 400, rng));
	const townReview = add(readyDate, 3, 20, rng);
	stages.push(['town-review', townReview]);
	let planYear = firstPlanYear(townReview, YUEQING_2023) + (!smooth && rng.chance(0.2) ? 1 : 0); // some wait a year for budget
	const y = planYear - 1;
	const competitive = later(add(`${y}-04-10`, 0, 30, rng), add(townReview, 3, 10, rng));
	if (competitive > `${y}-05-25`) planYear++;
	const py = planYear - 1;
	const comp = competitive > `${y}-05-25` ? add(`${py}-04-10`, 0, 30, rng) : competitive;
	stages.push(['competitive-review', comp]);
	stages.push(['annual-plan', later(add(`${py}-05-20`, 0, 11, rng), add(comp, 2, 5, rng))]);
	const consultation = add(`${planYear}-01-08`, 0, 70, rng);
	stages.push(['consultation', consultation]);
	const approval = add(consultation, 15, 45, rng);
	stages.push(['project-approval', approval]);
	const tender = add(approval, 20, 45, rng);
	stages.push(['tender', tender]);
	const permit = add(tender, 10, 25, rng);
	stages.push(['permit', permit]);
	const construction = add(permit, 5, 20, rng);
	stages.push(['construction', construction]);
	const acceptance = add(construction, 120, 300, rng);
	stages.push(['acceptance', acceptance]);
	const handover = add(acceptance, 20, 60, rng);
	stages.push(['handover', handover]);
	stages.push(['post-evaluation', add(handover, 60, 180, rng)]);
	return { stages, votes, readyDate, stall };
}

/** Resident deposits from the application to the ready day, summing to `required` (in fen). */
export function residentDeposits(
	rng: Random,
	communityId: string,
	from: string,
	to: string,
	required: number,
	stalledShare: number | null
): FundRow[] {
	const n = rng.int(3, 8);
	const d0 = isoToDay(from, 'from');
	const d1 = Math.max(d0 + n, isoToDay(to, 'to'));
	const days = Array.from({ length: n }, (_, i) => (i === n - 1 ? d1 : rng.int(d0, d1 - 1))).sort(
		(a, b) => a - b
	);
	const weights = days.map(() => rng.uniform(0.5, 1.5));
	const wSum = weights.reduce((a, b) => a + b, 0);
	const targetFen = Math.round(required * (stalledShare ?? 1) * 100);
	let left = targetFen;
	return days
		.map((day, i) => {
			const fen = i === n - 1 ? left : Math.floor((targetFen * weights[i]!) / wSum);
			left -= fen;
			return {
				community_id: communityId,
				date: dayToIso(day),
				source: 'resident' as const,
				amount: fen / 100
			};
		})
		.filter((f) => f.amount > 0);
}

export function cut<T extends { date: string }>(rows: T[], asOf: string): T[] {
	return rows.filter((r) => r.date <= asOf);
}

export function stageRows(communityId: string, plan: Plan, asOf: string): StageEventRow[] {
	return plan.stages
		.filter(([, date]) => date <= asOf)
		.map(([stage, date]) => ({ community_id: communityId, stage, date }));
}
