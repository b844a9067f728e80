import { YUEQING_2023, type PolicyParams } from './params';
import { PolicyInputError } from './reason';

export interface BudgetCandidate {
	id: string;
	/** The day the community's resident funds were complete (ISO date), or null if they are not yet. */
	readyDate: string | null;
	/** Has professional property management (专业化物业管理), ranked first among equals — §三(一). */
	professionalManagement: boolean;
	/** Its fiscal subsidy (from `computeFunding`), yuan. */
	subsidy: number;
}

export interface BudgetScenario {
	/** Each plan year with its subsidy budget, yuan. Unspent budget does not carry over. */
	years: { year: number; budget: number }[];
	/** `strict`: fund in rank order and stop at the first that does not fit; `skip`: pass over it and go on. */
	fill?: 'strict' | 'skip';
}

export interface BudgetYear {
	year: number;
	budget: number;
	/** Total subsidy of the candidates in play this year (ready by the deadline and not yet funded). */
	demand: number;
	/** Ids funded this year, in rank order. */
	funded: string[];
	fundedAmount: number;
	/** Budget left unspent (it does not carry over). */
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

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function pad2(n: number): string {
	return String(n).padStart(2, '0');
}

/** The last day on which resident funds may complete for a community to enter plan year `year` — §三(四). */
export function readinessDeadline(year: number, params: PolicyParams = YUEQING_2023): string {
	const { month, day } = params.planDeadline;
	return `${year - 1}-${pad2(month)}-${pad2(day)}`;
}

/**
 * The first plan year a community whose resident funds completed on `readyDate` can enter: the plan for year Y
 * is fixed before the end of May of Y−1, so funds complete by 31 May go into next year's plan, later ones into the
 * year after — §三(四).
 */
export function firstPlanYear(readyDate: string, params: PolicyParams = YUEQING_2023): number {
	if (!ISO_DATE.test(readyDate)) {
		throw new PolicyInputError(
			'readyDate',
			`不是有效日期（应为 YYYY-MM-DD）/ not a valid date (${readyDate})`
		);
	}
	const year = Number(readyDate.slice(0, 4));
	return readyDate <= readinessDeadline(year + 1, params) ? year + 1 : year + 2;
}

/**
 * Candidates in priority order: resident funds complete earlier first (§五(三) 居民自筹资金率先达到100%的优先),
 * then professional property management first (§三(一)), then by id so the order is total. Not-ready ones last.
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
		if (c.readyDate !== null && !ISO_DATE.test(c.readyDate)) {
			throw new PolicyInputError(
				`candidates[${i}].readyDate`,
				`不是有效日期 / not a valid date (${c.readyDate})`
			);
		}
		return fenOf(c.subsidy, `candidates[${i}].subsidy`);
	});
}

/**
 * Subsidy demand against each year's budget. A candidate is in play in year Y only if its resident funds were
 * complete by 31 May of Y−1 (§三(四)); each year the waiting candidates are funded in rank order (§五(三), §三(一));
 * what is not funded waits for the next year, and unspent budget does not carry over. Money is summed in fen.
 */
export function projectBudget(
	candidates: readonly BudgetCandidate[],
	scenario: BudgetScenario,
	params: PolicyParams = YUEQING_2023
): BudgetProjection {
	const fill = scenario.fill ?? 'strict';
	const subsidyFen = validate(candidates);
	const order = candidates.map((_, i) => i).sort((a, b) => compareCandidates(candidates[a]!, candidates[b]!));
	const funded = new Uint8Array(candidates.length);
	const years = [...scenario.years].sort((a, b) => a.year - b.year);
	years.forEach((y, i) => {
		if (!Number.isInteger(y.year))
			throw new PolicyInputError(`years[${i}].year`, `年份应为整数 / year must be whole (${y.year})`);
		if (i > 0 && years[i - 1]!.year === y.year)
			throw new PolicyInputError(`years[${i}].year`, `年份重复 / duplicate year (${y.year})`);
	});

	let readyCount = 0; // length of the ranked prefix ready by the current deadline
	const result = years.map(({ year, budget }, yi) => {
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
		for (let r = 0; r < readyCount; r++) {
			const i = order[r]!;
			if (funded[i]) continue;
			const amount = subsidyFen[i]!;
			const id = candidates[i]!.id;
			demand += amount;
			if (stoppedAt === null && amount <= left) {
				left -= amount;
				funded[i] = 1;
				fundedIds.push(id);
			} else {
				if (fill === 'strict' && stoppedAt === null) stoppedAt = id;
				waiting.push(id);
			}
		}
		return {
			year,
			budget: budgetFen / 100,
			demand: demand / 100,
			funded: fundedIds,
			fundedAmount: (budgetFen - left) / 100,
			remaining: left / 100,
			waiting,
			readinessDeadline: deadline,
			stoppedAt,
			notReady: candidates.length - readyCount
		};
	});
	return { years: result };
}
