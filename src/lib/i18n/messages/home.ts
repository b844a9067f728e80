/** `/`'s words: the filters, legend, key figures, drill-down, the drawn area, the towns' table, the list exports
 * and the plan's candidates. */
import type { Catalogue } from './catalogue';

export const HOME = {
	'area.title': { zh: '区域选择', en: 'Area selection' },
	'area.hint': {
		zh: '在地图上单击添加顶点，双击或点“完成”结束（{n}个顶点）',
		en: 'Click the map to add vertices; double-click or press “Done” to finish ({n} vertices)'
	},
	'area.done': { zh: '完成', en: 'Done' },
	'area.cancel': { zh: '取消', en: 'Cancel' },
	'area.draw': { zh: '画区域', en: 'Draw an area' },
	'area.count': { zh: '区域内 {n} 个小区', en: '{n} communities in the area' },
	'area.clear': { zh: '清除区域', en: 'Clear area' },
	'filters.title': { zh: '筛选', en: 'Filters' },
	'filters.clear': { zh: '清除', en: 'Clear' },
	'filters.years': { zh: '建成年份', en: 'Year completed' },
	'filters.from': { zh: '从', en: 'from' },
	'filters.to': { zh: '至', en: 'to' },
	'filters.yearFrom': { zh: '建成年份起', en: 'Completed from year' },
	'filters.yearTo': { zh: '建成年份止', en: 'Completed up to year' },
	'filters.towns': { zh: '乡镇街道', en: 'Streets and towns' },
	'filters.eligibility': { zh: '改造资格', en: 'Eligibility' },
	'filters.stage': { zh: '改造阶段', en: 'Stage' },
	'filters.housing': { zh: '房屋类型', en: 'Housing type' },
	'filters.management': { zh: '物业管理', en: 'Property management' },
	'filters.tiers': { zh: '改造内容类别', en: 'Works tier' },
	'filters.stale': { zh: '超过 N 天未更新', en: 'Not updated in N days' },
	'filters.staleUnit': { zh: '天', en: 'days' },
	'filters.staleDays': { zh: '超过多少天未更新（天）', en: 'Not updated in how many days' },
	'filters.staleHint': {
		zh: '保留最近一次更新早于 N 天前或无记录的小区；日期口径同图例“数据更新”',
		en: 'Keeps the communities last updated more than N days ago or never; the dates as the legend "Last update" counts them'
	},
	'legend.label': { zh: '图例', en: 'Legend' },
	'legend.freshData': {
		zh: '按小区最近一次更新的日期分类：台账中表决、资金到账、进度开始的最近日期；天数算至数据截至 {asOf}。此处不含乡镇填报的变更（仅办公服务器登录后可见）',
		en: "By the day of each community's last update: the latest vote, payment or stage start the ledger holds; days counted to the data's date {asOf}. Changes recorded by the towns are not included (shown only on the office server, signed in)"
	},
	'legend.freshOffice': {
		zh: '按小区最近一次更新的日期分类：台账中表决、资金到账、进度开始的最近日期与乡镇填报的最近一次（待审核或已接受，不含退回）取较晚者；天数算至今天 {today}（北京时间）',
		en: "By the day of each community's last update: the later of the latest vote, payment or stage start the ledger holds and the latest change recorded by its town (pending or accepted, not returned); days counted to today, {today} (Beijing time)"
	},
	'legend.size': { zh: '圆点大小：建筑面积', en: 'Dot size: building area' },
	'legend.points': { zh: '每个圆点为一个符合筛选的小区', en: 'Each dot is a community passing the filter' },
	'legend.unknown': {
		zh: '资料不全：判断改造资格（§二(一)）所需的资料尚缺——建成年份、房屋类型、是否列入棚改计划，2000年后建成的还需设施是否不完善、改造意愿是否强烈；补齐后判断，不等于不符合',
		en: 'Incomplete data: a fact §二(一) needs is missing — year of completion, housing type, whether in the shantytown plan, and for those built after 2000 whether facilities are deficient and residents keen; judged once filled in, not the same as ineligible'
	},
	'legend.cells': {
		zh: '小区密集，按网格汇总：每个圆环为约 {km} 公里见方一格内符合筛选的小区数，环上颜色为各类占比；放大可见各小区',
		en: "Communities too dense to show one by one, counted by grid: each ring is the number of communities passing the filter in a cell about {km} km across, its colours the classes' shares; zoom in to see each community"
	},
	'cell.count': {
		zh: '此格 {n} 个小区符合筛选（约 {km} 公里见方）',
		en: '{n} communities passing the filter in this cell (about {km} km across)'
	},
	'cell.zoom': { zh: '点击放大查看', en: 'Click to zoom in' },
	'kpi.label': { zh: '关键指标', en: 'Key figures' },
	'kpi.wait': { zh: '指标计算中…', en: 'Computing figures…' },
	'kpi.definitions': { zh: '指标口径：每个数字统计什么', en: 'What each figure counts' },
	'export.label': { zh: '导出当前筛选清单', en: 'Export the filtered list' },
	'export.unavailable': {
		zh: '查询引擎未能加载，暂不能导出',
		en: 'The query engine did not load: no export'
	},
	'export.file': { zh: '乐清旧改小区清单', en: 'yueqing-renovation-communities' },
	'drill.selected': { zh: '已选 {towns}', en: 'Selected: {towns}' },
	'drill.back': { zh: '返回全市', en: 'Whole city' },
	'towns.title': { zh: '乡镇街道', en: 'Streets and towns' },
	'towns.colour': { zh: '着色', en: 'Colour' },
	'towns.metric': { zh: '乡镇着色指标', en: 'Figure colouring the towns' },
	'towns.view': { zh: '查看{town}', en: 'Show {town}' },
	'towns.none': { zh: '不着色', en: 'none' },
	'towns.colon': { zh: '：', en: ': ' },
	'plan.label': { zh: '下一年度计划候选', en: "Candidates for next year's plan" },
	'plan.title': {
		zh: '{year}年计划候选（按政策优先顺序）',
		en: 'Candidates for the {year} plan (policy order)'
	},
	'plan.why': {
		zh: '乡镇初审通过且居民自筹资金于{date}前全部到位者可列入（§三(四)）；资金率先到位者优先（§五(三)），同等条件下专业物业优先（§三(一)）。',
		en: 'Communities whose town review has passed and whose resident funds are all in by {date} may enter (§三(四)); the earliest funded go first (§五(三)), then those with professional management (§三(一)).'
	},
	'plan.awaitingTitle': {
		zh: '乡镇初审中（资金已到位，尚未通过）',
		en: 'In town review (funds in, not yet passed)'
	},
	'plan.awaitingWhy': {
		zh: '初审通过后才可上报（§三(四)），不是候选；按资金到位先后排列。',
		en: 'Not candidates until the review passes (§三(四)); by the day their funds were complete.'
	},
	'plan.none': { zh: '当前筛选下没有候选小区。', en: 'No candidates under the current filter.' },
	'plan.detail': { zh: '资金到位 {date}', en: 'funds in {date}' },
	'plan.professional': { zh: '专业物业', en: 'professional management' },
	'plan.subsidy': { zh: '补助 {money}', en: 'subsidy {money}' },
	'plan.more': { zh: '另有 {n} 个', en: '{n} more' },
	'map.lastUpdate': { zh: '最近更新 {date}', en: 'last update {date}' },
	'map.noUpdate': { zh: '无更新记录', en: 'no dated record' },
	'map.live': { zh: '有乡镇填报（未审核）', en: 'has changes reported by the town (not reviewed)' }
} as const satisfies Catalogue;
