import { PolicyInputError } from './reason';

/**
 * Exact decimal arithmetic for the policy's comparisons and money. A JS number is read as the decimal it prints
 * as (`0.1` is one tenth, not 0.1000000000000000055…), so `2/3 of 300 owners` and `300 元/㎡ × 123.45 ㎡` are exact.
 */
export interface Decimal {
	/** The value times 10^scale, exactly. */
	units: bigint;
	scale: number;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/** A finite number as an exact decimal; throws `PolicyInputError` naming `field` for NaN or ±Infinity. */
export function toDecimal(value: number, field: string): Decimal {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new PolicyInputError(field, `不是有效数字 / not a finite number (${String(value)})`);
	}
	const match = DECIMAL.exec(String(value));
	if (!match) throw new PolicyInputError(field, `无法读取的数字 / unreadable number (${value})`);
	const [, sign = '', whole = '0', fraction = '', exponent = '0'] = match;
	let digits = whole + fraction;
	let scale = fraction.length - Number(exponent);
	if (scale < 0) {
		digits += '0'.repeat(-scale);
		scale = 0;
	}
	return { units: BigInt(sign + digits), scale };
}

/** Several numbers as bigints on one common scale, so they can be compared and summed exactly. */
export function onCommonScale(values: Decimal[]): { units: bigint[]; scale: number } {
	const scale = Math.max(0, ...values.map((d) => d.scale));
	return { units: values.map((d) => d.units * 10n ** BigInt(scale - d.scale)), scale };
}

/** `numerator / denominator` rounded half away from zero to a whole bigint (denominator > 0). */
export function divRound(numerator: bigint, denominator: bigint): bigint {
	const negative = numerator < 0n;
	const n = negative ? -numerator : numerator;
	const q = (2n * n + denominator) / (2n * denominator);
	return negative ? -q : q;
}

/** `ceil(numerator / denominator)` for denominator > 0. */
export function divCeil(numerator: bigint, denominator: bigint): bigint {
	const q = numerator / denominator;
	return q * denominator < numerator ? q + 1n : q;
}

/** Yuan as whole fen (分), rounding half away from zero past the second decimal. */
export function toFen(yuan: number, field: string): bigint {
	const d = toDecimal(yuan, field);
	return d.scale <= 2 ? d.units * 10n ** BigInt(2 - d.scale) : divRound(d.units, 10n ** BigInt(d.scale - 2));
}

/** Whole fen back to yuan as a number (exact to the fen for any realistic amount). */
export function fenToYuan(fen: bigint): number {
	return Number(fen) / 100;
}

/** A bigint ratio as the nearest number, for shortfalls shown to people. */
export function ratioToNumber(numerator: bigint, denominator: bigint): number {
	return Number(numerator) / Number(denominator);
}

export function maxBig(...values: bigint[]): bigint {
	return values.reduce((a, b) => (b > a ? b : a));
}

export function minBig(...values: bigint[]): bigint {
	return values.reduce((a, b) => (b < a ? b : a));
}

/**
 * Exact parts `numerators[i] / denominator` (each ≥ 0) as whole units that add up to `total`, by largest remainder:
 * each part gets its floor, then the units left go one each to the largest remainders (ties to the earlier part).
 * So parts shown to the fen add up to the total shown to the fen.
 */
export function allocate(numerators: readonly bigint[], denominator: bigint, total: bigint): bigint[] {
	const parts = numerators.map((n) => n / denominator);
	let left = total - parts.reduce((a, b) => a + b, 0n);
	const order = numerators
		.map((n, i) => ({ i, rem: n % denominator }))
		.sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
	for (let k = 0; left > 0n; k = (k + 1) % order.length, left--) parts[order[k]!.i]! += 1n;
	return parts;
}
