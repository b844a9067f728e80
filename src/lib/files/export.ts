/**
 * The filtered list as a table people open in Excel: Chinese headers, Chinese labels for codes, amounts in yuan —
 * written through the one export helper (sheet-export.ts).
 */
import { classOfCode, FILTER_VALUES, labelOf, PROGRAMME_VALUES, type Colouring } from '../verdict/classes';
import { asOfSourceWords, type AsOfSource } from '../schema/as-of-source';
import { csvText, xlsxBytes } from './sheet-export';

export interface ExportRow {
	id: string;
	name: string;
	town_name: string;
	address: string | null;
	/** Null when not known (资料不全): an empty cell. */
	completion_year: number | null;
	building_area: number | null;
	households: number | null;
	buildings: number | null;
	/** '' or null when not known: an empty cell. */
	housing_type: string | null;
	property_management: string | null;
	eligibility: string;
	programme: string;
	application_vote: string;
	scheme_vote: string;
	stage: string;
	stage_date: string | null;
	investment: number;
	resident_required: number;
	resident_raised: number;
	subsidy: number;
	works_start: string | null;
	ready_date: string | null;
	ready_for_plan: boolean;
	awaiting_review: boolean;
	lon: number;
	lat: number;
}

const classLabel = (colouring: Colouring) => (code: string) => classOfCode(colouring, code)?.zh ?? code;

/** [header, value] per column, in order. */
export const EXPORT_COLUMNS: readonly [string, (r: ExportRow) => string | number | null][] = [
	['小区编号', (r) => r.id],
	['小区名称', (r) => r.name],
	['乡镇街道', (r) => r.town_name],
	['地址', (r) => r.address],
	['建成年份', (r) => r.completion_year],
	['建筑面积（㎡）', (r) => r.building_area],
	['户数', (r) => r.households],
	['楼栋数', (r) => r.buildings],
	['房屋类型', (r) => (r.housing_type ? labelOf(FILTER_VALUES.housing, r.housing_type) : null)],
	[
		'物业管理',
		(r) => (r.property_management ? labelOf(FILTER_VALUES.management, r.property_management) : null)
	],
	['改造资格', (r) => classLabel('eligibility')(r.eligibility)],
	['改造口径', (r) => labelOf(PROGRAMME_VALUES, r.programme)],
	['申请表决', (r) => classLabel('applicationVote')(r.application_vote)],
	['方案表决', (r) => classLabel('schemeVote')(r.scheme_vote)],
	['当前阶段', (r) => labelOf(FILTER_VALUES.stage, r.stage)],
	['阶段日期', (r) => r.stage_date],
	['总投资（元，不含加装电梯）', (r) => r.investment],
	['居民应出资（元；早期项目为台账已出资，不在范围为0）', (r) => r.resident_required],
	['居民已到位（元）', (r) => r.resident_raised],
	['财政补助（元；早期项目为台账已拨，不在范围为0）', (r) => r.subsidy],
	['开工日期', (r) => r.works_start],
	['资金到位日期', (r) => r.ready_date],
	['可列入下一年度计划（初审已通过且资金到位）', (r) => (r.ready_for_plan ? '是' : '否')],
	['乡镇初审中（资金已到位）', (r) => (r.awaiting_review ? '是' : '否')],
	['经度', (r) => r.lon],
	['纬度', (r) => r.lat]
];

export function exportTable(rows: readonly ExportRow[]): (string | number | null)[][] {
	return [EXPORT_COLUMNS.map(([h]) => h), ...rows.map((r) => EXPORT_COLUMNS.map(([, f]) => f(r)))];
}

/** A grid of cells (first row the header), e.g. the SQL console's result; through the one export helper. */
export type Grid = readonly (readonly (string | number | boolean | null)[])[];

export function gridToCsv(grid: Grid): string {
	return csvText(grid);
}

export function gridToXlsx(grid: Grid, sheet: string): Promise<Uint8Array> {
	return xlsxBytes([{ name: sheet, rows: grid }]);
}

export function toCsv(rows: readonly ExportRow[]): string {
	return csvText(exportTable(rows));
}

/**
 * The filtered list as XLSX: the list, then a 说明 sheet with the data date (数据截至) and where it came from, the
 * filter the list was taken under, in words, and how many communities it holds — so the file says what it is
 * wherever it is sent (the CSV carries the date in its file name).
 * @param meta.filter — the filter in words, one line per part set (`filterWords` in Chinese: a label and its
 *   values; one line 范围 — 全市全部小区 when nothing is set)
 */
export async function toXlsx(
	rows: readonly ExportRow[],
	meta: { asOf: string; asOfSource?: AsOfSource; filter: readonly { label: string; value: string }[] },
	sheet = '小区清单'
): Promise<Uint8Array> {
	return xlsxBytes([
		{ name: sheet, rows: exportTable(rows) },
		{
			name: '说明',
			rows: [
				['乐清市城镇老旧小区改造 · 小区清单（乐政办发〔2023〕47号）'],
				['数据截至', meta.asOf],
				['日期来源', asOfSourceWords(meta.asOfSource).zh],
				...meta.filter.map((l) => [`筛选：${l.label}`, l.value]),
				['小区数', rows.length],
				['金额', '早期项目（本方案施行前开工）为台账记录；不在改造范围的补助与居民出资为0'],
				['口径', '各项数字的定义见 docs/figures.md']
			],
			width: 24
		}
	]);
}
