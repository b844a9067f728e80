/**
 * The one classes module (src/lib/verdict/classes.ts) and the colours (src/lib/map/colours.ts): every class of every
 * colouring has labels and a colour, every colour a class, every code one class; the filters' values are the
 * codes map.arrow numbers; the tier bits are the ones the `tiers` mask holds (§五(二)1, 附件1's three tiers).
 */
import { describe, expect, it } from 'vitest';
import {
	classIndexByCode,
	classOfCode,
	COLOUR_SCALES,
	type Colouring,
	ELIGIBILITY_CLASSES,
	FILTER_VALUES,
	fundingYearClasses,
	isColouring,
	STAGE_CLASSES,
	STAGE_CODES,
	stageClassOf,
	tierMask,
	TIER_VALUES
} from '../../src/lib/verdict/classes';
import { mapColumns as buildMapColumns, STATUS_COLUMNS } from '../../src/lib/verdict/derived';
import { mapArrow } from '../../src/lib/files/map-arrow-file';
import { readMapColumns } from '../../src/lib/files/map-columns';
import { HOUSING_TYPES, PROPERTY_MANAGEMENT, table } from '../../src/lib/schema/schema';
import { CLASS_COLOURS, classRgb, fundingYearRgb, STAGE_COLOURS, stageRgb } from '../../src/lib/map/colours';
import { planYears } from '../../src/lib/budget/scenario';
import { WORKFLOW_STAGES, WORKS_TIERS, YUEQING_2023 } from '../../src/lib/policy';

const COLOURINGS = Object.keys(COLOUR_SCALES) as Colouring[];

/** map.arrow's columns for an empty dataset: the names the file has. */
const mapColumns0 = () =>
	buildMapColumns(
		{ towns: [], communities: [], works: [], votes: [], funds: [], stage_events: [], contacts: [] },
		[],
		'2026-11-15'
	);

const rgbOk = (rgb: readonly number[]) =>
	rgb.length === 3 && rgb.every((v) => Number.isInteger(v) && v >= 0 && v <= 255);

describe('the classes of each colouring', () => {
	it('every class of every colouring has a zh and an en label and a colour; every colour has a class', () => {
		expect(COLOURINGS.length).toBeGreaterThanOrEqual(5);
		for (const colouring of COLOURINGS) {
			const scale = COLOUR_SCALES[colouring];
			expect(scale.zh, colouring).not.toBe('');
			expect(scale.en, colouring).not.toBe('');
			for (const c of scale.classes) {
				expect(c.zh.trim(), `${colouring}/${c.key}`).not.toBe('');
				expect(c.en.trim(), `${colouring}/${c.key}`).not.toBe('');
				expect(rgbOk(classRgb(colouring, c)), `${colouring}/${c.key}`).toBe(true);
			}
			expect(Object.keys(CLASS_COLOURS[colouring]).sort(), colouring).toEqual(
				scale.classes.map((c) => c.key).sort()
			);
			// two classes of one colouring never look alike
			const looks = new Set(scale.classes.map((c) => classRgb(colouring, c).join(',')));
			expect(looks.size, colouring).toBe(scale.classes.length);
		}
		expect(Object.keys(CLASS_COLOURS).sort()).toEqual([...COLOURINGS].sort());
	});

	it('every code of a colouring is in exactly one of its classes, and every class holds a code', () => {
		for (const colouring of COLOURINGS) {
			const { codes, classes } = COLOUR_SCALES[colouring];
			for (const code of codes)
				expect(classes.filter((c) => c.codes.includes(code)).length, `${colouring}/${code}`).toBe(1);
			for (const c of classes)
				for (const code of c.codes) expect(codes, `${colouring}/${c.key}`).toContain(code);
			const index = classIndexByCode(colouring);
			codes.forEach((code, i) => expect(classes[index[i]!]!.codes).toContain(code));
		}
		expect(() => stageClassOf('no-such-stage')).toThrow();
		expect(classOfCode('eligibility', 'no-such-class')).toBeUndefined();
	});

	it('each colouring reads a column of community_view (the community or its status) — or none when the page computes it (freshness) — and a map.arrow column', () => {
		const view = new Set([
			...STATUS_COLUMNS.map(([, name]) => name),
			...table('communities').columns.map((c) => c.name)
		]);
		const mapColumns = new Set(Object.keys(readMapColumns(mapArrow(mapColumns0()))));
		for (const colouring of COLOURINGS) {
			const column = COLOUR_SCALES[colouring].column;
			if (column === null) expect(colouring).toBe('freshness');
			else expect(view, colouring).toContain(column);
			expect(mapColumns, colouring).toContain(COLOUR_SCALES[colouring].mapColumn);
		}
		expect(isColouring('stage')).toBe(true);
		expect(isColouring('toString')).toBe(false);
	});

	it('the stage codes are none, the 17 workflow stages in order (map.arrow: stage index + 1), then out-of-scope', () => {
		expect(STAGE_CODES).toEqual(['none', ...WORKFLOW_STAGES.map((s) => s.id), 'out-of-scope']);
		expect(COLOUR_SCALES.stage.classes).toBe(STAGE_CLASSES);
		for (const c of STAGE_CLASSES) expect(rgbOk(stageRgb(c)), c.key).toBe(true);
		expect(Object.keys(STAGE_COLOURS).sort()).toEqual(STAGE_CLASSES.map((c) => c.key).sort());
	});
});

describe('the filters read the same lists', () => {
	it('filter values are the map.arrow code orders, each with labels', () => {
		expect(FILTER_VALUES.eligibility.map((v) => v.code)).toEqual([...ELIGIBILITY_CLASSES]);
		expect(FILTER_VALUES.stage.map((v) => v.code)).toEqual([...STAGE_CODES]);
		expect(FILTER_VALUES.housing).toBe(HOUSING_TYPES);
		expect(FILTER_VALUES.management).toBe(PROPERTY_MANAGEMENT);
		for (const [key, values] of Object.entries(FILTER_VALUES))
			for (const v of values) {
				expect(v.zh.trim(), `${key}/${v.code}`).not.toBe('');
				expect(v.en.trim(), `${key}/${v.code}`).not.toBe('');
			}
	});

	it('§五(二)1: the three tiers of 附件1 are the bits 1, 2, 4 of the tiers mask', () => {
		expect(TIER_VALUES.map((t) => [t.code, t.bit])).toEqual([
			['basic', 1],
			['improvement', 2],
			['upgrade', 4]
		]);
		expect(TIER_VALUES.map((t) => t.code)).toEqual(WORKS_TIERS.map((t) => t.id));
		expect(tierMask(['basic', 'upgrade'])).toBe(5);
		expect(tierMask(['unknown'])).toBe(0);
	});
});

describe('the budget map of funding years', () => {
	it('§六: one class per plan year of the policy, then later and out, each with labels and a colour', () => {
		const years = planYears(YUEQING_2023);
		const classes = fundingYearClasses(years);
		expect(classes.map((c) => c.key)).toEqual([...years.map(String), 'later', 'out']);
		expect(classes.at(-2)!.zh).toBe(`截至${years.at(-1)}年仍未安排`);
		const looks = new Set(classes.map((c, i) => fundingYearRgb(c, i).join(',')));
		expect(looks.size).toBe(classes.length);
		expect(() => fundingYearRgb({ key: 'never' }, 0)).toThrow();
	});
});
