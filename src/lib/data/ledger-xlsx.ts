/**
 * A validated dataset written back as a clean ledger in the office's template form (`data/template.xlsx`,
 * `scripts/lib/template.ts`): a 说明 sheet, then one sheet per table named in Chinese, the template's Chinese
 * headers on row 1, list values by their Chinese label, yes/no as 是/否, areas in ㎡ and money in 元. Dropped again
 * on /data or given to `npm run data -- --input`, it reads back to the same dataset.
 */
import type { Dataset } from './rows';
import { TABLES, type Column } from './schema';

/** A stored value as the template's cell shows it. */
export function ledgerCell(c: Column, v: unknown): string | number | null {
	if (v === null || v === undefined) return null;
	if (c.type === 'boolean') return v ? '是' : '否';
	if (c.type === 'enum') return c.values?.find((e) => e.code === v)?.zh ?? String(v);
	if (typeof v === 'number') return v;
	return String(v);
}

/** Each table as rows of cells, header first (what the workbook holds, also for tests). */
export function ledgerSheets(dataset: Dataset): { name: string; rows: (string | number | null)[][] }[] {
	return TABLES.map((t) => ({
		name: t.zh,
		rows: [
			t.columns.map((c) => c.zh),
			...(dataset[t.name] as unknown as Record<string, unknown>[]).map((r) =>
				t.columns.map((c) => ledgerCell(c, r[c.name]))
			)
		]
	}));
}

export async function ledgerXlsx(dataset: Dataset, asOf?: string): Promise<Uint8Array> {
	const { default: ExcelJS } = await import('exceljs');
	const wb = new ExcelJS.Workbook();
	wb.creator = '乐清旧改地图 /data';
	const help = wb.addWorksheet('说明');
	help.addRow(['乐清市城镇老旧小区改造数据模板（乐政办发〔2023〕47号）']).font = { bold: true, size: 14 };
	help.addRow(['由数据工作台 /data 导出的已校验台账：金额单位为元，面积单位为㎡，坐标为WGS84经纬度。']);
	if (asOf) help.addRow(['数据截至', asOf]);
	for (const sheet of ledgerSheets(dataset)) {
		const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
		for (const row of sheet.rows) ws.addRow(row);
		ws.getRow(1).font = { bold: true };
		ws.columns.forEach((c, i) => (c.width = Math.max(10, String(sheet.rows[0]![i]).length * 2 + 4)));
	}
	return new Uint8Array(await wb.xlsx.writeBuffer());
}
