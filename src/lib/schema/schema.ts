/**
 * The dataset's one schema: every table and column, with type, unit, allowed values, the Chinese header used in
 * spreadsheets, and whether it may be published. The generator, the validator, the build and the app all read it;
 * data/README.md documents it (a test keeps the two in step).
 */
import { WORKFLOW_STAGES } from '../policy';

export const SCHEMA_VERSION = 1;

export type ColumnType = 'text' | 'integer' | 'number' | 'boolean' | 'date' | 'enum';

/**
 * The SQL (DuckDB) type a column of each schema type is stored as — in the built Parquet files (src/node) and in
 * the tables an import loads into DuckDB-WASM (lib/query). Enums are stored as their codes' text.
 */
export const SQL_TYPE: Readonly<Record<ColumnType, string>> = {
	text: 'VARCHAR',
	integer: 'INTEGER',
	number: 'DOUBLE',
	boolean: 'BOOLEAN',
	date: 'DATE',
	enum: 'VARCHAR'
};

/** An allowed value: the code stored in the data, and its Chinese label (accepted on import as well). */
export interface EnumValue {
	code: string;
	zh: string;
	en: string;
}

export interface Column {
	name: string;
	/** Header in the office's spreadsheet (中文表头); the English name is accepted too. */
	zh: string;
	type: ColumnType;
	/** 元, ㎡, 户, 年, °… */
	unit?: string;
	required: boolean;
	values?: readonly EnumValue[];
	/** Smallest allowed value (numbers); `exclusiveMin` makes it strict (area > 0). */
	min?: number;
	exclusiveMin?: boolean;
	max?: number;
	/** May appear in the public build (/progress). Everything else is internal. */
	public: boolean;
	doc: string;
}

export interface Table {
	name: TableName;
	/** Sheet name in the office's workbook. */
	zh: string;
	/** Columns that together identify a row (checked for duplicates); empty when rows have no natural key. */
	key: readonly string[];
	columns: readonly Column[];
	/** Whether any of it may be published; contacts never are. */
	public: boolean;
	doc: string;
}

export type TableName = 'towns' | 'communities' | 'works' | 'votes' | 'funds' | 'stage_events' | 'contacts';

export const HOUSING_TYPES: readonly EnumValue[] = [
	{ code: 'commodity', zh: '商品房', en: 'commodity housing' },
	{ code: 'work-unit', zh: '单位房', en: 'work-unit housing' },
	{ code: 'reformed', zh: '房改房', en: 'reformed public housing' },
	{ code: 'self-built', zh: '自建房', en: 'self-built' },
	{ code: 'urban-village', zh: '城中村', en: 'urban village' },
	{ code: 'shantytown-rebuild', zh: '棚户区', en: 'shantytown' }
];

export const PROPERTY_MANAGEMENT: readonly EnumValue[] = [
	{ code: 'professional', zh: '专业物业', en: 'professional' },
	{ code: 'self', zh: '业主自治', en: "owners' self-management" },
	{ code: 'community', zh: '社区托管', en: 'community-run' },
	{ code: 'none', zh: '无', en: 'none' }
];

export const TOWN_KINDS: readonly EnumValue[] = [
	{ code: '街道', zh: '街道', en: 'subdistrict' },
	{ code: '镇', zh: '镇', en: 'town' },
	{ code: '乡', zh: '乡', en: 'township' }
];

export const VOTE_KINDS: readonly EnumValue[] = [
	{ code: 'application', zh: '申请表决', en: 'application vote' },
	{ code: 'scheme', zh: '方案表决', en: 'scheme vote' }
];

export const FUND_SOURCES: readonly EnumValue[] = [
	{ code: 'resident', zh: '居民自筹', en: 'residents' },
	{ code: 'social', zh: '社会资金', en: 'social capital' },
	{ code: 'subsidy', zh: '财政补助', en: 'subsidy' }
];

export const STAGES: readonly EnumValue[] = WORKFLOW_STAGES.map((s) => ({
	code: s.id,
	zh: s.name,
	en: s.en
}));

const id = (doc: string): Column => ({
	name: 'community_id',
	zh: '小区编号',
	type: 'text',
	required: true,
	public: true,
	doc
});

export const TABLES: readonly Table[] = [
	{
		name: 'towns',
		zh: '乡镇街道',
		key: ['code'],
		public: true,
		doc: 'Every street (街道), town (镇) and township (乡) of 乐清市, with its official code.',
		columns: [
			{
				name: 'code',
				zh: '区划代码',
				type: 'text',
				required: true,
				public: true,
				doc: '9-digit 统计用区划代码, e.g. 330382002'
			},
			{ name: 'name', zh: '名称', type: 'text', required: true, public: true, doc: 'e.g. 乐成街道' },
			{
				name: 'kind',
				zh: '类型',
				type: 'enum',
				values: TOWN_KINDS,
				required: true,
				public: true,
				doc: '街道 / 镇 / 乡'
			},
			{
				name: 'central',
				zh: '城关',
				type: 'boolean',
				required: true,
				public: true,
				doc: 'One of 乐成/城东/城南街道 (§二(一))'
			},
			{
				name: 'seat_lon',
				zh: '驻地经度',
				type: 'number',
				unit: '°',
				required: true,
				public: true,
				doc: 'Approximate seat, WGS84'
			},
			{
				name: 'seat_lat',
				zh: '驻地纬度',
				type: 'number',
				unit: '°',
				required: true,
				public: true,
				doc: 'Approximate seat, WGS84'
			}
		]
	},
	{
		name: 'communities',
		zh: '小区',
		key: ['id'],
		public: true,
		doc: 'One row per residential community (小区, or a single residential building). Only 编号, 名称 and 乡镇街道 (and a point, or placement in /data) are required: every other fact may be empty until known, and a verdict that needs it says 未知 (资料不全) and names it.',
		columns: [
			{
				name: 'id',
				zh: '小区编号',
				type: 'text',
				required: true,
				public: true,
				doc: 'Stable id, unique, e.g. YQ0001'
			},
			{ name: 'name', zh: '小区名称', type: 'text', required: true, public: true, doc: 'e.g. 东浦二区' },
			{
				name: 'town_code',
				zh: '乡镇街道代码',
				type: 'text',
				required: true,
				public: true,
				doc: 'Code of a row of towns; the town name is accepted too'
			},
			{
				name: 'address',
				zh: '地址',
				type: 'text',
				required: false,
				public: true,
				doc: 'Street address, for search'
			},
			{
				name: 'lon',
				zh: '经度',
				type: 'number',
				unit: '°',
				min: 73,
				max: 136,
				required: true,
				public: true,
				doc: 'WGS84 longitude; GCJ-02 sources must be converted (--crs gcj02)'
			},
			{
				name: 'lat',
				zh: '纬度',
				type: 'number',
				unit: '°',
				min: 3,
				max: 54,
				required: true,
				public: true,
				doc: 'WGS84 latitude'
			},
			{
				name: 'completion_year',
				zh: '建成年份',
				type: 'integer',
				unit: '年',
				min: 1900,
				max: 2100,
				required: false,
				public: true,
				doc: 'Year of completion (§二(一): by 2000 is the focus)'
			},
			{
				name: 'building_area',
				zh: '建筑面积',
				type: 'number',
				unit: '㎡',
				min: 0,
				exclusiveMin: true,
				required: false,
				public: true,
				doc: 'On the planning permit or property registration, shared area included (§五(二)1)'
			},
			{
				name: 'garage_area',
				zh: '车库面积',
				type: 'number',
				unit: '㎡',
				min: 0,
				required: false,
				public: false,
				doc: 'Ground-floor garage newly counted in the design (§五(二)1); empty = 0'
			},
			{
				name: 'households',
				zh: '户数',
				type: 'integer',
				unit: '户',
				min: 0,
				exclusiveMin: true,
				required: false,
				public: true,
				doc: 'Households'
			},
			{
				name: 'owners',
				zh: '业主人数',
				type: 'integer',
				unit: '人',
				min: 0,
				exclusiveMin: true,
				required: false,
				public: false,
				doc: 'Owners, the headcount of the votes (§三(一))'
			},
			{
				name: 'exclusive_area',
				zh: '专有部分面积',
				type: 'number',
				unit: '㎡',
				min: 0,
				exclusiveMin: true,
				required: false,
				public: false,
				doc: "All owners' exclusive floor area, the area of the votes (§三(一))"
			},
			{
				name: 'buildings',
				zh: '楼栋数',
				type: 'integer',
				unit: '栋',
				min: 0,
				exclusiveMin: true,
				required: false,
				public: true,
				doc: 'Buildings'
			},
			{
				name: 'housing_type',
				zh: '房屋类型',
				type: 'enum',
				values: HOUSING_TYPES,
				required: false,
				public: true,
				doc: 'Excluded: self-built, urban village, shantytown rebuild (§二(一))'
			},
			{
				name: 'in_shantytown_plan',
				zh: '列入棚改计划',
				type: 'boolean',
				required: false,
				public: false,
				doc: '§二(一)'
			},
			{
				name: 'expropriation_year',
				zh: '计划征收年份',
				type: 'integer',
				unit: '年',
				min: 1990,
				max: 2100,
				required: false,
				public: false,
				doc: 'Year of a planned expropriation; empty = none (§二(一))'
			},
			{
				name: 'facilities_deficient',
				zh: '设施不完善',
				type: 'boolean',
				required: false,
				public: false,
				doc: 'Facilities or property management deficient (§二(一))'
			},
			{
				name: 'strong_will',
				zh: '改造意愿强烈',
				type: 'boolean',
				required: false,
				public: false,
				doc: "Residents' will to renovate is strong (§二(一))"
			},
			{
				name: 'property_management',
				zh: '物业管理',
				type: 'enum',
				values: PROPERTY_MANAGEMENT,
				required: false,
				public: true,
				doc: 'Professional management ranks first in review (§三(一))'
			},
			{
				name: 'satisfaction',
				zh: '满意度',
				type: 'number',
				unit: '分',
				min: 0,
				max: 100,
				required: false,
				public: true,
				doc: 'Post-evaluation satisfaction score 0–100 (§三(九)); empty until surveyed'
			},
			{
				name: 'total_investment',
				zh: '总投资',
				type: 'number',
				unit: '元',
				min: 0,
				required: false,
				public: false,
				doc: 'Total investment when the works items are not known yet (a city plan table); elevators excluded. The funding verdict is then an estimate from the total (§五(二)1); ignored once works items are given'
			},
			{
				name: 'planned_start',
				zh: '计划开工时间',
				type: 'date',
				required: false,
				public: false,
				doc: 'Planned start of works, as the plan table gives it (a month is its first day, with a notice); kept, not judged'
			},
			{
				name: 'notes',
				zh: '内部备注',
				type: 'text',
				required: false,
				public: false,
				doc: 'Internal notes; never published'
			}
		]
	},
	{
		name: 'works',
		zh: '改造内容',
		key: ['community_id', 'item_id'],
		public: true,
		doc: 'The works of a community, one row per item of the 附件1 catalogue.',
		columns: [
			id('Community'),
			{
				name: 'item_id',
				zh: '改造项目',
				type: 'text',
				required: true,
				public: true,
				doc: 'Catalogue id (building.basic.1.1) or its code and name as in 附件1'
			},
			{
				name: 'estimated_cost',
				zh: '概算金额',
				type: 'number',
				unit: '元',
				min: 0,
				required: true,
				public: true,
				doc: 'Estimate, incl. its share of other costs and contingency'
			},
			{
				name: 'final_cost',
				zh: '决算金额',
				type: 'number',
				unit: '元',
				min: 0,
				required: false,
				public: true,
				doc: 'Final accounts (竣工财务决算) once approved; then the basis of the subsidy (§五(二)1)'
			}
		]
	},
	{
		name: 'votes',
		zh: '表决',
		key: ['community_id', 'kind', 'date'],
		public: false,
		doc: "Owners' votes (§三(一) application, §三(三) scheme): the tallies, never who voted how.",
		columns: [
			id('Community'),
			{
				name: 'kind',
				zh: '表决类型',
				type: 'enum',
				values: VOTE_KINDS,
				required: true,
				public: false,
				doc: 'application / scheme'
			},
			{
				name: 'date',
				zh: '表决日期',
				type: 'date',
				required: true,
				public: false,
				doc: 'Day the vote closed'
			},
			{
				name: 'total_owners',
				zh: '业主总人数',
				type: 'integer',
				unit: '人',
				min: 0,
				exclusiveMin: true,
				required: true,
				public: false,
				doc: 'All owners'
			},
			{
				name: 'total_area',
				zh: '专有面积总数',
				type: 'number',
				unit: '㎡',
				min: 0,
				exclusiveMin: true,
				required: true,
				public: false,
				doc: 'All exclusive area'
			},
			{
				name: 'participating_owners',
				zh: '参与表决人数',
				type: 'integer',
				unit: '人',
				min: 0,
				required: true,
				public: false,
				doc: '≤ total_owners'
			},
			{
				name: 'participating_area',
				zh: '参与表决面积',
				type: 'number',
				unit: '㎡',
				min: 0,
				required: true,
				public: false,
				doc: '≤ total_area'
			},
			{
				name: 'agree_owners',
				zh: '同意人数',
				type: 'integer',
				unit: '人',
				min: 0,
				required: true,
				public: false,
				doc: '≤ participating_owners'
			},
			{
				name: 'agree_area',
				zh: '同意面积',
				type: 'number',
				unit: '㎡',
				min: 0,
				required: true,
				public: false,
				doc: '≤ participating_area'
			}
		]
	},
	{
		name: 'funds',
		zh: '资金',
		key: [], // several deposits a day are normal
		public: false,
		doc: 'Money received, one row per deposit, so readiness over time can be shown.',
		columns: [
			id('Community'),
			{ name: 'date', zh: '到账日期', type: 'date', required: true, public: false, doc: 'Day received' },
			{
				name: 'source',
				zh: '资金来源',
				type: 'enum',
				values: FUND_SOURCES,
				required: true,
				public: false,
				doc: 'resident / social / subsidy'
			},
			{
				name: 'amount',
				zh: '金额',
				type: 'number',
				unit: '元',
				min: 0,
				exclusiveMin: true,
				required: true,
				public: false,
				doc: 'Amount'
			}
		]
	},
	{
		name: 'stage_events',
		zh: '进度',
		key: ['community_id', 'stage'],
		public: true,
		doc: 'The day a community entered each workflow stage (§三, 附件3); dates follow the workflow order.',
		columns: [
			id('Community'),
			{
				name: 'stage',
				zh: '阶段',
				type: 'enum',
				values: STAGES,
				required: true,
				public: true,
				doc: 'Stage id or its Chinese name'
			},
			{ name: 'date', zh: '日期', type: 'date', required: true, public: true, doc: 'Day the stage began' }
		]
	},
	{
		name: 'contacts',
		zh: '联系人',
		key: ['community_id', 'role'],
		public: false,
		doc: 'Internal contacts (names, phones). Never in the public build.',
		columns: [
			{ ...id('Community'), public: false },
			{
				name: 'role',
				zh: '职务',
				type: 'text',
				required: true,
				public: false,
				doc: 'e.g. 社区书记, 业委会主任'
			},
			{ name: 'person', zh: '姓名', type: 'text', required: true, public: false, doc: 'Name' },
			{ name: 'phone', zh: '电话', type: 'text', required: true, public: false, doc: 'Phone' }
		]
	}
];

/**
 * The facts of a community that may be missing until known (资料不全), in the schema's order: what the import's
 * summary and /data's completeness view count per town, and what a town's 资料补充表 asks for. A verdict that needs
 * one of them says 未知 and names it (verdict.ts). 总投资 is not among them: it stands in for works items not yet
 * known, and is no fact of its own.
 */
export const COMMUNITY_FACTS = [
	'completion_year',
	'building_area',
	'households',
	'owners',
	'exclusive_area',
	'buildings',
	'housing_type',
	'in_shantytown_plan',
	'facilities_deficient',
	'strong_will',
	'property_management'
] as const;
export type CommunityFact = (typeof COMMUNITY_FACTS)[number];

/** A table by name. */
export function table(name: TableName): Table {
	const t = TABLES.find((x) => x.name === name);
	if (!t) throw new Error(`no table ${name}`);
	return t;
}

/** The public allow-list: table → columns that may be published. */
export function publicColumns(): Record<string, string[]> {
	return Object.fromEntries(
		TABLES.filter((t) => t.public).map((t) => [t.name, t.columns.filter((c) => c.public).map((c) => c.name)])
	);
}
