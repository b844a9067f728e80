/**
 * Every line of interface text, in Chinese and English. `{name}` marks a value filled in by `t`.
 * Labels that belong to data (stages, tiers, colour classes, housing types) carry their own `zh`/`en` where they
 * are defined; this file holds only the interface's own words.
 */
import { locale } from './lang.svelte';

const MESSAGES = {
	'app.title': { zh: '乐清旧改地图', en: 'Yueqing Renovation Map' },
	'app.subtitle': { zh: '城镇老旧小区改造总览', en: 'Old residential community renovation' },
	'app.asOf': { zh: '数据截至 {date}', en: 'Data as of {date}' },
	'app.asOfToday': { zh: '文件未注明，按构建当天', en: 'not in the files: the day of the build' },
	'app.overview': { zh: '总览', en: 'Overview' },
	'app.progressLink': { zh: '公开进度页', en: 'Public progress page' },
	'app.dataLink': { zh: '数据工作台', en: 'Data workbench' },
	'lang.switch': { zh: 'English', en: '中文' },
	'lang.switchLabel': { zh: '切换为英文界面', en: '切换为中文界面 / switch to Chinese' },
	'renumber.title': { zh: '可能是重新编号的小区', en: 'Probably renumbered communities' },
	'renumber.intro': {
		zh: '导入的数据中没有这些旧编号，却有同一乡镇街道、证据相符的新编号小区（同地址、相距不超过 {metres} 米、名称相同或相近）。请逐对决定：带入历史（改造内容、表决、资金、阶段、联系人等按小区编号记录的各表）并用新编号，或保留旧编号；不是同一小区的不处理。',
		en: 'The import lacks these old ids but has communities of the same town under new ids, with matching evidence (same address, within {metres} m, the same or a similar name). Decide pair by pair: carry the history (works, votes, funds, stages, contacts — every table kept by community id) over to the new id, or keep the old id; leave pairs that are not one community.'
	},
	'renumber.old': { zh: '当前数据（旧编号）', en: 'Loaded now (old id)' },
	'renumber.new': { zh: '导入的数据（新编号）', en: 'The import (new id)' },
	'renumber.why': { zh: '依据', en: 'Why' },
	'renumber.choice': { zh: '处理', en: 'Decision' },
	'renumber.none': { zh: '不处理（不是同一小区）', en: 'Leave (not one community)' },
	'renumber.carry': { zh: '带入历史，用新编号', en: 'Carry the history to the new id' },
	'renumber.keepOld': { zh: '保留旧编号', en: 'Keep the old id' },
	'renumber.allCarry': { zh: '全部带入历史（新编号）', en: 'Carry all over (new ids)' },
	'renumber.allOld': { zh: '全部保留旧编号', en: 'Keep all old ids' },
	'renumber.allNone': { zh: '全部不处理', en: 'Leave all' },
	'renumber.ties': {
		zh: '证据相当、未自动配对，请自行判断（每个旧编号最多选一个）',
		en: 'Equally strong, not paired: yours to decide (at most one per old id)'
	},
	'renumber.undecided': {
		zh: '还有 {n} 对未处理：按新增和移除计，其旧编号下的历史不会带入。',
		en: '{n} pair(s) undecided: they count as new and removed, and their history under the old ids stays behind.'
	},
	'renumber.loading': { zh: '正在读取当前数据中的历史记录…', en: 'Reading the loaded history…' },
	'renumber.carried': { zh: '带入的历史记录：{rows}', en: 'History rows carried over: {rows}' },
	'renumber.already': {
		zh: '导入的数据已有（同一行，用导入的）：{rows}',
		en: 'Already in the import (the same row; the import’s kept): {rows}'
	},
	'renumber.superseded': {
		zh: '其中 {n} 行取值与当前数据不同，用导入的：',
		en: '{n} of them differ from the loaded data; the import’s are kept:'
	},
	'renumber.result': {
		zh: '应用后的历史记录（全部小区）：{rows}',
		en: 'History after applying (all communities): {rows}'
	},
	'renumber.refused': {
		zh: '未带入（请核对后写进导入的台账）：',
		en: 'Not carried over (check, then enter it in the imported ledger):'
	},
	'renumber.export': {
		zh: '导出对应表（命令行 --renumber 用）',
		en: 'Export the renumbering (for the CLI’s --renumber)'
	},
	'sql.title': { zh: 'SQL 查询', en: 'SQL console' },
	'sql.copyNote': {
		zh: '查询只作用于本浏览器中的数据副本（DuckDB-WASM）：改动不会保存，也不会发布；刷新页面即恢复。',
		en: "Queries run on this browser's copy of the data (DuckDB-WASM): changes are neither saved nor published; a reload restores it."
	},
	'sql.tables': { zh: '数据表与字段', en: 'Tables and columns' },
	'sql.insertTable': { zh: '插入表名', en: 'Insert the table name' },
	'sql.editor': { zh: 'SQL 语句', en: 'SQL statement' },
	'sql.run': { zh: '运行（Ctrl+Enter）', en: 'Run (Ctrl+Enter)' },
	'sql.running': { zh: '运行中…', en: 'Running…' },
	'sql.save': { zh: '保存查询', en: 'Save query' },
	'sql.saveName': { zh: '查询名称', en: 'Query name' },
	'sql.saved': { zh: '已保存的查询', en: 'Saved queries' },
	'sql.history': { zh: '历史', en: 'History' },
	'sql.delete': { zh: '删除', en: 'Delete' },
	'sql.none': { zh: '（无）', en: '(none)' },
	'sql.rows': { zh: '{n} 行，用时 {ms} 毫秒', en: '{n} rows in {ms} ms' },
	'sql.error': { zh: '查询出错：{error}', en: 'The query failed: {error}' },
	'sql.errorHint': {
		zh: '请检查表名和字段名（见左侧列表）、引号和逗号。DuckDB 的原始信息（英文）如上。',
		en: 'Check the table and column names (listed beside), quotes and commas. DuckDB’s own message is above.'
	},
	'sql.notReady': { zh: '查询引擎尚未就绪', en: 'The query engine is not ready yet' },
	'sql.derived': {
		zh: '由政策引擎按乐政办发〔2023〕47号计算的每个小区的状态',
		en: "Each community's status, computed by the policy engine from Yueqing's renovation policy (2023, No. 47)"
	},
	'sql.view': {
		zh: '视图：小区 + 状态 + 乡镇（地图和指标的查询都读它）',
		en: 'View: community + status + town (every map and KPI query reads it)'
	},
	'sql.export': { zh: '导出结果', en: 'Export the result' },
	'sql.file': { zh: '查询结果', en: 'query-result' },
	'badge.example': { zh: '示例数据', en: 'Example data' },
	'badge.imported': { zh: '未发布的导入数据', en: 'Unpublished imported data' },
	'badge.importedTitle': {
		zh: '本浏览器中使用的是导入的数据，尚未发布；刷新页面或放弃导入即回到已发布的数据',
		en: 'This browser shows imported data that is not published; reload or discard the import to return to the published data'
	},
	'badge.schematic': { zh: '边界示意', en: 'Schematic boundaries' },
	'badge.schematicTitle': {
		zh: '乡镇街道边界为示意，并非官方行政界线',
		en: 'Town boundaries are schematic, not official administrative lines'
	},
	'db.loading': { zh: '查询引擎加载中', en: 'Loading query engine' },
	'db.error': {
		zh: '查询引擎（DuckDB-WASM）未能加载，需要查询的部分暂不可用。请刷新重试；仍不行请管理员检查服务器能否提供 .wasm 文件。（{error}）',
		en: 'The query engine (DuckDB-WASM) did not load: what needs queries is unavailable. Reload; if it persists, ask the administrator whether the server serves the .wasm files. ({error})'
	},
	'db.ready': { zh: '查询就绪', en: 'Queries ready' },
	'map.colouring': { zh: '着色', en: 'Colour by' },
	'map.loading': { zh: '地图加载中…', en: 'Loading map…' },
	'map.loadError': {
		zh: '数据加载失败：{error}。请先运行 npm run data。',
		en: 'Data failed to load: {error}. Run npm run data first.'
	},
	'map.label': { zh: '小区地图', en: 'Map of communities' },
	'map.failed': { zh: '地图加载失败：{error}', en: 'The map failed to load: {error}' },
	'map.builtIn': { zh: '{year}年建成', en: 'built {year}' },
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
	'legend.label': { zh: '图例', en: 'Legend' },
	'legend.size': { zh: '圆点大小：建筑面积', en: 'Dot size: building area' },
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
	'common.computing': { zh: '计算中…', en: 'Computing…' },
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
	'community.back': { zh: '← 返回总览', en: '← Back to the overview' },
	'community.loadError': { zh: '加载失败：{error}', en: 'Failed to load: {error}' },
	'community.policy': {
		zh: '以下资格、表决、资金和审批结论均按 {document}（{id}）计算。',
		en: 'Every verdict below is computed under {document} ({id}).'
	},
	'community.policyEarlier': {
		zh: '本小区为早期项目（本方案施行前开工）：资金按台账记录列示，不按该方案计算。',
		en: 'An earlier project (begun before the scheme): its money is shown as the ledger records it, not priced under the scheme.'
	},
	'community.policyOut': {
		zh: '本小区不在该方案改造范围内：不计财政补助，没有改造步骤。',
		en: 'This community is outside the scheme: no subsidy, no renovation step.'
	},
	'community.noPolicy': {
		zh: '数据日期 {asOf} 不在已知政策的有效期内，无法给出结论',
		en: 'The data date {asOf} is outside every known policy’s period: no verdict can be given'
	},
	'community.notFound': { zh: '找不到编号为「{id}」的小区。', en: 'No community has the id “{id}”.' },
	'community.loading': { zh: '正在加载小区数据…', en: 'Loading the community…' },
	'community.buildings': { zh: '{n}栋', en: '{n} buildings' },
	'community.locatorLabel': { zh: '{name}的位置', en: 'Where {name} is' },
	'community.location': { zh: '位置', en: 'Location' },
	'community.schematic': { zh: '（乡镇街道边界为示意）', en: ' (schematic town boundaries)' },
	'community.eligibility': { zh: '改造资格', en: 'Eligibility' },
	'community.eligible': { zh: '符合改造条件', en: 'Eligible' },
	'community.conditional': { zh: '有条件纳入', en: 'Conditionally eligible' },
	'community.ineligible': { zh: '不符合改造条件', en: 'Not eligible' },
	'community.priority': { zh: '（城关，优先实施）', en: ' (city centre: goes first)' },
	'community.outOfScope': {
		zh: '不在本次改造范围：不计财政补助，没有改造步骤。',
		en: 'Outside the programme: no subsidy and no renovation step.'
	},
	'community.remedies': { zh: '要纳入改造范围，需要：', en: 'What would bring it in:' },
	'community.noRemedy': { zh: '按本方案无法纳入：', en: 'This policy cannot bring it in:' },
	'community.votes': {
		zh: '业主表决（双三分之二参与、双四分之三同意）',
		en: "Owners' votes (two-thirds take part, three-quarters approve)"
	},
	'community.applicationVote': { zh: '申请表决 §三(一)', en: 'Application vote §三(一)' },
	'community.schemeVote': { zh: '方案表决 §三(三)', en: 'Scheme vote §三(三)' },
	'funding.title': { zh: '资金测算', en: 'Funding' },
	'funding.basis': {
		zh: '总投资按{basis}，不含加装电梯',
		en: 'Total from the {basis}, without lift installation'
	},
	'funding.final': { zh: '竣工财务决算', en: 'final accounts' },
	'funding.estimate': { zh: '概算', en: 'estimate' },
	'funding.tierInvestment': { zh: '{tier}投资', en: '{tier} works' },
	'funding.residents': { zh: '居民 {amount}', en: 'residents {amount}' },
	'funding.total': { zh: '总投资', en: 'Total investment' },
	'funding.social': { zh: '社会资金', en: 'Social capital' },
	'funding.cap': { zh: '补助上限（{area} × {cap}元/㎡）', en: 'Subsidy cap ({area} × {cap} yuan/㎡)' },
	'funding.subsidy': { zh: '财政补助', en: 'Subsidy' },
	'funding.capped': { zh: '已按上限补助', en: 'capped' },
	'funding.actual': { zh: '按实补助', en: 'as costed' },
	'funding.excess': { zh: '超出上限由居民自理', en: 'Excess over the cap, paid by residents' },
	'funding.residentTotal': { zh: '居民出资合计', en: 'Residents pay in all' },
	'funding.elevator': { zh: '加装电梯（另行补助）', en: 'Lift installation (subsidised separately)' },
	'funding.raised': { zh: '居民资金已到位', en: 'Resident funds raised' },
	'funding.raisedShare': { zh: '居民资金到位比例', en: 'Share of resident funds raised' },
	'funding.path': { zh: '审批方式', en: 'Approval path' },
	'funding.pathTotal': {
		zh: '按总投资 {total}（§五(二)1口径，不含加装电梯）',
		en: 'on a total investment of {total} (as §五(二)1 defines it, lifts excluded)'
	},
	'funding.pathElevator': {
		zh: '如计入加装电梯（{elevator}），总投资将为 {total}，审批方式为：{path}',
		en: 'with the lift installation ({elevator}) the total would be {total}, and the path: {path}'
	},
	'funding.earlierTitle': {
		zh: '资金（早期项目，按台账记录）',
		en: 'Money (earlier project, as the ledger records it)'
	},
	'funding.earlierNote': {
		zh: '不按乐政办发〔2023〕47号计算居民分担比例和补助上限；审批按当时规定。',
		en: 'Not priced under the scheme (no resident shares or cap applied); approved under the rules of its time.'
	},
	'funding.ledgerInvestment': {
		zh: '总投资（台账，不含加装电梯）',
		en: 'Total investment (ledger, lifts excluded)'
	},
	'funding.ledgerResidents': { zh: '居民已出资（台账）', en: 'Residents paid (ledger)' },
	'funding.ledgerSocial': { zh: '社会资金（台账）', en: 'Social capital (ledger)' },
	'funding.ledgerSubsidy': { zh: '财政补助已拨（台账）', en: 'Subsidy paid (ledger)' },
	'funding.outTitle': { zh: '资金', en: 'Money' },
	'funding.outNote': {
		zh: '不在本次改造范围（§二(一)）：没有财政补助，也没有居民应出资。',
		en: 'Outside the programme (§二(一)): no subsidy to pay and no resident share to raise.'
	},
	'funding.ifEligible': {
		zh: '假如符合改造条件（满足上述条件后），按§五(二)1测算：总投资 {total}，居民出资 {residents}，财政补助 {subsidy}。这不是应付的补助。',
		en: 'If it were eligible (once the conditions above are met), under §五(二)1: total {total}, residents {residents}, subsidy {subsidy}. This is not a subsidy to pay.'
	},
	'funding.worksStart': { zh: '开工日期', en: 'Works began' },
	'stages.title': { zh: '改造进度', en: 'Progress' },
	'stages.current': { zh: '当前阶段：', en: 'Current stage: ' },
	'stages.since': { zh: '（{date}起）', en: ' (since {date})' },
	'stages.notStarted': { zh: '尚未启动', en: 'Not started' },
	'stages.publicity': {
		zh: '方案公示不少于{days}个工作日 §三(三)：最早可于 {date} 结束',
		en: 'Scheme publicity of at least {days} working days §三(三): ends {date} at the earliest'
	},
	'stages.unknownYears': {
		zh: '（{years}年节假日未公布，日期可能偏早）',
		en: ' (holidays of {years} not yet published: the date may be early)'
	},
	'stages.next': { zh: '下一步：', en: 'Next step: ' },
	'stages.outOfScope': {
		zh: '不在本次改造范围（§二(一)），没有改造步骤，不向乡镇（街道）派发任务。',
		en: 'Outside the programme (§二(一)): no renovation step, and no task is sent to the town.'
	},
	'step.vote.application': { zh: '组织申请表决', en: 'hold the application vote' },
	'step.vote.scheme': {
		zh: '完成方案公示并组织方案表决',
		en: 'finish the publicity and hold the scheme vote'
	},
	'step.revote.application': { zh: '重新组织申请表决', en: 'organise the application vote again' },
	'step.revote.scheme': { zh: '重新组织方案表决', en: 'organise the scheme vote again' },
	'step.failed.application': {
		zh: '申请表决未通过，暂不能进入下一阶段',
		en: 'The application vote did not pass; the project cannot move on yet'
	},
	'step.failed.scheme': {
		zh: '方案表决未通过，暂不能进入下一阶段',
		en: 'The scheme vote did not pass; the project cannot move on yet'
	},
	'step.needed': {
		zh: '再次表决至少须多争取 {owners} 户、{area} 同意（见业主表决）',
		en: 'The new vote needs at least {owners} more owners and {area} more in favour (see the owners’ votes)'
	},
	'stages.owner': { zh: '责任单位 {department}', en: 'owner: {department}' },
	'works.title': { zh: '改造内容', en: 'Works' },
	'works.none': { zh: '暂无改造内容', en: 'No works recorded' },
	'vote.none': { zh: '尚未表决', en: 'Not yet held' },
	'vote.passed': { zh: '表决通过', en: 'Passed' },
	'vote.failed': { zh: '表决未通过', en: 'Not passed' },
	'vote.test': { zh: '条件', en: 'Test' },
	'vote.actual': { zh: '实际', en: 'Actual' },
	'vote.required': { zh: '要求', en: 'Required' },
	'vote.result': { zh: '结果', en: 'Result' },
	'vote.participationArea': { zh: '参与表决专有面积', en: 'Area taking part' },
	'vote.participationOwners': { zh: '参与表决人数', en: 'Owners taking part' },
	'vote.approvalArea': { zh: '同意的专有面积', en: 'Area in favour' },
	'vote.approvalOwners': { zh: '同意人数', en: 'Owners in favour' },
	'vote.people': { zh: '{n}人', en: '{n}' },
	'vote.shortfall': { zh: '还差 {n} 户：', en: 'Short by {n} owners: ' },
	'vote.winNonVoters': {
		zh: '{a} 户未投票的业主参与并同意（专有面积 {x}）',
		en: '{a} who have not voted taking part in favour (area {x})'
	},
	'vote.winDissenters': {
		zh: '{b} 户未同意的业主改为同意（专有面积 {y}）',
		en: '{b} who did not agree changing to yes (area {y})'
	},
	'vote.shortfallNewOnly': {
		zh: '或仅由未投票的业主补足：{n} 户、{x}',
		en: 'Or from owners who have not voted alone: {n} owners, {x}'
	},
	'vote.unreachable': {
		zh: '仅靠未投票的业主已不够，须争取未同意的业主改变意见',
		en: 'Owners who have not voted are too few on their own: some who did not agree must be won over'
	},
	'works.final': { zh: '决算 {money}', en: 'final {money}' },
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
	'progress.skip': { zh: '跳到查找', en: 'Skip to search' },
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
	'budget.ms': { zh: '计算用时 {ms} 毫秒', en: 'computed in {ms} ms' }
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;

/** The message in the reader's language with `{name}` filled from `values`. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
	return MESSAGES[key][locale.lang].replace(/\{(\w+)\}/g, (m, name: string) =>
		name in values ? String(values[name]) : m
	);
}

/** For the test that every message has both languages and the same placeholders. */
export const ALL_MESSAGES: Readonly<Record<string, { zh: string; en: string }>> = MESSAGES;
