/**
 * Labels of the importer's problem kinds (`Problem.kind`) for the report's groups, in the order the keeper reads
 * them: how the files were read first, then what is wrong in the rows. A kind not listed shows under its code.
 */
import type { Problem } from '$lib/ingest/problems';

type Label = { zh: string; en: string };

const KINDS: Record<string, Label> = {
	protected: { zh: '设有密码的工作簿', en: 'Password-protected workbooks' },
	'not-data': { zh: '不是数据文件', en: 'Not data files' },
	'hidden-sheet': { zh: '隐藏的工作表（未导入）', en: 'Hidden sheets (not imported)' },
	'hidden-row': { zh: '手动隐藏的行（未导入）', en: 'Rows hidden by hand (not imported)' },
	'filtered-rows': { zh: '筛选隐藏的行（已导入）', en: 'Rows hidden by a filter (imported)' },
	'hidden-column': { zh: '隐藏的列', en: 'Hidden columns' },
	shapefile: { zh: 'Shapefile 图层', en: 'Shapefile layers' },
	'shapefile-part': { zh: 'Shapefile 缺少文件', en: 'Shapefile parts missing' },
	kml: { zh: 'KML/KMZ 地标', en: 'KML/KMZ placemarks' },
	'points-layer': { zh: '点位图层与台账对应', en: 'Point layers matched to the ledger' },
	'point-differs': { zh: '图层与台账坐标不一致', en: 'Layer points off the ledger' },
	delimiter: { zh: '分隔符', en: 'Delimiters' },
	'header-found': { zh: '找到的表头行', en: 'Header row found' },
	'as-of': { zh: '数据截至', en: 'Data as of' },
	'unit-line': { zh: '单位行', en: 'Unit lines' },
	encoding: { zh: '文件编码', en: 'File encoding' },
	'blank-rows': { zh: '空行', en: 'Blank rows' },
	'total-row': { zh: '合计/小计行', en: 'Total rows' },
	footnote: { zh: '注释/说明行', en: 'Footnotes' },
	invisible: { zh: '不可见字符', en: 'Invisible characters' },
	'id-generated': { zh: '自动编号', en: 'Ids generated' },
	'town-mapped': { zh: '乡镇街道名称换算', en: 'Town names mapped' },
	'town-from-sheet': { zh: '按工作表名读取乡镇街道', en: 'Towns from sheet names' },
	'no-town': { zh: '没有乡镇街道', en: 'No town' },
	'line-break': { zh: '单元格内换行', en: 'Line breaks in cells' },
	'month-only': { zh: '只有年月的日期', en: 'Dates with a month only' },
	dms: { zh: '度分秒坐标', en: 'Degrees, minutes, seconds' },
	'point-pair': { zh: '经纬度在一格中', en: 'Coordinates in one cell' },
	approximate: { zh: '约数与范围', en: 'Approximate figures' },
	percent: { zh: '百分数', en: 'Percentages' },
	decade: { zh: '年代（范围）', en: 'Decades (ranges)' },
	crs: { zh: '坐标系', en: 'Coordinate system' },
	'no-point': { zh: '没有坐标（在地图上放置）', en: 'No coordinates (place on the map)' },
	'facts-missing': { zh: '资料不全', en: 'Incomplete data' },
	'placed-at-seat': { zh: '放在乡镇街道驻地', en: 'Placed at the town seat' },
	unplaced: { zh: '未识别的列', en: 'Columns not placed' },
	'duplicate-column': { zh: '重复的列', en: 'Duplicate columns' },
	'unit-suspect': { zh: '疑似单位错误', en: 'Suspect units' },
	'unit-mismatch': { zh: '单位不符', en: 'Unit mismatch' },
	implausible: { zh: '数值不合常理', en: 'Implausible values' },
	duplicate: { zh: '重复的小区', en: 'Duplicate communities' },
	'vote-share': { zh: '表决数像是比例', en: 'Vote figures pasted as shares' },
	'vote-totals': { zh: '表决基数与小区不符', en: 'Vote totals off the community' },
	'vote-verdict-only': { zh: '表决只有结果', en: 'Votes without tallies' },
	'lat-lon-swapped': { zh: '经纬度颠倒', en: 'Latitude and longitude swapped' },
	scientific: { zh: '被科学计数法损坏', en: 'Destroyed by scientific notation' },
	'formula-no-result': { zh: '公式没有结果', en: 'Formulas without a result' },
	'excel-error': { zh: 'Excel 错误值', en: 'Excel error values' },
	'unreadable-year': { zh: '无法识别的年份', en: 'Unreadable years' },
	unreadable: { zh: '无法读取的文件', en: 'Unreadable files' },
	empty: { zh: '空文件', en: 'Empty files' },
	'no-header': { zh: '找不到表头', en: 'No header found' },
	'no-table': { zh: '无法识别的表', en: 'Tables not recognised' },
	'no-files': { zh: '没有文件', en: 'No files' },
	'too-many-rows': { zh: '行数过多', en: 'Too many rows' },
	'town-ambiguous': { zh: '乡镇街道名称不明确', en: 'Ambiguous town names' },
	year: { zh: '年份', en: 'Years' },
	'year-range': { zh: '年份范围', en: 'Year ranges' },
	'too-large': { zh: '文件过大', en: 'Files too large' },
	geojson: { zh: 'GeoJSON 文件', en: 'GeoJSON files' },
	boundary: { zh: '乡镇街道边界', en: 'Town boundaries' },
	table: { zh: '表格问题', en: 'Table problems' },
	value: { zh: '数据校验', en: 'Data checks' },
	cell: { zh: '数据校验', en: 'Data checks' }
};

/** The group a problem belongs to: its kind, or `cell` for the validator's own checks (columns, cells, rows). */
export const kindOf = (p: Problem): string => p.kind ?? 'cell';

export function kindLabel(kind: string): Label {
	return KINDS[kind] ?? { zh: kind, en: kind };
}

/** Problems grouped by kind, groups in the order above (unknown kinds last, by code), problems in file order. */
export function groupByKind(problems: readonly Problem[]): { kind: string; problems: Problem[] }[] {
	const groups = new Map<string, Problem[]>();
	for (const p of problems) {
		const k = kindOf(p);
		const list = groups.get(k);
		if (list) list.push(p);
		else groups.set(k, [p]);
	}
	const order = Object.keys(KINDS);
	const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
	return [...groups]
		.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
		.map(([kind, problems]) => ({ kind, problems }));
}
