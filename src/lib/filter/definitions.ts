/**
 * The figures the leadership map's first screen shows (its key figures, the town table, the printed report), each
 * as its definition: what it measures, over which programme sets, and the words that say so (zh / en). The SQL
 * (`kpiSql`, `townSql` in queries.ts) and the JS first answers (filter/figures.ts) are both built from this list,
 * so a figure means one thing wherever it is computed; docs/figures.md lists the same definitions.
 *
 * Every community is in exactly one programme set (status.programme, see `Programme` in verdict.ts), so figures
 * over different sets never count a community twice: 财政补助需求 adds up the communities still to renovate, and
 * the completed, the earlier projects and those outside the programme are figures of their own.
 */
import type { ProgrammeCode } from '../verdict/classes';

/** What a figure adds up, per community (a status / community_view column; 1 for a count). */
export type Measure =
	| 'communities'
	| 'households'
	| 'buildingArea'
	| 'investment'
	| 'residentRequired'
	| 'subsidy'
	| 'readyForPlan'
	| 'awaitingReview'
	| 'estimates';

/** Each measure's SQL over community_view, and whether it is kept in hundredths (fen, 0.01 ㎡) to sum exactly. */
export const MEASURES: Readonly<Record<Measure, { sql: string; hundredths: boolean }>> = {
	communities: { sql: '1', hundredths: false },
	households: { sql: 'households', hundredths: false },
	buildingArea: { sql: 'building_area', hundredths: true },
	investment: { sql: 'investment', hundredths: true },
	residentRequired: { sql: 'resident_required', hundredths: true },
	subsidy: { sql: 'subsidy', hundredths: true },
	readyForPlan: { sql: 'CAST(ready_for_plan AS INTEGER)', hundredths: false },
	awaitingReview: { sql: 'CAST(awaiting_review AS INTEGER)', hundredths: false },
	estimates: { sql: 'CAST(estimate AS INTEGER)', hundredths: false }
};

/** The measures in the order the first answers keep them. */
export const MEASURE_KEYS = Object.keys(MEASURES) as Measure[];

/** The sets still to renovate under the scheme: in scope, not an earlier project, works not yet accepted. */
const REMAINING: readonly ProgrammeCode[] = ['to-arrange', 'planned'];

export type FigureKey =
	| 'communities'
	| 'outOfScope'
	| 'households'
	| 'buildingArea'
	| 'remaining'
	| 'investment'
	| 'investmentEstimated'
	| 'residentShare'
	| 'subsidy'
	| 'subsidyPlanned'
	| 'subsidyToArrange'
	| 'completed'
	| 'completedSubsidy'
	| 'earlier'
	| 'earlierSubsidy'
	| 'readyForPlan'
	| 'awaitingReview';

export interface FigureDef {
	key: FigureKey;
	measure: Measure;
	/** The programme sets it adds up; null: every community the filter keeps. */
	sets: readonly ProgrammeCode[] | null;
	/** How it is written: a count of communities, households, ㎡, or yuan. */
	unit: 'count' | 'households' | 'area' | 'money';
	/** Its label (zh / en); `{year}` is the next plan's year. */
	zh: string;
	en: string;
	/**
	 * What it counts, in words (zh / en). `{from}` is the day the policy took effect, `{deadline}` the next plan's
	 * readiness deadline (§三(四)), `{horizon}` the expropriation horizon in years (§二(一)) — filled from the
	 * policy and the data date by `figureWords`.
	 */
	defZh: string;
	defEn: string;
}

const f = (
	key: FigureKey,
	measure: Measure,
	sets: readonly ProgrammeCode[] | null,
	unit: FigureDef['unit'],
	[zh, en]: [string, string],
	[defZh, defEn]: [string, string]
): FigureDef => ({ key, measure, sets, unit, zh, en, defZh, defEn });

/** Every figure of the first screen, in the order its definitions are listed. */
export const FIGURES: readonly FigureDef[] = [
	f(
		'communities',
		'communities',
		null,
		'count',
		['小区', 'Communities'],
		[
			'筛选范围内的全部小区，含不在改造范围的',
			'every community the filter keeps, those outside the programme included'
		]
	),
	f(
		'outOfScope',
		'communities',
		['out-of-scope'],
		'count',
		['不在改造范围', 'Outside the programme'],
		[
			'不符合§二(一)改造范围的小区（如城中村、乡、{horizon}年内征收）：不计补助，没有改造步骤',
			'communities outside the programme (§二(一): e.g. urban villages, townships, expropriation within {horizon} years): no subsidy, no renovation step'
		]
	),
	f(
		'households',
		'households',
		null,
		'households',
		['户数', 'Households'],
		['筛选范围内全部小区的户数', 'households of every community the filter keeps']
	),
	f(
		'buildingArea',
		'buildingArea',
		null,
		'area',
		['建筑面积', 'Building area'],
		[
			'筛选范围内全部小区的建筑面积（规划许可或产权登记面积，含公摊）',
			'building area of every community the filter keeps (permit or registration, shared area included)'
		]
	),
	f(
		'remaining',
		'communities',
		REMAINING,
		'count',
		['待完成改造', 'Still to renovate'],
		[
			'在改造范围内、按本方案计（{from}及以后开工或未开工）、尚未通过联合验收的小区：已列入计划的和待安排的',
			'in the programme, priced under the scheme (works begun on or after {from}, or not begun), not yet accepted: those in a plan and those still to arrange'
		]
	),
	f(
		'investment',
		'investment',
		REMAINING,
		'money',
		['估算总投资（待完成）', 'Investment (still to renovate)'],
		[
			'待完成改造小区的总投资：有竣工决算用决算，否则用估算；不含加装电梯（§五(二)1）',
			'total investment of the communities still to renovate: final accounts where settled, else the estimate; lifts excluded (§五(二)1)'
		]
	),
	f(
		'investmentEstimated',
		'estimates',
		REMAINING,
		'count',
		['其中按总投资估算', 'of which estimated from a total'],
		[
			'待完成改造小区中，尚无分项改造内容、总投资按计划表的总投资（万元）估算的小区：居民出资和财政补助待分项后计算，不计入这两项（§五(二)1）',
			"communities still to renovate whose works are not itemised, their investment estimated from the total (总投资) a plan table gives: their residents' share and subsidy are known once itemised and are not in those figures (§五(二)1)"
		]
	),
	f(
		'residentShare',
		'residentRequired',
		REMAINING,
		'money',
		['居民出资（待完成）', "Residents' share (still to renovate)"],
		[
			'待完成改造小区按§五(二)1应由居民自筹的合计，含超出补助上限、由居民自理的部分',
			'what residents of the communities still to renovate pay under §五(二)1, the excess over the subsidy cap included'
		]
	),
	f(
		'subsidy',
		'subsidy',
		REMAINING,
		'money',
		['财政补助需求', 'Subsidy demand'],
		[
			'待完成改造小区按§五(二)1计算的财政补助合计（按每㎡上限封顶）；不含不在改造范围的、已完成的和早期项目',
			'the §五(二)1 subsidy (capped per ㎡) of the communities still to renovate; those outside the programme, the completed and earlier projects are not in it'
		]
	),
	f(
		'subsidyPlanned',
		'subsidy',
		['planned'],
		'money',
		['其中已列入计划', 'of which in a plan'],
		[
			'财政补助需求中已列入年度计划、尚未验收的小区',
			"the part of the subsidy demand of communities in a year's plan, not yet accepted"
		]
	),
	f(
		'subsidyToArrange',
		'subsidy',
		['to-arrange'],
		'money',
		['其中待安排', 'of which still to arrange'],
		[
			'财政补助需求中尚未列入任何年度计划的小区',
			'the part of the subsidy demand of communities in no plan yet'
		]
	),
	f(
		'completed',
		'communities',
		['completed'],
		'count',
		['已完成改造（本方案）', 'Renovated under the scheme'],
		[
			'按本方案计、已通过联合验收的小区（含移交归档、后评估）',
			'communities priced under the scheme whose works passed joint acceptance (handed over and evaluated included)'
		]
	),
	f(
		'completedSubsidy',
		'subsidy',
		['completed'],
		'money',
		['已完成改造补助', 'Subsidy of the renovated'],
		[
			'已完成改造（本方案）小区按§五(二)1计算的财政补助（有决算按决算）',
			'the §五(二)1 subsidy of the communities renovated under the scheme (on final accounts where settled)'
		]
	),
	f(
		'earlier',
		'communities',
		['earlier'],
		'count',
		['早期项目', 'Earlier projects'],
		[
			'{from}前开工的项目（§五(二)1、§六）：按台账记录列示，不按本方案计算',
			'projects whose works began before {from} (§五(二)1, §六): shown as the ledger records them, not priced under the scheme'
		]
	),
	f(
		'earlierSubsidy',
		'subsidy',
		['earlier'],
		'money',
		['早期项目补助（台账）', 'Earlier projects: subsidy (ledger)'],
		['早期项目台账记录的已拨财政补助', 'the subsidy the ledger records as paid to earlier projects']
	),
	f(
		'readyForPlan',
		'readyForPlan',
		null,
		'count',
		['可列入{year}年计划', 'Ready for the {year} plan'],
		[
			'乡镇初审已通过（已进入下一阶段）且居民自筹资金于{deadline}前全部到位、尚未列入计划的小区（§三(四)）',
			'communities whose town review has passed (the next stage begun) and whose resident funds were all in by {deadline}, not yet in a plan (§三(四))'
		]
	),
	f(
		'awaitingReview',
		'awaitingReview',
		null,
		'count',
		['乡镇初审中', 'In town review'],
		[
			'居民自筹资金已于{deadline}前到位、乡镇初审已开始但尚未通过的小区：初审通过后才可上报（§三(四)），不计入可列入计划',
			'resident funds all in by {deadline}, the town review begun but not yet passed: not ready until it passes (§三(四))'
		]
	)
];

/** A figure's definition by key. */
export const FIGURE: Readonly<Record<FigureKey, FigureDef>> = Object.fromEntries(
	FIGURES.map((d) => [d.key, d])
) as Record<FigureKey, FigureDef>;

/**
 * The key figures as `/` lays them out: each tile a main figure and the parts shown under it (a part is a figure
 * of its own, never added to another).
 */
export const KPI_TILES: readonly { main: FigureKey; parts: readonly FigureKey[] }[] = [
	{ main: 'communities', parts: ['outOfScope'] },
	{ main: 'households', parts: [] },
	{ main: 'buildingArea', parts: [] },
	{ main: 'remaining', parts: [] },
	{ main: 'investment', parts: ['investmentEstimated'] },
	{ main: 'residentShare', parts: [] },
	{ main: 'subsidy', parts: ['subsidyPlanned', 'subsidyToArrange'] },
	{ main: 'completedSubsidy', parts: ['completed'] },
	{ main: 'earlierSubsidy', parts: ['earlier'] },
	{ main: 'readyForPlan', parts: ['awaitingReview'] }
];

/** The figures of the town table (and the town shading), by the same definitions as the key figures. */
export const TOWN_FIGURES = ['communities', 'households', 'investment', 'subsidy', 'readyForPlan'] as const;
export type TownFigure = (typeof TOWN_FIGURES)[number];

/** What a figure's words are filled with: the policy's effective date and the next plan (§三(四)). */
export interface FigureContext {
	/** The day the policy took effect, as the reader's language writes a date. */
	from: string;
	/** The next plan's year and its readiness deadline (written). */
	year: number | string;
	deadline: string;
	/** The expropriation horizon, years (PolicyParams.expropriationHorizonYears, §二(一)). */
	horizon: number;
}

const fill = (text: string, c: FigureContext) =>
	text
		.replaceAll('{from}', c.from)
		.replaceAll('{deadline}', c.deadline)
		.replaceAll('{year}', String(c.year))
		.replaceAll('{horizon}', String(c.horizon));

/** A figure's label and definition in a language, its placeholders filled. */
export function figureWords(
	d: FigureDef,
	lang: 'zh' | 'en',
	c: FigureContext
): { label: string; definition: string } {
	return {
		label: fill(lang === 'zh' ? d.zh : d.en, c),
		definition: fill(lang === 'zh' ? d.defZh : d.defEn, c)
	};
}

/** The SQL condition a figure's sets put on `programme` (TRUE for every community). */
export function setSql(sets: readonly ProgrammeCode[] | null): string {
	return sets === null ? 'TRUE' : `programme IN (${sets.map((s) => `'${s}'`).join(', ')})`;
}

/** A figure as an SQL aggregate over community_view (DOUBLE, 0 when nothing is counted). */
export function figureSql(d: FigureDef): string {
	return `CAST(coalesce(sum(${MEASURES[d.measure].sql}) FILTER (WHERE ${setSql(d.sets)}), 0) AS DOUBLE) AS "${d.key}"`;
}
