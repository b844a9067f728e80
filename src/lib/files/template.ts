/**
 * The office's workbook (the template): a 说明 sheet, then one sheet per table with Chinese headers and drop-down
 * lists. `npm run template` writes it to data/template.xlsx; /data offers it as a download (模板下载), built in the
 * browser. ExcelJS is passed in so the page loads it only when the keeper asks.
 */
import type ExcelJS from 'exceljs';
import { TABLES, type Column } from '../schema/schema';

/** Rows of each sheet that get drop-downs for list and yes/no columns. */
const VALIDATED_ROWS = 500;

function listOf(c: Column): string[] | null {
	if (c.type === 'boolean') return ['是', '否'];
	if (c.type === 'enum' && c.values && c.values.length <= 12) return c.values.map((v) => v.zh);
	return null;
}

function describe(c: Column): string {
	if (c.values) return c.values.map((v) => v.zh).join('、');
	if (c.type === 'boolean') return '是 / 否';
	if (c.type === 'date') return '日期，如 2024-05-31';
	const range = [
		c.min !== undefined ? `${c.exclusiveMin ? '>' : '≥'} ${c.min}` : '',
		c.max !== undefined ? `≤ ${c.max}` : ''
	];
	return range.filter(Boolean).join('，');
}

export function makeTemplate(lib: typeof ExcelJS): ExcelJS.Workbook {
	const wb = new lib.Workbook();
	wb.creator = '乐清旧改地图';
	wb.created = new Date(Date.UTC(2024, 0, 5));
	wb.modified = wb.created;

	const help = wb.addWorksheet('说明');
	help.columns = [
		{ width: 16 },
		{ width: 22 },
		{ width: 22 },
		{ width: 10 },
		{ width: 8 },
		{ width: 8 },
		{ width: 40 },
		{ width: 60 }
	];
	help.addRow(['乐清市城镇老旧小区改造数据模板（乐政办发〔2023〕47号）']).font = { bold: true, size: 14 };
	help.addRow([
		'填写说明：每张表一个工作表，第一行为表头，请勿修改表头和工作表名称；从第二行起每行一条记录。'
	]);
	help.addRow([
		'坐标为WGS84经纬度；如来自高德地图（GCJ-02），表头写「经度(高德)」「纬度(高德)」即会换算。金额单位为元，面积单位为㎡；如用万元、万㎡，请在表头注明，如「建筑面积（万㎡）」。'
	]);
	help.addRow([
		'导入：npm run data -- --input 本文件.xlsx。有错误时会列出全部错误（工作表、行、列、原因），不会覆盖已有数据。'
	]);
	const asOf = help.addRow(['数据截至', null]);
	asOf.getCell(1).font = { bold: true };
	asOf.getCell(2).numFmt = 'yyyy-mm-dd';
	asOf.getCell(2).note =
		'填写本台账数据的截止日期，如 2024-06-30；导入时作为数据日期（看板上的“数据截至”）。';
	help.addRow([]);
	help.addRow(['工作表', '表头', '英文列名', '类型', '单位', '必填', '取值', '说明']).font = { bold: true };
	for (const t of TABLES) {
		for (const c of t.columns)
			help.addRow([t.zh, c.zh, c.name, c.type, c.unit ?? '', c.required ? '是' : '', describe(c), c.doc]);
	}

	for (const t of TABLES) {
		const sheet = wb.addWorksheet(t.zh, { views: [{ state: 'frozen', ySplit: 1 }] });
		sheet.columns = t.columns.map((c) => ({
			header: c.zh,
			key: c.name,
			width: Math.max(10, c.zh.length * 2 + 4)
		}));
		sheet.getRow(1).font = { bold: true };
		t.columns.forEach((c, i) => {
			const cell = sheet.getCell(1, i + 1);
			cell.note = `${c.name}${c.unit ? `（${c.unit}）` : ''}${c.required ? '，必填' : ''}：${describe(c) || c.type}`;
			const list = listOf(c);
			if (!list) return;
			for (let r = 2; r <= VALIDATED_ROWS + 1; r++) {
				sheet.getCell(r, i + 1).dataValidation = {
					type: 'list',
					allowBlank: !c.required,
					formulae: [`"${list.join(',')}"`],
					showErrorMessage: true,
					errorTitle: c.zh,
					error: `请从列表中选择：${list.join('、')}`
				};
			}
		});
	}
	return wb;
}

/** The template as .xlsx bytes, ExcelJS loaded on demand (the browser's download). */
export async function templateBytes(): Promise<Uint8Array> {
	const { default: lib } = await import('exceljs');
	return new Uint8Array(await makeTemplate(lib).xlsx.writeBuffer());
}
