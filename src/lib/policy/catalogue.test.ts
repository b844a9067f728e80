import { describe, expect, it } from 'vitest';
import { WORKS_CATALOGUE, WORKS_CATEGORIES, worksItem } from './catalogue';
import { DEPARTMENTS } from './departments';
import { nextStage, stageIndex, WORKFLOW_STAGES } from './workflow';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

describe('附件1 works catalogue', () => {
	it('附件1: 6 categories and all 48 items of the annex, 9 / 8 / 8 / 11 / 5 / 7', () => {
		expect(WORKS_CATEGORIES.map((c) => c.name)).toEqual([
			'建筑',
			'道路交通和停车',
			'管网通信系统',
			'景观绿化',
			'养老托育设施',
			'社区治理和服务体系'
		]);
		expect(WORKS_CATALOGUE).toHaveLength(48);
		const counts = WORKS_CATEGORIES.map((c) => WORKS_CATALOGUE.filter((i) => i.category === c.id).length);
		expect(counts).toEqual([9, 8, 8, 11, 5, 7]);
	});

	it('附件1: every item has its own English name, for the English interface', () => {
		for (const item of WORKS_CATALOGUE) {
			expect(item.en, item.id).toMatch(/^[a-z][^\u3000-\u9fff\uff00-\uffef]+$/);
		}
		expect(new Set(WORKS_CATALOGUE.map((i) => i.en)).size).toBe(48);
		expect(worksItem('building.basic.1.1')?.en).toBe('roof leak repair');
		expect(worksItem('care.upgrade.3.1')?.en).toBe('lift installation');
		expect(worksItem('networks.basic.1.1')?.en).toMatch(/^storm and sewer pipes/);
		expect(worksItem('governance.upgrade.3.1')?.en).toMatch(/^public services/);
	});

	it('附件1: ids are stable and unique, tier matches the item number', () => {
		expect(new Set(WORKS_CATALOGUE.map((i) => i.id)).size).toBe(48);
		expect(worksItem('building.basic.1.1')?.name).toBe('屋面防漏维修');
		for (const item of WORKS_CATALOGUE) {
			expect(item.id).toBe(`${item.category}.${item.tier}.${item.code}`);
			expect({ basic: '1', improvement: '2', upgrade: '3' }[item.tier]).toBe(item.code.split('.')[0]);
		}
	});

	// The policy text: the repository's copy (tests/fixtures/policy), which must equal ../shared's when it is there.
	const textPath = fileURLToPath(
		new URL('../../../tests/fixtures/policy/yueqing-2023-47.txt', import.meta.url)
	);
	const sharedPath = fileURLToPath(new URL('../../../../shared/policy/yueqing-2023-47.txt', import.meta.url));
	it.skipIf(!existsSync(sharedPath))(
		"the repository's copy of the policy text is ../shared's, byte for byte",
		() => {
			expect(readFileSync(textPath).equals(readFileSync(sharedPath))).toBe(true);
		}
	);
	it('附件1: every item name appears in the policy text', () => {
		const text = readFileSync(textPath, 'utf8');
		const annex = text.slice(text.indexOf('城镇老旧小区改造内容清单', text.indexOf('附件1\n')));
		for (const item of WORKS_CATALOGUE) expect(annex, item.id).toContain(`${item.code}${item.name}`);
	});

	it('§五(二)1 / 附件1: exactly one item is the elevator (养老托育 提升类 3.1)', () => {
		expect(WORKS_CATALOGUE.filter((i) => i.elevator).map((i) => i.id)).toEqual(['care.upgrade.3.1']);
	});

	it('附件2: every item leads to a department of 附件2', () => {
		const names = new Set<string>(DEPARTMENTS.map((d) => d.name));
		for (const item of WORKS_CATALOGUE) expect(names.has(item.lead), item.id).toBe(true);
	});
});

describe('§三 / 附件3 workflow and 附件2 departments', () => {
	it('§三 / 附件3: the stages in order, from opinions to post-evaluation', () => {
		expect(WORKFLOW_STAGES.map((s) => s.name)).toEqual([
			'征求意见',
			'申请表决',
			'改造申请与资金筹集',
			'编制方案',
			'方案公示与表决',
			'项目申报',
			'乡镇初审',
			'竞争性评审',
			'列入年度计划',
			'联合会商',
			'立项审批',
			'施工招标',
			'施工许可',
			'施工及监督管理',
			'联合验收',
			'移交归档',
			'后评估与长效管理'
		]);
	});

	it('附件2: every stage has its owner department, a clause and a gate', () => {
		const names = new Set<string>(DEPARTMENTS.map((d) => d.name));
		for (const s of WORKFLOW_STAGES) {
			expect(names.has(s.department), s.id).toBe(true);
			expect(s.clause).toMatch(/^(§|附件)/);
			expect(s.gate.length).toBeGreaterThan(0);
		}
		expect(WORKFLOW_STAGES.find((s) => s.id === 'project-approval')?.department).toBe('市发改局');
		expect(WORKFLOW_STAGES.find((s) => s.id === 'competitive-review')?.department).toBe('市旧改办');
	});

	it('§三: next step and position', () => {
		expect(nextStage('publicity')?.id).toBe('submission');
		expect(nextStage('post-evaluation')).toBeUndefined();
		expect(nextStage('nope')).toBeUndefined();
		expect(stageIndex('opinions')).toBe(0);
		expect(stageIndex('nope')).toBe(-1);
	});
});
