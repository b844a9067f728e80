/** A community's page (`/community/[id]`): its header, eligibility, funding, votes, stages, next step and works. */
import type { Catalogue } from './catalogue';

export const COMMUNITY = {
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
	'community.unknown': { zh: '未知（资料不全）', en: 'Unknown (incomplete data)' },
	'community.unknownHint': {
		zh: '判断所需的资料尚未填写：补齐后自动判断。不会因缺资料判为不符合。',
		en: 'a fact the verdict needs is not filled in yet: it is judged once it is. A missing fact never makes it ineligible.'
	},
	'community.notKnown': { zh: '{fact}未知', en: '{fact} unknown' },
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
	'funding.capUnknown': { zh: '未知：缺建筑面积', en: 'unknown: building area missing' },
	'funding.estimateTotal': {
		zh: '总投资（估算：按总投资，未分类别）',
		en: 'Total investment (estimate, works not itemised)'
	},
	'funding.estimateResidents': {
		zh: '居民自筹（分项前未知，按类别在此范围内）',
		en: "Residents' share (unknown until itemised; within this range by tier)"
	},
	'funding.estimateSubsidy': { zh: '财政补助最多', en: 'Subsidy at most' },
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
	'vote.sep': { zh: '，', en: '; ' },
	'works.final': { zh: '决算 {money}', en: 'final {money}' }
} as const satisfies Catalogue;
