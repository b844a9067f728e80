/** A scenario's results as a workbook: 汇总 (the years), then a sheet per year of funded communities, Chinese headers. */
import { xlsxBytes, type ExportCell, type ExportSheet } from '../files/sheet-export';
import type { Scenario } from './scenario';
import type { Outcome, SimulationResult } from './simulate';
import { reasonText } from './reasons';

export const SUMMARY_HEADERS = [
	'年度',
	'年度预算（元）',
	'补助需求（元）',
	'安排小区数',
	'安排补助（元）',
	'等待小区数',
	'等待补助（元）',
	'结余（元）',
	'居民出资：按比例（元）',
	'居民出资：超上限部分（元）',
	'社会资金（元）',
	'资金到位截止日',
	'状态'
] as const;

export const YEAR_HEADERS = [
	'排序',
	'小区编号',
	'小区名称',
	'乡镇街道',
	'可列入计划日期（资金到位且初审通过）',
	'是否预测',
	'补助（元）',
	'原因',
	'安排年度'
] as const;

export async function scenarioXlsx(
	scenario: Scenario,
	result: SimulationResult,
	townName: (code: string) => string,
	/** The data date (数据截至) the run starts from, kept in the workbook's 说明 sheet. */
	asOf: string
): Promise<Uint8Array> {
	const sheets: ExportSheet[] = [];
	const sheet = (name: string, headers: readonly string[], rows: ExportCell[][]) =>
		sheets.push({ name, rows: [headers, ...rows], width: 16 });
	sheet(
		'汇总',
		SUMMARY_HEADERS,
		result.years.map((y) => [
			y.year,
			y.budget,
			y.demand,
			y.funded,
			y.fundedAmount,
			y.waiting,
			y.waitingAmount,
			y.unspent,
			y.residentBase,
			y.residentExcess,
			y.socialCapital,
			y.readinessDeadline,
			y.decided ? '计划已定（数据）' : '预测'
		])
	);
	const row = (o: Outcome, i: number) => [
		i + 1,
		o.id,
		o.name,
		townName(o.townCode),
		o.milestones.planReady ?? o.milestones.fundsComplete,
		o.milestones.forecast ? '预测' : '实际',
		o.subsidy,
		reasonText(o.reason, 'zh'),
		o.fundedYear === null ? '' : o.planned ? '计划已定（数据）' : '预测'
	];
	for (const y of result.years) {
		const funded = result.outcomes
			.filter((o) => o.fundedYear === y.year)
			.sort((a, b) => ('rank' in a.reason && 'rank' in b.reason ? a.reason.rank - b.reason.rank : 0));
		sheet(`${y.year}年`, YEAR_HEADERS, funded.map(row));
	}
	sheet(
		`截至${result.years.at(-1)?.year ?? ''}年仍未安排`,
		YEAR_HEADERS,
		result.outcomes.filter((o) => o.fundedYear === null).map(row)
	);
	sheets.push({
		name: '说明',
		rows: [
			['乐清市城镇老旧小区改造补助预算情景（乐政办发〔2023〕47号）'],
			['情景', scenario.name],
			['数据截至', asOf]
		],
		width: 24
	});
	return xlsxBytes(sheets, `乐清旧改地图 · ${scenario.name}`);
}
