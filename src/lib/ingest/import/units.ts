/**
 * Units written in the office's headers or unit line (万元, 万平方米, 万㎡, ㎡, 元) and exact conversion to the
 * schema's units (元, ㎡): decimal string arithmetic, never floating-point ×10000 (1.1 万元 is 11000 元, not
 * 11000.000000000002).
 */

export type UnitKind = 'area' | 'money';

export interface Unit {
	kind: UnitKind;
	/** Power of ten to the schema's unit: 万 = 4. */
	shift: number;
	/** As written, for messages. */
	label: string;
}

const UNITS: [RegExp, UnitKind, number][] = [
	[/^万(平方米|平米|㎡|m2|m²)$/i, 'area', 4],
	[/^(平方米|平米|㎡|m2|m²)$/i, 'area', 0],
	[/^亿元$/, 'money', 8],
	[/^万元$/, 'money', 4],
	[/^千元$/, 'money', 3],
	[/^元$/, 'money', 0]
];

/** A unit from its text (`万㎡`, `万元` …), or undefined. */
export function parseUnit(text: string): Unit | undefined {
	const t = text.normalize('NFKC').replace(/\s+/g, '');
	const hit = UNITS.find(([re]) => re.test(t));
	return hit ? { kind: hit[1], shift: hit[2], label: text.trim() } : undefined;
}

/** The schema column's unit kind (㎡ → area, 元 → money). */
export function unitKindOf(schemaUnit: string | undefined): UnitKind | undefined {
	return schemaUnit === '㎡' ? 'area' : schemaUnit === '元' ? 'money' : undefined;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** `text` × 10^places, exactly, as a plain decimal string; undefined if `text` is not a number. */
export function shiftDecimal(text: string, places: number): string {
	const m = DECIMAL.exec(text.trim());
	if (!m || (m[2] === '' && (m[3] ?? '') === '')) return text;
	const sign = m[1] === '-' ? '-' : '';
	const int = m[2] ?? '';
	const frac = m[3] ?? '';
	const point = int.length + places + Number(m[4] ?? 0);
	let digits = int + frac;
	if (point <= 0) digits = '0'.repeat(1 - point) + digits;
	const at = Math.max(point, 1);
	if (digits.length < at) digits = digits + '0'.repeat(at - digits.length);
	let whole = digits.slice(0, at).replace(/^0+(?=\d)/, '');
	let fraction = digits.slice(at).replace(/0+$/, '');
	if (whole === '') whole = '0';
	if (fraction === '' && /^0+$/.test(whole)) return '0';
	fraction = fraction ? `.${fraction}` : '';
	return `${sign}${whole}${fraction}`;
}
