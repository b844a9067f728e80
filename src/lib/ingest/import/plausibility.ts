/**
 * Plausibility ranges — ONE place. A value outside its range is an error naming the row, with the likely cause
 * (a 万 unit typed under a plain header, or the other way round). Each range is wide on purpose: it is there to
 * catch values 10,000× off, not to judge a community. Sources for each:
 * - the policy's reference figures: the subsidy cap of 300 元/㎡ (§五(二)1, `subsidyCapPerM2`) on top of the
 *   residents' share, so that real works cost tens to a few thousand 元 per ㎡;
 * - the data's own distribution: the example data (generated from 乐清's published figures) has 115–156 ㎡ per
 *   household, an exclusive share of 0.80–0.90 of the building area, 0.89–1.00 owners per household, 150–585 元
 *   of estimated works per ㎡, and works items of 1,000 元 to 8.7 million 元;
 * - common housing figures: Chinese flats run from about 30 to 300 ㎡; shared area (公摊) is 10–30 %.
 */
import { YUEQING_2023 } from '../../policy';

export interface Range {
	min: number;
	max: number;
	zh: string;
	en: string;
}

/** 建筑面积 ÷ 户数, ㎡ per household. */
export const AREA_PER_HOUSEHOLD: Range = {
	min: 15,
	max: 600,
	zh: '户均建筑面积',
	en: 'building area per household'
};
/** 专有部分面积 ÷ 户数, ㎡ per household (the same bounds: a flat's own area). */
export const EXCLUSIVE_PER_HOUSEHOLD: Range = {
	...AREA_PER_HOUSEHOLD,
	min: 10,
	zh: '户均专有部分面积',
	en: 'exclusive area per household'
};
/** 专有部分面积 ÷ 建筑面积. */
export const EXCLUSIVE_SHARE: Range = {
	min: 0.4,
	max: 1,
	zh: '专有部分面积占建筑面积的比例',
	en: 'exclusive share of the building area'
};
/** 业主人数 ÷ 户数. */
export const OWNERS_PER_HOUSEHOLD: Range = {
	min: 0.3,
	max: 4,
	zh: '业主人数与户数之比',
	en: 'owners per household'
};
/** Estimated works of a community ÷ its building area, 元 per ㎡ (about 1/30 to 20× the subsidy cap). */
export const COST_PER_M2: Range = {
	min: Math.round(YUEQING_2023.subsidyCapPerM2 / 30),
	max: YUEQING_2023.subsidyCapPerM2 * 20,
	zh: '每平方米改造投资',
	en: 'works cost per ㎡'
};
/** Estimated works of a community ÷ its households, 元 per household (the two ranges above multiplied). */
export const COST_PER_HOUSEHOLD: Range = {
	min: COST_PER_M2.min * AREA_PER_HOUSEHOLD.min,
	max: COST_PER_M2.max * AREA_PER_HOUSEHOLD.max,
	zh: '户均改造投资',
	en: 'works cost per household'
};
/** One works item's estimated or final cost, 元. */
export const ITEM_COST: Range = {
	min: 100,
	max: 100_000_000,
	zh: '单项改造金额',
	en: 'cost of one works item'
};

export type Verdict = { ok: true } | { ok: false; zh: string; en: string };

/**
 * Whether `value` (the ratio) lies in `range`; if not, why, with the likely cause: the field's unit typed in 万
 * (value × 10,000 would fit) or the header's 万 applied to plain figures (value ÷ 10,000 would fit).
 */
export function judge(range: Range, value: number, field: { zh: string; unit: '㎡' | '元' | '' }): Verdict {
	// Zero, negative and missing values are the schema's to refuse (validate.ts), with its own message.
	if (!Number.isFinite(value) || value <= 0 || (value >= range.min && value <= range.max))
		return { ok: true };
	const shown = Number(value.toPrecision(4));
	const base = `${range.zh}为${shown}，不在合理范围${range.min}–${range.max}内`;
	const baseEn = `${range.en} is ${shown}, outside the plausible ${range.min}–${range.max}`;
	const big = field.unit === '㎡' ? '万平方米' : '万元';
	if (field.unit === '') return { ok: false, zh: `${base}，请核对`, en: `${baseEn}; please check` };
	if (value < range.min && value * 10000 >= range.min && value * 10000 <= range.max)
		return {
			ok: false,
			zh: `${base}：「${field.zh}」像是以${big}为单位填写，请换算为${field.unit}或在表头注明单位（如「${field.zh}（${big}）」）`,
			en: `${baseEn}: ${field.zh} looks like ${big}; convert to ${field.unit} or put the unit in the header (e.g. ${field.zh}（${big}）)`
		};
	if (value > range.max && value / 10000 >= range.min && value / 10000 <= range.max)
		return {
			ok: false,
			zh: `${base}：「${field.zh}」像是以${field.unit}填写，但表头或单位行写的是${big}`,
			en: `${baseEn}: ${field.zh} looks like ${field.unit}, but the header or unit line says ${big}`
		};
	return { ok: false, zh: `${base}，请核对`, en: `${baseEn}; please check` };
}

/** A vote's totals against the community's (业主总人数 vs 业主人数, 专有面积总数 vs 专有部分面积): the vote counts
 * all owners and all exclusive area (§三(一)), so the two should agree; a tenth apart is taken as a wrong figure
 * (the example data's votes agree with their communities exactly). */
export const VOTE_TOTAL_TOLERANCE = 0.1;
/** An area in a vote's tally at or under this many ㎡, with the total over a hundred, is a share pasted as ㎡. */
export const VOTE_SHARE_MAX = 1;
