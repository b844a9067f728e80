import { isoToDay } from './calendar';
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

function pad2(n: number): string {
	return String(n).padStart(2, '0');
}

/** The last day on which resident funds may complete for a community to enter plan year `year` — §三(四). */
export function readinessDeadline(year: number, params: PolicyParams): string {
	const { month, day } = params.planDeadline;
	return `${year - 1}-${pad2(month)}-${pad2(day)}`;
}

/**
 * The first plan year a community whose resident funds completed on `readyDate` can enter: the plan for year Y
 * is fixed before the end of May of Y−1, so funds complete by 31 May go into next year's plan, later ones into the
 * year after — §三(四).
 */
export function firstPlanYear(readyDate: string, params: PolicyParams): number {
	isoToDay(readyDate, 'readyDate'); // a real calendar date, or a PolicyInputError (2025-02-30 is none)
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
	return [...candidates].sort(compareCandidates);
}

function compareCandidates(a: BudgetCandidate, b: BudgetCandidate): number {
	if (a.readyDate !== b.readyDate) {
		if (a.readyDate === null) return 1;
		if (b.readyDate === null) return -1;
		return a.readyDate < b.readyDate ? -1 : 1;
	}
	if (a.professionalManagement !== b.professionalManagement) return a.professionalManagement ? -1 : 1;
	if (a.readyDate === null) {
		const share = (b.raisedShare ?? 0) - (a.raisedShare ?? 0);
		if (share !== 0) return share;
	}
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
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

function validate(candidates: readonly BudgetCandidate[]): number[] {
	const seen = new Set<string>();
	return candidates.map((c, i) => {
		if (typeof c.id !== 'string' || c.id === '')
			throw new PolicyInputError(`candidates[${i}].id`, '缺少编号 / id missing');
		if (seen.has(c.id))
			throw new PolicyInputError(`candidates[${i}].id`, `编号重复 / duplicate id (${c.id})`);
		seen.add(c.id);
		if (c.readyDate !== null) isoToDay(c.readyDate, `candidates[${i}].readyDate`);
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
		return fenOf(c.subsidy, `candidates[${i}].subsidy`);
	});
}

/**
 * Subsidy demand against each year's budget. A candidate is in play in year Y only if its resident funds were
 * complete by 31 May of Y−1 (§三(四)); each year the waiting candidates are funded in rank order (§五(三), §三(一));
 * what is not funded waits for the next year, and unspent budget does not carry over. A candidate already in a
 * year's plan (`planYear`) is funded in that year whatever its rank, before any other; a `decided` year funds no
 * other (its plan is a fact). A candidate planned in a year not projected is never in play. Money is summed in fen.
 */
export function projectBudget(
	candidates: readonly BudgetCandidate[],
	scenario: BudgetScenario,
	params: PolicyParams
): BudgetProjection {
	const fill = scenario.fill ?? 'strict';
	const subsidyFen = validate(candidates);
	const order = candidates.map((_, i) => i).sort((a, b) => compareCandidates(candidates[a]!, candidates[b]!));
	const years = [...scenario.years].sort((a, b) => a.year - b.year);
	years.forEach((y, i) => {
		if (!Number.isInteger(y.year))
			throw new PolicyInputError(`years[${i}].year`, `年份应为整数 / year must be whole (${y.year})`);
		if (i > 0 && years[i - 1]!.year === y.year)
			throw new PolicyInputError(`years[${i}].year`, `年份重复 / duplicate year (${y.year})`);
	});
	const projected = new Set(years.map((y) => y.year));
	// 1 funded; candidates planned in a year outside the projection are out of play from the start
	const funded = Uint8Array.from(candidates, (c) => {
		const py = c.planYear ?? null;
		return py !== null && !projected.has(py) ? 1 : 0;
	});
	let open = candidates.length - funded.reduce((a, b) => a + b, 0); // not funded before the current year

	let readyCount = 0; // length of the ranked prefix ready by the current deadline
	const result = years.map(({ year, budget, decided = false }, yi): BudgetYear => {
		const budgetFen = fenOf(budget, `years[${yi}].budget`);
		const deadline = readinessDeadline(year, params);
		while (readyCount < order.length) {
			const ready = candidates[order[readyCount]!]!.readyDate;
			if (ready === null || ready > deadline) break;
			readyCount++;
		}
		let left = budgetFen;
		let demand = 0;
		let stoppedAt: string | null = null;
		const fundedIds: string[] = [];
		const waiting: string[] = [];
		// the year's plan as decided: funded first, in rank order
		for (const i of order) {
			if (funded[i] || (candidates[i]!.planYear ?? null) !== year) continue;
			demand += subsidyFen[i]!;
			left -= subsidyFen[i]!;
			funded[i] = 1;
			fundedIds.push(candidates[i]!.id);
		}
		let inPlay = fundedIds.length;
		for (let r = 0; r < readyCount; r++) {
			const i = order[r]!;
			if (funded[i]) continue;
			inPlay++;
			const amount = subsidyFen[i]!;
			const id = candidates[i]!.id;
			demand += amount;
			if (!decided && stoppedAt === null && amount <= left) {
				left -= amount;
				funded[i] = 1;
				fundedIds.push(id);
			} else {
				if (!decided && fill === 'strict' && stoppedAt === null) stoppedAt = id;
				waiting.push(id);
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
	return { years: result };
}
