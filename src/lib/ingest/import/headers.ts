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
		name: ['项目名称', '小区名', '小区（项目）名称', '小区(项目)名称', '名称'],
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
		total_investment: ['项目总投资', '总投资额', '计划总投资'],
		planned_start: ['计划开工日期', '开工时间', '计划开工'],
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

/** The coordinate system a header or mapping declares for longitude and latitude. */
export type PointCrs = 'wgs84' | 'gcj02' | 'bd09';

export interface Placement {
	column: Column;
	/** The unit the header (or the sheet's unit line) gives, when not the schema's own. */
	unit?: Unit;
	/** For lon, lat and the one-cell pair: the CRS the header says (`经度(高德)` is GCJ-02). */
	crs?: PointCrs;
	/** Set by the keeper's mapping (it wins over a header the importer matched by itself). */
	mapped?: boolean;
}

/**
 * Longitude and latitude in ONE cell (`120.9612,28.1201`): not a column of the schema, split by the importer into
 * lon and lat. `lat-first` when the header names latitude first (纬经度).
 */
export const POINT_PAIR: Column = {
	name: 'point',
	zh: '经纬度',
	type: 'text',
	required: false,
	public: false,
	doc: 'Longitude and latitude in one cell, split on import'
};
/** The same pair written latitude first (纬经度, `28.1201,120.9612`). */
export const POINT_PAIR_LAT_FIRST: Column = { ...POINT_PAIR, name: 'point-lat-first', zh: '纬经度' };
/** Whether a column is one of the two one-cell pairs. */
export const isPointPair = (c: Column) => c === POINT_PAIR || c === POINT_PAIR_LAT_FIRST;
const PAIR_HEADERS = new Set([
	'经纬度',
	'经纬度坐标',
	'坐标',
	'位置坐标',
	'中心点坐标',
	'lnglat',
	'lonlat',
	'经度,纬度',
	'经度，纬度'
]);
const PAIR_LAT_FIRST = new Set(['纬经度', '纬度,经度', '纬度，经度', 'latlng', 'latlon']);

/** Words in a header that say the coordinates' system: 高德/腾讯 maps and the 火星 coordinates are GCJ-02,
 * 百度 is BD-09; WGS84 and CGCS2000 are taken as they are. */
const CRS_WORDS: [RegExp, PointCrs][] = [
	[/^(高德|gcj-?02|火星|腾讯|谷歌中国|高德地图|高德坐标|腾讯地图)$/i, 'gcj02'],
	[/^(百度|bd-?09|百度地图|百度坐标)$/i, 'bd09'],
	[/^(wgs-?84|gps|cgcs-?2000|国家2000|2000坐标系|天地图)$/i, 'wgs84']
];

function crsWord(text: string): PointCrs | undefined {
	const t = cleanHeader(text);
	return CRS_WORDS.find(([re]) => re.test(t))?.[1];
}

/** `经度(高德)`, `高德经度`, `经度（GCJ-02）`, `经纬度(百度)` → the header without the words, and the CRS. */
export function splitCrs(header: string): [string, PointCrs] | undefined {
	const h = cleanHeader(header);
	const suffix = /^(.+?)[([]([^()[\]]+)[)\]]$/.exec(h);
	if (suffix) {
		const crs = crsWord(suffix[2]!);
		if (crs) return [suffix[1]!, crs];
	}
	const prefix = /^(高德|百度|腾讯|gcj-?02|bd-?09|wgs-?84|cgcs2000)(.+)$/i.exec(h);
	if (prefix) {
		const crs = crsWord(prefix[1]!);
		if (crs) return [prefix[2]!, crs];
	}
	return undefined;
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

function pairOf(table: TableName, text: string): Placement | undefined {
	if (table !== 'communities') return undefined;
	if (text === 'point') return { column: POINT_PAIR };
	if (text === 'point-lat-first') return { column: POINT_PAIR_LAT_FIRST };
	if (PAIR_HEADERS.has(text)) return { column: POINT_PAIR };
	if (PAIR_LAT_FIRST.has(text)) return { column: POINT_PAIR_LAT_FIRST };
	return undefined;
}

/** The schema column a header names in `table`, with its unit; undefined if none. */
export function placeHeader(table: TableName, header: string): Placement | undefined {
	const names = lookup.get(table)!;
	const whole = names.get(cleanHeader(header)) ?? pairOf(table, cleanHeader(header))?.column;
	if (whole) return { column: whole };
	const crs = splitCrs(header);
	if (crs) {
		const column = names.get(crs[0]) ?? pairOf(table, crs[0])?.column;
		if (column && (isPointPair(column) || column.unit === '°')) return { column, crs: crs[1] };
	}
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

/** Headers of a vote's outcome alone (通过/未通过), without its tallies. */
const VOTE_RESULT = new Set(['表决结果', '结果', '表决结论', '是否通过', '表决情况', '表决是否通过']);

/** Whether a header is a vote's outcome (通过/未通过). */
export const isVoteResult = (header: string) => VOTE_RESULT.has(cleanHeader(header));

/** Required columns a communities sheet may lack: the id is made from town and name (ids.ts), the point placed. */
const SUPPLIED = new Set(['id', 'lon', 'lat']);

/** The table whose columns a header row names best: at least half of its required columns (or, for communities,
 * all of those not supplied: a plan table's 名称 and 乡镇 are enough). A sheet of vote outcomes alone (小区编号 and
 * 表决结果) is a votes table too, to be refused for what it lacks. */
export function tableByHeader(headers: readonly string[]): TableName | undefined {
	if (
		headers.some(isVoteResult) &&
		headers.some((h) => placeHeader('votes', h)?.column.name === 'community_id')
	)
		return 'votes';
	let best: [TableName, number] | undefined;
	for (const t of TABLES) {
		const required = t.columns.filter((c) => c.required);
		const cells = new Set(headers.map((h) => placeHeader(t.name, h)?.column.name).filter(Boolean));
		let share = required.filter((c) => cells.has(c.name)).length / required.length;
		// a list with every column not supplied (名称 and 乡镇) is a communities table: a plan table
		const core = required.filter((c) => t.name === 'communities' && !SUPPLIED.has(c.name));
		if (core.length > 0 && core.every((c) => cells.has(c.name))) share = Math.max(share, 0.75);
		if (share >= 0.5 && (!best || share > best[1])) best = [t.name, share];
	}
	return best?.[0];
}
