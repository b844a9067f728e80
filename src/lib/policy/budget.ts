import { isoToDay } from './calendar';
import { rankedOrder } from './budget-order';
import { type PolicyParams } from './params';
import { PolicyInputError } from './reason';

export interface BudgetCandidate {
	id: string;
	/** The day the community's resident funds were complete (ISO date), or null if they are not yet. */
	readyDate: string | null;
	/** Has professional property management (专业化物业管理), ranked first among equals — §三(一). */
	professionalManagement: boolean;
	/** Its fiscal subsidy (from `computeFunding`), yuan. */
	subsidy: number;
	/**
	 * Share of the required resident funds already raised, 0–1 (居民自筹资金到位比例); among candidates whose funds
	 * are not complete, a higher share ranks first, after professional property management — §三(一).
	 */
	raisedShare?: number;
	/** The plan year it is already in (列入年度计划, a fact of the data), or null/absent if in none. */
	planYear?: number | null;
}

export interface BudgetScenario {
	/**
	 * Each plan year with its subsidy budget, yuan. Unspent budget does not carry over. A `decided` year's plan is
	 * already fixed (§三(四): decided by the end of May of Y−1): it funds exactly the candidates whose `planYear`
	 * is that year, and no other enters it.
	 */
	years: { year: number; budget: number; decided?: boolean }[];
	/** `strict`: fund in rank order and stop at the first that does not fit; `skip`: pass over it and go on. */
	fill?: 'strict' | 'skip';
}

export interface BudgetYear {
	year: number;
	budget: number;
	/** The plan of this year was already decided (its funded list is a fact, not a projection). */
	decided: boolean;
	/** Total subsidy of the candidates in play this year (ready by the deadline and not yet funded). */
	demand: number;
	/** Ids funded this year, in rank order. */
	funded: string[];
	fundedAmount: number;
	/** Budget left unspent (it does not carry over); negative when a decided plan exceeds the budget given. */
	remaining: number;
	/** Ids in play but not funded, in rank order; they wait for the next year. */
	waiting: string[];
	/** Resident funds must be complete on or before this date to be in this year's plan — §三(四). */
	readinessDeadline: string;
	/** Under `strict`, the id at which funding stopped because it did not fit; else null. */
	stoppedAt: string | null;
	/** Candidates whose resident funds were not complete by the deadline (not in play this year). */
	notReady: number;
}

export interface BudgetProjection {
	years: BudgetYear[];
}

/** A `BudgetYear` naming its candidates by their place in the candidates' list instead of by id. */
export type IndexedBudgetYear = Omit<BudgetYear, 'funded' | 'waiting' | 'stoppedAt'> & {
	funded: number[];
	waiting: number[];
	stoppedAt: number | null;
};

function pad2(n: number): string {
	return String(n).padStart(2, '0');
}

/** The last day on which resident funds may complete for a community to enter plan year `year` — §三(四). */
export function readinessDeadline(year: number, params: PolicyParams): string {
	const { month, day } = params.planDeadline;
	return `${year - 1}-${pad2(month)}-${pad2(day)}`;
}

// Checked ISO dates as day numbers, kept: a Monte Carlo asks for the same few thousand days in every draw.
const DAY_OF = new Map<string, number>();
function dayOf(iso: string, field: string): number {
	let d = DAY_OF.get(iso);
	if (d === undefined) {
		d = isoToDay(iso, field); // a real calendar date, or a PolicyInputError (2025-02-30 is none)
		if (DAY_OF.size >= 100_000) DAY_OF.clear();
		DAY_OF.set(iso, d);
	}
	return d;
}

/**
 * The first plan year a community whose resident funds completed on `readyDate` can enter: the plan for year Y
 * is fixed before the end of May of Y−1, so funds complete by 31 May go into next year's plan, later ones into the
 * year after — §三(四).
 */
export function firstPlanYear(readyDate: string, params: PolicyParams): number {
	dayOf(readyDate, 'readyDate');
	const year = Number(readyDate.slice(0, 4));
	return readyDate <= readinessDeadline(year + 1, params) ? year + 1 : year + 2;
}

/**
 * Candidates in priority order: resident funds complete earlier first (§五(三) 居民自筹资金率先达到100%的优先),
 * then professional property management first (§三(一)), then by id so the order is total. Not-ready ones last,
 * in the order of the waiting list (待改造小区名单) of §三(一): professional property management first, then a
 * higher share of resident funds already raised (居民自筹资金到位比例较高的优先), then by id.
 */
export function rankCandidates<T extends BudgetCandidate>(candidates: readonly T[]): T[] {
	const days = new Float64Array(candidates.length);
	candidates.forEach((c, i) => {
		days[i] = c.readyDate === null ? Infinity : dayOf(c.readyDate, `candidates[${i}].readyDate`);
	});
	return rankedOrder(candidates, days).map((i) => candidates[i]!);
}

/** Yuan to whole fen; amounts are checked to be finite and not negative. */
function fenOf(yuan: number, field: string): number {
	if (typeof yuan !== 'number' || !Number.isFinite(yuan) || yuan < 0) {
		throw new PolicyInputError(
			field,
			`应为不小于 0 的金额 / must be a non-negative amount (${String(yuan)})`
		);
	}
	return Math.round(yuan * 100);
}

/** Checks the candidates once; their subsidies in fen, ready days (Infinity: not ready) and plan years (NaN: none). */
function validate(candidates: readonly BudgetCandidate[]) {
	const n = candidates.length;
	const subsidyFen = new Float64Array(n);
	const days = new Float64Array(n);
	const planYears = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const c = candidates[i]!;
		const ready = c.readyDate;
		days[i] = ready === null ? Infinity : (DAY_OF.get(ready) ?? dayOf(ready, `candidates[${i}].readyDate`));
		const share = c.raisedShare ?? 0;
		if (typeof share !== 'number' || !(share >= 0 && share <= 1))
			throw new PolicyInputError(
				`candidates[${i}].raisedShare`,
				`应在 0 到 1 之间 / must lie between 0 and 1 (${String(share)})`
			);
		const py = c.planYear ?? null;
		if (py !== null && !Number.isInteger(py))
			throw new PolicyInputError(
				`candidates[${i}].planYear`,
				`年份应为整数 / year must be whole (${String(py)})`
			);
		planYears[i] = py ?? NaN;
		const yuan = c.subsidy;
		subsidyFen[i] =
			typeof yuan === 'number' && yuan >= 0 && yuan < Infinity
				? Math.round(yuan * 100)
				: fenOf(yuan, `candidates[${i}].subsidy`);
	}
	return { subsidyFen, days, planYears };
}

/**
 * Subsidy demand against each year's budget. A candidate is in play in year Y only if its resident funds were
 * complete by 31 May of Y−1 (§三(四)); each year the waiting candidates are funded in rank order (§五(三), §三(一));
 * what is not funded waits for the next year, and unspent budget does not carry over. A candidate already in a
 * year's plan (`planYear`) is funded in that year whatever its rank, before any other; a `decided` year funds no
 * other (its plan is a fact). A candidate planned in a year not projected is never in play. Money is summed in fen;
 * dates are compared as day numbers, ranked once.
 */
export function projectBudget(
	candidates: readonly BudgetCandidate[],
	scenario: BudgetScenario,
	params: PolicyParams
): BudgetProjection {
	const ids = (xs: readonly number[]) => xs.map((i) => candidates[i]!.id);
	return {
		years: projectBudgetIndexed(candidates, scenario, params).map((y) => ({
			...y,
			funded: ids(y.funded),
			waiting: ids(y.waiting),
			stoppedAt: y.stoppedAt === null ? null : candidates[y.stoppedAt]!.id
		}))
	};
}

/**
 * `projectBudget`, each year's funded and waiting candidates (and where a strict year stopped) given by their index
 * in `candidates` — what a caller holding them by index reads without a map from id back to index.
 */
export function projectBudgetIndexed(
	candidates: readonly BudgetCandidate[],
	scenario: BudgetScenario,
	params: PolicyParams
): IndexedBudgetYear[] {
	const fill = scenario.fill ?? 'strict';
	const { subsidyFen, days, planYears } = validate(candidates);
	const order = rankedOrder(candidates, days);
	const years = [...scenario.years].sort((a, b) => a.year - b.year);
	years.forEach((y, i) => {
		if (!Number.isInteger(y.year))
			throw new PolicyInputError(`years[${i}].year`, `年份应为整数 / year must be whole (${y.year})`);
		if (i > 0 && years[i - 1]!.year === y.year)
			throw new PolicyInputError(`years[${i}].year`, `年份重复 / duplicate year (${y.year})`);
	});
	// each projected year's plan as decided, in rank order; candidates planned in a year outside the projection
	// are out of play from the start (1 funded)
	const plannedIn = new Map<number, number[]>(years.map((y) => [y.year, []]));
	const funded = new Uint8Array(candidates.length);
	let open = candidates.length; // not funded before the current year
	for (const i of order) {
		const py = planYears[i]!;
		if (Number.isNaN(py)) continue;
		const list = plannedIn.get(py);
		if (list) list.push(i);
		else {
			funded[i] = 1;
			open--;
		}
	}

	let readyCount = 0; // length of the ranked prefix ready by the current deadline
	return years.map(({ year, budget, decided = false }, yi): IndexedBudgetYear => {
		const budgetFen = fenOf(budget, `years[${yi}].budget`);
		const deadline = readinessDeadline(year, params);
		const deadlineDay = dayOf(deadline, `years[${yi}].readinessDeadline`);
		while (readyCount < order.length && days[order[readyCount]!]! <= deadlineDay) readyCount++;
		let left = budgetFen;
		let demand = 0;
		let stoppedAt: number | null = null;
		const fundedIds: number[] = [];
		const waiting: number[] = [];
		// the year's plan as decided: funded first, in rank order
		for (const i of plannedIn.get(year)!) {
			if (funded[i]) continue;
			demand += subsidyFen[i]!;
			left -= subsidyFen[i]!;
			funded[i] = 1;
			fundedIds.push(i);
		}
		let inPlay = fundedIds.length;
		for (let r = 0; r < readyCount; r++) {
			const i = order[r]!;
			if (funded[i]) continue;
			inPlay++;
			const amount = subsidyFen[i]!;
			demand += amount;
			if (!decided && stoppedAt === null && amount <= left) {
				left -= amount;
				funded[i] = 1;
				fundedIds.push(i);
			} else {
				if (!decided && fill === 'strict' && stoppedAt === null) stoppedAt = i;
				waiting.push(i);
			}
		}
		const notReady = open - inPlay;
		open -= fundedIds.length;
		return {
			year,
			budget: budgetFen / 100,
			decided,
			demand: demand / 100,
			funded: fundedIds,
			fundedAmount: (budgetFen - left) / 100,
			remaining: left / 100,
			waiting,
			readinessDeadline: deadline,
			stoppedAt,
			notReady
		};
	});
}
