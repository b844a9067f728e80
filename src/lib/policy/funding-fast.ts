/**
 * The simulator's pricing (§五(二)1) in floating point, for hundreds of thousands of communities per run: the
 * figures `computeFunding` gives, to the fen, without its bigint arithmetic: amounts in whole fen, the weighted
 * residents' base and the cap divided exactly in safe integers — except where a float could round differently (an
 * amount half a fen from a rounding step), figures too large for a double's integers, shares or areas with more
 * than 6 decimals, or input `computeFunding` refuses. There it is `computeFunding` that answers.
 */
import { computeFunding, type FundingInput } from './funding';
import { type PolicyParams } from './params';

/** What the simulator needs of `computeFunding`, yuan, to the fen. */
export interface FundingFigures {
	subsidy: number;
	residentBase: number;
	residentExcess: number;
	socialCapital: number;
	/** Which path priced it (the float path, or `computeFunding` near a rounding step or the cap). */
	exact: boolean;
}

/** A float this far (relative) from a half-fen step may have rounded the other way; 10⁴ × a double's precision. */
const REL_MARGIN = 1e-12;
/** Amounts up to 10¹³ fen (10¹¹ yuan) keep a double's error far below the margin above. */
const MAX_FEN = 1e13;

const usable = (v: number | undefined) =>
	v === undefined || (typeof v === 'number' && v >= 0 && v < Infinity);

/** Rounded half away from zero (values here are not negative), or NaN when the float is too near a half. */
function roundOrNaN(x: number): number {
	const whole = Math.floor(x);
	const frac = x - whole;
	if (!(x < MAX_FEN) || Math.abs(frac - 0.5) <= x * REL_MARGIN + 1e-9) return NaN;
	return frac > 0.5 ? whole + 1 : whole;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];

/**
 * The fewest decimals (≤ 6) that write `x` exactly as `toDecimal` reads it, or -1 (more, or 10⁹ and over: there two
 * 6-decimal numbers may share a double, and which one `toDecimal` reads is left to it).
 */
function scaleOf(x: number): number {
	if (!(x >= 0 && x < 1e9)) return -1;
	for (let k = 0; k <= 6; k++) {
		const u = Math.round(x * POW10[k]!);
		if (!Number.isSafeInteger(u)) return -1;
		if (u / POW10[k]! === x) return k;
	}
	return -1;
}
/** `x` in units of 10^-scale (scale at least its own `scaleOf`): a whole number, exact while safe. */
const unitsAt = (x: number, own: number, scale: number) => Math.round(x * POW10[own]!) * POW10[scale - own]!;

/** `divRound` on safe non-negative integers: n / d rounded half up, exactly; NaN past a double's integers. */
function divRoundInt(n: number, d: number): number {
	if (!Number.isSafeInteger(n) || n < 0) return NaN;
	let q = Math.floor(n / d);
	let r = n - q * d;
	if (r < 0) {
		q -= 1;
		r += d;
	} else if (r >= d) {
		q += 1;
		r -= d;
	}
	return 2 * r >= d ? q + 1 : q;
}

/** The residents' shares as whole numbers on one scale, once per set of shares; null when not usable here. */
const SHARES = new WeakMap<object, { units: [number, number, number]; unit: number } | null>();
function sharesOf(share: PolicyParams['residentShare']) {
	let out = SHARES.get(share);
	if (out !== undefined) return out;
	const xs = [share.basic, share.improvement, share.upgrade];
	const own = xs.map((x) => (x >= 0 && x <= 1 ? scaleOf(x) : -1));
	const scale = Math.max(...own);
	out = own.some((k) => k < 0)
		? null
		: {
				units: xs.map((x, i) => unitsAt(x, own[i]!, scale)) as [number, number, number],
				unit: POW10[scale]!
			};
	SHARES.set(share, out);
	return out;
}

/**
 * `computeFunding`'s subsidy, residents' base and excess and social capital. The amounts are whole fen (a float
 * too near a half fen falls back), and the weighted base and the cap are divided exactly in safe integers, as
 * `computeFunding` does in bigints; anything past that (more than 6 decimals, too large) is `computeFunding`'s.
 */
export function fundingFigures(p: FundingInput, params: PolicyParams): FundingFigures {
	const shares = sharesOf(params.residentShare);
	const capPerM2 = params.subsidyCapPerM2;
	const garage = p.garageArea ?? 0;
	const inputsUsable =
		shares !== null &&
		usable(p.basic) &&
		usable(p.improvement) &&
		usable(p.upgrade) &&
		usable(p.elevator) &&
		usable(p.socialCapital) &&
		usable(garage) &&
		usable(capPerM2) &&
		p.buildingArea !== null &&
		p.buildingArea > 0 &&
		p.buildingArea < Infinity;
	// a building area not known (null) leaves the cap unknown: computeFunding says so
	const buildingArea = p.buildingArea ?? 0;
	// the cap's figures on one decimal scale, as computeFunding's onCommonScale
	const ks = inputsUsable ? scaleOf(capPerM2) : -1;
	const kb = ks < 0 ? -1 : scaleOf(buildingArea);
	const kg = kb < 0 ? -1 : scaleOf(garage);
	if (shares && kg >= 0) {
		const basic = roundOrNaN(p.basic * 100);
		const improvement = roundOrNaN(p.improvement * 100);
		const upgrade = roundOrNaN(p.upgrade * 100);
		const social = roundOrNaN((p.socialCapital ?? 0) * 100);
		const [sb, si, su] = shares.units;
		const base = divRoundInt(basic * sb + improvement * si + upgrade * su, shares.unit);
		const k = Math.max(ks, kb, kg);
		const area = unitsAt(buildingArea, kb, k) + unitsAt(garage, kg, k);
		const cap = divRoundInt(unitsAt(capPerM2, ks, k) * area * 100, POW10[k]! * POW10[k]!);
		const uncapped = Math.max(0, basic + improvement + upgrade - base - social);
		// NaN (an amount too near a half fen, or past a double's integers) fails this test
		if (uncapped < MAX_FEN && cap === cap && social === social) {
			const subsidy = Math.min(uncapped, cap);
			return {
				subsidy: subsidy / 100,
				residentBase: base / 100,
				residentExcess: (uncapped - subsidy) / 100,
				socialCapital: social / 100,
				exact: false
			};
		}
	}
	const f = computeFunding(p, params);
	return {
		subsidy: f.subsidy,
		residentBase: f.residentBase,
		residentExcess: f.residentExcess,
		socialCapital: f.socialCapital,
		exact: true
	};
}
