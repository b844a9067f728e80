/**
 * The printed reports' own words (`/`'s overview report, the stamp on every printed page, the filter in words).
 * Kept apart from the screen's words: only the reports use them.
 */
import type { Catalogue } from './catalogue';

export const PRINT = {
	'print.appName': { zh: '乐清旧改地图', en: 'Yueqing Renovation Map' },
	'print.asOf': { zh: '数据截至 ', en: 'Data as of ' },
	'print.example': { zh: '示例数据，非真实台账', en: 'Example data, not the real register' },
	'print.overviewTitle': {
		zh: '乐清市城镇老旧小区改造总览',
		en: 'Yueqing old residential community renovation: overview'
	},
	'print.overviewSub': { zh: '依据乐政办发〔2023〕47号', en: 'Under 乐政办发〔2023〕47号' },
	'print.map': { zh: '小区分布', en: 'Communities on the map' },
	'print.kpis': { zh: '关键指标', en: 'Key figures' },
	'print.towns': { zh: '分乡镇街道', en: 'By street and town' },
	'print.town': { zh: '乡镇街道', en: 'Street / town' },
	'print.communities': { zh: '小区数', en: 'Communities' },
	'print.households': { zh: '户数', en: 'Households' },
	'print.investment': { zh: '估算总投资', en: 'Investment' },
	'print.subsidy': { zh: '财政补助需求', en: 'Subsidy demand' },
	'print.ready': { zh: '可列入计划', en: 'Ready for the plan' },
	'print.definitions': { zh: '指标口径', en: 'What each figure counts' },
	'print.rank': { zh: '序号', en: 'No.' },
	'print.name': { zh: '小区', en: 'Community' },
	'print.fundsIn': { zh: '资金到位', en: 'Funds in' },
	'print.professional': { zh: '专业物业', en: 'Professional management' },
	'print.yes': { zh: '是', en: 'yes' },
	'print.noCandidates': { zh: '当前筛选下没有候选小区。', en: 'No candidates under the current filter.' },
	'print.notReady': { zh: '未到位', en: 'not yet' },
	'print.computing': { zh: '计算中…', en: 'Computing…' },
	'print.colon': { zh: '：', en: ':' },

	'print.filter.towns': { zh: '乡镇街道', en: 'Streets and towns' },
	'print.filter.years': { zh: '建成年份', en: 'Year completed' },
	'print.filter.eligibility': { zh: '改造资格', en: 'Eligibility' },
	'print.filter.stage': { zh: '改造阶段', en: 'Stage' },
	'print.filter.housing': { zh: '房屋类型', en: 'Housing type' },
	'print.filter.management': { zh: '物业管理', en: 'Property management' },
	'print.filter.tiers': { zh: '改造内容类别', en: 'Works tier' },
	'print.filter.area': { zh: '区域', en: 'Area' },
	'print.filter.inside': { zh: '地图上绘制的区域内', en: 'inside the area drawn on the map' },
	'print.filter.none': { zh: '全市全部小区（未筛选）', en: 'All communities in the city (no filter)' },
	'print.filter.all': { zh: '范围', en: 'Scope' },
	'print.filter.years.between': { zh: '{from}年至{to}年', en: '{from} to {to}' },
	'print.filter.years.from': { zh: '{from}年及以后', en: '{from} or later' },
	'print.filter.years.to': { zh: '{to}年及以前', en: '{to} or earlier' }
} as const satisfies Catalogue;
