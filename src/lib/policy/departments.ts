/**
 * The departments of 附件2 (职责分工) and what each is responsible for, in the text's own words (abridged).
 * Names are the keys the rest of the engine uses to point a stage or a works item at its owner.
 */
export interface Department {
	name: string;
	/** The name in English. */
	en: string;
	duty: string;
}

export const DEPARTMENTS = Object.freeze([
	{
		name: '市旧改办',
		en: 'City Renovation Office',
		duty: '市老旧小区改造领导小组办公室（设在市住建局）：组织协调、政策拟定、计划编制、督促推进、通报考核；指导招投标、工程监管、专业化物业管理'
	},
	{ name: '市府办', en: 'City Government Office', duty: '统筹协调市老旧小区改造工作相关问题' },
	{
		name: '市委改革办',
		en: 'Reform Office',
		duty: '推进改造项目行政审批制度改革，简化审批环节，优化申报流程'
	},
	{ name: '市信访局', en: 'Petitions Bureau', duty: '协调改造提升工作中涉及的信访事项' },
	{
		name: '市发改局',
		en: 'Development and Reform Bureau',
		duty: '改造项目立项审批，简化审批手续和前期工作流程；协助争取上级补助资金'
	},
	{
		name: '市公安局',
		en: 'Public Security Bureau',
		duty: '防盗门、监控、交通微循环、施工期间交通组织；智慧安防小区设施建设达标验收'
	},
	{
		name: '市民政局',
		en: 'Civil Affairs Bureau',
		duty: '养老服务设施配建改造；协调宣传发动；指导自治小组的监督工作'
	},
	{
		name: '市财政局',
		en: 'Finance Bureau',
		duty: '改造专项资金的统筹安排及监管，项目资金审核；协助争取上级补助资金'
	},
	{
		name: '市自然资源和规划局',
		en: 'Natural Resources and Planning Bureau',
		duty: '方案联合会商中规划、土地的相关审查'
	},
	{ name: '市交通运输局', en: 'Transport Bureau', duty: '指导、协调小区交通组织的改造' },
	{ name: '市卫生健康局', en: 'Health Bureau', duty: '托育服务相关政策，健康场景，医养结合' },
	{ name: '市审计局', en: 'Audit Bureau', duty: '改造项目审计工作的指导和监督' },
	{
		name: '市综合行政执法局',
		en: 'Law Enforcement Bureau',
		duty: '违法建筑整治；垃圾分类设施；占道、开挖、树木伐移审批；管道燃气和二次供水；绿化美化、路灯；雨污管网衔接'
	},
	{ name: '市生态环境局', en: 'Ecology and Environment Bureau', duty: '改造中固定设备噪声监管' },
	{ name: '市政务服务中心', en: 'Government Services Centre', duty: '协调推进改造项目的行政审批服务' },
	{ name: '市消防救援大队', en: 'Fire and Rescue Brigade', duty: '老旧小区消防安全整治，消防设施增配改造' },
	{ name: '市水务集团', en: 'Water Group', duty: '小区内供水管网改造，污水零直排工程及配套设施' },
	{
		name: '市通信联建办',
		en: 'Telecom Joint Construction Office',
		duty: '通信改造，统一协调各通信企业，通信管线改造及长效管理'
	},
	{
		name: '公用事业企业',
		en: 'Utility companies',
		duty: '供电、供水、燃气、电信、移动、联通、华数广电、铁塔、铁通等企业：配合水、电、气、通信线路改造'
	},
	{
		name: '各乡镇（街道）',
		en: 'Town or subdistrict government',
		duty: '辖区内改造工作的责任主体和建设单位：统筹推进、组织实施、竞争性申报、纠纷协调；组织居民筹措资金，指导成立业委会或自治小组'
	}
] as const satisfies readonly Department[]);

export type DepartmentName = (typeof DEPARTMENTS)[number]['name'];
