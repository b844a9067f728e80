import { describe, expect, it } from 'vitest';
import { TOWN_DEPARTMENT, YUEQING_2023 } from '../policy';
import { importerFlags } from './entry-test-kit';
import { checkStageEntry, type StageEntry } from './stage-entry';

// a community that reached 改造申请与资金筹集 (application) on 2026-06-21, its stages before in order
const stages = [
	{ stage: 'opinions', date: '2026-03-02' },
	{ stage: 'application-vote', date: '2026-04-10' },
	{ stage: 'application', date: '2026-06-21' }
];

/** The columns the importer flags for the community's stages with this one, as a stage_events.csv. */
const flags = (e: StageEntry, before = stages) =>
	importerFlags(
		'stage_events',
		['community_id', 'stage', 'date'],
		[...before.map((s) => ['YQ000001', s.stage, s.date]), ['YQ000001', e.stage, e.date]],
		'YQ000001'
	);

const check = (e: StageEntry, before = stages) => checkStageEntry(e, 'YQ000001', before, YUEQING_2023);

describe('a stage typed on the form (issue 22): the importer’s rules, the workflow’s order', () => {
	it('takes the next stage of the workflow (§三(二): 编制方案 after 改造申请与资金筹集), by id or Chinese name', () => {
		expect(flags({ stage: 'design', date: '2026-07-01' })).toEqual([]);
		const c = check({ stage: 'design', date: '2026-07-01' });
		expect(c.problems).toEqual([]);
		expect(c.row).toEqual({ community_id: 'YQ000001', stage: 'design', date: '2026-07-01' });
		expect(c.next?.id).toBe('design');
		expect(c.latest).toEqual({ stage: 'application', date: '2026-06-21' });
		expect(c.publicity).toBeNull();
		expect(check({ stage: '编制方案', date: '2026-07-01' }).row?.stage).toBe('design');
		// the same day as the stage before is in order (the importer's rule: not before it)
		expect(check({ stage: 'design', date: '2026-06-21' }).problems).toEqual([]);
	});

	it.each([
		[
			'a date before the previous stage’s (§三: stages follow the workflow)',
			{ stage: 'design', date: '2026-06-20' }
		],
		['a date that is no date', { stage: 'design', date: '2026-02-30' }],
		['no date', { stage: 'design', date: '' }],
		['a stage the workflow does not have', { stage: 'groundbreaking', date: '2026-07-01' }]
	] as [string, StageEntry][])('flags the same column as the importer: %s', (_what, e) => {
		const c = check(e);
		expect(c.row).toBeNull();
		expect(c.problems.map((p) => p.column)).toEqual(flags(e));
		expect(c.problems.every((p) => p.zh && p.en)).toBe(true);
	});

	it('gives the importer’s words for a date before the previous stage’s', () => {
		const e = { stage: 'design', date: '2026-06-20' };
		expect(check(e).problems[0]!.zh).toBe(
			'阶段日期早于前一阶段（改造申请与资金筹集 2026-06-21），应按工作流程顺序'
		);
	});

	it('refuses a stage out of the workflow’s order: one skipped, one gone back to, one taken twice (§三, 附件3)', () => {
		for (const stage of ['publicity', 'opinions', 'application']) {
			const c = check({ stage, date: '2026-07-01' });
			expect(c.row).toBeNull();
			expect(c.problems.map((p) => p.column)).toEqual(['stage']);
			expect(c.problems[0]!.zh).toContain('下一阶段应为“编制方案”');
		}
		// a first stage: 征求意见 (§三(一))
		expect(check({ stage: 'opinions', date: '2026-07-01' }, []).row?.stage).toBe('opinions');
		expect(check({ stage: 'design', date: '2026-07-01' }, []).problems[0]!.zh).toBe(
			'不按工作流程顺序：下一阶段应为“征求意见”'
		);
	});

	it('gives the publicity’s earliest end, the 7th working day (§三(三)), computed by hand', () => {
		const before = [...stages, { stage: 'design', date: '2026-07-01' }];
		// Monday 2026-12-07: 7, 8, 9, 10, 11 (Mon–Fri), 14, 15 — no holiday in December
		const c = check({ stage: 'publicity', date: '2026-12-07' }, before);
		expect(c.problems).toEqual([]);
		expect(c.publicity?.end).toBe('2026-12-15');
	});

	it('has no next stage after the last (§三(九) 后评估与长效管理)', () => {
		const c = check({ stage: 'post-evaluation', date: '2026-07-01' }, [
			{ stage: 'post-evaluation', date: '2026-06-01' }
		]);
		expect(c.next).toBeNull();
		expect(c.problems[0]!.column).toBe('stage');
	});
	it('lets a town account record only the stages 附件2 gives the towns; the city office’s are its own (附件2)', () => {
		const reviewed = [
			...stages,
			{ stage: 'design', date: '2026-07-01' },
			{ stage: 'publicity', date: '2026-08-03' },
			{ stage: 'submission', date: '2026-09-01' },
			{ stage: 'town-review', date: '2026-09-20' }
		];
		// after 乡镇初审 comes 竞争性评审, 市旧改办's: refused to a town, taken without a recorder
		const town = checkStageEntry(
			{ stage: 'competitive-review', date: '2026-10-10' },
			'YQ000001',
			reviewed,
			YUEQING_2023,
			TOWN_DEPARTMENT
		);
		expect(town.row).toBeNull();
		expect(town.problems[0]!.zh).toContain('“竞争性评审”由市旧改办负责（附件2）');
		expect(
			checkStageEntry({ stage: 'competitive-review', date: '2026-10-10' }, 'YQ000001', reviewed, YUEQING_2023)
				.row
		).not.toBeNull();
		// a town's own stage (编制方案 after 改造申请与资金筹集) is taken from a town account
		expect(
			checkStageEntry(
				{ stage: 'design', date: '2026-07-01' },
				'YQ000001',
				stages,
				YUEQING_2023,
				TOWN_DEPARTMENT
			).problems
		).toEqual([]);
		// after 立项审批 (市发改局's), 施工招标 is the town's again
		const approved = [
			...reviewed,
			{ stage: 'competitive-review', date: '2026-10-10' },
			{ stage: 'annual-plan', date: '2026-11-01' },
			{ stage: 'consultation', date: '2026-11-15' },
			{ stage: 'project-approval', date: '2026-12-01' }
		];
		expect(
			checkStageEntry(
				{ stage: 'tender', date: '2026-12-10' },
				'YQ000001',
				approved,
				YUEQING_2023,
				TOWN_DEPARTMENT
			).problems
		).toEqual([]);
	});
});
