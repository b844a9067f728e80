/** The words every page shares: the app's name and data date, the language switch, the example badge, the
 * database's loading words, the SQL console and the map's own controls. */
import type { Catalogue } from './catalogue';

export const COMMON = {
	'app.title': { zh: '乐清旧改地图', en: 'Yueqing Renovation Map' },
	'app.subtitle': { zh: '城镇老旧小区改造总览', en: 'Old residential community renovation' },
	'app.asOf': { zh: '数据截至 {date}', en: 'Data as of {date}' },
	'app.asOfToday': { zh: '文件未注明，按构建当天', en: 'not in the files: the day of the build' },
	'app.overview': { zh: '总览', en: 'Overview' },
	'app.progressLink': { zh: '公开进度页', en: 'Public progress page' },
	'app.dataLink': { zh: '数据工作台', en: 'Data workbench' },
	'lang.switch': { zh: 'English', en: '中文' },
	'lang.switchLabel': { zh: '切换为英文界面', en: '切换为中文界面 / switch to Chinese' },
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
	'map.yearUnknown': { zh: '建成年份未知', en: 'year unknown' },
	'map.areaUnknown': { zh: '建筑面积未知', en: 'area unknown' },
	'map.householdsUnknown': { zh: '户数未知', en: 'households unknown' },
	'common.computing': { zh: '计算中…', en: 'Computing…' },
	'common.colon': { zh: '：', en: ': ' },
	'common.listSep': { zh: '、', en: ', ' },
	'common.comma': { zh: '，', en: ', ' },
	'common.semicolon': { zh: '；', en: '; ' }
} as const satisfies Catalogue;
