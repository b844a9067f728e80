/** `/data`, the data workbench: bring in the ledger, the report, column mapping, placing, the diff, apply and export. */
import type { Catalogue } from './catalogue';

export const DATA = {
	'data.title': { zh: '数据工作台', en: 'Data workbench' },
	'data.back': { zh: '返回地图', en: 'Back to the map' },
	'data.sub': { zh: '导入、校验、查询', en: 'Import, check, query' },
	'data.step.files': { zh: '读入台账文件', en: 'Bring in the ledger' },
	'data.step.report': { zh: '校验报告', en: 'Report' },
	'data.step.mapping': { zh: '列映射', en: 'Column mapping' },
	'data.step.map': { zh: '坐标与地图预览', en: 'Coordinates and map preview' },
	'data.step.diff': { zh: '与当前数据对比', en: 'Compared with the data loaded now' },
	'data.step.apply': { zh: '应用与导出', en: 'Apply and export' },
	'data.row': { zh: '第{row}行', en: 'row {row}' },

	'data.completeness.title': { zh: '资料完整度', en: 'Completeness' },
	'data.completeness.lead': {
		zh: '当前数据（已发布或已应用的导入）按乡镇街道统计缺少的资料。导出某个乡镇街道的资料补充表交给该乡镇街道填写，交回后在上面第1步读入（勾选「资料补充表」），按小区编号补入。',
		en: 'The data loaded now (published or an applied import): what each town lacks. Export a town’s supplement sheet for its office to fill in; when it comes back, bring it in at step 1 (tick “supplement sheet”): it is matched by id.'
	},
	'data.completeness.loading': { zh: '统计中…', en: 'Counting…' },
	'data.completeness.town': { zh: '乡镇街道', en: 'Town' },
	'data.completeness.communities': { zh: '小区', en: 'Communities' },
	'data.completeness.judgeable': { zh: '资料够判断', en: 'Judgeable' },
	'data.completeness.incomplete': { zh: '缺资料', en: 'Lacking facts' },
	'data.completeness.export': { zh: '导出资料补充表', en: 'Export supplement sheet' },
	'data.completeness.exportTown': {
		zh: '导出{town}的资料补充表（Excel）',
		en: 'Export the supplement sheet of {town} (Excel)'
	},
	'data.completeness.total': { zh: '全市', en: 'All towns' },
	'data.completeness.none': {
		zh: '当前数据每个小区的资料都齐全。',
		en: 'Every community of the data loaded now has every fact.'
	},
	'data.completeness.defs': {
		zh: '小区：该乡镇街道的小区个数。资料够判断：改造资格（§二(一)）和补助上限（§五(二)1）不缺资料、结论中没有“未知”的小区个数。缺资料：至少缺下列一项资料的小区个数（有些资料只作记录，不影响结论）。各项资料：缺这项资料（表中为空）的小区个数。',
		en: 'Communities: how many the town has. Judgeable: how many lack no fact the verdicts need (eligibility §二(一), the subsidy cap §五(二)1) — none of their verdicts says “unknown”. Lacking facts: how many lack at least one of the facts listed (some only describe and change no verdict). Each fact: how many have it empty.'
	},
	'data.completeness.region': { zh: '资料完整度表', en: 'Completeness table' },
	'data.fact.completionYear': { zh: '建成年份', en: 'Year built' },
	'data.fact.buildingArea': { zh: '建筑面积', en: 'Building area' },
	'data.fact.households': { zh: '户数', en: 'Households' },
	'data.fact.owners': { zh: '业主人数', en: 'Owners' },
	'data.fact.exclusiveArea': { zh: '专有部分面积', en: 'Exclusive area' },
	'data.fact.buildings': { zh: '楼栋数', en: 'Buildings' },
	'data.fact.housingType': { zh: '房屋类型', en: 'Housing type' },
	'data.fact.inShantytownPlan': { zh: '列入棚改计划', en: 'In shantytown plan' },
	'data.fact.facilitiesDeficient': { zh: '设施不完善', en: 'Facilities deficient' },
	'data.fact.strongWill': { zh: '改造意愿强烈', en: 'Residents keen' },
	'data.fact.propertyManagement': { zh: '物业管理', en: 'Property management' },
	'data.supplement.label': {
		zh: '资料补充表：只补充当前数据中已有小区的资料（按小区编号对上；空格不清除已有资料，其他小区和各表不变）',
		en: 'Supplement sheet: only fills in facts of communities loaded now (matched by id; an empty cell erases nothing; other communities and tables unchanged)'
	},
	'data.supplement.summary': {
		zh: '资料补充表：补入{filled}项资料，更正{changed}项',
		en: 'Supplement sheet: {filled} facts filled in, {changed} corrected'
	},
	'data.supplement.unknown': {
		zh: '这些小区编号不在当前数据中，未补入：{ids}',
		en: 'These ids are not in the data loaded now, not taken: {ids}'
	},
	'data.supplement.loading': { zh: '读取当前数据…', en: 'Reading the data loaded now…' },

	'data.files.zone': { zh: '拖入台账文件', en: 'Drop ledger files' },
	'data.files.drop': { zh: '把台账文件拖到这里，或', en: 'Drop the ledger files here, or' },
	'data.files.choose': { zh: '选择文件', en: 'choose files' },
	'data.files.formats': {
		zh: '可多选：.xlsx、.xls、.xlsb、WPS .et、.csv/.txt（UTF-8、GBK、UTF-16；逗号、分号或制表符分隔）、GeoJSON、Shapefile（.zip，或 .shp 与 .dbf、.prj、.cpg 一起选）、奥维/Google Earth 的 .kml/.kmz。文件只在本浏览器中读取，不会上传。',
		en: 'Several at once: .xlsx, .xls, .xlsb, WPS .et, .csv/.txt (UTF-8, GBK, UTF-16; comma, semicolon or tab), GeoJSON, Shapefiles (.zip, or the .shp with its .dbf, .prj, .cpg), .kml/.kmz from 奥维 or Google Earth. Files are read in this browser only, never uploaded.'
	},
	'data.files.template': { zh: '下载空白模板（Excel）', en: 'Download the blank template (Excel)' },
	'data.files.templateNote': {
		zh: '每张表一个工作表，表头和下拉选项与导入一致；从只有名称和乡镇街道的名单开始也可以。',
		en: 'One sheet per table, headers and drop-down lists as the importer reads them; a list of names and towns alone is a start.'
	},
	'data.files.crs': { zh: '坐标系', en: 'Coordinates' },
	'data.files.crsLabel': { zh: '坐标系', en: 'Coordinate system' },
	'data.files.gcj02': { zh: 'GCJ-02（高德）', en: 'GCJ-02 (AMap)' },
	'data.files.read': { zh: '已读取的文件', en: 'Files read' },
	'data.files.remove': { zh: '移除', en: 'remove' },
	'data.files.reading': { zh: '正在读取和校验…', en: 'Reading and checking…' },

	'data.report.rowInFile': { zh: '文件中的第{row}行', en: 'Row {row} as in the file' },
	'data.report.more': { zh: '再显示（共{n}条）', en: 'Show more ({n} in all)' },
	'data.report.error': { zh: '{n} 个错误', en: '{n} error' },
	'data.report.errors': { zh: '{n} 个错误', en: '{n} errors' },
	'data.report.notice': { zh: '{n} 条提示', en: '{n} notice' },
	'data.report.notices': { zh: '{n} 条提示', en: '{n} notices' },
	'data.report.passed.one': { zh: '{n} 个小区通过校验', en: '{n} community passed' },
	'data.report.passed': { zh: '{n} 个小区通过校验', en: '{n} communities passed' },
	'data.report.asOf': { zh: '数据截至', en: 'Data as of' },
	'data.report.download': { zh: '下载报告（Excel）', en: 'Download report (Excel)' },
	'data.report.level': { zh: '级别', en: 'Level' },
	'data.report.all': { zh: '全部', en: 'All' },
	'data.report.errorsHead': { zh: '错误', en: 'Errors' },
	'data.report.noticesHead': { zh: '提示', en: 'Notices' },
	'data.report.kind': { zh: '类别', en: 'Kind' },
	'data.report.search': { zh: '搜索', en: 'Search' },

	'data.mapping.columnFor': { zh: '「{header}」对应的列', en: 'Column for “{header}”' },
	'data.mapping.skip': { zh: '不导入此列', en: 'do not import' },
	'data.mapping.unitOf': { zh: '「{header}」的单位', en: 'Unit of “{header}”' },
	'data.mapping.crsOf': { zh: '「{header}」的坐标系', en: 'Coordinate system of “{header}”' },
	'data.mapping.unplaced': {
		zh: '{n} 列未能自动识别。请为每列选择对应的数据列和单位；不选则不导入该列。',
		en: '{n} columns could not be placed. Choose the column and unit each holds; unchosen columns are not imported.'
	},
	'data.mapping.hidden': { zh: '隐藏列', en: 'hidden column' },
	'data.mapping.samples': { zh: '示例值：', en: 'Samples: ' },
	'data.mapping.allPlaced': { zh: '所有列都已识别。', en: 'Every column was placed.' },
	'data.mapping.saved': { zh: '已保存的列映射', en: 'Saved column mapping' },
	'data.mapping.forget': { zh: '取消', en: 'forget' },
	'data.mapping.export': {
		zh: '导出映射文件（命令行 --mapping 用）',
		en: 'Export mapping file (for --mapping)'
	},
	'data.mapping.load': { zh: '读入映射文件', en: 'Load a mapping file' },

	'data.place.allPlaced': { zh: '每个小区都有坐标。', en: 'Every community has coordinates.' },
	'data.place.missing': {
		zh: '{n} 个小区没有坐标（还差 {left} 个）。未放置的小区不会出现在地图上，但会保留在导出的台账中。',
		en: '{n} communities have no coordinates ({left} left). Unplaced ones stay off the map but are kept in the exported ledger.'
	},
	'data.place.placed': { zh: '已放置', en: 'placed' },
	'data.place.notPlaced': { zh: '未放置', en: 'not placed' },
	'data.place.stop': { zh: '取消点选', en: 'stop placing' },
	'data.place.onMap': { zh: '在地图上点选', en: 'place on the map' },
	'data.place.suggested': { zh: '用建议位置（镇街驻地）', en: 'use the suggestion (town seat)' },
	'data.place.undo': { zh: '撤销', en: 'undo' },
	'data.place.allSuggested': {
		zh: '其余 {n} 个全部放在所在镇街驻地（示意位置，之后可逐个调整）',
		en: 'place the other {n} at their town seats (approximate; each can be moved later)'
	},

	'data.preview.map': { zh: '导入数据预览地图', en: 'Map of the import' },
	'data.preview.new': { zh: '新增', en: 'new' },
	'data.preview.changed': { zh: '有变化', en: 'changed' },
	'data.preview.same': { zh: '无变化', en: 'unchanged' },
	'data.preview.clickWhere': { zh: '在地图上点击「{name}」的位置', en: 'Click on the map where “{name}” is' },

	'data.diff.added': { zh: '新增 {n}', en: '{n} new' },
	'data.diff.changed': { zh: '有变化 {n}', en: '{n} changed' },
	'data.diff.removed': { zh: '将移除 {n}', en: '{n} removed' },
	'data.diff.unchanged': { zh: '无变化 {n}', en: '{n} unchanged' },
	'data.diff.exampleRemoved': {
		zh: '现在载入的是示例数据：应用后，示例的 {n} 个小区都由本次导入的数据代替——首次导入真实台账时这是正常的。',
		en: "The data loaded now is the example: applying replaces its {n} communities with the import's — as expected the first time a real ledger is imported."
	},
	'data.diff.addedList': { zh: '新增的小区', en: 'New communities' },
	'data.diff.changedList': { zh: '有变化的小区（逐项）', en: 'Changed communities (field by field)' },
	'data.diff.removedList': { zh: '导入后将不再有的小区', en: 'Communities the import no longer has' },
	'data.diff.limit': { zh: '每类只列出前 {n} 个。', en: 'Only the first {n} of each are listed.' },

	'data.apply.apply': { zh: '应用到本浏览器', en: 'Apply in this browser' },
	'data.apply.unpublished': { zh: '未发布的导入数据', en: 'Unpublished import' },
	'data.apply.applied': {
		zh: '导入数据已应用：地图、小区页、预算模拟显示导入的数据（仅本浏览器，未发布）。刷新页面或点“放弃”恢复已发布的数据。',
		en: 'Applied: the map, community pages and the budget show the import (this browser only, unpublished). Reload or “discard” to return to the published data.'
	},
	'data.apply.seeMap': { zh: '去看地图', en: 'See the map' },
	'data.apply.local': {
		zh: '应用只影响本浏览器，不会发布。',
		en: 'Applying affects this browser only; nothing is published.'
	},
	'data.apply.errorsLeftOut': {
		zh: '有 {n} 个错误的行不包含在内。',
		en: 'Rows with the {n} errors are left out.'
	},
	'data.apply.unplacedLeftOut': {
		zh: '{n} 个没有坐标的小区不上地图（台账中保留）。',
		en: '{n} communities without coordinates stay off the map (kept in the ledger).'
	},
	'data.apply.ledger': { zh: '导出台账（模板格式 Excel）', en: 'Export the ledger (template Excel)' },
	'data.apply.noZipWithErrors': {
		zh: '有错误时不生成发布文件',
		en: 'No publishable files while there are errors'
	},
	'data.apply.zip': {
		zh: '导出发布文件（static/data 压缩包）',
		en: 'Export the site data (static/data zip)'
	},
	'data.apply.working': { zh: '处理中…', en: 'Working…' },
	'data.renumber.title': { zh: '可能是重新编号的小区', en: 'Probably renumbered communities' },
	'data.renumber.intro': {
		zh: '导入的数据中没有这些旧编号，却有同一乡镇街道、证据相符的新编号小区（同地址、相距不超过 {metres} 米、名称相同或相近）。请逐对决定：带入历史（改造内容、表决、资金、阶段、联系人等按小区编号记录的各表）并用新编号，或保留旧编号；不是同一小区的不处理。',
		en: 'The import lacks these old ids but has communities of the same town under new ids, with matching evidence (same address, within {metres} m, the same or a similar name). Decide pair by pair: carry the history (works, votes, funds, stages, contact people — every table kept by community id) over to the new id, or keep the old id; leave pairs that are not one community.'
	},
	'data.renumber.old': { zh: '当前数据（旧编号）', en: 'Loaded now (old id)' },
	'data.renumber.new': { zh: '导入的数据（新编号）', en: 'The import (new id)' },
	'data.renumber.why': { zh: '依据', en: 'Why' },
	'data.renumber.choice': { zh: '处理', en: 'Decision' },
	'data.renumber.none': { zh: '不处理（不是同一小区）', en: 'Leave (not one community)' },
	'data.renumber.carry': { zh: '带入历史，用新编号', en: 'Carry the history to the new id' },
	'data.renumber.keepOld': { zh: '保留旧编号', en: 'Keep the old id' },
	'data.renumber.allCarry': { zh: '全部带入历史（新编号）', en: 'Carry all over (new ids)' },
	'data.renumber.allOld': { zh: '全部保留旧编号', en: 'Keep all old ids' },
	'data.renumber.allNone': { zh: '全部不处理', en: 'Leave all' },
	'data.renumber.ties': {
		zh: '证据相当、未自动配对，请自行判断（每个旧编号最多选一个）',
		en: 'Equally strong, not paired: yours to decide (at most one per old id)'
	},
	'data.renumber.undecided': {
		zh: '还有 {n} 对未处理：按新增和移除计，其旧编号下的历史不会带入。',
		en: '{n} pair(s) undecided: they count as new and removed, and their history under the old ids stays behind.'
	},
	'data.renumber.loading': { zh: '正在读取当前数据中的历史记录…', en: 'Reading the loaded history…' },
	'data.renumber.carried': { zh: '带入的历史记录：{rows}', en: 'History rows carried over: {rows}' },
	'data.renumber.already': {
		zh: '导入的数据已有（同一行，用导入的）：{rows}',
		en: 'Already in the import (the same row; the import’s kept): {rows}'
	},
	'data.renumber.superseded': {
		zh: '其中 {n} 行取值与当前数据不同，用导入的：',
		en: '{n} of them differ from the loaded data; the import’s are kept:'
	},
	'data.renumber.result': {
		zh: '应用后的历史记录（全部小区）：{rows}',
		en: 'History after applying (all communities): {rows}'
	},
	'data.renumber.refused': {
		zh: '未带入（请核对后写进导入的台账）：',
		en: 'Not carried over (check, then enter it in the imported ledger):'
	},
	'data.renumber.export': {
		zh: '导出对应表（命令行 --renumber 用）',
		en: 'Export the renumbering (for the CLI’s --renumber)'
	}
} as const satisfies Catalogue;
