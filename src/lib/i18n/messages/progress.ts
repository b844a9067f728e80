/** The public progress site (`/progress`, `routes-public`): headline, map, search, cards, timeline, tables. */
import type { Catalogue } from './catalogue';

export const PROGRESS = {
	'progress.title': { zh: '乐清市老旧小区改造进度', en: 'Yueqing old community renovation: progress' },
	'progress.subtitle': {
		zh: '查一查您的小区是否列入改造、进展到哪一步',
		en: 'Is your community in the programme, and how far has it got?'
	},
	'progress.asOf': { zh: '数据截至 {date}', en: 'As of {date}' },
	'progress.headline': { zh: '改造总体进展', en: 'Progress at a glance' },
	'progress.renovated': { zh: '已完成改造', en: 'Renovated' },
	'progress.construction': { zh: '正在施工', en: 'Under construction' },
	'progress.planned': { zh: '已列入计划、待开工', en: 'In a plan, not yet begun' },
	'progress.plannedYear': { zh: '{year}年计划{n}个', en: '{n} in the {year} plan' },
	'progress.rest': {
		zh: '全市共{total}个小区，以上三项互不重叠；其余{rest}个尚未列入年度计划，其中{out}个不在本次改造范围。',
		en: 'Of {total} communities in all (the three figures above never overlap), {rest} are in no plan yet, {out} of them outside the programme.'
	},
	'progress.communitiesHouseholds': {
		zh: '{communities}个小区 · {households}户',
		en: '{communities} communities · {households} households'
	},
	'progress.satisfaction': { zh: '居民满意度（后评估）', en: "Residents' satisfaction (post-evaluation)" },
	'progress.satisfactionValue': { zh: '满分100，{n}个小区平均', en: 'out of 100, mean of {n} communities' },
	'progress.search': { zh: '查找小区', en: 'Find a community' },
	'progress.searchLabel': {
		zh: '小区名称、地址或拼音首字母',
		en: 'Community name, address or pinyin initials'
	},
	'progress.searchPlaceholder': { zh: '如：东浦二区 或 dpeq', en: 'e.g. 东浦二区 or dpeq' },
	'progress.searchWait': {
		zh: '数据加载中，稍候即可查找…',
		en: 'Loading data; search will be ready in a moment…'
	},
	'progress.cardWait': {
		zh: '正在加载小区详情…',
		en: 'Loading the community’s details…'
	},
	'progress.noResults': {
		zh: '没有找到“{q}”，请换个名称或地址试试。',
		en: 'Nothing found for “{q}”. Try another name or address.'
	},
	'progress.results': { zh: '找到 {n} 个小区', en: '{n} communities found' },
	'progress.map': { zh: '小区改造进度地图', en: 'Map of communities by stage' },
	'progress.mapHint': {
		zh: '点击圆点查看小区；双指拖动地图',
		en: 'Tap a dot to see the community; drag with two fingers'
	},
	'progress.mapHintMouse': {
		zh: '点击圆点查看小区；按住 Ctrl 并滚动鼠标以缩放地图',
		en: 'Click a dot to see the community; hold Ctrl and scroll to zoom'
	},
	'progress.legend': { zh: '图例', en: 'Legend' },
	'progress.legend.stages': {
		zh: '圆点：小区当前改造进度，越大户数越多',
		en: "Dots: each community's stage; larger, more households"
	},
	'progress.legend.towns': {
		zh: '乡镇街道底色：已完成改造的小区数',
		en: 'Shading of streets and towns: communities renovated'
	},
	'progress.legend.count': { zh: '{n} 个', en: '{n}' },
	'progress.byYear': { zh: '历年完成改造', en: 'Completed each year' },
	'progress.year': { zh: '年份', en: 'Year' },
	'progress.communities': { zh: '小区', en: 'Communities' },
	'progress.households': { zh: '户数', en: 'Households' },
	'progress.timeline': { zh: '逐月完成改造的小区', en: 'Communities completed month by month' },
	'progress.play': { zh: '播放', en: 'Play' },
	'progress.pause': { zh: '暂停', en: 'Pause' },
	'progress.reset': { zh: '显示全部', en: 'Show all' },
	'progress.cursor': { zh: '截至{month}：累计完成 {n} 个小区', en: 'By {month}: {n} communities completed' },
	'progress.month': { zh: '月份', en: 'Month' },
	'progress.towns': { zh: '各乡镇街道', en: 'By street and town' },
	'progress.town': { zh: '乡镇街道', en: 'Street or town' },
	'progress.townRenovated': { zh: '已完成改造', en: 'Renovated' },
	'progress.townConstruction': { zh: '正在施工', en: 'Under construction' },
	'progress.townPlanned': { zh: '已列入计划、待开工', en: 'In a plan, not yet begun' },
	'progress.card.close': { zh: '关闭', en: 'Close' },
	'progress.card.stage': { zh: '当前进度', en: 'Stage' },
	'progress.card.since': { zh: '{date}起', en: 'since {date}' },
	'progress.card.completed': { zh: '{date}通过验收', en: 'accepted on {date}' },
	'progress.card.planYear': { zh: '列入{year}年改造计划', en: 'in the {year} renovation plan' },
	'progress.card.facts': {
		zh: '{year}年建成 · {households}户',
		en: 'built {year} · {households} households'
	},
	'progress.card.works': { zh: '改造内容', en: 'Planned works' },
	'progress.card.noWorks': { zh: '改造内容尚未确定', en: 'Works not yet decided' },
	'progress.card.item': { zh: '{n}项', en: '{n} item' },
	'progress.card.items': { zh: '{n}项', en: '{n} items' },
	'progress.card.tierMix': { zh: '投资构成', en: 'Investment by tier' },
	'progress.card.investment': { zh: '总投资（公示）', en: 'Total investment (as published)' },
	'progress.card.residents': { zh: '其中居民出资', en: 'of which residents pay' },
	'progress.card.next': { zh: '下一步', en: 'Next step' },
	'progress.card.contact': { zh: '咨询单位', en: 'Office to contact' },
	'progress.card.voteFailed.application': {
		zh: '申请表决未通过，需重新组织表决',
		en: 'The application vote did not pass and will be held again'
	},
	'progress.card.voteFailed.scheme': {
		zh: '改造方案表决未通过，需重新组织表决',
		en: 'The vote on the renovation scheme did not pass and will be held again'
	},
	'progress.card.done': { zh: '改造已全部完成', en: 'The renovation is complete' },
	'progress.card.satisfaction': {
		zh: '居民满意度 {score} 分',
		en: "Residents' satisfaction: {score} of 100"
	},
	'progress.card.notStarted': { zh: '尚未启动改造', en: 'Renovation not started' },
	'progress.card.outOfScope': {
		zh: '本小区不在本次老旧小区改造范围内（乐政办发〔2023〕47号 §二(一)），没有改造步骤；详情请咨询所在乡镇（街道）',
		en: 'This community is outside the old-community renovation programme (§二(一)): there is no renovation step; ask your street or town office'
	},
	'progress.card.earlier': {
		zh: '早期项目（本方案施行前开工），金额按台账记录',
		en: 'Earlier project (begun before the scheme): amounts as the ledger records them'
	},
	'progress.office.subdistrict': { zh: '{town}办事处', en: '{town} office' },
	'progress.office.town': { zh: '{town}人民政府', en: '{town} government' },
	'progress.dataError': { zh: '数据加载失败：{error}', en: 'Data failed to load: {error}' },
	'progress.skip': { zh: '跳到查找', en: 'Skip to search' }
} as const satisfies Catalogue;
