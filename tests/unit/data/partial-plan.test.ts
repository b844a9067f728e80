// Starting from a city's plan table (issue 20, "start from a partial list"): 名称, 乡镇, 建成年代, 户数,
// 建筑面积（万㎡）, 总投资（万元）, 计划开工时间 — no 小区编号, no eligibility yes/no columns, no works, no points.
// It imports (ids made, facts empty), the summary counts the missing facts, and every verdict that lacks a fact is
// 未知 naming it (§二(一)) — the counts here are made by hand from the fixture's rows (make-plan-table.ts).
import { describe, expect, it } from 'vitest';
import { deriveStatus, mapColumns, policyInForce } from '../../../src/lib/verdict/derived';
import { COLOUR_SCALES } from '../../../src/lib/verdict/classes';
import { communityVerdict } from '../../../src/lib/verdict/verdict';
import type { Dataset } from '../../../src/lib/schema/rows';
import { PLAN_ROWS } from '../../fixtures/partial/make-plan-table';
import { planDataset } from './plan-dataset';

const AS_OF = '2025-03-31';

const empty = (v: string | number | undefined) => v === '' || v === undefined;

describe('a city plan table as the first file', () => {
	it('imports: 20 communities over 3 towns, ids made, units read (万㎡, 万元), the plan month kept', async () => {
		const { dataset, problems } = await planDataset();
		expect(problems.filter((p) => p.level === 'error')).toEqual([]);
		expect(dataset.communities).toHaveLength(PLAN_ROWS.length);
		expect(new Set(dataset.communities.map((c) => c.town_code)).size).toBe(3);
		const first = dataset.communities[0]!;
		expect(first).toMatchObject({
			name: '东浦一区',
			town_code: '330382002',
			completion_year: 1992,
			households: 320,
			building_area: 31_000,
			total_investment: 9_300_000,
			planned_start: '2025-06-01',
			housing_type: null,
			in_shantytown_plan: null,
			owners: null
		});
		// every row as written: an empty cell is null, never 0
		dataset.communities.forEach((c, i) => {
			const [, , year, households, area] = PLAN_ROWS[i]!;
			expect(c.completion_year).toBe(empty(year) ? null : year);
			expect(c.households).toBe(empty(households) ? null : households);
			expect(c.building_area).toBe(empty(area) ? null : Math.round(Number(area) * 10_000));
		});
	});

	it('the summary says which facts are missing how often (counted by hand from the rows)', async () => {
		const { problems } = await planDataset();
		const notice = problems.find((p) => p.kind === 'facts-missing')!;
		expect(notice.level).toBe('notice');
		const count = (col: number) => PLAN_ROWS.filter((r) => empty(r[col])).length;
		expect(count(2)).toBe(3);
		expect(notice.zh).toContain(`建成年份缺${count(2)}个`);
		expect(notice.zh).toContain(`户数缺${count(3)}个`);
		expect(notice.zh).toContain(`建筑面积缺${count(4)}个`);
		// the columns the plan table has not at all: missing in every row
		for (const header of ['房屋类型', '列入棚改计划', '设施不完善', '改造意愿强烈', '业主人数'])
			expect(notice.zh).toContain(`${header}缺20个`);
		expect(notice.zh).toContain('20个小区中20个缺少资料');
	});

	it('§二(一): every eligibility is 未知 naming the missing facts — never ineligible for a missing year', async () => {
		const { dataset } = await planDataset();
		const params = policyInForce(AS_OF);
		const towns = new Map(dataset.towns.map((t) => [t.code, t]));
		dataset.communities.forEach((c, i) => {
			const v = communityVerdict(
				{ community: c, town: towns.get(c.town_code)!, works: [], votes: [], funds: [], stages: [] },
				AS_OF,
				params
			);
			const year = PLAN_ROWS[i]![2];
			// by hand: a year is always needed; the two conditions only after 2000
			const expected = empty(year)
				? ['completion_year', 'housing_type', 'in_shantytown_plan']
				: Number(year) > 2000
					? ['housing_type', 'in_shantytown_plan', 'facilities_deficient', 'strong_will']
					: ['housing_type', 'in_shantytown_plan'];
			expect(v.eligibility.status, c.name).toBe('unknown');
			expect(v.missing, c.name).toEqual(expected);
			expect(v.eligibility.reasons[0]!.clause).toBe('§二(一)');
			expect(v.eligibility.reasons[0]!.text).toMatch(/^未知：缺/);
			if (empty(year)) expect(v.eligibility.reasons[0]!.text).toContain('缺建成年份');
			// no vote without tallies: none held
			expect(v.votes.application.cls).toBe('none');
		});
	});

	it('the status rows and map.arrow carry 资料不全; with some facts filled in, the count is the hand count', async () => {
		const { dataset } = await planDataset();
		// 柳市镇 knows its housing types and its shantytown plan: the four built by 2000 are decided (eligible), the
		// one without a year and the one of 2002 (conditions unknown) stay 资料不全
		const liushi = '330382114';
		const filled: Dataset = {
			...dataset,
			communities: dataset.communities.map((c) =>
				c.town_code === liushi ? { ...c, housing_type: 'commodity', in_shantytown_plan: false } : c
			)
		};
		const liushiRows = PLAN_ROWS.filter((r) => r[1] === '柳市镇');
		const decided = liushiRows.filter((r) => !empty(r[2]) && Number(r[2]) <= 2000).length;
		expect(decided).toBe(4);
		const unknownByHand = PLAN_ROWS.length - decided;

		const status = deriveStatus(filled, AS_OF, policyInForce(AS_OF));
		expect(status.filter((s) => s.eligibility === 'unknown')).toHaveLength(unknownByHand);
		expect(status.filter((s) => s.eligibility === 'eligible')).toHaveLength(decided);
		expect(status.find((s) => s.id === filled.communities[2]!.id)!.missing).toBe(
			'completion_year,housing_type,in_shantytown_plan'
		);
		expect(status.find((s) => s.eligibility === 'eligible')!.missing).toBeNull();

		const cols = mapColumns(filled, status, AS_OF);
		const unknownCode = COLOUR_SCALES.eligibility.codes.indexOf('unknown');
		expect(cols.eligibility.filter((c) => c === unknownCode)).toHaveLength(unknownByHand);
		const cls = COLOUR_SCALES.eligibility.classes.find((c) => c.key === 'unknown')!;
		expect(cls.zh).toBe('资料不全');
	});

	it('§五(二)1: 总投资 without works is an estimate — investment counted, residents and subsidy not, and said how many', async () => {
		const { dataset } = await planDataset();
		const params = policyInForce(AS_OF);
		const status = deriveStatus(dataset, AS_OF, params);
		// by hand: the rows with a 总投资 (万元 × 10,000 yuan)
		const withTotal = PLAN_ROWS.filter((r) => !empty(r[5]));
		expect(status.filter((s) => s.estimate)).toHaveLength(withTotal.length);
		const sum = status.reduce((a, s) => a + s.investment, 0);
		expect(sum).toBe(withTotal.reduce((a, r) => a + Number(r[5]) * 10_000, 0));
		expect(status.every((s) => s.residentRequired === 0 && s.subsidy === 0)).toBe(true);
		const towns = new Map(dataset.towns.map((t) => [t.code, t]));
		const c = dataset.communities[0]!;
		const v = communityVerdict(
			{ community: c, town: towns.get(c.town_code)!, works: [], votes: [], funds: [], stages: [] },
			AS_OF,
			params
		);
		expect(v.funding.estimate).toMatchObject({ total: 9_300_000, residentRange: [930_000, 6_510_000] });
		expect(v.funding.estimate!.reasons[0]!.text).toMatch(/^估算：按总投资，未分类别/);
		// the figure that says how many of the investment are estimates (all 20 are still to arrange)
		const cols = mapColumns(dataset, status, AS_OF);
		expect(cols.estimate.reduce((a, x) => a + x, 0)).toBe(withTotal.length);
	});
});
