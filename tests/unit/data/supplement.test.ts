// The completeness view's counts and a town's 资料补充表 (issue 20, "start from a partial list"): per town, how many
// communities the verdict can judge and how many lack each fact (counted by hand from the plan table's rows); the
// town's workbook (its communities with their ids, known values, missing ones empty and highlighted, the template's
// headers and drop-downs); filled in and read back on top of the plan table, matched by id: the facts filled in,
// nothing erased, the verdict moving from 未知 to a real one.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { completenessByTown } from '../../../src/lib/ingest/completeness';
import { importFiles } from '../../../src/lib/ingest/import';
import { mergeSupplement } from '../../../src/lib/ingest/supplement';
import { MISSING_FILL, supplementXlsx } from '../../../src/lib/files/supplement-xlsx';
import { table } from '../../../src/lib/schema/schema';
import type { CommunityRow, Dataset } from '../../../src/lib/schema/rows';
import { deriveStatus, policyInForce } from '../../../src/lib/verdict/derived';
import { PLAN_ROWS } from '../../fixtures/partial/make-plan-table';
import { geo, locate } from './load';
import { planDataset } from './plan-dataset';

const AS_OF = '2025-03-31';
const META = { asOf: AS_OF, asOfSource: { kind: 'today' as const } };
const LECHENG = '330382002';

/** The columns each community's verdict lacks, as the engine says (status' `missing`). */
function verdictLacks(dataset: Dataset): (c: CommunityRow) => string[] {
	const by = new Map(
		deriveStatus(dataset, AS_OF, policyInForce(AS_OF)).map((s) => [s.id, s.missing?.split(',') ?? []])
	);
	return (c) => by.get(c.id)!;
}

describe('completeness per town', () => {
	it('counts each town: communities, judgeable, lacking any fact, lacking each fact (by hand from the rows)', async () => {
		const { dataset } = await planDataset();
		const { towns, total } = completenessByTown(dataset, verdictLacks(dataset));
		// the towns with communities, in the towns table's order
		const names = new Set(PLAN_ROWS.map((r) => r[1] as string));
		expect(towns.map((t) => t.name)).toEqual(geo.towns.map((t) => t.name).filter((n) => names.has(n)));
		for (const t of towns) {
			const rows = PLAN_ROWS.filter((r) => r[1] === t.name);
			expect(t.communities).toBe(rows.length);
			// a plan table has no 房屋类型 nor 列入棚改计划: no verdict of §二(一) can be given yet
			expect(t.judgeable).toBe(0);
			expect(t.incomplete).toBe(rows.length);
			expect(t.missing.completion_year).toBe(rows.filter((r) => r[2] === '').length);
			expect(t.missing.households).toBe(rows.filter((r) => r[3] === '').length);
			expect(t.missing.building_area).toBe(rows.filter((r) => r[4] === '').length);
			expect(t.missing.housing_type).toBe(rows.length);
			expect(t.missing.owners).toBe(rows.length);
		}
		expect(total.communities).toBe(PLAN_ROWS.length);
		expect(total.missing.completion_year).toBe(PLAN_ROWS.filter((r) => r[2] === '').length);
	});
});

describe("a town's 资料补充表", () => {
	it("holds the town's communities with their ids, known values, the missing ones empty and highlighted", async () => {
		const { dataset } = await planDataset();
		const town = geo.towns.find((t) => t.code === LECHENG)!;
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await supplementXlsx(dataset.communities, town, META)).buffer as ArrayBuffer);
		expect(book.worksheets.map((w) => w.name)).toEqual(['说明', table('communities').zh]);
		const sheet = book.getWorksheet(table('communities').zh)!;
		const headers = table('communities').columns.map((c) => c.zh);
		expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
		const mine = PLAN_ROWS.filter((r) => r[1] === '乐成街道');
		expect(sheet.rowCount).toBe(1 + mine.length);
		const col = (name: string) =>
			headers.indexOf(table('communities').columns.find((c) => c.name === name)!.zh) + 1;
		const ours = dataset.communities
			.filter((c) => c.town_code === LECHENG)
			.sort((a, b) => (a.id < b.id ? -1 : 1));
		ours.forEach((c, i) => {
			const row = sheet.getRow(i + 2);
			expect(row.getCell(col('id')).value).toBe(c.id);
			expect(row.getCell(col('name')).value).toBe(c.name);
			const plan = mine.find((r) => r[0] === c.name)!;
			const year = row.getCell(col('completion_year'));
			if (plan[2] === '') {
				expect(year.value).toBeNull();
				expect((year.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(MISSING_FILL);
			} else {
				expect(year.value).toBe(plan[2]);
				expect(year.fill).toBeUndefined();
			}
			const housing = row.getCell(col('housing_type'));
			expect(housing.value).toBeNull();
			expect((housing.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(MISSING_FILL);
			expect(housing.dataValidation.type).toBe('list');
			expect(row.getCell(col('in_shantytown_plan')).dataValidation.formulae).toEqual(['"是,否"']);
		});
		// 说明: the town and the data date, so the re-import keeps it
		const help = book.getWorksheet('说明')!;
		const cells = help.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.slice(1) : []));
		expect(cells).toContain('乐成街道');
		expect(cells).toContain(AS_OF);
	});

	it('filled in and read back by id: facts filled, nothing erased, 未知 becomes a verdict', async () => {
		const { dataset } = await planDataset();
		const town = geo.towns.find((t) => t.code === LECHENG)!;
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await supplementXlsx(dataset.communities, town, META)).buffer as ArrayBuffer);
		const sheet = book.getWorksheet(table('communities').zh)!;
		const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
		const cell = (name: string, header: string) => {
			const r = [...Array(sheet.rowCount).keys()]
				.map((i) => i + 1)
				.find((i) => sheet.getRow(i).getCell(2).value === name)!;
			return sheet.getRow(r).getCell(headers.indexOf(header) + 1);
		};
		// 东浦一区 (built 1992): 房屋类型 and 列入棚改计划 are all §二(一) still needs
		cell('东浦一区', '房屋类型').value = '商品房';
		cell('东浦一区', '列入棚改计划').value = '否';
		cell('双雁新村', '建成年份').value = 1993;
		// a known value cleared by the town: kept, never erased
		cell('东浦三区', '户数').value = null;
		const filled = new Uint8Array(await book.xlsx.writeBuffer());

		const read = await importFiles([{ name: '资料补充表-乐成街道.xlsx', bytes: filled }], {
			defaultTowns: geo.towns,
			locate
		});
		expect(read.problems.filter((p) => p.level === 'error')).toEqual([]);
		expect(read.asOf).toBe(AS_OF);
		const merged = mergeSupplement(dataset, read.dataset.communities);
		const id = (name: string) => dataset.communities.find((c) => c.name === name)!.id;
		expect(merged.unknown).toEqual([]);
		expect(merged.changed).toEqual([]);
		expect(merged.filled).toEqual(
			expect.arrayContaining([
				{ id: id('东浦一区'), column: 'housing_type', from: null, to: 'commodity' },
				{ id: id('东浦一区'), column: 'in_shantytown_plan', from: null, to: false },
				{ id: id('双雁新村'), column: 'completion_year', from: null, to: 1993 }
			])
		);
		expect(merged.filled).toHaveLength(3);
		const after = (name: string) => merged.dataset.communities.find((c) => c.name === name)!;
		expect(after('东浦三区').households).toBe(280);
		// every other community and table as it was
		for (const c of merged.dataset.communities)
			if (![id('东浦一区'), id('双雁新村')].includes(c.id))
				expect(c).toEqual(dataset.communities.find((x) => x.id === c.id));
		expect(merged.dataset.communities).toHaveLength(dataset.communities.length);

		const status = (d: Dataset, name: string) =>
			deriveStatus(d, AS_OF, policyInForce(AS_OF)).find((s) => s.id === id(name))!;
		expect(status(dataset, '东浦一区').eligibility).toBe('unknown');
		// built 1992, not in a shantytown plan, commodity housing, in 乐成街道 (中心城区): eligible first, §二(一)
		expect(status(merged.dataset, '东浦一区').eligibility).toBe('eligible-priority');
		expect(status(merged.dataset, '东浦一区').missing).toBeNull();
		// 双雁新村 still lacks 房屋类型: still 未知
		expect(status(merged.dataset, '双雁新村').eligibility).toBe('unknown');
	});
});
