/**
 * The pipeline forecast: for a community whose residents' funds are not yet complete, when its application vote
 * passes, when its funds complete and when its scheme vote passes — from the dataset's own history (the
 * estimate is shown to the planner, who may change it). Deterministic with the median durations; a seeded draw
 * resamples the history's durations (scaled to the planner's medians) and lets each vote fail with the pass rate.
 *
 * Funds: a community raises its share at the history's pace — the median days from the application vote to funds
 * complete (`toFundsDays`) for the whole share — so what is still to raise takes that share of the time from the
 * data date: (1 − share raised) × toFundsDays, and never before the vote plus toFundsDays. A community at 90%
 * completes sooner than one at 19%; one whose vote has just passed takes the full time.
 */
import { dayToIso, isoToDay, stageIndex } from '../policy';
import type { Random } from '../util/random';
import type { Rates } from './scenario';

/** What the forecast needs of a community (from `community_view`, see queries.ts). */
export interface PipelineCommunity {
	id: string;
	name: string;
	townCode: string;
	stage: string;
	professional: boolean;
	/** ㎡; null when not known (the cap is then unknown: funding.ts). */
	buildingArea: number | null;
	garageArea: number;
	basic: number;
	improvement: number;
	upgrade: number;
	elevator: number;
	social: number;
	/** The subsidy at the policy's own numbers (the data build's status, from computeFunding), yuan. */
	subsidy: number;
	readyDate: string | null;
	startDate: string | null;
	applicationVote: 'passed' | 'short' | 'none';
	applicationVoteDate: string | null;
	schemeVote: 'passed' | 'short' | 'none';
	schemeVoteDate: string | null;
	/** The plan year it is already in (a fact of the data), or null. */
	planYear: number | null;
	/** The map's 可列入计划: through the town's review with funds complete by the next plan's deadline (status). */
	readyForPlan: boolean;
	/** Share of the required resident funds raised, 0–1. */
	raisedShare: number;
}

/** The history behind the default rates: every observed duration, in days. */
export interface History {
	toApplicationVote: number[];
	toFunds: number[];
	toSchemeVote: number[];
	votesPassed: number;
	votesHeld: number;
}

export interface Milestones {
	applicationPass: string | null;
	fundsComplete: string | null;
	schemePass: string | null;
	/**
	 * The day it counts as ready for a plan: funds complete and the town's review passed (§三(四)); recorded for
	 * the map's candidates, forecast for the others (a town review begun or still to come is put OVERDUE_DAYS ahead).
	 */
	planReady: string | null;
	/** True when planReady is a forecast, not the data's state. */
	forecast: boolean;
}

const DEFAULT_START_DELAY = 180;
/** A milestone already overdue is expected this many days after the as-of date. */
export const OVERDUE_DAYS = 30;
/** After this many failed votes a community is taken to drop out of the programme. */
const MAX_TRIES = 3;

// Dates are parsed and printed thousands of times per Monte Carlo draw: both are cached (a few thousand distinct days).
const DAYS = new Map<string, number>();
const ISOS = new Map<number, string>();
const day = (iso: string) => {
	let d = DAYS.get(iso);
	if (d === undefined) DAYS.set(iso, (d = isoToDay(iso, 'date')));
	return d;
};
const isoOf = (d: number) => {
	let iso = ISOS.get(d);
	if (iso === undefined) ISOS.set(d, (iso = dayToIso(d)));
	return iso;
};
/** The k-th smallest value of `a` (reorders it): Hoare's selection, linear on average. */
function select(a: Float64Array, k: number): number {
	let lo = 0;
	let hi = a.length - 1;
	while (lo < hi) {
		const pivot = a[(lo + hi) >> 1]!;
		let i = lo;
		let j = hi;
		while (i <= j) {
			while (a[i]! < pivot) i++;
			while (a[j]! > pivot) j--;
			if (i <= j) {
				const t = a[i]!;
				a[i++] = a[j]!;
				a[j--] = t;
			}
		}
		if (k <= j) hi = j;
		else if (k >= i) lo = i;
		else return a[k]!;
	}
	return a[k]!;
}
/** The median (the mean of the middle two for an even count); without sorting the 100k durations of a 300k run. */
const median = (xs: readonly number[]) => {
	if (xs.length === 0) return NaN;
	const s = new Float64Array(xs);
	const m = s.length >> 1;
	return s.length % 2 ? select(s, m) : (select(s, m - 1) + select(s, m)) / 2;
};

export function history(communities: readonly PipelineCommunity[]): History {
	const h: History = { toApplicationVote: [], toFunds: [], toSchemeVote: [], votesPassed: 0, votesHeld: 0 };
	for (const c of communities) {
		if (c.applicationVote !== 'none') {
			h.votesHeld++;
			if (c.applicationVote === 'passed') h.votesPassed++;
		}
		if (c.schemeVote !== 'none') {
			h.votesHeld++;
			if (c.schemeVote === 'passed') h.votesPassed++;
		}
		if (c.startDate && c.applicationVoteDate)
			h.toApplicationVote.push(day(c.applicationVoteDate) - day(c.startDate));
		if (c.applicationVote === 'passed' && c.applicationVoteDate) {
			if (c.readyDate) h.toFunds.push(day(c.readyDate) - day(c.applicationVoteDate));
			if (c.schemeVote === 'passed' && c.schemeVoteDate)
				h.toSchemeVote.push(day(c.schemeVoteDate) - day(c.applicationVoteDate));
		}
	}
	for (const k of ['toApplicationVote', 'toFunds', 'toSchemeVote'] as const)
		h[k] = h[k].filter((d) => d >= 0);
	return h;
}

/** The default rates: medians of the history (the start delay, which the data cannot show, is assumed). */
export function estimateRates(h: History): Rates {
	const m = (xs: number[], fallback: number) => (xs.length ? Math.round(median(xs)) : fallback);
	return {
		startDelayDays: DEFAULT_START_DELAY,
		toApplicationVoteDays: m(h.toApplicationVote, 60),
		toFundsDays: m(h.toFunds, 120),
		toSchemeVoteDays: m(h.toSchemeVote, 180),
		passRate: h.votesHeld ? Math.round((1000 * h.votesPassed) / h.votesHeld) / 1000 : 0.8
	};
}

/** Durations to use: the medians (`null` random), or a draw from the history scaled to the planner's medians. */
export function durations(rates: Rates, h: History, rng: Random | null) {
	// the history's medians, once, for draws only (a draw scales a resampled duration by the planner's median
	// over this one; the median forecast takes the planner's durations as they are)
	type Key = 'toApplicationVote' | 'toFunds' | 'toSchemeVote';
	let medians: Record<Key, number> | null = null;
	const draw = (key: Key, target: number) => {
		const xs = h[key];
		if (!rng || xs.length === 0) return target;
		medians ??= {
			toApplicationVote: median(h.toApplicationVote),
			toFunds: median(h.toFunds),
			toSchemeVote: median(h.toSchemeVote)
		};
		const m = medians[key];
		const x = xs[Math.floor(rng.next() * xs.length)]!;
		return m > 0 ? Math.round((x * target) / m) : target;
	};
	return {
		start: () => (rng ? Math.round(rates.startDelayDays * 2 * rng.next()) : rates.startDelayDays),
		toApplicationVote: () => draw('toApplicationVote', rates.toApplicationVoteDays),
		toFunds: () => draw('toFunds', rates.toFundsDays),
		toSchemeVote: () => draw('toSchemeVote', rates.toSchemeVoteDays),
		/** Deterministic: votes pass (the expected retries are added as time); a draw: each try may fail. */
		tries: () => {
			if (!rng) return 1;
			for (let i = 1; i <= MAX_TRIES; i++) if (rng.next() < rates.passRate) return i;
			return null;
		}
	};
}

const TOWN_REVIEW = stageIndex('town-review');
/** The day, or the as-of day plus OVERDUE_DAYS if that is later (a milestone already overdue). */
const notBefore = (x: number, now: number) => Math.max(x, now + OVERDUE_DAYS);
const isoOrNull = (x: number | null) => (x === null ? null : isoOf(x));

export function forecast(
	c: PipelineCommunity,
	asOf: string,
	rates: Rates,
	d: ReturnType<typeof durations>,
	deterministic: boolean
): Milestones {
	const now = day(asOf);
	let appPass: number | null = null;
	if (c.applicationVote === 'passed' && c.applicationVoteDate) appPass = day(c.applicationVoteDate);
	else {
		const base =
			c.applicationVote === 'short' && c.applicationVoteDate
				? day(c.applicationVoteDate)
				: c.startDate
					? day(c.startDate)
					: now + d.start();
		const tries = d.tries();
		if (tries !== null) {
			// a deterministic forecast adds the expected extra tries (1/p − 1) as time
			const extra = deterministic ? (1 / rates.passRate - 1) * rates.toApplicationVoteDays : 0;
			let t = notBefore(base + d.toApplicationVote() + extra, now);
			for (let i = 1; i < tries; i++) t += d.toApplicationVote();
			appPass = Math.round(t);
		}
	}
	// the share still to raise, at the history's pace, from the data date (and not before the vote's own time)
	let funds: number | null = null;
	if (c.readyDate) funds = day(c.readyDate);
	else if (appPass !== null) {
		const pace = d.toFunds();
		const share = Math.min(1, Math.max(0, c.raisedShare));
		funds = Math.max(appPass + pace, now + Math.max(1, Math.ceil((1 - share) * pace)));
	}
	const scheme =
		c.schemeVote === 'passed' && c.schemeVoteDate
			? day(c.schemeVoteDate)
			: appPass === null
				? null
				: notBefore(appPass + d.toSchemeVote(), now);
	// §三(四) 乡镇初审通过: the review passed shows as the next stage begun; a review begun, or still to come, is
	// expected OVERDUE_DAYS after the data date at the earliest
	const reviewed = c.readyDate !== null && stageIndex(c.stage) > TOWN_REVIEW;
	return {
		applicationPass: isoOrNull(appPass),
		fundsComplete: isoOrNull(funds),
		schemePass: isoOrNull(scheme),
		planReady: reviewed ? c.readyDate : isoOrNull(funds === null ? null : notBefore(funds, now)),
		forecast: !reviewed
	};
}

/** A community already in a plan: its recorded dates only, nothing forecast (its plan year is a fact). */
export function recorded(c: PipelineCommunity): Milestones {
	return {
		applicationPass: c.applicationVote === 'passed' ? c.applicationVoteDate : null,
		fundsComplete: c.readyDate,
		schemePass: c.schemeVote === 'passed' ? c.schemeVoteDate : null,
		planReady: c.readyDate,
		forecast: false
	};
}
