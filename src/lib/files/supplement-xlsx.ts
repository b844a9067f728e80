/**
 * A town's 资料补充表 (supplement sheet, issue 20): one workbook for one 乡镇街道 — what its office fills in and
 * sends back. One workbook per town rather than one sheet per town in a shared book: each office gets only its own
 * communities (nothing of another town to overwrite or leak), fills it in at its own pace, and the keeper imports
 * each as it comes back.
 *
 * The workbook: a 说明 sheet (the town, what to do, 数据截至 of the data it was made from — read back on import),
 * then the template's 小区 sheet: the template's Chinese headers on row 1 (the importer reads it back as it reads
 * the template), one row per community of the town with its 小区编号 (the generated one when the list had none —
 * the key it is matched back by), the facts already known filled in, the missing facts empty and highlighted, the
 * template's drop-down lists on the list and yes/no columns. ExcelJS is loaded only when asked for.
 */
import type { CommunityRow, DatasetMeta, TownRow } from '../schema/rows';
import { COMMUNITY_FACTS, table, type Column } from '../schema/schema';
import { ledgerCell, ledgerHelp } from './ledger-xlsx';

/** The fill of a cell the town is asked to fill in (a light yellow). */
export const MISSING_FILL = 'FFFFF2AB';

/** The drop-down list of a column, as the template offers it (yes/no, and lists of up to 12 values), or null. */
function listOf(c: Column): string[] | null {
	if (c.type === 'boolean') return ['是', '否'];
	if (c.type === 'enum' && c.values && c.values.length <= 12) return c.values.map((v) => v.zh);
	return null;
}

/** The file name offered for a town's sheet, e.g. 资料补充表-乐成街道.xlsx. */
export const supplementFileName = (town: Pick<TownRow, 'name'>) => `资料补充表-${town.name}.xlsx`;

/**
 * The town's communities (in id order) and, per community, the facts it lacks (COMMUNITY_FACTS with an empty cell).
 */
export function supplementRows(
	communities: readonly CommunityRow[],
	townCode: string
): { community: CommunityRow; missing: string[] }[] {
	return communities
		.filter((c) => c.town_code === townCode)
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
		.map((community) => ({
			community,
			missing: COMMUNITY_FACTS.filter((f) => community[f] === null)
		}));
}

/**
 * The town's 资料补充表 as .xlsx bytes.
 * @param communities every community loaded now (the town's are picked)
 * @param town the town the sheet is for
 * @param meta the data's 数据截至 and its source (written to 说明, so the re-import keeps the date)
 */
export async function supplementXlsx(
	communities: readonly CommunityRow[],
	town: Pick<TownRow, 'code' | 'name'>,
	meta: Pick<DatasetMeta, 'asOf' | 'asOfSource'>
): Promise<Uint8Array> {
	const { default: ExcelJS } = await import('exceljs');
	const rows = supplementRows(communities, town.code);
	const t = table('communities');
	const wb = new ExcelJS.Workbook();
	wb.creator = '乐清旧改地图 /data';

	const help = wb.addWorksheet('说明');
	help.columns = [{ width: 16 }, { width: 90 }];
	const [title, , asOf, source] = ledgerHelp(meta);
	help.addRow([`资料补充表 · ${town.name}（${title![0]}）`]).font = { bold: true, size: 13 };
	help.addRow([
		'填写说明',
		`请在「${t.zh}」工作表中补填黄色空格（缺少的资料），已有的资料可核对更正；不要修改表头、工作表名称和小区编号，不要增删行。是/否和列表项请从下拉列表中选择。面积单位为㎡，金额单位为元。填好后交回，由数据管理员在 /data 导入（勾选「资料补充表」），按小区编号补入。`
	]);
	help.addRow([
		'Instructions',
		`Fill in the yellow cells of the ${t.zh} sheet (the facts missing); known values may be corrected. Keep the headers, the sheet names and the ids (小区编号); add or remove no rows. Send it back: the keeper imports it on /data as a supplement sheet, matched by id.`
	]);
	help.addRow(['乡镇街道', town.name]);
	help.addRow(['小区数', rows.length]);
	help.addRow(['缺资料的小区', rows.filter((r) => r.missing.length > 0).length]);
	help.addRow(asOf!);
	help.addRow(source!);

	const sheet = wb.addWorksheet(t.zh, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
	sheet.columns = t.columns.map((c) => ({
		header: c.zh,
		key: c.name,
		width: Math.max(10, c.zh.length * 2 + 4)
	}));
	sheet.getRow(1).font = { bold: true };
	rows.forEach(({ community, missing }, i) => {
		const r = i + 2;
		t.columns.forEach((c, j) => {
			const cell = sheet.getCell(r, j + 1);
			const value = ledgerCell(c, (community as unknown as Record<string, unknown>)[c.name]);
			if (value !== null) cell.value = value;
			if (missing.includes(c.name))
				cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: MISSING_FILL } };
			const list = listOf(c);
			if (list)
				cell.dataValidation = {
					type: 'list',
					allowBlank: !c.required,
					formulae: [`"${list.join(',')}"`],
					showErrorMessage: true,
					errorTitle: c.zh,
					error: `请从列表中选择：${list.join('、')}`
				};
		});
	});
	return new Uint8Array(await wb.xlsx.writeBuffer());
}
