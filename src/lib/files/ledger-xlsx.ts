/**
 * A validated dataset written back as a clean ledger in the office's template form (`data/template.xlsx`,
 * `template.ts`): a 说明 sheet, then one sheet per table named in Chinese, the template's Chinese
 * headers on row 1, list values by their Chinese label, yes/no as 是/否, areas in ㎡ and money in 元. Dropped again
 * on /data or given to `npm run data -- --input`, it reads back to the same dataset. Written through the one
 * export helper (sheet-export.ts): text as string cells, never formulas.
 */
import { asOfSourceWords } from '../schema/as-of-source';
import type { Dataset, DatasetMeta } from '../schema/rows';
import { TABLES, type Column } from '../schema/schema';
import { xlsxBytes } from './sheet-export';

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

/**
 * The 说明 sheet: what the file is, and 数据截至 with where it came from — always, so a re-import keeps the date
 * (the importer reads 数据截至 back from this sheet, import/as-of.ts) and a date that was only the day of the
 * import says so.
 */
export function ledgerHelp(meta: Pick<DatasetMeta, 'asOf' | 'asOfSource'>): (string | null)[][] {
	return [
		['乐清市城镇老旧小区改造数据模板（乐政办发〔2023〕47号）'],
		['由数据工作台 /data 导出的已校验台账：金额单位为元，面积单位为㎡，坐标为WGS84经纬度。'],
		['数据截至', meta.asOf],
		['日期来源', asOfSourceWords(meta.asOfSource).zh]
	];
}

export function ledgerXlsx(
	dataset: Dataset,
	meta: Pick<DatasetMeta, 'asOf' | 'asOfSource'>
): Promise<Uint8Array> {
	const help = ledgerHelp(meta);
	return xlsxBytes(
		[{ name: '说明', rows: help, width: 24 }, ...ledgerSheets(dataset).map((s) => ({ ...s, width: 16 }))],
		'乐清旧改地图 /data'
	);
}
