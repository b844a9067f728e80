/**
 * The first screen's figures computed in the page from the map's columns (map.arrow), without DuckDB: the key
 * figures, the legend's counts, the town table, the next plan's candidates and those awaiting the town's review —
 * by the definitions of figures.ts, as `kpiSql`, `legendSql`, `townSql`, `candidatesSql` and `awaitingReviewSql`
 * (queries.ts) compute them, tested equal. The filter is incremental: each dimension keeps its own mask and a row
 * counts the dimensions it fails, so a change re-filters only the dimension that changed (one pass writing its
 * new mask into a reused array, one pass updating the counts). The sums per town and programme set of every
 * measure (every filter but the towns') are one pass over typed arrays, kept until a dimension other than the
 * towns changes; every figure is a sum of those over its sets and the towns chosen, so a town toggle needs no
 * pass over the rows. Likewise the legend's counts per town and class, and the candidates and those awaiting
 * review are looked up by their own rows: a town toggle's figures cost a few hundred additions, as a data cube's
 * would (Mosaic's pre-aggregation, the peer of `npm run bench`), and its pass over the rows — the towns' mask
 * folded into the per-row counts — waits until the map asks which points to show (`visible`, after the frame).
 */
import { rankCandidates } from '../policy';
import { PROGRAMME_CODES } from '../verdict/classes';
import { isoOfDay, NO_DAY, type MapColumns } from '../verdict/derived';
import {
	FIGURE,
	FIGURES,
	MEASURE_KEYS,
	MEASURES,
	TOWN_FIGURES,
	type FigureDef,
	type TownFigure
} from './definitions';
import { DIMENSIONS, dimensionKey, dimensionMask, type Dimension } from './filter-dims';
import { EMPTY_FILTER, type Filter } from './filters';
import type { Kpis } from './queries';
import { PROPERTY_MANAGEMENT } from '../schema/schema';

/** One town's row of the town table (as `townSql` gives it): the town figures of figures.ts. */
export type TownAnswer = { town_code: string } & Record<TownFigure, number>;

/** A candidate for the next plan (as `candidatesSql` gives it), ranked by the engine's `rankCandidates`. */
export interface CandidateAnswer {
	id: string;
	name: string;
	townCode: string;
	readyDate: string | null;
	professionalManagement: boolean;
	subsidy: number;
}

/** A community whose funds are complete and whose town review has begun, not passed (`awaitingReviewSql`). */
export interface AwaitingAnswer {
	id: string;
	name: string;
	townCode: string;
	readyDate: string | null;
}

const PROFESSIONAL = PROPERTY_MANAGEMENT.findIndex((m) => m.code === 'professional');
const SETS = PROGRAMME_CODES.length;
const M = MEASURE_KEYS.length;
// the sums pass reads the measures one by one (unrolled: it is the first screen's hot loop at 300k)
if (M !== 9) throw new Error(`filter figures: the sums pass reads 9 measures, figures.ts has ${M}`);
/** Where a (town, set, measure) sum lives in the flat array of sums. */
const at = (t: number, p: number, m: number) => (t * SETS + p) * M + m;
/** For each figure, the indexes of its programme sets and its measure. */
const SET_INDEXES = new Map<FigureDef, number[]>(
	FIGURES.map((d) => [
		d,
		d.sets === null ? PROGRAMME_CODES.map((_, i) => i) : d.sets.map((c) => PROGRAMME_CODES.indexOf(c))
	])
);

export class FilterFigures {
	readonly cols: MapColumns;
	readonly townCodes: readonly string[];
	/**
	 * Per row: how many dimensions of the filter it fails, the towns' as last folded in (see #pendingTowns); the
	 * towns' mask applied is `#masks.get('towns')`.
	 */
	#fails: Uint8Array;
	/** A town filter set but not yet folded into #fails (its figures come from the per-town sums). */
	#pendingTowns: Filter | null = null;
	/** Communities per town and class code (town × 256 + code) under every dimension but the towns', per codes column. */
	#codeCounts = new WeakMap<Uint8Array, Int32Array>();
	#keys = new Map<Dimension, string>();
	#masks = new Map<Dimension, Uint8Array>();
	/** A mask's worth of memory to write a dimension's new mask into (the old one becomes the next spare). */
	#spare: Uint8Array;
	/** Sums per town, programme set and measure under every dimension but the towns' (hundredths as whole numbers). */
	#byTown: Float64Array | null = null;
	/** Per town index: 1 if the town filter keeps it; null when the towns are not filtered. */
	#townsChosen: Uint8Array | null = null;
	#sums: { kpis: Kpis; towns: TownAnswer[] } | null = null;
	#ranked: { rows: Int32Array; list: CandidateAnswer[] } | null = null;
	#awaiting: { rows: Int32Array; list: AwaitingAnswer[] } | null = null;
	/** Each measure per row, as whole numbers (fen and 0.01 ㎡ for money and area), in MEASURE_KEYS order. */
	#values: Float64Array[];

	constructor(cols: MapColumns, townCodes: readonly string[]) {
		this.cols = cols;
		this.townCodes = townCodes;
		const n = cols.id.length;
		this.#fails = new Uint8Array(n);
		this.#spare = new Uint8Array(n);
		const source: Record<(typeof MEASURE_KEYS)[number], ArrayLike<number>> = {
			communities: new Float64Array(n).fill(1),
			households: cols.households,
			buildingArea: cols.area,
			investment: cols.investment,
			residentRequired: cols.residentRequired,
			subsidy: cols.subsidy,
			readyForPlan: cols.readyForPlan,
			awaitingReview: cols.awaitingReview,
			estimates: cols.estimate
		};
		// hundredths (fen, or 0.01 ㎡) as whole numbers, so sums are exact whatever their order
		// (a plain loop: Float64Array.from with a mapping function took ≈ 0.3 s at 300k in a Chromium trace of /)
		this.#values = MEASURE_KEYS.map((k) => {
			const from = source[k];
			const scale = MEASURES[k].hundredths;
			const out = new Float64Array(n);
			for (let i = 0; i < n; i++) out[i] = scale ? Math.round(from[i]! * 100) : from[i]!;
			return out;
		});
		for (const d of DIMENSIONS) this.#keys.set(d, '');
	}

	/**
	 * Applies `f`, re-filtering only the dimensions whose selection changed; returns them. A change of the towns
	 * alone passes over no row: it is folded into the per-row counts when they are next read (`fails`, `visible`).
	 */
	set(f: Filter): Dimension[] {
		const changed: Dimension[] = [];
		for (const d of DIMENSIONS) {
			const key = dimensionKey(f, d);
			if (key === this.#keys.get(d)) continue;
			changed.push(d);
			this.#keys.set(d, key);
			if (d === 'towns') this.#pendingTowns = f;
			else this.#apply(f, d);
		}
		if (changed.length > 0) this.#sums = null;
		if (changed.some((d) => d !== 'towns')) {
			this.#byTown = null;
			this.#codeCounts = new WeakMap();
		}
		if (changed.includes('towns')) {
			this.#townsChosen = f.towns.length ? new Uint8Array(256) : null;
			for (const code of f.towns) {
				const t = this.townCodes.indexOf(code);
				if (t >= 0 && t < 256) this.#townsChosen![t] = 1;
			}
		}
		return changed;
	}

	/** Writes dimension `d` of `f` as its mask and moves each row's count of dimensions failed by old − new. */
	#apply(f: Filter, d: Dimension): void {
		const n = this.#fails.length;
		const fails = this.#fails;
		const old = this.#masks.get(d);
		const mask = this.#spare;
		if (dimensionMask(this.cols, this.townCodes, f, d, mask)) {
			// a row fails the dimension where its mask is 0: its count moves by old − new
			if (old) for (let i = 0; i < n; i++) fails[i]! += old[i]! - mask[i]!;
			else for (let i = 0; i < n; i++) fails[i]! += 1 - mask[i]!;
			this.#masks.set(d, mask);
			this.#spare = old ?? new Uint8Array(n);
		} else if (old) {
			for (let i = 0; i < n; i++) fails[i]! -= 1 - old[i]!;
			this.#masks.delete(d);
			this.#spare = old;
		}
	}

	/** Per row: how many dimensions of the filter it fails (0 = it passes), the towns' folded in first. */
	get fails(): Uint8Array {
		if (this.#pendingTowns) {
			this.#apply(this.#pendingTowns, 'towns');
			this.#pendingTowns = null;
		}
		return this.#fails;
	}

	/** Whether row `i` passes every dimension but the towns' (by the counts and the towns' mask folded in so far). */
	#passesButTowns(i: number): boolean {
		const townMask = this.#masks.get('towns');
		return this.#fails[i]! - (townMask ? 1 - townMask[i]! : 0) === 0;
	}

	/** Whether row `i` passes the whole filter, without folding the towns in: for the few rows of a list. */
	#passes(i: number): boolean {
		const chosen = this.#townsChosen;
		return this.#passesButTowns(i) && (!chosen || chosen[this.cols.town[i]!] === 1);
	}

	/** Writes 1 for each row that passes into `out` (the map's filter value), else 0. */
	visible(out: Float32Array): Float32Array {
		const fails = this.fails;
		for (let i = 0; i < fails.length; i++) out[i] = fails[i] === 0 ? 1 : 0;
		return out;
	}

	/** The key figures of the filter (`kpiSql`). */
	kpis(): Kpis {
		return this.#sum().kpis;
	}

	/** Communities per code of `codes` (a class column of the map) under the filter (`legendSql`). */
	counts(codes: Uint8Array): number[] {
		let byTown = this.#codeCounts.get(codes);
		if (!byTown) {
			// one pass per codes column until a dimension other than the towns changes
			byTown = new Int32Array(256 * 256);
			const town = this.cols.town;
			for (let i = 0; i < codes.length; i++)
				if (this.#passesButTowns(i)) byTown[town[i]! * 256 + codes[i]!]!++;
			this.#codeCounts.set(codes, byTown);
		}
		const chosen = this.#townsChosen;
		const out = new Array<number>(256).fill(0);
		for (let t = 0; t < 256; t++) {
			if (chosen && !chosen[t]) continue;
			for (let c = 0; c < 256; c++) out[c]! += byTown[t * 256 + c]!;
		}
		return out;
	}

	/** Per town with any community, every filter but the towns' (`townSql`), in town-code order. */
	towns(): TownAnswer[] {
		return this.#sum().towns;
	}

	/** Per town and programme set, the sums of every measure over the rows that pass every dimension but the towns'. */
	#townSums(): Float64Array {
		if (this.#byTown) return this.#byTown;
		const { cols } = this;
		const fails = this.#fails;
		const townMask = this.#masks.get('towns');
		const n = fails.length;
		const s = new Float64Array(256 * SETS * M);
		const town = cols.town;
		const programme = cols.programme;
		// the measures in MEASURE_KEYS order, read once per row (communities is 1)
		const [, v1, v2, v3, v4, v5, v6, v7, v8] = this.#values as [
			Float64Array,
			Float64Array,
			Float64Array,
			Float64Array,
			Float64Array,
			Float64Array,
			Float64Array,
			Float64Array,
			Float64Array
		];
		for (let i = 0; i < n; i++) {
			// the dimensions failed, the towns' left out
			if (fails[i]! - (townMask ? 1 - townMask[i]! : 0) !== 0) continue;
			const b = (town[i]! * SETS + programme[i]!) * M;
			s[b]! += 1;
			s[b + 1]! += v1[i]!;
			s[b + 2]! += v2[i]!;
			s[b + 3]! += v3[i]!;
			s[b + 4]! += v4[i]!;
			s[b + 5]! += v5[i]!;
			s[b + 6]! += v6[i]!;
			s[b + 7]! += v7[i]!;
			s[b + 8]! += v8[i]!;
		}
		this.#byTown = s;
		return s;
	}

	/** The town table, and the key figures as the sums of its towns that the town filter keeps (all without one). */
	#sum(): { kpis: Kpis; towns: TownAnswer[] } {
		if (this.#sums) return this.#sums;
		const s = this.#townSums();
		const chosen = this.#townsChosen;
		const figureOf = (d: FigureDef, t: number) => {
			const m = MEASURE_KEYS.indexOf(d.measure);
			let v = 0;
			for (const p of SET_INDEXES.get(d)!) v += s[at(t, p, m)]!;
			return v;
		};
		const unit = (d: FigureDef, v: number) => (MEASURES[d.measure].hundredths ? v / 100 : v);
		const totals = new Map<FigureDef, number>(FIGURES.map((d) => [d, 0]));
		const towns: TownAnswer[] = [];
		const count = MEASURE_KEYS.indexOf('communities');
		for (let t = 0; t < 256; t++) {
			let n = 0;
			for (let p = 0; p < SETS; p++) n += s[at(t, p, count)]!;
			if (!n) continue;
			const row = { town_code: this.townCodes[t] ?? '' } as TownAnswer;
			for (const k of TOWN_FIGURES) row[k] = unit(FIGURE[k], figureOf(FIGURE[k], t));
			towns.push(row);
			if (chosen && !chosen[t]) continue;
			for (const d of FIGURES) totals.set(d, totals.get(d)! + figureOf(d, t));
		}
		towns.sort((a, b) => (a.town_code < b.town_code ? -1 : a.town_code > b.town_code ? 1 : 0));
		this.#sums = {
			kpis: Object.fromEntries(FIGURES.map((d) => [d.key, unit(d, totals.get(d)!)])) as Kpis,
			towns
		};
		return this.#sums;
	}

	/**
	 * Communities whose funds are complete and whose town review has begun, not passed, under the filter, by the
	 * day their funds were complete, then id (`awaitingReviewSql`): not candidates (§三(四)).
	 */
	awaiting(): AwaitingAnswer[] {
		if (!this.#awaiting) {
			const { cols } = this;
			const rows: number[] = [];
			for (let i = 0; i < cols.id.length; i++) if (cols.awaitingReview[i]) rows.push(i);
			const day = (i: number) => (cols.readyDay[i] === NO_DAY ? Infinity : cols.readyDay[i]!);
			rows.sort((a, b) => day(a) - day(b) || (cols.id[a]! < cols.id[b]! ? -1 : 1));
			this.#awaiting = {
				rows: Int32Array.from(rows),
				list: rows.map((i) => ({
					id: cols.id[i]!,
					name: cols.name[i]!,
					townCode: this.townCodes[cols.town[i]!] ?? '',
					readyDate: isoOfDay(cols.readyDay[i]!)
				}))
			};
		}
		const { rows, list } = this.#awaiting;
		const out: AwaitingAnswer[] = [];
		for (let k = 0; k < rows.length; k++) if (this.#passes(rows[k]!)) out.push(list[k]!);
		return out;
	}

	/**
	 * The next plan's candidates under the filter, in the policy's priority order (§三(一)). The order does not
	 * depend on the filter, so every ready community is ranked once by the engine's `rankCandidates` and a filter
	 * keeps those that pass, in that order.
	 */
	candidates(): CandidateAnswer[] {
		if (!this.#ranked) {
			const { cols } = this;
			const all: (CandidateAnswer & { row: number })[] = [];
			for (let i = 0; i < cols.id.length; i++) {
				if (cols.readyForPlan[i] === 0) continue;
				all.push({
					row: i,
					id: cols.id[i]!,
					name: cols.name[i]!,
					townCode: this.townCodes[cols.town[i]!] ?? '',
					readyDate: isoOfDay(cols.readyDay[i]!),
					professionalManagement: cols.management[i] === PROFESSIONAL,
					subsidy: cols.subsidy[i]!
				});
			}
			const ranked = rankCandidates(all);
			this.#ranked = {
				rows: Int32Array.from(ranked, (c) => c.row),
				list: ranked.map(({ row: _row, ...c }) => c)
			};
		}
		const { rows, list } = this.#ranked;
		const out: CandidateAnswer[] = [];
		for (let k = 0; k < rows.length; k++) if (this.#passes(rows[k]!)) out.push(list[k]!);
		return out;
	}
}

/** A FilterFigures over `cols` with `f` applied. */
export function filterFigures(
	cols: MapColumns,
	townCodes: readonly string[],
	f: Filter = EMPTY_FILTER
): FilterFigures {
	const a = new FilterFigures(cols, townCodes);
	a.set(f);
	return a;
}
