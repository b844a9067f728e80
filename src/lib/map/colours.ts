/**
 * The colours of the classes, keyed by colouring and class key — and nothing else: which classes there are, their
 * codes, labels and order are the data layer's (`src/lib/verdict/classes.ts`). A test checks that every class has a
 * colour here and every colour a class. Imports only types, so the public build carries no internal name.
 */
import type { ClassDef, Colouring } from '../verdict/classes';

export type Rgb = readonly [number, number, number];

const VOTE: Record<string, Rgb> = { passed: [26, 152, 80], short: [215, 48, 39], none: [189, 189, 189] };

/** The public stage classes' colours (the leadership map's stage colouring and /progress). */
export const STAGE_COLOURS: Readonly<Record<string, Rgb>> = {
	completed: [0, 90, 50],
	acceptance: [65, 171, 93],
	construction: [35, 139, 230],
	approval: [106, 81, 163],
	review: [230, 85, 13],
	early: [253, 174, 107],
	none: [200, 200, 200],
	out: [150, 150, 150]
};

export const CLASS_COLOURS: Readonly<Record<Colouring, Readonly<Record<string, Rgb>>>> = {
	eligibility: {
		'eligible-priority': [0, 104, 55],
		eligible: [102, 189, 99],
		conditional: [253, 174, 97],
		ineligible: [170, 170, 170],
		// 资料不全: a light violet, apart from the grey of 不符合 — not known is not refused
		unknown: [188, 160, 220]
	},
	applicationVote: VOTE,
	schemeVote: VOTE,
	funding: {
		full: [33, 102, 172],
		lt100: [222, 45, 38],
		lt75: [251, 106, 74],
		lt50: [252, 146, 114],
		lt25: [252, 187, 161],
		none: [200, 200, 200]
	},
	stage: STAGE_COLOURS,
	// fresh is dark green, fading through yellow to red; never updated is grey
	freshness: {
		week: [0, 109, 44],
		month: [116, 196, 118],
		quarter: [254, 196, 79],
		older: [215, 48, 39],
		none: [200, 200, 200]
	}
};

function found(rgb: Rgb | undefined, what: string): Rgb {
	if (!rgb) throw new Error(`no colour for ${what}`);
	return rgb;
}

/** The colour of a class of a colouring. */
export function classRgb(colouring: Colouring, cls: Pick<ClassDef, 'key'>): Rgb {
	return found(CLASS_COLOURS[colouring][cls.key], `${colouring}/${cls.key}`);
}

/** The colour of a public stage class. */
export function stageRgb(cls: Pick<ClassDef, 'key'>): Rgb {
	return found(STAGE_COLOURS[cls.key], `stage/${cls.key}`);
}

/** `rgb(r,g,b)` for CSS. */
export function css(rgb: Rgb): string {
	return `rgb(${rgb.join(',')})`;
}

/** The budget's map of funding years: plan years from dark to light blue, then "later" red, "out" grey. */
const YEAR_RAMP: readonly Rgb[] = [
	[8, 48, 107],
	[33, 113, 181],
	[66, 146, 198],
	[107, 174, 214],
	[158, 202, 225]
];

const YEAR_ENDS: Readonly<Record<string, Rgb>> = { later: [222, 45, 38], out: [200, 200, 200] };

/** The colour of a funding-year class (`fundingYearClasses`): the n-th plan year, `later` or `out`. */
export function fundingYearRgb(cls: Pick<ClassDef, 'key'>, yearIndex: number): Rgb {
	if (/^\d{4}$/.test(cls.key)) return YEAR_RAMP[Math.min(yearIndex, YEAR_RAMP.length - 1)]!;
	return found(YEAR_ENDS[cls.key], `funding year/${cls.key}`);
}
