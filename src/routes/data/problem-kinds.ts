/**
 * Labels of the importer's problem kinds (`Problem.kind`) for the report's groups, in the order the keeper reads
 * them: how the files were read first, then what is wrong in the rows. A kind not listed shows under its code.
 */
import type { Problem } from '$lib/ingest/problems';

type Label = { zh: string; en: string };

const KINDS: Record<string, Label> = {
	'header-found': { zh: '找到的表头行', en: 'Header row found' },
	'as-of': { zh: '数据截至', en: 'Data as of' },
	encoding: { zh: '文件编码', en: 'File encoding' },
	'blank-rows': { zh: '空行', en: 'Blank rows' },
	'total-row': { zh: '合计/小计行', en: 'Total rows' },
	footnote: { zh: '注释/说明行', en: 'Footnotes' },
	invisible: { zh: '不可见字符', en: 'Invisible characters' },
	'town-mapped': { zh: '乡镇街道名称换算', en: 'Town names mapped' },
	percent: { zh: '百分数', en: 'Percentages' },
	decade: { zh: '年代（范围）', en: 'Decades (ranges)' },
	crs: { zh: '坐标系', en: 'Coordinate system' },
	'no-point': { zh: '没有坐标（在地图上放置）', en: 'No coordinates (place on the map)' },
	unplaced: { zh: '未识别的列', en: 'Columns not placed' },
	'duplicate-column': { zh: '重复的列', en: 'Duplicate columns' },
	'unit-suspect': { zh: '疑似单位错误', en: 'Suspect units' },
	'unit-mismatch': { zh: '单位不符', en: 'Unit mismatch' },
	implausible: { zh: '数值不合常理', en: 'Implausible values' },
	duplicate: { zh: '重复的小区', en: 'Duplicate communities' },
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
