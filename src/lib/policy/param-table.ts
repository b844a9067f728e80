/**
 * The fields of `PolicyParams` a planner's scenario may change, as one table: path, kind, unit, bounds, step, zh/en
 * label and the § it comes from. The scenario editor's inputs, the checks of a scenario (a value out of bounds is
 * refused naming the field) and a scenario's JSON / URL form (only overrides, by path) are all read from it.
 *
 * Not in the table (a scenario cannot change them): the document's id, name and period (§六), and the lists of
 * central streets, out-of-scope town kinds and excluded housing types (§二(一)) — they name places and kinds, not
 * amounts. §三(一)'s thresholds are one fraction each for area and headcount alike (as the policy writes them:
 * 双三分之二 / 双四分之三), so the table has one turnout and one approval row.
 *
 * Values in an override are: `date` an ISO date (a real one: 2005-02-30 is refused); `month-day` `MM-DD`;
 * `percent` a fraction 0–1 (fractions of §三 are kept exact as num / 10000); `number` and `money` plain numbers
 * (money in yuan).
 */
import { isoToDay } from './calendar';
import type { PolicyParams } from './params';

export type ParamKind = 'date' | 'month-day' | 'number' | 'percent' | 'money';
export type ParamValue = string | number;
/** A scenario's changes to the policy, by `ParamRow.path`; a field not named keeps the policy's value. */
export type PolicyOverrides = Readonly<Record<string, ParamValue>>;

export interface ParamRow {
	/** Field path in PolicyParams, e.g. `residentShare.basic`. */
	path: string;
	kind: ParamKind;
	/** Unit of the value as typed (zh / en); money is typed in `scale` yuan. */
	unit: { zh: string; en: string };
	/** For money: yuan per typed unit (10,000 for 万元). 1 otherwise. */
	scale: number;
	/** Inclusive bounds, in the stored unit (ISO / MM-DD strings for dates, fractions for percent, yuan). */
	min: ParamValue;
	max: ParamValue;
	/** Step of the input, in the typed unit. */
	step: number;
	label: { zh: string; en: string };
	section: string;
}

const row = (r: Omit<ParamRow, 'scale'> & { scale?: number }): ParamRow => ({ scale: 1, ...r });
const PCT = { zh: '%', en: '%' };

export const PARAM_TABLE: readonly ParamRow[] = Object.freeze([
	row({
		path: 'builtBeforeCutoff',
		kind: 'date',
		unit: { zh: '日期', en: 'date' },
		min: '1949-10-01',
		max: '2023-12-31',
		step: 1,
		label: { zh: '建成日期不晚于', en: 'Completed on or before' },
		section: '§二(一)'
	}),
	row({
		path: 'expropriationHorizonYears',
		kind: 'number',
		unit: { zh: '年', en: 'years' },
		min: 0,
		max: 30,
		step: 1,
		label: { zh: '几年内计划征收的不纳入', en: 'Out if expropriation is planned within' },
		section: '§二(一)'
	}),
	row({
		path: 'participationThreshold',
		kind: 'percent',
		unit: PCT,
		min: 0.5,
		max: 1,
		step: 0.01,
		label: { zh: '表决参与率（面积、人数）', en: 'Vote turnout (area and headcount)' },
		section: '§三(一)'
	}),
	row({
		path: 'approvalThreshold',
		kind: 'percent',
		unit: PCT,
		min: 0.5,
		max: 1,
		step: 0.01,
		label: { zh: '表决同意率（面积、人数）', en: 'Vote approval (area and headcount)' },
		section: '§三(一)'
	}),
	row({
		path: 'publicityMinWorkingDays',
		kind: 'number',
		unit: { zh: '工作日', en: 'working days' },
		min: 1,
		max: 60,
		step: 1,
		label: { zh: '方案公示不少于', en: 'Scheme publicised at least' },
		section: '§三(三)'
	}),
	row({
		path: 'planDeadline',
		kind: 'month-day',
		unit: { zh: '月-日', en: 'MM-DD' },
		min: '01-01',
		max: '12-31',
		step: 1,
		label: { zh: '次年计划资金到位截止', en: "Next year's plan: funds complete by" },
		section: '§三(四)'
	}),
	row({
		path: 'mergeAllApprovalsUpTo',
		kind: 'money',
		unit: { zh: '万元', en: '10k yuan' },
		scale: 10_000,
		min: 0,
		max: 1_000_000_000,
		step: 100,
		label: { zh: '三项审批合并：总投资不超过', en: 'All three approvals merged up to' },
		section: '§四(四)'
	}),
	row({
		path: 'mergeProposalFeasibilityUpTo',
		kind: 'money',
		unit: { zh: '万元', en: '10k yuan' },
		scale: 10_000,
		min: 0,
		max: 1_000_000_000,
		step: 100,
		label: { zh: '建议书与可研合并：总投资不超过', en: 'Proposal and feasibility merged up to' },
		section: '§四(四)'
	}),
	row({
		path: 'residentShare.basic',
		kind: 'percent',
		unit: PCT,
		min: 0,
		max: 1,
		step: 0.05,
		label: { zh: '居民出资：基础类', en: 'Residents pay: basic' },
		section: '§五(二)1'
	}),
	row({
		path: 'residentShare.improvement',
		kind: 'percent',
		unit: PCT,
		min: 0,
		max: 1,
		step: 0.05,
		label: { zh: '居民出资：完善类', en: 'Residents pay: improvement' },
		section: '§五(二)1'
	}),
	row({
		path: 'residentShare.upgrade',
		kind: 'percent',
		unit: PCT,
		min: 0,
		max: 1,
		step: 0.05,
		label: { zh: '居民出资：提升类', en: 'Residents pay: upgrade' },
		section: '§五(二)1'
	}),
	row({
		path: 'subsidyCapPerM2',
		kind: 'money',
		unit: { zh: '元/㎡', en: 'yuan/㎡' },
		min: 0,
		max: 5_000,
		step: 10,
		label: { zh: '补助上限', en: 'Subsidy cap' },
		section: '§五(二)1'
	})
]);

const BY_PATH = new Map(PARAM_TABLE.map((r) => [r.path, r]));

export function paramRow(path: string): ParamRow | undefined {
	return BY_PATH.get(path);
}

export interface ParamProblem {
	field: string;
	zh: string;
	en: string;
}

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/** A valid MM-DD (in a leap year, so 02-29 is one), else null. */
function monthDay(v: string): { month: number; day: number } | null {
	const m = MONTH_DAY.exec(v);
	if (!m) return null;
	try {
		isoToDay(`2024-${v}`, 'planDeadline');
	} catch {
		return null;
	}
	return { month: Number(m[1]), day: Number(m[2]) };
}

function realDate(v: string): boolean {
	try {
		isoToDay(v, 'date');
		return true;
	} catch {
		return false;
	}
}

/** The value of `path` in `params`, in the table's stored unit. */
export function paramValue(params: PolicyParams, path: string): ParamValue {
	const r = BY_PATH.get(path);
	if (!r) throw new Error(`unknown policy field ${path}`);
	const v = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], params);
	if (r.kind === 'month-day') {
		const { month, day } = v as PolicyParams['planDeadline'];
		return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	}
	if (r.kind === 'percent' && typeof v === 'object') {
		const f = v as { num: number; den: number };
		return f.num / f.den;
	}
	return v as ParamValue;
}

/** Why one override cannot be taken, or null: an unknown field, a wrong type, an unreal date, out of bounds. */
export function checkParam(path: string, value: unknown): ParamProblem | null {
	const r = BY_PATH.get(path);
	const field = `policy.${path}`;
	if (!r)
		return {
			field,
			zh: `未知的政策参数“${path}”（可调整的参数见政策参数表）`,
			en: `unknown policy parameter "${path}" (see the table of parameters a scenario may change)`
		};
	const label = r.label;
	const shown = (v: ParamValue) =>
		r.kind === 'percent'
			? `${Math.round(Number(v) * 10000) / 100}%`
			: r.kind === 'money'
				? `${Number(v) / r.scale}${r.unit.zh}`
				: String(v);
	const bounds = `${shown(r.min)} – ${shown(r.max)}`;
	const got = typeof value === 'number' && Number.isFinite(value) ? shown(value) : String(value);
	const out = {
		field,
		zh: `${label.zh}（${r.section}）应在 ${bounds} 之间，现为 ${got}`,
		en: `${label.en} (${r.section}) must lie within ${bounds}; got ${got}`
	};
	if (r.kind === 'date') {
		if (typeof value !== 'string' || !realDate(value))
			return {
				field,
				zh: `${label.zh}（${r.section}）不是有效日期（YYYY-MM-DD）：${String(value)}`,
				en: `${label.en} (${r.section}) is not a real date (YYYY-MM-DD): ${String(value)}`
			};
		return value < String(r.min) || value > String(r.max) ? out : null;
	}
	if (r.kind === 'month-day') {
		if (typeof value !== 'string' || !monthDay(value))
			return {
				field,
				zh: `${label.zh}（${r.section}）应为有效的月-日（MM-DD）：${String(value)}`,
				en: `${label.en} (${r.section}) must be a real month and day (MM-DD): ${String(value)}`
			};
		return null;
	}
	if (typeof value !== 'number' || !Number.isFinite(value)) return out;
	if (r.kind === 'number' && !Number.isInteger(value))
		return {
			field,
			zh: `${label.zh}（${r.section}）应为整数：${value}`,
			en: `${label.en} (${r.section}) must be a whole number: ${value}`
		};
	return value < Number(r.min) || value > Number(r.max) ? out : null;
}

/** Every problem of a set of overrides, including the rules between fields (§四(四): the 1000万 limit ≤ the 2000万 one). */
export function checkOverrides(overrides: unknown, base: PolicyParams): ParamProblem[] {
	if (overrides === undefined) return [];
	if (!overrides || typeof overrides !== 'object' || Array.isArray(overrides))
		return [
			{
				field: 'policy',
				zh: '政策参数应为“字段: 值”的对象',
				en: 'policy overrides must be an object of field: value'
			}
		];
	const out = Object.entries(overrides).flatMap(([k, v]) => checkParam(k, v) ?? []);
	if (out.length) return out;
	const p = withOverrides(base, overrides as PolicyOverrides);
	if (p.mergeAllApprovalsUpTo > p.mergeProposalFeasibilityUpTo)
		out.push({
			field: 'policy.mergeAllApprovalsUpTo',
			zh: '三项审批合并的限额（§四(四)）不能高于建议书与可研合并的限额',
			en: 'the limit for merging all three approvals (§四(四)) cannot exceed the proposal + feasibility limit'
		});
	return out;
}

/** `base` with the overrides applied (checked ones: see checkOverrides). */
export function withOverrides(base: PolicyParams, overrides: PolicyOverrides): PolicyParams {
	const p: PolicyParams = {
		...base,
		residentShare: { ...base.residentShare },
		planDeadline: { ...base.planDeadline }
	};
	const target = p as unknown as Record<string, unknown>;
	for (const [path, value] of Object.entries(overrides)) {
		const r = BY_PATH.get(path)!;
		if (r.kind === 'month-day') p.planDeadline = monthDay(String(value))!;
		else if (path === 'participationThreshold' || path === 'approvalThreshold')
			target[path] = { num: Math.round(Number(value) * 10_000), den: 10_000 };
		else if (path.startsWith('residentShare.'))
			(p.residentShare as Record<string, number>)[path.slice('residentShare.'.length)] = Number(value);
		else target[path] = value;
	}
	return p;
}

/** The overrides that differ from `base` (a value equal to the policy's is no override). */
export function overridesOnly(base: PolicyParams, overrides: PolicyOverrides): Record<string, ParamValue> {
	return Object.fromEntries(Object.entries(overrides).filter(([k, v]) => paramValue(base, k) !== v));
}
