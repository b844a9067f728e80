import { describe, expect, it } from 'vitest';
import { WORKS_CATALOGUE, YUEQING_2023 } from '../policy';
import type { WorksRow } from '../schema/rows';
import type { CommunityInputs } from '../verdict/verdict';
import { exampleTable, importerFlags } from './entry-test-kit';
import { checkWorksEntry, fundingFigures, withWorksRow, worksFunding, type WorksEntry } from './works-entry';

/** The example's towns: 城东街道 (330382001) is the community's. */
const towns = exampleTable('towns');
const town = {
	code: '330382001',
	name: towns.rows.find((r) => r[towns.header.indexOf('code')] === '330382001')![
		towns.header.indexOf('name')
	]!
};

/** YQ000001's works rows, read from works.csv by hand (not through the code under test). */
const works: WorksRow[] = exampleTable('works', (r) => r[0] === 'YQ000001').rows.map((r) => ({
	community_id: r[0]!,
	item_id: r[1]!,
	estimated_cost: Number(r[2]),
	final_cost: r[3] ? Number(r[3]) : null
}));

const entry = (over: Partial<WorksEntry> = {}): WorksEntry => ({
	item_id: 'building.basic.1.1',
	estimated_cost: '320000',
	final_cost: '',
	...over
});

/** The columns the importer flags for the same item, as a works.csv row of YQ000001. */
const flags = (e: WorksEntry) =>
	importerFlags(
		'works',
		['community_id', 'item_id', 'estimated_cost', 'final_cost'],
		[['YQ000001', e.item_id, e.estimated_cost, e.final_cost]],
		'YQ000001'
	);

describe('a works item typed on the form (issue 22): the importer’s rules, run whole', () => {
	it.each([
		['an estimate below 0', { estimated_cost: '-1' }],
		['an estimate in words', { estimated_cost: '三十二万' }],
		['no estimate (required)', { estimated_cost: '' }],
		['a final cost below 0', { final_cost: '-5' }],
		['a final cost that is no number', { final_cost: '待定' }],
		['an item not in 附件1', { item_id: 'building.basic.9.9' }],
		['no item', { item_id: '' }]
	] as [string, Partial<WorksEntry>][])('flags the same column as the importer: %s', (_what, over) => {
		const check = checkWorksEntry(entry(over), 'YQ000001', town, works);
		expect(check.row).toBeNull();
		expect(check.problems.length).toBeGreaterThan(0);
		expect(check.problems.map((p) => p.column)).toEqual(flags(entry(over)));
	});

	it('names the field and the value typed, in Chinese and English', () => {
		const [p] = checkWorksEntry(entry({ estimated_cost: '-1' }), 'YQ000001', town, works).problems;
		expect(p).toEqual({
			column: 'estimated_cost',
			zh: '应不小于 0（所填为“-1”）',
			en: 'must be at least 0 (given: "-1")'
		});
		const [item] = checkWorksEntry(entry({ item_id: '屋顶花园' }), 'YQ000001', town, works).problems;
		expect(item!.column).toBe('item_id');
		expect(item!.zh).toBe('不是附件1改造内容清单中的项目（所填为“屋顶花园”）');
		expect(item!.en).toContain('"屋顶花园"');
	});

	it('stores what the importer stores: the item as its catalogue id (from its id, code and name, or name), costs in 元', () => {
		for (const item_id of ['building.basic.1.1', '1.1屋面防漏维修', '屋面防漏维修']) {
			expect(flags(entry({ item_id }))).toEqual([]);
			expect(checkWorksEntry(entry({ item_id, final_cost: '318,000.50' }), 'YQ000001', town, works)).toEqual({
				row: {
					community_id: 'YQ000001',
					item_id: 'building.basic.1.1',
					estimated_cost: 320000,
					final_cost: 318000.5
				},
				before: null,
				problems: []
			});
		}
	});

	it('an item the community has is a change of its row (the key: community, item), with the row before', () => {
		const had = works[0]!;
		const check = checkWorksEntry(
			entry({ item_id: had.item_id, estimated_cost: '600000', final_cost: '598000' }),
			'YQ000001',
			town,
			works
		);
		expect(check.before).toEqual(had);
		expect(check.row).toEqual({ ...had, estimated_cost: 600000, final_cost: 598000 });
		// the same costs again are nothing to record
		const same = checkWorksEntry(
			entry({ item_id: had.item_id, estimated_cost: String(had.estimated_cost), final_cost: '' }),
			'YQ000001',
			town,
			works
		);
		expect(same.row).toBeNull();
		expect(same.problems.map((p) => p.column)).toEqual(['estimated_cost']);
		expect(same.problems[0]!.zh).toContain('与现有数据相同');
	});

	it('replaces the row of its item or adds one', () => {
		const row = { ...works[0]!, estimated_cost: 1 };
		expect(withWorksRow(works, row)).toEqual([row, ...works.slice(1)]);
		const added = { ...row, item_id: 'building.basic.1.1' };
		expect(withWorksRow(works, added)).toEqual([...works, added]);
	});
});

describe('what a works item does to the community’s money, asked of the engine (§五(二)1)', () => {
	// a community in the programme (§二(一): built 1995, commodity housing, not in a shantytown or expropriation plan),
	// in the city centre, no stage begun (not an earlier project), 10 000 ㎡ built, 50 000 元 of social capital
	const inputs = (over: Partial<CommunityInputs> = {}): CommunityInputs => ({
		community: {
			id: 'T1',
			town_code: '330382001',
			completion_year: 1995,
			building_area: 10000,
			garage_area: 0,
			housing_type: 'commodity',
			in_shantytown_plan: false,
			expropriation_year: null,
			facilities_deficient: null,
			strong_will: null,
			total_investment: null
		},
		town: { code: '330382001', kind: '街道', central: true },
		works: [
			{ community_id: 'T1', item_id: 'building.basic.1.1', estimated_cost: 300000, final_cost: null },
			{ community_id: 'T1', item_id: 'roads.improvement.2.1', estimated_cost: 200000, final_cost: null }
		],
		votes: [],
		funds: [{ community_id: 'T1', date: '2026-11-01', source: 'social', amount: 50000 }],
		stages: [],
		...over
	});
	const p = YUEQING_2023;
	const share = p.residentShare;
	const social = 50000;
	/** To the fen, as the engine gives money. */
	const fen = (v: number) => Math.round(v * 100) / 100;

	it('a new item of another tier: 总投资, 居民出资 and 补助 before → after, by hand', () => {
		const upgrade = {
			community_id: 'T1',
			item_id: 'building.upgrade.3.1',
			estimated_cost: 100000,
			final_cost: null
		};
		const { before, after } = worksFunding(inputs(), upgrade, '2026-12-01', p);
		const b = fundingFigures(before);
		const a = fundingFigures(after);
		const residentsBefore = fen(300000 * share.basic + 200000 * share.improvement);
		const residentsAfter = fen(residentsBefore + 100000 * share.upgrade);
		expect(b).toEqual({
			how: 'costed',
			total: 500000,
			subsidy: fen(500000 - residentsBefore - social),
			residents: residentsBefore,
			elevator: 0
		});
		expect(a).toEqual({
			how: 'costed',
			total: 600000,
			subsidy: fen(600000 - residentsAfter - social),
			residents: residentsAfter,
			elevator: 0
		});
	});

	it('a change of an item’s row replaces it; the cap per ㎡ holds the subsidy, the excess falls on residents', () => {
		// 1 000 ㎡: the cap is 300 元/㎡ × 1 000 ㎡ = 300 000 元
		const small = inputs();
		small.community = { ...small.community, building_area: 1000 };
		const dearer = { ...small.works[0]!, estimated_cost: 500000 };
		const a = fundingFigures(worksFunding(small, dearer, '2026-12-01', p).after);
		const base = fen(500000 * share.basic + 200000 * share.improvement);
		const uncapped = fen(700000 - base - social);
		const cap = p.subsidyCapPerM2 * 1000;
		expect(uncapped).toBeGreaterThan(cap);
		expect(a).toEqual({
			how: 'costed',
			total: 700000,
			subsidy: cap,
			residents: fen(base + uncapped - cap),
			elevator: 0
		});
	});

	it('on the final accounts once every item has them; a lift apart from the total', () => {
		const withFinal = inputs();
		withFinal.works = [{ ...withFinal.works[0]!, final_cost: 290000 }, withFinal.works[1]!];
		const last = { ...withFinal.works[1]!, final_cost: 210000 };
		const { before, after } = worksFunding(withFinal, last, '2026-12-01', p);
		expect(fundingFigures(before)).toMatchObject({ how: 'costed', total: 500000 });
		expect(fundingFigures(after)).toMatchObject({ how: 'final', total: 500000 });
		expect(fundingFigures(after).residents).toBe(fen(290000 * share.basic + 210000 * share.improvement));
		const lift = WORKS_CATALOGUE.find((i) => i.elevator)!;
		const l = { community_id: 'T1', item_id: lift.id, estimated_cost: 400000, final_cost: null };
		expect(fundingFigures(worksFunding(inputs(), l, '2026-12-01', p).after)).toMatchObject({
			total: 500000,
			elevator: 400000
		});
	});

	it('the first item of a community with only 总投资: from the estimate on the total to the items', () => {
		const planned = inputs({ works: [] });
		planned.community = { ...planned.community, total_investment: 1000000 };
		const first = {
			community_id: 'T1',
			item_id: 'building.basic.1.1',
			estimated_cost: 400000,
			final_cost: null
		};
		const { before, after } = worksFunding(planned, first, '2026-12-01', p);
		const b = fundingFigures(before);
		expect(b.how).toBe('estimate');
		expect(b.total).toBe(1000000);
		// the residents' share unknown until itemised: the range from all basic to all upgrade
		expect(b.residents).toEqual([fen(1000000 * share.basic), fen(1000000 * share.upgrade)]);
		expect(b.subsidy).toBe(fen(1000000 - 1000000 * share.basic - social));
		expect(fundingFigures(after)).toEqual({
			how: 'costed',
			total: 400000,
			subsidy: fen(400000 - 400000 * share.basic - social),
			residents: fen(400000 * share.basic),
			elevator: 0
		});
	});

	it('outside the programme (§二(一)) no subsidy before or after; the total still moves', () => {
		const out = inputs();
		out.community = { ...out.community, housing_type: 'self-built' };
		const more = {
			community_id: 'T1',
			item_id: 'building.basic.1.2',
			estimated_cost: 10000,
			final_cost: null
		};
		const { before, after } = worksFunding(out, more, '2026-12-01', p);
		expect(fundingFigures(before)).toEqual({
			how: 'out-of-scope',
			total: 500000,
			subsidy: null,
			residents: null,
			elevator: 0
		});
		expect(fundingFigures(after)).toMatchObject({ how: 'out-of-scope', total: 510000, subsidy: null });
	});
});
