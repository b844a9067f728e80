/**
 * The one module for the classes the app colours, counts, filters and exports by: for each colouring its codes
 * (in the order map.arrow numbers them), its legend classes with zh/en labels, and the status column it reads; the
 * values and labels of every filter, with the works tiers' bits. The classes are the policy engine's verdicts
 * (status.ts computes them); only their names and order are here, and only their colours in `map/colours.ts`.
 *
 * Adding a colouring: one entry in SCALES here (COLOUR_SCALES is built from it) (and its column in status/map.arrow), then its colours in
 * `src/lib/map/colours.ts` — the legend, the map's points, the colouring switch and the URL follow.
 */
import { WORKS_TIERS } from '../policy';
import type { MapColumns } from './derived';
import { HOUSING_TYPES, PROPERTY_MANAGEMENT } from '../schema/schema';
import { STAGE_CLASSES, STAGE_CODES, STAGE_VALUES, type ClassDef, type CodeLabel } from './stage-classes';

export * from './stage-classes';

/**
 * `unknown` (资料不全): a fact §二(一) needs is missing (the engine's `unknown`, with the facts it lacks); last, so
 * the codes map.arrow numbers before it keep their numbers.
 */
export const ELIGIBILITY_CLASSES = [
	'eligible-priority',
	'eligible',
	'conditional',
	'ineligible',
	'unknown'
] as const;
export type EligibilityClass = (typeof ELIGIBILITY_CLASSES)[number];

export const VOTE_CLASSES = ['passed', 'short', 'none'] as const;
export type VoteClass = (typeof VOTE_CLASSES)[number];

/**
 * The programme sets (status.programme, verdict.ts `Programme`): every community is in exactly one, so figures
 * over them never overlap. In map.arrow's order.
 */
export const PROGRAMME_VALUES = [
	{ code: 'to-arrange', zh: '待安排（未列入计划）', en: 'not yet in a plan' },
	{ code: 'planned', zh: '已列入计划、未验收', en: 'in a plan, not yet accepted' },
	{ code: 'completed', zh: '已完成改造（本方案）', en: 'renovated under the scheme' },
	{ code: 'earlier', zh: '早期项目（本方案施行前开工）', en: 'earlier project (begun before the scheme)' },
	{ code: 'out-of-scope', zh: '不在本次改造范围', en: 'outside the programme' }
] as const satisfies readonly CodeLabel[];
export type ProgrammeCode = (typeof PROGRAMME_VALUES)[number]['code'];
export const PROGRAMME_CODES: readonly ProgrammeCode[] = PROGRAMME_VALUES.map((v) => v.code);

/**
 * How long ago a community's data was last updated (verdict/freshness.ts): within 7, 30, 90 days, earlier, or no
 * dated record at all. In map.arrow's order.
 */
export const FRESHNESS_CODES = ['week', 'month', 'quarter', 'older', 'none'] as const;
export type FreshnessCode = (typeof FRESHNESS_CODES)[number];

/** The upper bounds (days, inclusive) of `week`, `month` and `quarter`. */
export const FRESHNESS_BOUNDS = { week: 7, month: 30, quarter: 90 } as const;

/** Share of the required resident funds raised, in bands; 100% is its own class. */
export const FUNDING_BANDS = ['none', 'lt25', 'lt50', 'lt75', 'lt100', 'full'] as const;
export type FundingBand = (typeof FUNDING_BANDS)[number];

/** A class holding one code: its key is the code. */
const one = (code: string, zh: string, en: string): ClassDef => ({ key: code, codes: [code], zh, en });

/** The map columns a colouring can read (class codes as numbers, see `codes`). */
type CodeColumn = 'eligibility' | 'applicationVote' | 'schemeVote' | 'fundingBand' | 'stage' | 'freshness';

export interface ColourScale {
	colouring: string;
	zh: string;
	en: string;
	/**
	 * The column of `status` (and `community_view`) holding the codes; null for a colouring computed in the page
	 * alone (freshness: it reads the office server's town changes, which no table of the data holds).
	 */
	column: string | null;
	/** The map.arrow column holding the codes, as indexes into `codes`. */
	mapColumn: CodeColumn;
	/** Every code, in map.arrow's order. */
	codes: readonly string[];
	/** The legend's classes, in the legend's order; every code is in exactly one (a test checks). */
	classes: readonly ClassDef[];
}

const vote = (kind: string): ClassDef[] => [
	one('passed', `${kind}已通过`, 'passed'),
	one('short', `${kind}未通过`, 'held, short'),
	one('none', '尚未表决', 'not yet held')
];

const SCALES = {
	eligibility: {
		zh: '改造资格',
		en: 'Eligibility',
		column: 'eligibility',
		mapColumn: 'eligibility',
		codes: ELIGIBILITY_CLASSES,
		classes: [
			one('eligible-priority', '符合·城关优先', 'eligible, priority'),
			one('eligible', '符合改造条件', 'eligible'),
			one('conditional', '有条件纳入', 'conditional'),
			one('ineligible', '不符合', 'ineligible'),
			one('unknown', '资料不全', 'incomplete data')
		]
	},
	applicationVote: {
		zh: '申请表决',
		en: 'Application vote',
		column: 'application_vote',
		mapColumn: 'applicationVote',
		codes: VOTE_CLASSES,
		classes: vote('申请表决')
	},
	schemeVote: {
		zh: '方案表决',
		en: 'Scheme vote',
		column: 'scheme_vote',
		mapColumn: 'schemeVote',
		codes: VOTE_CLASSES,
		classes: vote('方案表决')
	},
	funding: {
		zh: '居民资金到位',
		en: 'Resident funds raised',
		column: 'funding_band',
		mapColumn: 'fundingBand',
		codes: FUNDING_BANDS,
		classes: [
			one('full', '已全部到位', '100%'),
			one('lt100', '75%–100%', '75–100%'),
			one('lt75', '50%–75%', '50–75%'),
			one('lt50', '25%–50%', '25–50%'),
			one('lt25', '25%以下', 'under 25%'),
			one('none', '未开始筹集', 'not started')
		]
	},
	stage: {
		zh: '改造进度',
		en: 'Stage',
		column: 'stage',
		mapColumn: 'stage',
		codes: STAGE_CODES,
		classes: STAGE_CLASSES
	},
	freshness: {
		zh: '数据更新',
		en: 'Last update',
		column: null,
		mapColumn: 'freshness',
		codes: FRESHNESS_CODES,
		classes: [
			one('week', `${FRESHNESS_BOUNDS.week}天内更新`, `updated within ${FRESHNESS_BOUNDS.week} days`),
			one(
				'month',
				`${FRESHNESS_BOUNDS.week + 1}–${FRESHNESS_BOUNDS.month}天`,
				`${FRESHNESS_BOUNDS.week + 1}–${FRESHNESS_BOUNDS.month} days ago`
			),
			one(
				'quarter',
				`${FRESHNESS_BOUNDS.month + 1}–${FRESHNESS_BOUNDS.quarter}天`,
				`${FRESHNESS_BOUNDS.month + 1}–${FRESHNESS_BOUNDS.quarter} days ago`
			),
			one('older', `超过${FRESHNESS_BOUNDS.quarter}天`, `over ${FRESHNESS_BOUNDS.quarter} days ago`),
			one('none', '无记录', 'no dated record')
		]
	}
} satisfies Record<string, Omit<ColourScale, 'colouring'>>;

/** The map's colourings. */
export type Colouring = keyof typeof SCALES;

/** Every colouring, in the switch's order. */
export const COLOUR_SCALES: Readonly<Record<Colouring, ColourScale>> = Object.fromEntries(
	Object.entries(SCALES).map(([colouring, s]) => [colouring, { colouring, ...s }])
) as Record<Colouring, ColourScale>;

/** Whether a value (e.g. from a URL) names a colouring. */
export function isColouring(v: string): v is Colouring {
	return Object.hasOwn(SCALES, v);
}

/** For each code of a colouring (as map.arrow numbers it), the index of its class in the scale. */
export function classIndexByCode(colouring: Colouring): Uint8Array {
	const scale = COLOUR_SCALES[colouring];
	return Uint8Array.from(scale.codes, (code) => {
		const i = scale.classes.findIndex((c) => c.codes.includes(code));
		if (i < 0) throw new Error(`${colouring}: no class for ${code}`);
		return i;
	});
}

/** The class of a code (as the status column holds it), or undefined for a code not in the colouring. */
export function classOfCode(colouring: Colouring, code: string): ClassDef | undefined {
	return COLOUR_SCALES[colouring].classes.find((c) => c.codes.includes(code));
}

/** The map.arrow column of class codes a colouring reads. */
export function codesFor(cols: MapColumns, colouring: Colouring): Uint8Array {
	return cols[COLOUR_SCALES[colouring].mapColumn];
}

/** A works tier as the filters and map.arrow's `tiers` bit mask know it. */
export interface TierValue extends CodeLabel {
	bit: number;
}

/** The tiers of 附件1 (§五(二)1): 1 basic, 2 improvement, 4 upgrade. */
export const TIER_VALUES: readonly TierValue[] = WORKS_TIERS.map((t, i) => ({
	code: t.id,
	zh: t.name,
	en: t.en,
	bit: 1 << i
}));

/** The bit of a tier in the `tiers` mask, by tier id. */
export const TIER_BIT: Readonly<Record<string, number>> = Object.fromEntries(
	TIER_VALUES.map((t) => [t.code, t.bit])
);

/** The mask of a list of tier ids (unknown ids add nothing). */
export function tierMask(tiers: readonly string[]): number {
	return tiers.reduce((m, t) => m | (TIER_BIT[t] ?? 0), 0);
}

/**
 * The values of each list filter, with labels, in the order map.arrow numbers them (housing, management,
 * eligibility, stage): the filter's options, its URL's allowed values, its SQL and the map's mask all read these.
 */
export const FILTER_VALUES = {
	eligibility: ELIGIBILITY_CLASSES.map((code) => {
		const c = classOfCode('eligibility', code)!;
		return { code, zh: c.zh, en: c.en };
	}),
	stage: STAGE_VALUES,
	housing: HOUSING_TYPES,
	management: PROPERTY_MANAGEMENT,
	tiers: TIER_VALUES
} as const satisfies Record<string, readonly CodeLabel[]>;

/** The label of a code among `values` in `lang`, or the code itself when it is not there. */
export function labelOf(values: readonly CodeLabel[], code: string, lang: 'zh' | 'en' = 'zh'): string {
	return values.find((v) => v.code === code)?.[lang] ?? code;
}

/**
 * The classes of the budget's map of funding years: each plan year, "not within the last year", "not in the
 * pipeline". Keys are the year or `later` / `out`.
 */
export function fundingYearClasses(years: readonly number[]): ClassDef[] {
	const last = years.at(-1);
	return [
		...years.map((y) => one(String(y), `${y}年`, String(y))),
		one('later', `截至${last}年仍未安排`, `not funded by ${last}`),
		one('out', '不在候选范围', 'not in the pipeline')
	];
}
