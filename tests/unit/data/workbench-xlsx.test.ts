// The workbench's two workbooks: the report (the office's rows, problem cells marked, a 问题 column) and the clean
// ledger in template form, read back through the same read → validate path `npm run data` runs.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ledgerXlsx } from '../../../src/lib/files/ledger-xlsx';
import type { Problem } from '../../../src/lib/ingest/problems';
import { looseProblems, problemColumns, reportXlsx } from '../../../src/lib/ingest/report-xlsx';
import type { RawTable } from '../../../src/lib/ingest/validate';
import { load, loadExample } from './load';

const read = async (bytes: Uint8Array) => {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes.buffer as ArrayBuffer);
	return wb;
};

describe('the report workbook', () => {
	const raw: RawTable = {
		table: 'communities',
		file: '台账.xlsx',
		sheet: '小区',
		header: ['小区编号', '小区名称', '建筑面积（万平方米）'],
		headerRow: 3,
		rows: [
			['FC001', '试验一村', '1.8'],
			['FC002', '=HYPERLINK("x")', '2.4']
		],
		rowNumbers: [4, 6]
	};
	const problems: Problem[] = [
		{
			file: '台账.xlsx',
			sheet: '小区',
			row: 6,
			column: '建筑面积（万平方米）',
			value: '2.4',
			zh: '过小',
			en: 'too small',
			level: 'error'
		},
		{ file: '台账.xlsx', sheet: '小区', row: 5, zh: '跳过合计行', en: 'total row skipped', level: 'notice' },
		{ file: '台账.xlsx', sheet: '小区', row: 0, zh: '表头在第3行', en: 'header on row 3', level: 'notice' }
	];

	it('keeps the office rows at their own numbers, marks the problem cell and says it in 问题', async () => {
		const wb = await read(await reportXlsx([raw], problems));
		const ws = wb.getWorksheet('小区')!;
		expect(ws.getRow(1).values).toEqual([
			undefined,
			'原行号',
			'小区编号',
			'小区名称',
			'建筑面积（万平方米）',
			'问题'
		]);
		expect(ws.getCell(2, 1).value).toBe(4);
		expect(ws.getCell(2, 5).value).toBe('');
		expect(ws.getCell(3, 1).value).toBe(6);
		const marked = ws.getCell(3, 4);
		expect(marked.value).toBe('2.4');
		expect(marked.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFF8C4C4' } });
		expect(JSON.stringify(marked.note)).toContain('过小');
		expect(ws.getCell(2, 4).fill).toBeUndefined();
		expect(String(ws.getCell(3, 5).value)).toContain('错误「建筑面积（万平方米）」：过小 / too small');
	});

	it('writes a formula-looking name as text, never a formula', async () => {
		const wb = await read(await reportXlsx([raw], problems));
		expect(wb.getWorksheet('小区')!.getCell(3, 3).value).toBe('=HYPERLINK("x")');
	});

	it('marks both cells of a pair such as 经度/纬度', () => {
		const header = ['小区编号', '经度', '纬度'];
		const swapped = { ...problems[0]!, column: '经度/纬度' };
		expect(problemColumns(header, swapped)).toEqual([1, 2]);
		expect(problemColumns(header, { ...swapped, column: '纬度' })).toEqual([2]);
		expect(problemColumns(header, { ...swapped, column: undefined })).toEqual([]);
	});

	it('puts problems tied to no row on a sheet of their own', async () => {
		expect(looseProblems([raw], problems).map((p) => p.row)).toEqual([5, 0]);
		const ws = (await read(await reportXlsx([raw], problems))).getWorksheet('其他问题')!;
		expect(ws.rowCount).toBe(3);
		expect(ws.getCell(2, 7).value).toBe('跳过合计行');
	});
});

describe('the clean ledger in template form', () => {
	it('has the template workbook sheets and headers', async () => {
		const { dataset } = await load(['tests/fixtures/good']);
		const ours = await read(await ledgerXlsx(dataset, { asOf: '2024-06-30', asOfSource: { kind: 'flag' } }));
		const template = new ExcelJS.Workbook();
		await template.xlsx.readFile('data/template.xlsx');
		expect(ours.worksheets.map((w) => w.name)).toEqual(template.worksheets.map((w) => w.name));
		for (const ws of template.worksheets.slice(1))
			expect(ours.getWorksheet(ws.name)!.getRow(1).values).toEqual(ws.getRow(1).values);
	});

	it('reads back through npm run data’s path to the same dataset, without a problem', async () => {
		const first = await loadExample();
		expect(first.errors).toEqual([]);
		const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
		const path = join(dir, '台账.xlsx');
		writeFileSync(
			path,
			await ledgerXlsx(first.dataset, { asOf: '2024-06-30', asOfSource: { kind: 'flag' } })
		);
		const again = await load([path]);
		expect(again.errors).toEqual([]);
		expect(again.input.asOf).toBe('2024-06-30');
		expect(again.input.asOfSource).toEqual({ kind: 'file', file: '台账.xlsx', sheet: '说明' });
		expect(again.dataset.communities).toEqual(first.dataset.communities);
		expect(again.dataset.votes).toEqual(first.dataset.votes);
		expect(again.dataset.works).toEqual(first.dataset.works);
		expect(again.dataset.stage_events).toEqual(first.dataset.stage_events);
		expect(again.dataset.funds).toEqual(first.dataset.funds);
		expect(again.dataset.contacts).toEqual(first.dataset.contacts);
		expect(again.dataset.communities.length).toBeGreaterThan(100);
	});

	it('keeps 数据截至 even when the files gave none: the day of the import, said so, read back on re-import (issue 19)', async () => {
		const first = await load(['tests/fixtures/good']);
		const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
		const path = join(dir, '台账.xlsx');
		writeFileSync(
			path,
			await ledgerXlsx(first.dataset, { asOf: '2026-12-01', asOfSource: { kind: 'today' } })
		);
		const help = (await read(new Uint8Array(readFileSync(path)))).getWorksheet('说明')!;
		const rows = help
			.getSheetValues()
			.filter((r) => Array.isArray(r))
			.map((r) => (r as unknown[]).slice(1));
		expect(rows).toContainEqual(['数据截至', '2026-12-01']);
		expect(rows.find((r) => r[0] === '日期来源')?.[1]).toContain('按构建/导入当天计');
		const again = await load([path]);
		expect(again.errors).toEqual([]);
		expect(again.input.asOf).toBe('2026-12-01');
	});

	it('gives formula-looking names and addresses back as the same text (field case 20)', async () => {
		const first = await loadExample();
		const [a, b] = first.dataset.communities;
		const tricky = {
			...first.dataset,
			communities: [
				{ ...a!, name: '=HYPERLINK("http://x","点我")', address: '-3幢' },
				{ ...b!, name: '+86小区', address: '@小区 <b>粗</b>' }
			]
		};
		const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
		const path = join(dir, '台账.xlsx');
		writeFileSync(path, await ledgerXlsx(tricky, { asOf: '2024-06-30', asOfSource: { kind: 'flag' } }));
		const sheet = (await read(new Uint8Array(readFileSync(path)))).getWorksheet('小区')!;
		expect(sheet.getCell(2, 2).type).toBe(ExcelJS.ValueType.String);
		const again = await load([path]);
		expect(again.dataset.communities.map((c) => [c.name, c.address])).toEqual([
			['=HYPERLINK("http://x","点我")', '-3幢'],
			['+86小区', '@小区 <b>粗</b>']
		]);
	});
});
