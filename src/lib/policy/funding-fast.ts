/**
 * The simulator's pricing (§五(二)1) in floating point, for hundreds of thousands of communities per run: the
 * figures `computeFunding` gives, to the fen, without its exact (bigint) arithmetic — except where a float could
 * round differently: an amount half a fen from a rounding step, a subsidy within a fen of its cap, figures too large
 * for a float to carry exactly, or input `computeFunding` refuses. There it is `computeFunding` that answers.
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

/** `computeFunding`'s subsidy, residents' base and excess and social capital, in floating point where exact. */
export function fundingFigures(p: FundingInput, params: PolicyParams): FundingFigures {
	const share = params.residentShare;
	const inputsUsable =
		usable(p.basic) &&
		usable(p.improvement) &&
		usable(p.upgrade) &&
		usable(p.elevator) &&
		usable(p.socialCapital) &&
		usable(p.garageArea) &&
		usable(params.subsidyCapPerM2) &&
		p.buildingArea > 0 &&
		p.buildingArea < Infinity &&
		[share.basic, share.improvement, share.upgrade].every((s) => s >= 0 && s <= 1);
	if (inputsUsable) {
		const basic = roundOrNaN(p.basic * 100);
		const improvement = roundOrNaN(p.improvement * 100);
		const upgrade = roundOrNaN(p.upgrade * 100);
		const social = roundOrNaN((p.socialCapital ?? 0) * 100);
		const base = roundOrNaN(basic * share.basic + improvement * share.improvement + upgrade * share.upgrade);
		const capRaw = params.subsidyCapPerM2 * (p.buildingArea + (p.garageArea ?? 0)) * 100;
		const cap = roundOrNaN(capRaw);
		const uncapped = Math.max(0, basic + improvement + upgrade - base - social);
		// NaN (a rounding too near a half) fails this test too
		if (Math.abs(uncapped - capRaw) > 1 && uncapped < MAX_FEN && cap === cap) {
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
