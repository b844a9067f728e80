import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { nameProblem, workbookProblem } from './uploads';

describe('upload names', () => {
	it('accepts the office’s file names, Chinese included', () => {
		for (const name of ['旧改台账 2024.xlsx', 'communities.csv', '乐清 (1).et', 'towns.geojson'])
			expect(nameProblem(name), name).toBeUndefined();
	});
	it('refuses paths, dot files, control characters and unknown types, naming the file', () => {
		for (const name of [
			'../x.csv',
			'..\\x.csv',
			'a/b.csv',
			'.env',
			'a\u0000.csv',
			'x.exe',
			'a..b.csv',
			'',
			'x<y>.csv'
		]) {
			const p = nameProblem(name);
			expect(p, JSON.stringify(name)).toBeDefined();
			expect(p!.status).toBe(400);
		}
		expect(nameProblem('x.exe')!.zh).toContain('x.exe');
	});
});

async function workbook(rows: number): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('小区');
	ws.addRow(['小区名称', '户数']);
	ws.addRow(['东浦二区', 120]);
	const plain = Buffer.from(await wb.xlsx.writeBuffer());
	if (rows === 0) return plain;
	// the same workbook with a million empty rows in its sheet, as Excel writes when rows were formatted to the end
	const zip = await JSZip.loadAsync(plain);
	const path = Object.keys(zip.files).find((p) => /worksheets\/sheet1\.xml$/.test(p))!;
	const xml = await zip.file(path)!.async('string');
	const empty = Array.from({ length: rows }, (_, i) => `<row r="${i + 3}"/>`).join('');
	zip.file(path, xml.replace('</sheetData>', `${empty}</sheetData>`));
	return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('workbooks that unpack too large', () => {
	it('passes an ordinary workbook and files that are not zips', async () => {
		expect(await workbookProblem('台账.xlsx', await workbook(0))).toBeUndefined();
		expect(await workbookProblem('a.csv', Buffer.from('x,y'))).toBeUndefined();
	});
	it('refuses a workbook of a million empty rows from its zip directory alone, saying what to do', async () => {
		const bytes = await workbook(1_000_000);
		const p = await workbookProblem('台账.xlsx', bytes);
		expect(p?.status).toBe(422);
		expect(p?.zh).toContain('空行');
	});
	it('passes a large sheet full of values (30,000 rows)', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('小区');
		ws.addRow(['小区名称', '户数', '街道']);
		for (let i = 0; i < 30_000; i++) ws.addRow([`小区${i}`, 100 + (i % 50), '乐成街道']);
		expect(await workbookProblem('大台账.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).toBeUndefined();
	});
	it('refuses a file named .xlsx that is not a zip', async () => {
		expect((await workbookProblem('x.xlsx', Buffer.from('not a zip')))?.en).toMatch(/not a valid xlsx/);
	});
});
