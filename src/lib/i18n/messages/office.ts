/** The office server's pages (`/login`, `/admin`: accounts, releases, the audit log) and the "new data" prompt. */
import type { Catalogue } from './catalogue';

export const OFFICE = {
	'office.login': { zh: '登录', en: 'Log in' },
	'office.logout': { zh: '退出登录', en: 'Log out' },
	'office.name': { zh: '用户名', en: 'User name' },
	'office.password': { zh: '密码', en: 'Password' },
	'office.newPassword': {
		zh: '新密码（至少10个字符，不用常见密码）',
		en: 'New password (10 characters or more, not a common one)'
	},
	'office.changePassword': { zh: '修改密码', en: 'Change password' },
	'office.mustChange': {
		zh: '这是一次性密码，请先设置新密码。',
		en: 'This is a one-time password: set a new one first.'
	},
	'office.exampleOpen': {
		zh: '当前为示例数据，看板无需登录即可查看；发布真实数据后，看板和数据文件需登录。',
		en: 'This is example data: the dashboard is open without login. Once real data is published, the dashboard and its data files need a login.'
	},
	'office.signedIn': { zh: '已登录：{name}（{role}）', en: 'Signed in: {name} ({role})' },
	'office.toDashboard': { zh: '进入看板', en: 'Open the dashboard' },
	'office.releases': { zh: '数据发布', en: 'Data releases' },
	'office.current': { zh: '当前版本', en: 'Current release' },
	'office.example': { zh: '示例数据（未发布真实数据）', en: 'Example data (no real data published)' },
	'office.upload': { zh: '上传新数据', en: 'Upload new data' },
	'office.uploadHint': {
		zh: '选择台账文件（xlsx、xls、et、csv、txt、geojson），服务器用同一导入程序重新校验。',
		en: 'Choose the ledger files (xlsx, xls, et, csv, txt, geojson); the server validates them again with the same importer.'
	},
	'office.validate': { zh: '上传并校验', en: 'Upload and validate' },
	'office.uploading': { zh: '上传中 {pct}%', en: 'Uploading {pct}%' },
	'office.validating': { zh: '服务器校验中…', en: 'Validating on the server…' },
	'office.queued': {
		zh: '排队等待校验：第 {n} 位（服务器一次校验一份上传）',
		en: 'Waiting to be validated: place {n} in line (the server validates one upload at a time)'
	},
	'office.change.community': { zh: '{name}（{id}）', en: '{name} ({id})' },
	'office.staged': { zh: '待发布版本 {id}', en: 'Staged release {id}' },
	'office.release.current': { zh: '当前发布版本 {id}', en: 'Current release {id}' },
	'office.release.published': { zh: '曾发布版本 {id}', en: 'Release {id}, published before' },
	'office.release.failed': { zh: '校验未通过的版本 {id}', en: 'Release {id}, failed validation' },
	'office.tables': { zh: '其他表（与基准版本相比）：', en: 'Other tables (against the base release):' },
	'office.tables.row': {
		zh: '{table} 新增 {added} 行、删除 {removed} 行',
		en: '{table}: {added} row(s) added, {removed} removed'
	},
	'office.tables.none': {
		zh: '其他表（表决、资金、进度、改造内容、联系人、乡镇）无变化',
		en: 'No change in the other tables (votes, payments, stages, works, contact people, towns)'
	},
	'office.tables.note': {
		zh: '整行比较：一行改了数值计为删除 1 行、新增 1 行。',
		en: 'Whole rows compared: a row with a changed value counts as one removed and one added.'
	},
	'office.ok': { zh: '校验通过', en: 'Validated' },
	'office.failed': { zh: '校验未通过，不能发布', en: 'Validation failed: cannot be published' },
	'office.problems': { zh: '问题 {n} 个', en: '{n} problem(s)' },
	'office.diff': {
		zh: '小区（与当前版本相比）：新增 {added}，变更 {changed}，删除 {removed}，未变 {unchanged}',
		en: 'Communities, against the current release: {added} new, {changed} changed, {removed} removed, {unchanged} unchanged'
	},
	'office.added': { zh: '新增', en: 'New' },
	'office.changed': { zh: '变更', en: 'Changed' },
	'office.removed': { zh: '删除', en: 'Removed' },
	'office.more': { zh: '另有 {n} 条未列出', en: '{n} more not listed' },
	'office.publish': { zh: '发布', en: 'Publish' },
	'office.rollback': { zh: '回滚到此版本', en: 'Roll back to this release' },
	'office.rebase': { zh: '重新比对', en: 'Compare again' },
	'office.view': { zh: '查看', en: 'View' },
	'office.published': { zh: '已发布：{id}', en: 'Published: {id}' },
	'office.history': { zh: '全部版本', en: 'All releases' },
	'office.colId': { zh: '版本', en: 'Release' },
	'office.colAuthor': { zh: '上传人', en: 'Author' },
	'office.colTime': { zh: '时间（北京时间）', en: 'Time (Beijing)' },
	'office.colFiles': { zh: '文件', en: 'Files' },
	'office.colState': { zh: '状态', en: 'State' },
	'office.stateCurrent': { zh: '当前', en: 'current' },
	'office.statePublished': { zh: '曾发布', en: 'published before' },
	'office.stateStaged': { zh: '待发布', en: 'staged' },
	'office.stateFailed': { zh: '未通过', en: 'failed' },
	'office.audit': { zh: '操作日志', en: 'Audit log' },
	'office.colUser': { zh: '用户', en: 'User' },
	'office.colAction': { zh: '操作', en: 'Action' },
	'office.colTarget': { zh: '对象', en: 'Target' },
	'office.colOutcome': { zh: '结果', en: 'Outcome' },
	'office.colDetail': { zh: '详情', en: 'Detail' },
	'office.accounts': { zh: '账户', en: 'Accounts' },
	'office.role': { zh: '角色', en: 'Role' },
	'office.addUser': { zh: '新建账户', en: 'Add account' },
	'office.resetPassword': { zh: '重置密码', en: 'Reset password' },
	'office.unlock': { zh: '解锁', en: 'Unlock' },
	'office.waits': {
		zh: '密码错误过多，{n} 个来源暂停登录',
		en: 'too many wrong passwords: waiting at {n} source(s)'
	},
	'office.filterUser': { zh: '用户', en: 'User' },
	'office.filterAction': { zh: '操作', en: 'Action' },
	'office.filterOutcome': { zh: '结果', en: 'Outcome' },
	'office.filterText': { zh: '对象或详情含', en: 'Target or detail contains' },
	'office.filterAll': { zh: '全部', en: 'All' },
	'office.filterApply': { zh: '筛选', en: 'Filter' },
	'office.auditRange': {
		zh: '第 {from}–{to} 条，共 {total} 条（最新在前）',
		en: 'Entries {from}–{to} of {total} (newest first)'
	},
	'office.auditNone': { zh: '没有符合条件的记录', en: 'No entries match' },
	'office.pagePrev': { zh: '较新', en: 'Newer' },
	'office.pageNext': { zh: '较早', en: 'Older' },
	'office.disable': { zh: '停用', en: 'Disable' },
	'office.enable': { zh: '启用', en: 'Enable' },
	'office.oneTime': {
		zh: '{name} 的一次性密码：{password}（只显示这一次）',
		en: 'One-time password of {name}: {password} (shown this once)'
	},
	'office.needKeeper': {
		zh: '此页面需要数据维护（keeper）或管理员权限。',
		en: 'This page needs the keeper or admin role.'
	},
	'office.updated': { zh: '数据已更新，刷新查看', en: 'New data is out: reload to see it' },
	'office.reload': { zh: '刷新', en: 'Reload' },
	'office.audit.action.login': { zh: '登录', en: 'log in' },
	'office.audit.action.logout': { zh: '退出', en: 'log out' },
	'office.audit.action.password': { zh: '修改密码', en: 'change password' },
	'office.audit.action.account-create': { zh: '新建账户', en: 'create account' },
	'office.audit.action.account-change': { zh: '修改账户', en: 'change account' },
	'office.audit.action.import': { zh: '上传校验', en: 'upload and validate' },
	'office.audit.action.publish': { zh: '发布', en: 'publish' },
	'office.audit.action.rollback': { zh: '回滚', en: 'roll back' },
	'office.audit.action.backup': { zh: '备份', en: 'backup' },
	'office.audit.action.restore': { zh: '从备份恢复', en: 'restore from a backup' },
	'office.audit.action.recover': { zh: '崩溃后补全记录', en: 'record completed after a crash' },
	'office.audit.action.prune': { zh: '删除过期的未通过上传', en: 'remove old failed uploads' },
	'office.audit.action.change': { zh: '乡镇填报', en: 'change recorded by a town' },
	'office.audit.action.change-review': { zh: '审核乡镇填报', en: 'review a town change' },
	'office.audit.action.conflict': { zh: '处理与乡镇填报的冲突', en: 'decide a conflict with a town change' },
	'office.audit.outcome.ok': { zh: '成功', en: 'ok' },
	'office.audit.outcome.refused': { zh: '被拒绝', en: 'refused' },
	'office.audit.outcome.failed': { zh: '失败', en: 'failed' },
	'office.role.town': { zh: '乡镇（街道）', en: 'town' },
	'office.towns': { zh: '所辖乡镇（街道），用“、”分隔', en: 'Towns, separated by 、 or commas' },
	'office.town.returned': { zh: '被退回的填报 {n} 条', en: '{n} change(s) returned by the office' },
	'office.town.returnedHelp': {
		zh: '市旧改办退回时写明了原因；请打开该小区，按原因重新填报（退回的记录保留，不会生效）。',
		en: 'The office said why each was returned; open the community and record it again (a returned change stays on record and never takes effect).'
	},
	'office.town.open': { zh: '打开该小区', en: 'Open this community' },
	'office.town.stage.notOurs': {
		zh: '下一阶段“{stage}”由{department}负责（附件2），不由乡镇账户登记；该部门登记后，本小区可继续填报。',
		en: 'The next stage, {stage}, belongs to {department} (附件2), not to a town account; once it is recorded there, this community can go on.'
	},
	'office.review.returnNeedsNote': {
		zh: '退回须在“审核意见”中写明原因',
		en: 'A return needs the reason written in the note'
	},
	'office.town.title': { zh: '本乡镇（街道）的小区', en: "Our towns' communities" },
	'office.town.needTown': {
		zh: '此页供乡镇（街道）账户使用：请用乡镇（街道）账户登录。',
		en: 'This page is for town accounts: log in with a town account.'
	},
	'office.town.towns': { zh: '所辖：{towns}', en: 'Towns: {towns}' },
	'office.town.asOf': {
		zh: '数据截至 {date}（已发布版本 {release}）',
		en: 'Data as of {date} (published release {release})'
	},
	'office.town.asOfExample': {
		zh: '数据截至 {date}（示例数据，尚未发布真实数据）',
		en: 'Data as of {date} (the example: no real data published yet)'
	},
	'office.town.count': { zh: '（共 {n} 个小区）', en: ' ({n} communities)' },
	'office.town.public': {
		zh: '全市改造进度（公开数据，与公众所见相同）',
		en: "The city's progress (the public data, as residents see it)"
	},
	'office.town.supplement': { zh: '下载资料补充表：{town}', en: 'Download the supplement sheet: {town}' },
	'office.town.supplementHelp': {
		zh: '本乡镇（街道）全部小区的台账（Excel），缺少的资料标黄；填好后在下方上传（或交市旧改办），按小区编号补入。',
		en: "Every community of the town as in the ledger (Excel), the missing facts in yellow; fill it in and upload it below (or send it to the city's office): it is taken in by id."
	},
	'office.town.upload.title': { zh: '上传填好的资料补充表', en: 'Upload a filled supplement sheet' },
	'office.town.upload.help': {
		zh: '选择上面下载、填好的资料补充表（xlsx，或其「小区」工作表另存的 CSV）。先看预览：只有与现有数据不同的已填格子才会记录，空格不会清除现有资料；确认后每项记为一条待审核的更正。只读本账户所辖乡镇（街道）的小区。',
		en: "Choose the supplement sheet downloaded above, filled in (xlsx, or its communities sheet saved as CSV). A preview comes first: only filled cells that differ from the data are recorded, an empty cell erases nothing; once confirmed each becomes a correction waiting for review. Only this account's towns' communities are read."
	},
	'office.town.upload.choose': { zh: '选择文件', en: 'Choose the file' },
	'office.town.upload.reading': { zh: '正在读取与核对…', en: 'Reading and checking…' },
	'office.town.upload.counts': {
		zh: '补入 {filled} 项资料，更正 {changed} 项，退回 {refused} 项',
		en: '{filled} missing facts filled in, {changed} corrected, {refused} refused'
	},
	'office.town.upload.filled': { zh: '补入', en: 'Filled in' },
	'office.town.upload.changed': { zh: '更正', en: 'Corrected' },
	'office.town.upload.row': { zh: '「{sheet}」第 {row} 行', en: 'sheet {sheet}, row {row}' },
	'office.town.upload.file': { zh: '文件 {file}', en: 'file {file}' },
	'office.town.upload.value': { zh: '值“{value}”', en: 'value "{value}"' },
	'office.town.upload.refusals': { zh: '退回（不会记录）', en: 'Refused (not recorded)' },
	'office.town.upload.notices': { zh: '读取提示（{n} 条）', en: 'Notices while reading ({n})' },
	'office.town.upload.asOf': {
		zh: '此表由数据截至 {sheet} 的台账生成，现有数据截至 {served}：表中没改过的旧值也会显示为更正，请逐项核对，或重新下载后再填。',
		en: 'This sheet was made from the data as of {sheet}; the data now is as of {served}: old values left in it show as corrections. Check each, or download it again.'
	},
	'office.town.upload.confirm': { zh: '确认记录 {n} 项', en: 'Record {n}' },
	'office.town.upload.recording': { zh: '正在记录…', en: 'Recording…' },
	'office.town.upload.cancel': { zh: '取消', en: 'Cancel' },
	'office.town.upload.nothing': {
		zh: '没有需要记录的资料（与现有数据相同，或全部退回）。',
		en: 'Nothing to record (the same as the data, or all refused).'
	},
	'office.town.upload.recorded': {
		zh: '已记录 {n} 项更正，等待市旧改办审核',
		en: '{n} corrections recorded, waiting for review by the city office'
	},
	'office.town.upload.repeated': {
		zh: '；{n} 项此前已记录，未重复记录',
		en: '; {n} recorded before, not recorded twice'
	},
	'office.town.upload.offline': {
		zh: '网络中断，尚未确认是否记录：请再点“确认记录”（不会重复记录）。',
		en: 'The network dropped before an answer: confirm again (nothing is recorded twice).'
	},
	'office.town.upload.recordedList': { zh: '本次上传的更正', en: 'The corrections of this upload' },
	'office.town.upload.another': { zh: '再上传一份', en: 'Upload another' },
	'office.town.pick': { zh: '选择小区', en: 'Choose a community' },
	'office.town.search': { zh: '按名称或编号查找', en: 'Find by name or id' },
	'office.town.contactPeople': { zh: '联系人', en: 'Contact people' },
	'office.town.notes': { zh: '内部备注', en: 'Internal notes' },
	'office.town.none': { zh: '无', en: 'none' },
	'office.town.totals': {
		zh: '本小区台账：业主 {owners} 户，专有面积 {area}（表决的总数以此为准）',
		en: "This community's ledger: {owners} owners, exclusive area {area} (the vote's totals)"
	},
	'office.town.vote.title': { zh: '录入表决结果', en: 'Record a vote' },
	'office.town.vote.kind': { zh: '表决类型', en: 'Vote' },
	'office.town.vote.date': { zh: '表决截止日期', en: 'Day the vote closed' },
	'office.town.vote.participatingOwners': { zh: '参与户数', en: 'Owners taking part' },
	'office.town.vote.participatingArea': { zh: '参与面积（㎡）', en: 'Area taking part (㎡)' },
	'office.town.vote.agreeOwners': { zh: '同意户数', en: 'Owners agreeing' },
	'office.town.vote.agreeArea': { zh: '同意面积（㎡）', en: 'Area agreeing (㎡)' },
	'office.town.vote.note': { zh: '备注（可不填）', en: 'Note (optional)' },
	'office.town.vote.preview': {
		zh: '保存前的结论（按政策引擎）',
		en: 'The verdict before saving (the policy engine)'
	},
	'office.town.vote.fix': { zh: '请先改正：', en: 'Correct first:' },
	'office.town.vote.save': { zh: '保存', en: 'Save' },
	'office.town.vote.saving': { zh: '正在保存…', en: 'Saving…' },
	'office.town.vote.saved': {
		zh: '已保存，等待市旧改办审核（编号 {id}）',
		en: 'Saved, waiting for the office to review it (no. {id})'
	},
	'office.town.vote.repeated': {
		zh: '此前已保存（编号 {id}），未重复记录',
		en: 'Saved before (no. {id}): not recorded twice'
	},
	'office.town.vote.offline': {
		zh: '网络中断，未能保存到服务器：所填内容已保存在本机，联网后将以同一编号重发，不会重复记录。',
		en: 'The network dropped and nothing reached the server: what you typed is kept on this device and is sent again, under the same number, once online — never recorded twice.'
	},
	'office.town.vote.resend': { zh: '重新发送', en: 'Send again' },
	'office.town.vote.kept': {
		zh: '已恢复本机保存的未发送内容（{at}）',
		en: 'Restored what was typed here and not yet sent ({at})'
	},
	'office.town.history': { zh: '变更记录', en: 'Change history' },
	'office.town.historyNone': { zh: '暂无变更记录', en: 'No changes recorded' },
	'office.town.works.title': { zh: '录入改造项目及金额', en: 'Record a works item and its cost' },
	'office.town.works.item': { zh: '改造项目（附件1清单）', en: 'Works item (附件1 list)' },
	'office.town.works.estimated': { zh: '概算金额（元）', en: 'Estimate (yuan)' },
	'office.town.works.final': { zh: '决算金额（元）', en: 'Final cost (yuan)' },
	'office.town.works.finalHint': {
		zh: '决算金额在竣工财务决算核定后填写，此前留空（§五(二)1：补助以核定的决算为准）。',
		en: 'Fill in the final cost once the final accounts are approved; leave it empty until then (§五(二)1: the subsidy follows the approved accounts).'
	},
	'office.town.works.now': {
		zh: '台账已有此项：概算 {estimated}，决算 {final}；保存即修改这一行',
		en: 'The ledger has this item: estimate {estimated}, final cost {final}; saving changes that row'
	},
	'office.town.works.new': {
		zh: '台账尚无此项：保存即新增一行',
		en: 'The ledger has no such item: saving adds a row'
	},
	'office.town.works.will': {
		zh: '将记录“{item}”：{after}',
		en: 'Will record {item}: {after}'
	},
	'office.town.works.funding': {
		zh: '保存前看本小区资金的变化（按政策引擎，§五(二)1）',
		en: "What it does to the community's money before saving (the policy engine, §五(二)1)"
	},
	'office.town.works.figure': { zh: '项目', en: 'Figure' },
	'office.town.works.before': { zh: '录入前', en: 'Before' },
	'office.town.works.after': { zh: '录入后', en: 'After' },
	'office.town.works.basis': { zh: '口径', en: 'Counted on' },
	'office.town.works.basisEstimate': {
		zh: '按总投资估算（未分项）',
		en: 'the total investment (not itemised)'
	},
	'office.town.works.basisCosted': { zh: '按各项概算', en: "the items' estimates" },
	'office.town.works.basisFinal': { zh: '按竣工财务决算', en: 'the final accounts' },
	'office.town.works.basisEarlier': {
		zh: '早期项目，按台账（不按本政策测算）',
		en: 'an earlier project, its ledger (not priced under the policy)'
	},
	'office.town.works.basisOut': {
		zh: '不在改造范围（§二(一)），无补助',
		en: 'outside the programme (§二(一)): no subsidy'
	},
	'office.town.works.atMost': { zh: '最多 {amount}', en: 'at most {amount}' },
	'office.town.works.finalNote': {
		zh: '补助按竣工财务决算计算须每一项都有决算金额；未全部填写时按概算。',
		en: 'The subsidy is priced on the final accounts only once every item has a final cost; until then on the estimates.'
	},
	'office.change.worksField': { zh: '改造项目“{item}”', en: 'Works item: {item}' },
	'office.change.works': {
		zh: '概算 {estimated}，决算 {final}',
		en: 'estimate {estimated}, final cost {final}'
	},
	'office.change.worksNoFinal': { zh: '未定', en: 'not yet' },
	'office.live.title': { zh: '乡镇填报（未审核）', en: 'Reported by the town (not reviewed)' },
	'office.live.note': {
		zh: '以下为乡镇（街道）已填报、尚未审核或尚未发布的变更。本页其余内容仍为最近一次发布的核定数据，未计入这些填报',
		en: 'Changes the town has recorded that are not yet reviewed or not yet published. The rest of this page is still the last published, reviewed data: these are not in it'
	},
	'office.change.state.pending': { zh: '乡镇填报（未审核）', en: 'Recorded by the town (not reviewed)' },
	'office.change.state.accepted': { zh: '已接受', en: 'Accepted' },
	'office.change.state.returned': { zh: '已退回', en: 'Returned' },
	'office.change.state.superseded': { zh: '已被上传替代', en: 'Superseded by upload' },
	'office.change.line': { zh: '{at} · {user} · {field}', en: '{at} · {user} · {field}' },
	'office.change.vote': {
		zh: '参与 {po} 户 / {pa} ㎡，同意 {ao} 户 / {aa} ㎡（{date}）',
		en: '{po} owners / {pa} ㎡ took part, {ao} owners / {aa} ㎡ agreed ({date})'
	},
	'office.change.fund': {
		zh: '到账 {amount}（{date}）',
		en: '{amount} received ({date})'
	},
	'office.change.raised': {
		zh: '此前该来源已到账 {amount}',
		en: 'Received from this source until then: {amount}'
	},
	'office.town.fund.title': { zh: '录入资金到账', en: 'Record a payment' },
	'office.town.fund.source': { zh: '资金来源', en: 'Source' },
	'office.town.fund.date': { zh: '到账日期', en: 'Day received' },
	'office.town.fund.amount': { zh: '金额（元）', en: 'Amount (yuan)' },
	'office.town.fund.raised': {
		zh: '{source}已到账 {before}（{n} 笔，台账）；本次后共 {after}',
		en: '{source} received so far: {before} ({n} payments, the ledger); with this one {after}'
	},
	'office.town.stage.title': { zh: '录入进度阶段', en: 'Record a stage reached' },
	'office.town.stage.stage': { zh: '到达阶段', en: 'Stage reached' },
	'office.town.stage.date': { zh: '阶段开始日期', en: 'Day it began' },
	'office.town.stage.reached': {
		zh: '本小区已到“{stage}”（{date} 开始）；按工作流程，下一阶段为“{next}”',
		en: 'This community reached {stage} (began {date}); next in the workflow: {next}'
	},
	'office.town.stage.first': {
		zh: '本小区尚无进度记录；按工作流程，第一阶段为“{next}”',
		en: 'No stage recorded for this community yet; the workflow begins with {next}'
	},
	'office.town.stage.last': {
		zh: '本小区已到最后阶段“{stage}”（{date} 开始），没有下一阶段可录入',
		en: 'This community reached the last stage, {stage} (began {date}): there is no next stage to record'
	},
	'office.town.stage.will': {
		zh: '将记录：“{stage}”于 {date} 开始（{clause}）',
		en: 'To be recorded: {stage}, begun {date} ({clause})'
	},
	'office.town.stage.publicity': {
		zh: '公示期：自 {start} 起不少于 {n} 个工作日，最早于 {end} 结束（§三(三)，按政策引擎计算，节假日调休已计入）',
		en: 'Publicity: at least {n} working days from {start}, so it may end on {end} at the earliest (§三(三), computed by the policy engine, public holidays and swapped workdays counted)'
	},
	'office.town.stage.unknownYears': {
		zh: '注意：日历中没有 {years} 年的节假日安排，结束日可能偏早',
		en: 'Note: the calendar has no public holidays for {years}; the end may be too early'
	},
	'office.town.point.title': { zh: '设置小区位置', en: "Set the community's point" },
	'office.town.point.help': {
		zh: '在地图上点选本小区的位置：点一下放置新位置（红点），可再点改动；手机上双指移动、缩放地图，电脑上拖动地图、按住 Ctrl 滚动缩放',
		en: "Tap the community's place on the map: a tap puts the new point (red), another tap moves it; on a phone move and zoom the map with two fingers, on a computer drag it and zoom with Ctrl and the wheel"
	},
	'office.town.point.map': {
		zh: '{name}的位置地图：点选设置新位置',
		en: "Map of {name}'s point: tap to set the new point"
	},
	'office.town.point.now': { zh: '台账现为：{point}（蓝点）', en: 'The ledger says now: {point} (blue)' },
	'office.town.point.none': {
		zh: '台账中本小区尚无位置；地图以{town}驻地为中心',
		en: 'The ledger has no point for this community yet; the map is centred on the seat of {town}'
	},
	'office.town.point.boundary': {
		zh: '深蓝实线为{town}边界，新位置须在其内',
		en: 'The dark blue line is the boundary of {town}: the new point must lie inside it'
	},
	'office.town.point.will': {
		zh: '将更改位置：{before} → {after}，移动 {m} 米（按导入规则核对：在乐清市、{town}范围内）',
		en: 'To be changed: {before} → {after}, moved {m} m (checked by the importer’s rules: inside Yueqing and {town})'
	},
	'office.town.point.place': {
		zh: '将设置位置：{after}（此前无位置；按导入规则核对：在乐清市、{town}范围内）',
		en: 'To be set: {after} (no point before; checked by the importer’s rules: inside Yueqing and {town})'
	},
	'office.town.point.field': { zh: '位置', en: 'Point' },
	'office.town.point.lon': { zh: '经度（WGS84）', en: 'Longitude (WGS84)' },
	'office.town.point.lat': { zh: '纬度（WGS84）', en: 'Latitude (WGS84)' },
	'office.town.point.noMap': { zh: '地图无法加载：{why}', en: 'The map could not be loaded: {why}' },
	'office.change.pointField': { zh: '小区位置', en: "Community's point" },
	'office.change.point': { zh: '位置：{point}', en: 'Point: {point}' },
	'office.change.pointMoved': { zh: '此前：{before}，移动 {m} 米', en: 'Before: {before}, moved {m} m' },
	'office.change.pointNone': { zh: '此前无位置', en: 'No point before' },
	'office.town.fact.title': { zh: '更正小区信息', en: 'Correct a community fact' },
	'office.town.fact.column': { zh: '更正哪一项', en: 'Fact to correct' },
	'office.town.fact.value': { zh: '更正为', en: 'Correct to' },
	'office.town.fact.now': { zh: '台账现为：{value}', en: 'The ledger says now: {value}' },
	'office.town.fact.empty': { zh: '（空）', en: '(empty)' },
	'office.town.fact.yes': { zh: '是', en: 'yes' },
	'office.town.fact.no': { zh: '否', en: 'no' },
	'office.town.fact.will': {
		zh: '将更正“{column}”：{before} → {after}（按导入规则整行校验通过）',
		en: 'To be corrected, {column}: {before} → {after} (the whole row passes the importer’s checks)'
	},
	'office.change.factField': { zh: '更正小区信息', en: 'Correction of a fact' },
	'office.change.fact': { zh: '“{column}”：{value}', en: '{column}: {value}' },
	'office.change.stageField': { zh: '进度阶段', en: 'Stage reached' },
	'office.change.stage': { zh: '“{stage}”于 {date} 开始', en: '{stage}, begun {date}' },
	'office.change.before': { zh: '此前：', en: 'Before: ' },
	'office.change.review': { zh: '审核：{who}，{at}', en: 'Reviewed by {who}, {at}' },
	'office.change.release': { zh: '已进入版本 {id}', en: 'In release {id}' },
	'office.change.superseded': {
		zh: '已被上传替代：{who} 选择采用上传文件（{at}，版本 {id}）',
		en: "Superseded by upload: {who} took the upload's value ({at}, release {id})"
	},
	'office.conflicts.title': {
		zh: '与乡镇填报的冲突 {n} 处',
		en: '{n} conflict(s) with values the towns recorded'
	},
	'office.conflicts.note': {
		zh: '本版本的数据缺少或改动了下列乡镇已填报、已审核的数据。发布前须逐条选择：保留乡镇填报（生成一个带上这些填报的新版本，再发布新版本），或采用上传文件（该条填报标为“已被上传替代”）。',
		en: "This release's data lacks or changes the values below, which the towns recorded and a keeper accepted. Before publishing, choose for each: keep the town's (a new release is made with them: publish that one), or take the upload's (the town's change is marked superseded by upload)."
	},
	'office.conflicts.community': { zh: '小区', en: 'Community' },
	'office.conflicts.change': {
		zh: '填报（乡镇 · 填报人 · 时间 · 事项）',
		en: 'Change (town · user · when · field)'
	},
	'office.conflicts.town': { zh: '乡镇填报', en: "Town's value" },
	'office.conflicts.upload': { zh: '上传文件', en: "Upload's value" },
	'office.conflicts.choice': { zh: '处理', en: 'Decision' },
	'office.conflicts.keep': { zh: '保留乡镇填报', en: "Keep the town's" },
	'office.conflicts.take': { zh: '采用上传文件', en: "Take the upload's" },
	'office.conflicts.absent': { zh: '无（上传文件中没有）', en: 'absent (not in the upload)' },
	'office.conflicts.communityAbsent': {
		zh: '上传文件中已没有此小区（只能采用上传文件）',
		en: "the upload no longer has this community (only the upload's can be taken)"
	},
	'office.conflicts.payments': {
		zh: '同日、同来源、同金额的到账：乡镇填报 {town} 笔，上传文件 {upload} 笔',
		en: 'Payments of that day, source and amount: {town} recorded by the town, {upload} in the upload'
	},
	'office.conflicts.apply': { zh: '按所选处理（{n} 条）', en: 'Apply the choices ({n})' },
	'office.conflicts.keptIn': {
		zh: '已选择保留乡镇填报：请发布新版本 {id}',
		en: "Kept the town's: publish the new release {id}"
	},
	'office.conflicts.taken': { zh: '已采用上传文件', en: "Took the upload's" },
	'office.conflicts.open': {
		zh: '尚有 {n} 处冲突未处理，处理完才能发布',
		en: '{n} conflict(s) undecided: decide them all before publishing'
	},
	'office.fresh.title': { zh: '各乡镇（街道）填报情况', en: 'How current each town keeps its data' },
	'office.fresh.town': { zh: '乡镇（街道）', en: 'Town' },
	'office.fresh.last': { zh: '最近填报', en: 'Last change' },
	'office.fresh.month': { zh: '本月填报（条）', en: 'Changes this month' },
	'office.fresh.pending': { zh: '待审核（条）', en: 'Waiting for review' },
	'office.fresh.note': {
		zh: '按各乡镇（街道）填报的变更记录统计，日期按北京时间；最久未填报的在前；从未填报的乡镇（街道）不列出。',
		en: 'Counted from the changes each town recorded, days in Beijing time; the least recently updated first; a town that never recorded one is not listed.'
	},
	'office.review.title': { zh: '乡镇填报待审核', en: 'Town changes to review' },
	'office.review.none': { zh: '没有待审核的变更', en: 'No change waits for review' },
	'office.review.town': { zh: '{town}：{n} 条待审核', en: '{town}: {n} to review' },
	'office.review.accept': { zh: '接受', en: 'Accept' },
	'office.review.return': { zh: '退回', en: 'Return' },
	'office.review.note': { zh: '审核意见（退回须填写）', en: 'Review note (needed to return)' },
	'office.review.stage': {
		zh: '把已接受的变更生成新版本（经导入程序校验）',
		en: 'Make a new release with the accepted changes (validated by the importer)'
	},
	'office.review.changes': {
		zh: '本版本带入乡镇填报的变更 {n} 条：',
		en: 'This release carries {n} change(s) recorded by the towns:'
	}
} as const satisfies Catalogue;
