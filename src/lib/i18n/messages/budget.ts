/** `/budget`: the scenarios, their editor, results, chart, waiting list, basis and the printed scenario report. */
import type { Catalogue } from './catalogue';

export const BUDGET = {
	'budget.title': { zh: '补助预算模拟', en: 'Subsidy budget simulator' },
	'budget.subtitle': {
		zh: '{first}–{last}年各年度财政补助需求与预算，按政策规则逐年安排',
		en: 'Subsidy demand against the budget, {first}–{last}, year by year under the policy'
	},
	'budget.back': { zh: '← 返回总览', en: '← Back to the overview' },
	'budget.editor': { zh: '情景设置', en: 'Scenario settings' },
	'budget.name': { zh: '情景名称', en: 'Scenario name' },
	'budget.budgets': { zh: '年度补助预算（万元）', en: 'Annual subsidy budget (10k yuan)' },
	'budget.policy': { zh: '政策参数', en: 'Policy parameters' },
	'budget.cap': { zh: '补助上限（元/㎡）§五(二)1', en: 'Subsidy cap (yuan/㎡) §五(二)1' },
	'budget.shareBasic': { zh: '居民出资：基础类（%）', en: 'Residents pay: basic (%)' },
	'budget.shareImprovement': { zh: '居民出资：完善类（%）', en: 'Residents pay: improvement (%)' },
	'budget.shareUpgrade': { zh: '居民出资：提升类（%）', en: 'Residents pay: upgrade (%)' },
	'budget.social': {
		zh: '社会资金占投资（%，至少按已到位）',
		en: 'Social capital, % of investment (at least as recorded)'
	},
	'budget.growth': { zh: '年成本增长（%）', en: 'Cost growth a year (%)' },
	'budget.fill': { zh: '安排规则', en: 'Fill rule' },
	'budget.fillStrict': {
		zh: '顺序安排，放不下即止（strict）',
		en: 'in order, stop at the first that does not fit (strict)'
	},
	'budget.fillSkip': { zh: '放不下则跳过，继续安排（skip）', en: 'skip what does not fit and go on (skip)' },
	'budget.pipeline': { zh: '候选范围', en: 'Pipeline' },
	'budget.pipelineEligible': { zh: '全部符合条件的小区', en: 'every eligible community' },
	'budget.pipelineFilter': { zh: '地图筛选：{filter}', en: 'map filter: {filter}' },
	'budget.pipelineIds': { zh: '指定小区（编号，空格分隔）', en: 'chosen communities (ids, space-separated)' },
	'budget.rates': { zh: '进度预测（天）', en: 'Pipeline forecast (days)' },
	'budget.ratesNote': {
		zh: '尚未筹齐资金的小区，按下列时长预测申请表决通过、资金到位、方案表决通过的日期；默认值取自本数据的历史中位数（启动时长为假设）。资金到位：尚未筹集的比例 ×「申请表决通过 → 资金到位」天数，自数据截至日起算，且不早于表决通过后的该天数——已筹90%的小区比筹19%的早到位。乡镇初审已开始但尚未通过的，最早于数据截至日后{overdue}天计为可列入计划。',
		en: "For communities whose funds are not complete, votes and funds are forecast with these durations; defaults are the medians of this dataset (the start delay is an assumption). Funds: the share still to raise × the 'application vote passed → funds complete' days, counted from the data date and never before the vote plus those days — a community at 90% completes sooner than one at 19%. A town review begun but not passed counts as ready {overdue} days after the data date at the earliest."
	},
	'budget.startDelay': { zh: '未启动 → 征求意见', en: 'not started → first opinions' },
	'budget.toVote': { zh: '征求意见 → 申请表决', en: 'opinions → application vote' },
	'budget.toFunds': { zh: '申请表决通过 → 资金到位', en: 'application vote passed → funds complete' },
	'budget.toScheme': { zh: '申请表决通过 → 方案表决', en: 'application vote passed → scheme vote' },
	'budget.passRate': { zh: '表决通过率（%）', en: 'Votes passed (%)' },
	'budget.estimated': { zh: '数据估计 {v}', en: 'estimated {v}' },
	'budget.uncertainty': { zh: '考虑不确定性（蒙特卡洛，P10–P90）', en: 'Uncertainty (Monte Carlo, P10–P90)' },
	'budget.draws': { zh: '抽样次数', en: 'Draws' },
	'budget.seed': { zh: '随机种子', en: 'Seed' },
	'budget.keptLastGood': { zh: '——仍按上一个有效情景计算', en: ' — the last valid scenario is kept' },
	'budget.loading': { zh: '正在加载数据与计算…', en: 'Loading data and computing…' },
	'budget.running': { zh: '计算中…', en: 'Computing…' },
	'budget.scenarios': { zh: '对比情景（最多3个）', en: 'Scenarios compared (up to 3)' },
	'budget.add': { zh: '复制为新情景', en: 'Copy as a new scenario' },
	'budget.remove': { zh: '移除', en: 'Remove' },
	'budget.edit': { zh: '编辑', en: 'Edit' },
	'budget.save': { zh: '保存到浏览器', en: 'Save in this browser' },
	'budget.saved': { zh: '已保存', en: 'Saved' },
	'budget.open': { zh: '打开已保存的情景', en: 'Open a saved scenario' },
	'budget.unreadable': {
		zh: '有 {n} 个已保存情景无法读取（已原样保留）：{why}',
		en: '{n} saved scenario(s) could not be read (kept as they are): {why}'
	},
	'budget.share': { zh: '分享链接', en: 'Share link' },
	'budget.exportJson': { zh: '导出情景文件', en: 'Export scenario file' },
	'budget.importJson': { zh: '导入情景文件', en: 'Import scenario file' },
	'budget.importError': {
		zh: '情景文件“{file}”无法读取：{why}',
		en: 'The scenario file “{file}” cannot be read: {why}'
	},
	'budget.exportXlsx': { zh: '导出Excel', en: 'Export Excel' },
	'budget.print': { zh: '打印报告', en: 'Print report' },
	'budget.chart': { zh: '各年度补助需求与预算', en: 'Subsidy demand and budget by year' },
	'budget.demand': { zh: '补助需求', en: 'Demand' },
	'budget.budget': { zh: '预算', en: 'Budget' },
	'budget.fundedAmount': { zh: '已安排', en: 'Funded' },
	'budget.band': { zh: 'P10–P90 区间', en: 'P10–P90 band' },
	'budget.years': { zh: '年度汇总', en: 'Year by year' },
	'budget.col.year': { zh: '年度', en: 'Year' },
	'budget.col.scenario': { zh: '情景', en: 'Scenario' },
	'budget.col.budget': { zh: '预算', en: 'Budget' },
	'budget.col.demand': { zh: '需求', en: 'Demand' },
	'budget.col.funded': { zh: '安排', en: 'Funded' },
	'budget.col.waiting': { zh: '等待', en: 'Waiting' },
	'budget.col.unspent': { zh: '结余', en: 'Unspent' },
	'budget.col.residents': { zh: '居民出资（比例 + 超上限）', en: 'Residents (share + excess)' },
	'budget.col.social': { zh: '社会资金', en: 'Social capital' },
	'budget.col.p': { zh: '需求 P10 / P50 / P90', en: 'Demand P10 / P50 / P90' },
	'budget.col.pFunded': { zh: '安排数 P10 / P50 / P90', en: 'Funded P10 / P50 / P90' },
	'budget.count': { zh: '{n}个', en: '{n}' },
	'budget.diff': { zh: '与基准情景“{base}”相比', en: 'Against the base scenario “{base}”' },
	'budget.col.delta': { zh: 'Δ需求 / Δ安排 / Δ居民负担', en: 'Δ demand / Δ funded / Δ residents' },
	'budget.col.in': { zh: '新安排的小区', en: 'Moved in' },
	'budget.col.out': { zh: '移出的小区', en: 'Moved out' },
	'budget.list': { zh: '年度安排清单', en: 'Funded list' },
	'budget.listYear': { zh: '年度', en: 'Year' },
	'budget.unfunded': {
		zh: '截至{last}年仍未安排（在模拟年度之后）',
		en: 'Not funded by {last} (after the years run)'
	},
	'budget.col.rank': { zh: '序', en: '#' },
	'budget.col.name': { zh: '小区', en: 'Community' },
	'budget.col.town': { zh: '乡镇街道', en: 'Town' },
	'budget.col.ready': {
		zh: '可列入计划（资金到位且初审通过）',
		en: 'Ready (funds in, town review passed)'
	},
	'budget.col.subsidy': { zh: '补助', en: 'Subsidy' },
	'budget.col.why': { zh: '原因', en: 'Why' },
	'budget.decidedMark': { zh: '（计划已定）', en: ' (plan decided)' },
	'budget.basis': { zh: '预算依据（数据截至{date}）', en: 'Budget basis (data as of {date})' },
	'budget.basisNote': {
		zh: '{open}年以前各年度计划已定：按数据所载计划安排，是事实而非预测；{open}年起为预测。默认预算：已定年度取该年计划补助合计，{open}年起取{from}–{to}年计划补助的年均值 {avg}（向上取整到十万元）。可在下方逐年改为实际预算。',
		en: "The plans before {open} are decided: they are funded as the data records them — facts, not forecasts; from {open} on it is a forecast. Default budget: a decided year its plan's subsidy; from {open} on the average plan of {from}–{to}, {avg} (rounded up to 100k yuan). Type the real budget of each year below."
	},
	'budget.basisFilter': {
		zh: '筛选：{filter}。筛选范围内的小区占{from}–{to}年计划补助的 {share}（全市年均 {city}），预算按此比例。',
		en: "Filter: {filter}. The filter's communities hold {share} of the subsidy planned in {from}–{to} (citywide {city} a year); the budget takes that share."
	},
	'budget.basisFallback': {
		zh: '数据中尚无已定的计划年度：默认预算为全部候选小区补助需求 ÷ {years} 年。',
		en: "No plan year is decided in the data yet: the default budget is every candidate's subsidy ÷ {years} years."
	},
	'budget.col.status': { zh: '状态', en: 'Status' },
	'budget.status.decided': { zh: '计划已定（数据）', en: 'decided (data)' },
	'budget.status.open': { zh: '预测', en: 'forecast' },
	'budget.col.planned': { zh: '计划补助', en: 'Planned subsidy' },
	'budget.col.paid': { zh: '当年拨付', en: 'Paid that year' },
	'budget.fact': { zh: '（数据）', en: ' (data)' },
	'budget.decidedKey': { zh: '计划已定年度（数据，非预测）', en: 'decided years (data, not a forecast)' },
	'budget.waitingList': {
		zh: '待改造小区名单（数据截至{date}，§三(一)）',
		en: 'Waiting list (data as of {date}, §三(一))'
	},
	'budget.waitingNote': {
		zh: '尚未列入计划的小区，按政策排序：资金已到位并通过乡镇审核的按到位先后（§五(三)）；其余专业物业在先，再按居民自筹资金到位比例从高到低（§三(一)）。',
		en: "Communities not yet in a plan, in the policy's order: funds complete and through the town's review first, earliest first (§五(三)); then professional property management first, then a higher share of resident funds raised (§三(一))."
	},
	'budget.col.professional': { zh: '专业物业', en: 'Professional management' },
	'budget.col.raised': { zh: '资金到位比例', en: 'Funds raised' },
	'budget.yes': { zh: '是', en: 'yes' },
	'budget.no': { zh: '否', en: 'no' },
	'budget.forecast': { zh: '（预测）', en: ' (forecast)' },
	'budget.towns': { zh: '各乡镇街道', en: 'By town' },
	'budget.col.townDemand': { zh: '候选补助合计', en: "Candidates' subsidy" },
	'budget.col.townFunded': { zh: '{last}年前安排', en: 'Funded by {last}' },
	'budget.more': { zh: '另有 {n} 个', en: '{n} more' },
	'budget.mapLink': { zh: '用当前筛选做预算模拟', en: 'Simulate the budget for this filter' },
	'budget.mapTitle': {
		zh: '地图：基准情景各小区的安排年度',
		en: 'Map: the year each community is funded (base scenario)'
	},
	'budget.ms': { zh: '计算用时 {ms} 毫秒', en: 'computed in {ms} ms' },
	'budget.report.title': { zh: '老旧小区改造补助预算情景报告', en: 'Renovation subsidy budget scenarios' },
	'budget.report.sub': {
		zh: '依据乐政办发〔2023〕47号 §五(二)、§五(三)',
		en: 'Under 乐政办发〔2023〕47号 §五(二), §五(三)'
	},
	'budget.report.assumptions': { zh: '假设', en: 'Assumptions' },
	'budget.report.scenario': { zh: '情景', en: 'Scenario' },
	'budget.report.budgetOf': { zh: '{year}年补助预算', en: 'Subsidy budget {year}' },
	'budget.report.social': { zh: '社会资本占投资', en: 'Social capital, share of investment' },
	'budget.report.growth': { zh: '年成本增长', en: 'Cost growth a year' },
	'budget.report.uncertainty': { zh: '不确定性', en: 'Uncertainty' },
	'budget.report.off': { zh: '不考虑（单次预测）', en: 'off (one forecast)' },
	'budget.report.draws': { zh: '蒙特卡洛 {n} 次，P10–P90', en: 'Monte Carlo, {n} draws, P10–P90' },
	'budget.report.ids': { zh: '指定 {n} 个小区', en: '{n} chosen communities' },
	'budget.report.names': { zh: '情景', en: 'Scenarios' },
	'budget.report.rest': {
		zh: '其余 {n} 项政策参数按乐政办发〔2023〕47号',
		en: 'the other {n} policy parameters as 乐政办发〔2023〕47号 has them'
	},
	'budget.impact.title': {
		zh: '政策调整的影响：{name}（与现行政策相比）',
		en: 'What the policy changes do: {name} (against the policy in force)'
	},
	'budget.impact.eligible': { zh: '转为符合条件', en: 'Turn eligible' },
	'budget.impact.ineligible': { zh: '转为不符合', en: 'Turn ineligible' },
	'budget.impact.otherClass': { zh: '资格类别变化', en: 'Eligibility class changes' },
	'budget.impact.application': { zh: '申请表决结论变化', en: 'Application vote verdict changes' },
	'budget.impact.scheme': { zh: '方案表决结论变化', en: 'Scheme vote verdict changes' },
	'budget.impact.ready': { zh: '可列入计划变化', en: 'Ready for the plan changes' },
	'budget.impact.moved': { zh: '安排年度变化', en: 'Plan year changes' },
	'budget.impact.subsidy': { zh: '补助变化', en: 'Subsidy changes' },
	'budget.impact.total': { zh: 'Δ补助合计', en: 'Δ subsidy in total' },
	'budget.impact.totalWhat': {
		zh: '（候选小区补助变化之和，不论在哪一年安排）',
		en: ' (the change of every pipeline community’s subsidy, whatever year it is funded in)'
	},
	'budget.impact.within': { zh: '其中{first}–{last}年内安排的', en: 'of which funded in {first}–{last}' },
	'budget.impact.after': {
		zh: '其余 {money}（{n}个小区）在{last}年之后才能安排，不在所模拟的年度内：{notReady}个预计资金到位或初审通过晚于{deadline}，{budget}个因预算不足等候——这部分不在逐年数字里。',
		en: 'the other {money} ({n} communities) would be funded only after {last}, outside the years run: {notReady} forecast ready after {deadline}, {budget} waiting for budget — this part is in none of the years’ figures.'
	},
	'budget.impact.none': { zh: '无', en: 'none' },
	'budget.impact.notFunded': { zh: '未安排', en: 'not funded' },
	'budget.impact.out': { zh: '不在候选', en: 'not in pipeline' },
	'budget.impact.yes': { zh: '是', en: 'yes' },
	'budget.impact.no': { zh: '否', en: 'no' },
	'budget.yearMap.title': { zh: '地图：情景“{name}”', en: 'Map: scenario “{name}”' },
	'budget.yearMap.colourBy': { zh: '着色', en: 'Colour by' },
	'budget.yearMap.year': { zh: '安排年度', en: 'Plan year' },
	'budget.yearMap.eligibility': { zh: '本情景下的改造资格', en: 'Eligibility under this scenario' },
	'budget.nameTaken': {
		zh: '名称“{name}”已被另一情景使用，请换一个',
		en: 'the name "{name}" is taken by another scenario: choose another'
	},
	'budget.policyValue': { zh: '政策原值', en: 'policy' },
	'budget.notJson': { zh: '不是 JSON 文件', en: 'not JSON' },
	'budget.copySuffix': { zh: '副本', en: 'copy' },
	'budget.baseName': { zh: '基准情景', en: 'Base' }
} as const satisfies Catalogue;
