/**
 * Completion years as offices write them: `1998`, `1998年`, `1998年建成`; decades (`1990年代`, `90年代`,
 * `上世纪90年代`, `九十年代`) and spans (`1985-1990`, `1985～1990年`). A decade or span is a range; how a range is
 * stored is the rule in data/README.md ("建成年代"), applied in values.ts. Text with 初/中/末 or anything else is
 * not guessed at.
 */

export interface YearRange {
	from: number;
	to: number;
	kind: 'year' | 'decade' | 'year-range';
}

const CN_TENS: Record<string, number> = { 五十: 50, 六十: 60, 七十: 70, 八十: 80, 九十: 90 };

const century = (yy: number) => (yy >= 40 ? 1900 + yy : 2000 + yy);

export function readYears(text: string): YearRange | undefined {
	const t = text.normalize('NFKC').replace(/\s+/g, '');
	const single = /^(\d{4})(年|年建成|年竣工|年建)?$/.exec(t);
	if (single) return { from: Number(single[1]), to: Number(single[1]), kind: 'year' };
	const decade4 = /^(\d{3}0)年代$/.exec(t);
	if (decade4) return { from: Number(decade4[1]), to: Number(decade4[1]) + 9, kind: 'decade' };
	const decade2 = /^(?:上世纪|20世纪|二十世纪)?(\d)0年代$/.exec(t);
	if (decade2) {
		const from = century(Number(decade2[1]) * 10);
		return { from, to: from + 9, kind: 'decade' };
	}
	const decadeCn = /^(?:上世纪|20世纪|二十世纪)?(五十|六十|七十|八十|九十)年代$/.exec(t);
	if (decadeCn) {
		const from = 1900 + CN_TENS[decadeCn[1]!]!;
		return { from, to: from + 9, kind: 'decade' };
	}
	const span = /^(\d{4})年?[-–—~～至到](\d{4})年?$/.exec(t);
	if (span) {
		const [from, to] = [Number(span[1]), Number(span[2])];
		if (from <= to && to - from <= 20) return { from, to, kind: 'year-range' };
	}
	return undefined;
}
