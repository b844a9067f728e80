import type { DepartmentName } from './departments';
import type { WorksTier } from './params';

/** The six categories of works — §二(三), 附件1. */
export const WORKS_CATEGORIES = Object.freeze([
	{ id: 'building', name: '建筑', en: 'buildings' },
	{ id: 'roads', name: '道路交通和停车', en: 'roads and parking' },
	{ id: 'networks', name: '管网通信系统', en: 'pipes and networks' },
	{ id: 'landscape', name: '景观绿化', en: 'landscape and greenery' },
	{ id: 'care', name: '养老托育设施', en: 'elderly and child care' },
	{ id: 'governance', name: '社区治理和服务体系', en: 'community services' }
] as const);

export type WorksCategory = (typeof WORKS_CATEGORIES)[number]['id'];

/** The three tiers — §二(三): basic 基础类, improvement 完善类, upgrade 提升类. */
export const WORKS_TIERS = Object.freeze([
	{ id: 'basic', name: '基础类', en: 'basic', code: '1' },
	{ id: 'improvement', name: '完善类', en: 'improvement', code: '2' },
	{ id: 'upgrade', name: '提升类', en: 'upgrade', code: '3' }
] as const satisfies readonly { id: WorksTier; name: string; en: string; code: string }[]);

export interface WorksItem {
	/** Stable id: category.tier.code, e.g. `building.basic.1.1`. */
	id: string;
	category: WorksCategory;
	tier: WorksTier;
	/** The item's number in 附件1, e.g. `1.1`. */
	code: string;
	/** The item's name in 附件1. */
	name: string;
	/** The item's name in English (our translation; the policy is in Chinese only). */
	en: string;
	/** 加装电梯: outside total investment for the subsidy formula, subsidised separately — §五(二)1. */
	elevator: boolean;
	/** Department that leads this kind of works, by our reading of 附件2 (the text assigns duties, not items). */
	lead: DepartmentName;
}

type Row = [code: string, name: string, en: string, lead: DepartmentName];
const TOWN = '各乡镇（街道）';

// 附件1, in the text's order: per category, per tier, the items as numbered there.
const ANNEX_1: Record<WorksCategory, Record<WorksTier, Row[]>> = {
	building: {
		basic: [
			['1.1', '屋面防漏维修', 'roof leak repair', TOWN],
			['1.2', '外墙渗漏维修', 'exterior wall leak repair', TOWN],
			['1.3', '外立面整治及形象改造', 'facade renovation', TOWN],
			['1.4', '防雷设施改造', 'lightning protection upgrade', TOWN],
			['1.5', '公共区域整改', 'common area repairs', TOWN],
			['1.6', '疏散通道、安全出口整改', 'evacuation routes and emergency exits', '市消防救援大队']
		],
		improvement: [['2.1', '地下空间整改', 'underground space renovation', TOWN]],
		upgrade: [
			['3.1', '节能改造', 'energy-saving retrofit', TOWN],
			['3.2', '可再生能源利用', 'renewable energy use', TOWN]
		]
	},
	roads: {
		basic: [
			[
				'1.1',
				'道路改造（新建、扩建、改建、“白改黑”、包括海绵城市建设措施应用）',
				'road works (new, widened, rebuilt, concrete to asphalt, with sponge-city measures)',
				'市综合行政执法局'
			],
			['1.2', '交通微循环优化', 'local traffic circulation', '市公安局'],
			['1.3', '地面停车位增设', 'more surface parking spaces', '市交通运输局'],
			['1.4', '消防通道标识设置', 'fire lane signs', '市消防救援大队'],
			['1.5', '公共车位电动车辆充电设施增设', 'electric vehicle charging in public parking', '公用事业企业']
		],
		improvement: [['2.1', '人行安全保障', 'pedestrian safety', '市交通运输局']],
		upgrade: [
			['3.1', '建立智能停车管理系统', 'smart parking management system', '市交通运输局'],
			['3.2', '建设停车场所', 'parking facilities', '市交通运输局']
		]
	},
	networks: {
		basic: [
			[
				'1.1',
				'雨污管网改造（含管网更新、雨污分流、海绵城市建设、化粪池改造）、给水管网系统改造',
				'storm and sewer pipes (renewal, separation, sponge city, septic tanks) and water supply pipes',
				'市水务集团'
			],
			['1.2', '强电、弱电、照明等设施更新改造', 'power, low-voltage and lighting renewal', '公用事业企业'],
			['1.3', '燃气管道提升更新', 'gas pipe renewal', '市综合行政执法局'],
			[
				'1.4',
				'消防设施改造，电气火灾预测、预警设施配置',
				'fire safety equipment, electrical fire warning devices',
				'市消防救援大队'
			],
			[
				'1.5',
				'智慧安防设施建设（封闭管理、门禁等智能化系统等）',
				'smart security (gated access, door entry and other smart systems)',
				'市公安局'
			]
		],
		improvement: [['2.1', '通讯管网设施完善', 'telecom networks', '市通信联建办']],
		upgrade: [
			['3.1', '管网智能监测系统建设', 'smart network monitoring system', '市水务集团'],
			['3.2', '消防智能化建设', 'smart fire safety', '市消防救援大队']
		]
	},
	landscape: {
		basic: [
			['1.1', '垃圾分类和环卫设施建设', 'waste sorting and sanitation facilities', '市综合行政执法局'],
			['1.2', '绿化改造（海绵城市建设）', 'greenery renovation (sponge city)', '市综合行政执法局'],
			['1.3', '活动场地改造建设', 'activity spaces', TOWN],
			['1.4', '室外照明建设', 'outdoor lighting', '市综合行政执法局'],
			['1.5', '大门改造、围墙维修', 'gates and boundary walls', TOWN]
		],
		improvement: [
			['2.1', '立体绿化增加', 'vertical greenery', '市综合行政执法局'],
			['2.2', '景观改造（非绿化部分）', 'landscaping (other than planting)', TOWN],
			['2.3', '健身慢跑步道建设', 'fitness and jogging paths', TOWN]
		],
		upgrade: [
			['3.1', '垃圾分类智能化管理系统', 'smart waste sorting management', '市综合行政执法局'],
			['3.2', '绿化和设施运行维护机制', 'upkeep of greenery and facilities', '市综合行政执法局'],
			['3.3', '室外空气质量监测及公示系统', 'outdoor air quality monitoring and display', '市生态环境局']
		]
	},
	care: {
		basic: [
			['1.1', '无障碍设施建设', 'barrier-free access', '市民政局'],
			['1.2', '适老化设施建设', 'age-friendly facilities', '市民政局'],
			[
				'1.3',
				'老年人活动场地、儿童嬉戏场地配建',
				"places for older people's activities and children's play",
				'市民政局'
			]
		],
		improvement: [
			[
				'2.1',
				'设置居家养老、婴幼儿照护服务用房',
				'rooms for home-based elderly care and infant care',
				'市民政局'
			]
		],
		upgrade: [['3.1', '加装电梯', 'lift installation', TOWN]]
	},
	governance: {
		basic: [
			['1.1', '成立业主委员会或业主自治管理组织', "owners' committee or self-management body", TOWN],
			['1.2', '文化宣传栏（廊、墙）设置', 'notice boards (corridors, walls)', TOWN],
			['1.3', '长效管理机制制订', 'long-term management arrangements', TOWN],
			['1.4', '物流快递及其防疫功能建设', 'parcel delivery, with epidemic-prevention functions', TOWN]
		],
		improvement: [
			[
				'2.1',
				'文化阵地设置（党建之家、文化礼堂、邻里书屋、社区警务室、综治调解室等）',
				'community spaces (Party centre, cultural hall, reading room, police post, mediation room)',
				TOWN
			],
			[
				'2.2',
				'幸福驿站设置（志愿服务站点、未成年人教育活动场所）',
				"happiness stations (volunteer posts, children's activity places)",
				'市民政局'
			]
		],
		upgrade: [
			[
				'3.1',
				'医疗、助餐、家政保洁、便利店等公共服务设施设置',
				'public services (clinic, meals, housekeeping, convenience shop)',
				'市卫生健康局'
			]
		]
	}
};

/** 附件1 城镇老旧小区改造内容清单: every item, in the text's order, with a stable id. */
export const WORKS_CATALOGUE: readonly WorksItem[] = Object.freeze(
	WORKS_CATEGORIES.flatMap(({ id: category }) =>
		WORKS_TIERS.flatMap(({ id: tier }) =>
			ANNEX_1[category][tier].map(([code, name, en, lead]) =>
				Object.freeze({
					id: `${category}.${tier}.${code}`,
					category,
					tier,
					code,
					name,
					en,
					elevator: category === 'care' && name === '加装电梯',
					lead
				})
			)
		)
	)
);

const BY_ID = new Map(WORKS_CATALOGUE.map((item) => [item.id, item]));

/** A catalogue item by its id, or undefined. */
export function worksItem(id: string): WorksItem | undefined {
	return BY_ID.get(id);
}
