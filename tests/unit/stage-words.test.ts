/**
 * One wording for the stages on both sites: the leadership map (`/`, its stage colouring, filter and exports) and
 * the public site (`/progress`: its legend, headline and town table). A word means one set of stages wherever it
 * stands, and the legend's classes add up to the headline's groups — renovated (竣工验收 §三(七), 移交 §三(八),
 * 后评估 §三(九)), under construction (§三(六)) and in a plan, not yet begun (§三(四), §四) — no two of which share
 * a stage, so the headline's cards never count a community twice (issue 19).
 */
import { describe, expect, it } from 'vitest';
import {
	COLOUR_SCALES,
	FILTER_VALUES,
	CONSTRUCTION_STAGES,
	PLANNED_STAGES,
	RENOVATED_STAGES,
	STAGE_CLASSES,
	STAGE_CODES,
	STAGE_GROUPS,
	stageGroupWords
} from '../../src/lib/verdict/classes';
import { ALL_MESSAGES } from '../../src/lib/i18n/messages';
import { WORKFLOW_STAGES } from '../../src/lib/policy';

const LANGS = ['zh', 'en'] as const;
const ids: readonly string[] = WORKFLOW_STAGES.map((s) => s.id);
const span = (from: string, to: string) => ids.slice(ids.indexOf(from), ids.indexOf(to) + 1);
const groupOf = (key: string) => STAGE_GROUPS.find((g) => g.key === key)!;

/** Every stage word either site shows, with the stage codes it counts and where it stands. */
function stageWords(): { where: string; zh: string; en: string; codes: readonly string[] }[] {
	return [
		...COLOUR_SCALES.stage.classes.map((c) => ({ where: `/ legend ${c.key}`, ...c })),
		...STAGE_CLASSES.map((c) => ({ where: `/progress legend ${c.key}`, ...c })),
		...FILTER_VALUES.stage.map((v) => ({ where: `/ filter ${v.code}`, ...v, codes: [v.code] })),
		...STAGE_GROUPS.map((g) => ({ where: `group ${g.key}`, ...g })),
		// the public headline and its town table
		...(
			[
				['progress.renovated', 'renovated'],
				['progress.townRenovated', 'renovated'],
				['progress.construction', 'construction'],
				['progress.townConstruction', 'construction'],
				['progress.planned', 'planned'],
				['progress.townPlanned', 'planned']
			] as const
		).map(([key, group]) => ({ where: key, ...ALL_MESSAGES[key]!, codes: groupOf(group).codes }))
	];
}

describe('the stage groups (§三(四)–(九))', () => {
	it('renovated is accepted, handed over or evaluated; under construction the works; planned the plan to the permit', () => {
		expect(RENOVATED_STAGES).toEqual(span('acceptance', 'post-evaluation'));
		expect(CONSTRUCTION_STAGES).toEqual(['construction']);
		expect(PLANNED_STAGES).toEqual(span('annual-plan', 'permit'));
		expect(groupOf('renovated').codes).toBe(RENOVATED_STAGES);
		expect(groupOf('construction').codes).toBe(CONSTRUCTION_STAGES);
		expect(groupOf('planned').codes).toBe(PLANNED_STAGES);
	});

	it('no two groups share a stage: the headline cards add up to no more than the communities (issue 19)', () => {
		const all = STAGE_GROUPS.flatMap((g) => g.codes);
		expect(new Set(all).size).toBe(all.length);
		for (const g of STAGE_GROUPS) expect(g.defZh.length * g.defEn.length, g.key).toBeGreaterThan(0);
	});

	it('every legend class lies wholly in one group or none, so the classes add up to the group', () => {
		for (const c of STAGE_CLASSES) {
			const holders = STAGE_GROUPS.filter((g) => c.codes.some((code) => g.codes.includes(code)));
			expect(holders.length, c.key).toBeLessThanOrEqual(1);
			for (const g of holders) {
				expect(g.classes, c.key).toContain(c.key);
				for (const code of c.codes) expect(g.codes, `${c.key}/${code}`).toContain(code);
			}
		}
		for (const g of STAGE_GROUPS) {
			const fromClasses = STAGE_CLASSES.filter((c) => g.classes.includes(c.key)).flatMap((c) => c.codes);
			expect([...fromClasses].sort(), g.key).toEqual([...g.codes].sort());
			expect(g.codes.every((code) => STAGE_CODES.includes(code as never))).toBe(true);
		}
	});

	it('a group is said in words from its classes, as both legends show it', () => {
		expect(stageGroupWords(groupOf('renovated'), 'zh')).toBe(
			'已完成改造 = 后评估与长效管理 + 竣工验收、移交'
		);
		expect(stageGroupWords(groupOf('planned'), 'en')).toBe(
			'In a plan, not yet begun = in the plan: approval, tender'
		);
	});
});

describe('one word, one count, on both sites', () => {
	it('the same key carries the same label on / and on /progress', () => {
		const byKey = new Map(STAGE_CLASSES.map((c) => [c.key, c]));
		for (const c of COLOUR_SCALES.stage.classes)
			for (const lang of LANGS) expect(c[lang], c.key).toBe(byKey.get(c.key)?.[lang]);
		for (const lang of LANGS) {
			expect(ALL_MESSAGES['progress.renovated']![lang]).toBe(groupOf('renovated')[lang]);
			expect(ALL_MESSAGES['progress.townRenovated']![lang]).toBe(groupOf('renovated')[lang]);
			for (const [key, town, group] of [
				['progress.construction', 'progress.townConstruction', 'construction'],
				['progress.planned', 'progress.townPlanned', 'planned']
			] as const) {
				expect(ALL_MESSAGES[key]![lang]).toBe(groupOf(group)[lang]);
				expect(ALL_MESSAGES[town]![lang]).toBe(groupOf(group)[lang]);
			}
		}
	});

	it("a class of one stage is called by that stage's own name (the community card and the CSV say it too)", () => {
		for (const c of STAGE_CLASSES.filter((k) => k.codes.length === 1)) {
			const stage = WORKFLOW_STAGES.find((s) => s.id === c.codes[0]);
			// 施工中: the stage 施工 under way, the headline's word; 未启动: no stage yet
			if (!stage || c.key === 'construction') continue;
			expect(c.zh, c.key).toBe(stage?.name);
			expect(c.en, c.key).toBe(stage?.en);
		}
	});

	it('no stage word stands for two different sets of stages, in either language', () => {
		for (const lang of LANGS) {
			const seen = new Map<string, { where: string; codes: string }>();
			for (const w of stageWords()) {
				const codes = [...w.codes].sort().join(',');
				const before = seen.get(w[lang]);
				if (before) expect(codes, `${lang} “${w[lang]}”: ${before.where} and ${w.where}`).toBe(before.codes);
				else seen.set(w[lang], { where: w.where, codes });
			}
		}
	});
});
