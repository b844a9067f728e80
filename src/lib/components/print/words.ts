/** The printed reports' own words (zh / en). Kept apart from the screen's messages: only the reports use them. */
export const REPORT_WORDS = {
	appName: { zh: '乐清旧改地图', en: 'Yueqing Renovation Map' },
	asOf: { zh: '数据截至 ', en: 'Data as of ' },
	example: { zh: '示例数据，非真实台账', en: 'Example data, not the real register' },
	overviewTitle: {
		zh: '乐清市城镇老旧小区改造总览',
		en: 'Yueqing old residential community renovation: overview'
	},
	overviewSub: { zh: '依据乐政办发〔2023〕47号', en: 'Under 乐政办发〔2023〕47号' },
	map: { zh: '小区分布', en: 'Communities on the map' },
	kpis: { zh: '关键指标', en: 'Key figures' },
	towns: { zh: '分乡镇街道', en: 'By street and town' },
	town: { zh: '乡镇街道', en: 'Street / town' },
	communities: { zh: '小区数', en: 'Communities' },
	households: { zh: '户数', en: 'Households' },
	investment: { zh: '估算总投资', en: 'Investment' },
	subsidy: { zh: '财政补助需求', en: 'Subsidy demand' },
	ready: { zh: '可列入计划', en: 'Ready for the plan' },
	definitions: { zh: '指标口径', en: 'What each figure counts' },
	rank: { zh: '序号', en: 'No.' },
	name: { zh: '小区', en: 'Community' },
	fundsIn: { zh: '资金到位', en: 'Funds in' },
	professional: { zh: '专业物业', en: 'Professional management' },
	yes: { zh: '是', en: 'yes' },
	noCandidates: { zh: '当前筛选下没有候选小区。', en: 'No candidates under the current filter.' },
	notReady: { zh: '未到位', en: 'not yet' },
	computing: { zh: '计算中…', en: 'Computing…' }
} as const;
