// A town's filled 资料补充表 uploaded back by the town (issue 22): the preview of what it would record — read by the
// importer, taken by the supplement's rule (by id, only filled cells, nothing erased), each cell checked by the
// correction form's check (checkFactEntry, one set of rules), a row of another town's community refused naming the
// row and the community, every refusal naming sheet, row, column and value. Expected values are read from the
// example's rows and the workbook cells the test writes, not through the code under test.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { supplementXlsx } from '../../../src/lib/files/supplement-xlsx';
import { importFiles } from '../../../src/lib/ingest/import';
import { supplementPreview, type SupplementPreview } from '../../../src/lib/ingest/supplement-upload';
import type { CommunityRow } from '../../../src/lib/schema/rows';
import { table } from '../../../src/lib/schema/schema';
import { geo, loadExample } from './load';

const CHENGDONG = '330382001';
const AS_OF = '2025-03-31';
const hash = (s: string | Uint8Array) => createHash('sha256').update(s).digest('base64url');
const header = (name: string) => table('communities').columns.find((c) => c.name === name)!.zh;

let ours: CommunityRow[];
let theirs: CommunityRow;
/** The served rows of 城东街道: the example's, with the first community's 车库面积 missing (a fact to fill in). */
let served: { community: Record<string, unknown>; town: string }[];

beforeAll(async () => {
	const { dataset } = await loadExample();
	ours = dataset.communities
		.filter((c) => c.town_code === CHENGDONG)
		.map((c) => ({ ...c }))
		.sort((a, b) => (a.id < b.id ? -1 : 1));
	ours[0]!.garage_area = null;
	theirs = dataset.communities.find((c) => c.town_code === '330382002')!;
	served = ours.map((c) => ({ community: { ...c } as Record<string, unknown>, town: '城东街道' }));
});

/** The town's sheet as downloaded, edited by `edit` (the 小区 sheet, and a cell by community id and column). */
async function filled(
	edit: (cell: (id: string, column: string) => ExcelJS.Cell, sheet: ExcelJS.Worksheet) => void,
	asOf = AS_OF
): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	const town = { code: CHENGDONG, name: '城东街道' };
	await wb.xlsx.load(
		(await supplementXlsx(ours, town, { asOf, asOfSource: { kind: 'today' } })).buffer as ArrayBuffer
	);
	const sheet = wb.getWorksheet('小区')!;
	const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
	edit((id, column) => {
		let row = 0;
		sheet.eachRow((r, n) => {
			if (r.getCell(1).value === id) row = n;
		});
		if (!row) throw new Error(`no row of ${id}`);
		return sheet.getRow(row).getCell(headers.indexOf(header(column)) + 1);
	}, sheet);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function preview(bytes: Uint8Array, name = '资料补充表-城东街道.xlsx'): Promise<SupplementPreview> {
	const read = await importFiles([{ name, bytes }], { defaultTowns: geo.towns, allowMissingPoint: true });
	return supplementPreview({ file: name, upload: hash(bytes), read, served, servedAsOf: AS_OF, hash });
}

/** Row number of a community in the downloaded sheet: the header, then the town's communities in id order. */
const rowOf = (id: string) => ours.findIndex((c) => c.id === id) + 2;

describe('a filled 资料补充表 uploaded by its town: the preview', () => {
	it('as downloaded, unchanged: nothing to record and nothing refused', async () => {
		const p = await preview(await filled(() => undefined));
		expect(p.communities).toEqual([]);
		expect(p.refusals).toEqual([]);
		expect(p.counts).toEqual({ filled: 0, changed: 0, refused: 0 });
		expect(p.asOf).toBeUndefined();
	});

	it('lists each filled cell that differs, per community, before → after; an emptied cell erases nothing', async () => {
		const [a, b] = ours;
		const otherManagement = a!.property_management === 'self' ? 'professional' : 'self';
		const bytes = await filled((cell) => {
			cell(a!.id, 'garage_area').value = 1234.5; // missing in the data: 补入
			cell(a!.id, 'property_management').value = otherManagement === 'self' ? '业主自治' : '专业物业'; // 更正
			cell(b!.id, 'owners').value = b!.owners! + 3; // 更正
			cell(b!.id, 'address').value = null; // emptied: never erases
			// a required fact emptied: the importer refuses the row, naming the cell
			cell(ours[2]!.id, 'name').value = null;
		});
		const p = await preview(bytes);
		expect(p.refusals.map((r) => [r.sheet, r.row, r.column, r.value, r.community])).toEqual([
			['小区', rowOf(ours[2]!.id), '小区名称', '', ours[2]!.id]
		]);
		expect(p.counts).toEqual({ filled: 1, changed: 2, refused: 1 });
		expect(p.communities.map((c) => [c.id, c.row, c.sheet, c.town])).toEqual([
			[a!.id, rowOf(a!.id), '小区', '城东街道'],
			[b!.id, rowOf(b!.id), '小区', '城东街道']
		]);
		const [ca, cb] = p.communities;
		expect(ca!.cells.map((c) => [c.column, c.kind, c.before, c.after, c.header])).toEqual([
			['garage_area', 'filled', null, 1234.5, '车库面积'],
			['property_management', 'changed', a!.property_management, otherManagement, '物业管理']
		]);
		expect(cb!.cells.map((c) => [c.column, c.kind, c.before, c.after])).toEqual([
			['owners', 'changed', b!.owners, b!.owners! + 3]
		]);
		// keys: one per cell, as the changes table takes them (8–64 letters, digits, - and _), all different
		const keys = p.communities.flatMap((c) => c.cells.map((x) => x.key));
		expect(new Set(keys).size).toBe(3);
		for (const k of keys) expect(k).toMatch(/^sup-[A-Za-z0-9_-]{4,60}$/);
		// the same upload previews to the same keys and digest (a confirm sent again records once) …
		const again = await preview(bytes);
		expect(again.communities.flatMap((c) => c.cells.map((x) => x.key))).toEqual(keys);
		expect(again.digest).toBe(p.digest);
		// … another upload's cells are other changes, even where a cell is the same
		const other = await preview(
			await filled((cell) => {
				cell(a!.id, 'garage_area').value = 1234.5;
			})
		);
		expect(other.communities[0]!.cells[0]!.key).not.toBe(keys[0]);
		expect(other.digest).not.toBe(p.digest);
	});

	it("refuses a row of another town's community, naming the row and the community, and an unknown id alike", async () => {
		const bytes = await filled((_cell, sheet) => {
			const columns = table('communities').columns;
			const row = (c: Record<string, unknown>) =>
				columns.map((col) => {
					const v = c[col.name];
					if (typeof v === 'boolean') return v ? '是' : '否';
					if (col.type === 'enum') return col.values!.find((e) => e.code === v)?.zh ?? null;
					return v ?? null;
				});
			sheet.addRow(row({ ...theirs, housing_type: 'commodity' }));
			// elsewhere than ours[1] (not a duplicate of it): an id no community has
			sheet.addRow(
				row({
					...ours[1]!,
					id: 'YQ999999',
					name: '不存在小区',
					lon: ours[1]!.lon! + 0.02,
					lat: ours[1]!.lat! + 0.02
				})
			);
		});
		const p = await preview(bytes);
		expect(p.communities).toEqual([]);
		const at = ours.length + 2;
		expect(p.refusals.map((r) => [r.row, r.community, r.sheet])).toEqual([
			[at, theirs.id, '小区'],
			[at + 1, 'YQ999999', '小区']
		]);
		// the row is the problem's own field (shown once beside the message, not repeated in it)
		expect(p.refusals[0]!.zh).not.toContain('第');
		expect(p.refusals[0]!.zh).toContain(theirs.id);
		expect(p.refusals[0]!.zh).toContain('不属于本账户所辖乡镇');
		expect(p.refusals[0]!.en).toContain("not in this account's towns");
		expect(p.counts.refused).toBe(2);
	});

	it('refuses a bad value naming sheet, row, column and value, by the importer’s rules and the correction’s', async () => {
		const [a, b, c] = ours;
		const building = Math.round(b!.building_area!) + 10000;
		const exclusive = Math.round(b!.building_area!) + 5000;
		const lon = Math.round((c!.lon! + 0.01) * 1e6) / 1e6;
		const bytes = await filled((cell) => {
			// the importer refuses the row: §三(九) a satisfaction score is 0–100
			cell(a!.id, 'satisfaction').value = 101;
			// valid in the sheet's row (its building area raised too), not on the served row: the correction's
			// check refuses the exclusive area above the building area served now, and takes the building area
			cell(b!.id, 'building_area').value = building;
			cell(b!.id, 'exclusive_area').value = exclusive;
			// a town does not move its community's point here (the point has its own form)
			cell(c!.id, 'lon').value = lon;
		});
		const p = await preview(bytes);
		const where = p.refusals.map((r) => [r.sheet, r.row, r.column, r.value, r.community]);
		expect(where).toEqual([
			['小区', rowOf(a!.id), '满意度', '101', a!.id],
			['小区', rowOf(b!.id), '专有部分面积', String(exclusive), b!.id],
			['小区', rowOf(c!.id), '经度', String(lon), c!.id]
		]);
		for (const r of p.refusals) {
			expect(r.zh.length).toBeGreaterThan(0);
			expect(r.en.length).toBeGreaterThan(0);
		}
		expect(p.refusals[0]!.zh).toContain('此行未读入');
		// the building area alone is taken
		expect(p.communities.map((x) => [x.id, x.cells.map((y) => [y.column, y.after])])).toEqual([
			[b!.id, [['building_area', building]]]
		]);
		expect(p.counts).toEqual({ filled: 0, changed: 1, refused: 3 });
	});

	it('says when the sheet was made from older data than the data served now', async () => {
		const p = await preview(await filled(() => undefined, '2024-12-31'));
		expect(p.asOf).toEqual({ sheet: '2024-12-31', served: AS_OF });
	});

	it('reads a CSV of the 小区 sheet as the workbook', async () => {
		const a = ours[0]!;
		const columns = table('communities').columns;
		const line = (cells: unknown[]) =>
			cells
				.map((v) => (v === null || v === undefined ? '' : `"${String(v).replaceAll('"', '""')}"`))
				.join(',');
		const rows = ours.map((c) =>
			columns.map((col) => {
				const v = c[col.name as keyof CommunityRow] as unknown;
				if (c.id === a.id && col.name === 'garage_area') return 88;
				if (typeof v === 'boolean') return v ? '是' : '否';
				if (col.type === 'enum') return col.values!.find((e) => e.code === v)?.zh ?? '';
				return v;
			})
		);
		const text = [line(columns.map((c) => c.zh)), ...rows.map(line)].join('\n') + '\n';
		const p = await preview(new TextEncoder().encode(text), '资料补充表-城东街道.csv');
		expect(p.refusals).toEqual([]);
		expect(p.communities.map((c) => [c.id, c.row, c.cells.map((x) => [x.column, x.after])])).toEqual([
			[a.id, 2, [['garage_area', 88]]]
		]);
	});
});
