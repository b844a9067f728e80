/**
 * The office's words for our columns — the ONE synonym table — and headers read with their units: `建筑面积（万㎡）`
 * is building_area in 万㎡, `乡镇（街道）` is town_code. A column's own Chinese header and English name always match.
 */
import { TABLES, type Column, type Table, type TableName } from '../../schema/schema';
import { parseUnit, unitKindOf, type Unit } from './units';

/** Other headers offices use, per table and column (our own `zh` and `name` are added automatically). */
export const SYNONYMS: Partial<Record<TableName, Record<string, readonly string[]>>> = {
	towns: { code: ['区划代码', '统计用区划代码', 'XZQDM'], name: ['乡镇街道名称', '乡镇街道', 'XZQMC'] },
	communities: {
		id: ['编号', '小区代码', '项目编号'],
		name: ['项目名称', '小区名', '小区（项目）名称', '小区(项目)名称'],
		town_code: [
			'所在街道',
			'所在乡镇',
			'所属街道',
			'所属乡镇',
			'乡镇（街道）',
			'乡镇(街道)',
			'乡镇街道',
			'所在乡镇街道',
			'镇街',
			'所在镇街',
			'街道',
			'乡镇',
			'区划代码'
		],
		address: ['小区地址', '详细地址', '坐落', '坐落位置', '位置'],
		lon: ['lng', 'longitude', 'x经度'],
		lat: ['latitude', 'y纬度'],
		completion_year: ['建成年代', '竣工年份', '建成时间', '竣工时间', '建成年度', '竣工年代'],
		building_area: ['改造面积', '总建筑面积', '房屋建筑面积', '建筑面积合计'],
		households: ['住户数', '总户数', '居民户数', '涉及户数', '户数合计'],
		owners: ['业主数', '产权人数', '业主户数'],
		exclusive_area: ['专有面积', '套内面积合计'],
		buildings: ['幢数', '栋数', '楼幢数', '楼栋'],
		housing_type: ['房屋性质'],
		satisfaction: ['居民满意度', '满意率'],
		notes: ['备注']
	},
	works: {
		item_id: ['改造内容', '项目内容'],
		estimated_cost: ['总投资', '概算投资', '估算投资', '投资估算', '概算', '计划投资'],
		final_cost: ['决算', '决算投资']
	},
	votes: {},
	funds: { amount: ['到位金额', '资金金额'] },
	stage_events: { date: ['时间', '开始日期'] },
	contacts: { phone: ['联系电话', '手机', '手机号'], person: ['联系人'] }
};

/** Headers that are row numbers, not data (ignored, never reported). */
export const ROW_NUMBER_HEADERS = new Set(['序号', '序', 'no', 'no.', '编序']);

export interface Placement {
	column: Column;
	/** The unit the header (or the sheet's unit line) gives, when not the schema's own. */
	unit?: Unit;
}

/** A header as compared: NFKC, no spaces or invisible characters, no required-marker `*`. */
export function cleanHeader(text: string): string {
	return text
		.normalize('NFKC')
		.replace(/[\s\u200b-\u200d\u2060\ufeff\u00a0*＊]/g, '')
		.toLowerCase();
}

const lookup = new Map<TableName, Map<string, Column>>(
	TABLES.map((t) => {
		const m = new Map<string, Column>();
		for (const c of t.columns) {
			for (const h of [c.name, c.zh, ...(SYNONYMS[t.name]?.[c.name] ?? [])]) m.set(cleanHeader(h), c);
		}
		return [t.name, m];
	})
);

/** Splits `建筑面积（万㎡）`, `总投资/万元`, `建筑面积 万平方米` into the name and a unit; the unit only if it is one. */
function splitUnit(header: string): [string, Unit | undefined] {
	const h = cleanHeader(header);
	const m =
		/^(.+?)[([]([^()[\]]+)[)\]]$/.exec(h) ??
		/^(.+?)[/／]([^/／]+)$/.exec(h) ??
		/^(.+?)(万平方米|万平米|万m2|平方米|平米|m2|亿元|万元|千元|元)$/.exec(h);
	if (m) {
		const unit = parseUnit(m[2]!);
		if (unit) return [m[1]!, unit];
	}
	return [h, undefined];
}

/** The schema column a header names in `table`, with its unit; undefined if none. */
export function placeHeader(table: TableName, header: string): Placement | undefined {
	const names = lookup.get(table)!;
	const whole = names.get(cleanHeader(header));
	if (whole) return { column: whole };
	const [base, unit] = splitUnit(header);
	const column = names.get(base);
	if (!column) return undefined;
	return unit ? { column, unit } : { column };
}

/** Whether a unit fits a column (万㎡ on an area, 万元 on money). */
export function unitFits(column: Column, unit: Unit): boolean {
	return unitKindOf(column.unit) === unit.kind;
}

/** How many of `headers` name a column of `table`. */
export function headerHits(table: Table, headers: readonly string[]): number {
	const seen = new Set<string>();
	for (const h of headers) {
		const p = h.trim() === '' ? undefined : placeHeader(table.name, h);
		if (p) seen.add(p.column.name);
	}
	return seen.size;
}

/** The table a file or sheet is named after (`communities`, `小区`), if any. */
export function tableByName(name: string): TableName | undefined {
	const n = name.normalize('NFKC').trim().toLowerCase();
	return TABLES.find((t) => t.name === n || t.zh === n)?.name;
}

/** The table whose columns a header row names best: at least half of its required columns. */
export function tableByHeader(headers: readonly string[]): TableName | undefined {
	let best: [TableName, number] | undefined;
	for (const t of TABLES) {
		const required = t.columns.filter((c) => c.required);
		const cells = new Set(headers.map((h) => placeHeader(t.name, h)?.column.name).filter(Boolean));
		const share = required.filter((c) => cells.has(c.name)).length / required.length;
		if (share >= 0.5 && (!best || share > best[1])) best = [t.name, share];
	}
	return best?.[0];
}
