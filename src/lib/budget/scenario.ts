/**
 * A planner's scenario: the budget per plan year and the assumptions that may differ from the policy's text.
 * Scenarios are documents: saved in the browser, exported as JSON, shared in a URL — all with `version`, and
 * read back through `readScenario`, which migrates old versions and names every problem (zh / en).
 */
import { YUEQING_2023, type PolicyParams } from '../policy';
import { checkOverrides, overridesOnly, withOverrides, type PolicyOverrides } from '../policy/param-table';

/** v3: the policy numbers became `policy`, overrides by field path of the parameter table (param-table.ts). */
export const SCENARIO_VERSION = 3;
/**
 * The plan years of the policy's life — §六: in force from 2024-01-05 to 2029-01-04, so the plans of 2024 to 2028.
 */
export function planYears(params: PolicyParams): number[] {
	const from = Number(params.effectiveFrom.slice(0, 4));
	const to = Number(params.effectiveTo.slice(0, 4)) - 1;
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
export const PLAN_YEARS: readonly number[] = planYears(YUEQING_2023);
export const FIRST_PLAN_YEAR = PLAN_YEARS[0]!;
export const LAST_PLAN_YEAR = PLAN_YEARS.at(-1)!;

export type Fill = 'strict' | 'skip';
export type Pipeline =
	{ kind: 'eligible' } | { kind: 'filter'; search: string } | { kind: 'ids'; ids: string[] };

/** Days between milestones and the chance a vote passes: the pipeline forecast's rates (see forecast.ts). */
export interface Rates {
	/** Not started → first opinions (an assumption: the data has no start rate). */
	startDelayDays: number;
	/** First opinions (or a failed vote) → the application vote. */
	toApplicationVoteDays: number;
	/** Application vote passed → residents' funds complete. */
	toFundsDays: number;
	/** Application vote passed → scheme vote. */
	toSchemeVoteDays: number;
	/** The chance that a vote passes, 0–1. */
	passRate: number;
}

export interface Scenario {
	version: typeof SCENARIO_VERSION;
	name: string;
	/** Subsidy budget per plan year, yuan. */
	budgets: Record<number, number>;
	/**
	 * The policy's fields this scenario changes, by path (param-table.ts: cutoff date, thresholds, shares, cap, …);
	 * only what differs from the policy in force is kept, so JSON and URLs carry only the changes.
	 */
	policy: Record<string, string | number>;
	/** Share of investment assumed to come from social capital where the data records less, 0–1. */
	socialShare: number;
	/** Works cost growth per year after the as-of year, e.g. 0.03. */
	costGrowth: number;
	fill: Fill;
	pipeline: Pipeline;
	rates: Rates;
	uncertainty: boolean;
	draws: number;
	seed: number;
}

export interface ScenarioProblem {
	field: string;
	zh: string;
	en: string;
}

/** The scenario's policy: `base` (the policy in force on the data date) with the scenario's overrides. */
export function paramsOf(s: Pick<Scenario, 'policy'>, base: PolicyParams): PolicyParams {
	return withOverrides(base, s.policy as PolicyOverrides);
}

/** A scenario at the policy's own numbers; `budget` is one amount for every year or an amount per year. */
export function defaultScenario(
	name: string,
	budget: number | Record<number, number>,
	rates: Rates
): Scenario {
	return {
		version: SCENARIO_VERSION,
		name,
		budgets: Object.fromEntries(
			PLAN_YEARS.map((y) => [y, typeof budget === 'number' ? budget : (budget[y] ?? 0)])
		) as Scenario['budgets'],
		policy: {},
		socialShare: 0,
		costGrowth: 0,
		fill: 'strict',
		pipeline: { kind: 'eligible' },
		rates: { ...rates },
		uncertainty: false,
		draws: 1000,
		seed: 20240105
	};
}

/**
 * `name`, or — when another scenario has it already — the first free `name (2)`, `name (3)`…: two scenarios never
 * share a name (a printed comparison must tell them apart).
 */
export function uniqueName(name: string, taken: Iterable<string>): string {
	const used = new Set(taken);
	const base = name.trim() || '情景';
	if (!used.has(base)) return base;
	const stem = base.replace(/ \(\d+\)$/, '');
	for (let i = 2; ; i++) if (!used.has(`${stem} (${i})`)) return `${stem} (${i})`;
}

/** Every problem of a scenario, or none. */
export function checkScenario(s: Scenario): ScenarioProblem[] {
	const out: ScenarioProblem[] = [];
	const need = (ok: boolean, field: string, zh: string, en: string) => {
		if (!ok) out.push({ field, zh, en });
	};
	const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
	need(
		typeof s.name === 'string' && s.name.trim() !== '',
		'name',
		'情景名称不能为空',
		'the scenario needs a name'
	);
	for (const y of PLAN_YEARS)
		need(
			num(s.budgets?.[y]) && s.budgets[y]! >= 0,
			`budgets.${y}`,
			`${y}年预算应为不小于 0 的金额`,
			`the ${y} budget must be an amount of 0 or more`
		);
	out.push(...checkOverrides(s.policy, YUEQING_2023));
	need(
		num(s.socialShare) && s.socialShare >= 0 && s.socialShare <= 1,
		'socialShare',
		'社会资金比例应在 0% 到 100% 之间',
		'the social capital share must lie between 0% and 100%'
	);
	need(
		num(s.costGrowth) && s.costGrowth > -0.5 && s.costGrowth <= 1,
		'costGrowth',
		'年成本增长率应在 -50% 到 100% 之间',
		'cost growth must lie between -50% and 100% a year'
	);
	need(
		s.fill === 'strict' || s.fill === 'skip',
		'fill',
		'填充规则应为 strict 或 skip',
		'the fill rule is strict or skip'
	);
	const r = s.rates;
	for (const k of ['startDelayDays', 'toApplicationVoteDays', 'toFundsDays', 'toSchemeVoteDays'] as const)
		need(
			num(r?.[k]) && r[k] >= 0 && r[k] <= 3650,
			`rates.${k}`,
			'天数应在 0 到 3650 之间',
			'days must lie between 0 and 3650'
		);
	need(
		num(r?.passRate) && r.passRate > 0 && r.passRate <= 1,
		'rates.passRate',
		'表决通过率应在 0% 以上、100% 以内',
		'the pass rate must be above 0% and at most 100%'
	);
	need(
		Number.isInteger(s.draws) && s.draws >= 10 && s.draws <= 10_000,
		'draws',
		'抽样次数应为 10 到 10000 的整数',
		'draws must be a whole number from 10 to 10,000'
	);
	need(Number.isInteger(s.seed), 'seed', '随机种子应为整数', 'the seed must be a whole number');
	const p = s.pipeline;
	need(
		p?.kind === 'eligible' ||
			(p?.kind === 'filter' && typeof p.search === 'string') ||
			(p?.kind === 'ids' && Array.isArray(p.ids) && p.ids.every((x) => typeof x === 'string')),
		'pipeline',
		'候选范围无效',
		'the pipeline is not valid'
	);
	return out;
}

/**
 * A scenario from stored or imported JSON: migrated from older versions (v1 had one budget for every year and
 * no rates; v1 and v2 had the cap and resident shares as fields of their own), checked — unknown or out-of-bounds
 * policy fields are refused naming the field. Returns the scenario or the problems — never a half-read one.
 */
export function readScenario(
	raw: unknown,
	rates: Rates
): { scenario: Scenario; problems: [] } | { scenario: null; problems: ScenarioProblem[] } {
	const bad = (zh: string, en: string) => ({ scenario: null, problems: [{ field: 'version', zh, en }] });
	if (!raw || typeof raw !== 'object') return bad('不是情景文件', 'not a scenario file');
	const o = raw as Record<string, unknown>;
	if (o.version !== 1 && o.version !== 2 && o.version !== SCENARIO_VERSION)
		return bad(
			`不支持的情景版本（${String(o.version)}），本程序读取第 1–${SCENARIO_VERSION} 版`,
			`unsupported scenario version (${String(o.version)}); this app reads versions 1–${SCENARIO_VERSION}`
		);
	const { subsidyCapPerM2, residentShare, annualBudget, ...rest } = o;
	let s: Record<string, unknown> = { ...rest, version: SCENARIO_VERSION };
	if (o.version !== SCENARIO_VERSION) s.policy = policyOfV2(subsidyCapPerM2, residentShare);
	if (o.version === 1) {
		// v1 → v2: a single annual budget became one per year; the forecast's rates were added
		const budget = Number(annualBudget);
		s = {
			...defaultScenario(String(o.name ?? ''), budget, rates),
			...s,
			budgets: Object.fromEntries(PLAN_YEARS.map((y) => [y, budget]))
		};
	}
	const scenario = { ...defaultScenario('', 0, rates), ...s } as Scenario;
	const problems = checkScenario(scenario);
	return problems.length ? { scenario: null, problems } : { scenario, problems: [] };
}

/**
 * v1 / v2 → v3: the cap and the resident shares were fields of their own; they become overrides (those equal to
 * the policy's are no override). A value that is not a number is kept, so the checks name it.
 */
function policyOfV2(cap: unknown, shares: unknown): Record<string, unknown> {
	const policy: Record<string, unknown> = {};
	if (cap !== undefined) policy.subsidyCapPerM2 = cap;
	if (shares && typeof shares === 'object')
		for (const tier of ['basic', 'improvement', 'upgrade'] as const) {
			const v = (shares as Record<string, unknown>)[tier];
			if (v !== undefined) policy[`residentShare.${tier}`] = v;
		}
	const valid = Object.values(policy).every((v) => typeof v === 'number');
	return valid ? overridesOnly(YUEQING_2023, policy as PolicyOverrides) : policy;
}
