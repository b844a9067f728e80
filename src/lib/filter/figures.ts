/**
 * The first screen's figures computed in the page from the map's columns (map.arrow), without DuckDB: the KPIs,
 * the legend's counts, the town table and the next plan's candidates — the same rules as `kpiSql`, `legendSql`,
 * `townSql` and `candidatesSql` (queries.ts), tested equal to them. The filter is incremental: each dimension
 * keeps its own mask and a row counts the dimensions it fails, so a change re-filters only the dimension that
 * changed (one pass writing its new mask into a reused array, one pass updating the counts). The town table
 * (every filter but the towns') is one pass over typed arrays, kept until a dimension other than the towns
 * changes; the KPIs are its sums over the towns chosen, so a town toggle needs no pass over the rows for them.
 */
import { rankCandidates } from '../policy';
import { isoOfDay, type MapColumns } from '../verdict/derived';
import { DIMENSIONS, dimensionKey, dimensionMask, type Dimension } from './filter-dims';
import { EMPTY_FILTER, type Filter } from './filters';
import type { Kpis } from './queries';
import { PROPERTY_MANAGEMENT } from '../schema/schema';

/** One town's row of the town table (as `townSql` gives it). */
export interface TownAnswer {
	town_code: string;
	communities: number;
	households: number;
	investment: number;
	subsidy: number;
	readyForPlan: number;
}

/** A candidate for the next plan (as `candidatesSql` gives it), ranked by the engine's `rankCandidates`. */
export interface CandidateAnswer {
	id: string;
	name: string;
	townCode: string;
	readyDate: string | null;
	professionalManagement: boolean;
	subsidy: number;
}

type ByTown = Record<
	'n' | 'households' | 'area' | 'investment' | 'resident' | 'subsidy' | 'ready',
	Float64Array
>;

const PROFESSIONAL = PROPERTY_MANAGEMENT.findIndex((m) => m.code === 'professional');
// hundredths (fen, or 0.01 ㎡) as whole numbers, so sums are exact whatever their order
const toFen = (yuan: Float64Array) => Float64Array.from(yuan, (v) => Math.round(v * 100));

export class FirstAnswers {
	readonly cols: MapColumns;
	readonly townCodes: readonly string[];
	/** Per row: how many dimensions of the filter it fails (0 = it passes). */
	readonly fails: Uint8Array;
	#keys = new Map<Dimension, string>();
	#masks = new Map<Dimension, Uint8Array>();
	/** A mask's worth of memory to write a dimension's new mask into (the old one becomes the next spare). */
	#spare: Uint8Array;
	/** Sums per town index under every dimension but the towns' (fen and 0.01 ㎡ as whole numbers). */
	#byTown: ByTown | null = null;
	/** Per town index: 1 if the town filter keeps it; null when the towns are not filtered. */
	#townsChosen: Uint8Array | null = null;
	#sums: { kpis: Kpis; towns: TownAnswer[] } | null = null;
	#ranked: { rows: Int32Array; list: CandidateAnswer[] } | null = null;
	#fen: {
		area: Float64Array;
		investment: Float64Array;
		residentRequired: Float64Array;
		subsidy: Float64Array;
	};

	constructor(cols: MapColumns, townCodes: readonly string[]) {
		this.cols = cols;
		this.townCodes = townCodes;
		this.fails = new Uint8Array(cols.id.length);
		this.#spare = new Uint8Array(cols.id.length);
		this.#fen = {
			area: toFen(cols.area),
			investment: toFen(cols.investment),
			residentRequired: toFen(cols.residentRequired),
			subsidy: toFen(cols.subsidy)
		};
		for (const d of DIMENSIONS) this.#keys.set(d, '');
	}

	/** Applies `f`, re-filtering only the dimensions whose selection changed; returns them. */
	set(f: Filter): Dimension[] {
		const changed: Dimension[] = [];
		const n = this.fails.length;
		for (const d of DIMENSIONS) {
			const key = dimensionKey(f, d);
			if (key === this.#keys.get(d)) continue;
			changed.push(d);
			this.#keys.set(d, key);
			const fails = this.fails;
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
		if (changed.length > 0) this.#sums = null;
		if (changed.some((d) => d !== 'towns')) this.#byTown = null;
		if (changed.includes('towns')) {
			this.#townsChosen = f.towns.length ? new Uint8Array(256) : null;
			for (const code of f.towns) {
				const t = this.townCodes.indexOf(code);
				if (t >= 0 && t < 256) this.#townsChosen![t] = 1;
			}
		}
		return changed;
	}

	/** Writes 1 for each row that passes into `out` (the map's filter value), else 0. */
	visible(out: Float32Array): Float32Array {
		for (let i = 0; i < this.fails.length; i++) out[i] = this.fails[i] === 0 ? 1 : 0;
		return out;
	}

	/** The KPIs of the filter (`kpiSql`). */
	kpis(): Kpis {
		return this.#sum().kpis;
	}

	/** Communities per code of `codes` (a class column of the map) under the filter (`legendSql`). */
	counts(codes: Uint8Array): number[] {
		const out = new Array<number>(256).fill(0);
		for (let i = 0; i < this.fails.length; i++) if (this.fails[i] === 0) out[codes[i]!]!++;
		return out;
	}

	/** Per town with any community, every filter but the towns' (`townSql`), in town-code order. */
	towns(): TownAnswer[] {
		return this.#sum().towns;
	}

	/** Per town, the sums of the rows that pass every dimension but the towns' (one pass, then kept). */
	#townSums(): ByTown {
		if (this.#byTown) return this.#byTown;
		const { cols, fails } = this;
		const fen = this.#fen;
		const townMask = this.#masks.get('towns');
		const s: ByTown = {
			n: new Float64Array(256),
			households: new Float64Array(256),
			area: new Float64Array(256),
			investment: new Float64Array(256),
			resident: new Float64Array(256),
			subsidy: new Float64Array(256),
			ready: new Float64Array(256)
		};
		for (let i = 0; i < fails.length; i++) {
			// the dimensions failed, the towns' left out
			if (fails[i]! - (townMask ? 1 - townMask[i]! : 0) !== 0) continue;
			const t = cols.town[i]!;
			s.n[t]!++;
			s.households[t]! += cols.households[i]!;
			s.area[t]! += fen.area[i]!;
			s.investment[t]! += fen.investment[i]!;
			s.resident[t]! += fen.residentRequired[i]!;
			s.subsidy[t]! += fen.subsidy[i]!;
			s.ready[t]! += cols.readyForPlan[i]!;
		}
		this.#byTown = s;
		return s;
	}

	/** The town table, and the KPIs as the sums of its towns that the town filter keeps (all without one). */
	#sum(): { kpis: Kpis; towns: TownAnswer[] } {
		if (this.#sums) return this.#sums;
		const s = this.#townSums();
		const chosen = this.#townsChosen;
		const k = { n: 0, households: 0, area: 0, investment: 0, resident: 0, subsidy: 0, ready: 0 };
		const towns: TownAnswer[] = [];
		for (let t = 0; t < 256; t++) {
			if (!s.n[t]) continue;
			towns.push({
				town_code: this.townCodes[t] ?? '',
				communities: s.n[t]!,
				households: s.households[t]!,
				investment: s.investment[t]! / 100,
				subsidy: s.subsidy[t]! / 100,
				readyForPlan: s.ready[t]!
			});
			if (chosen && !chosen[t]) continue;
			for (const key of Object.keys(k) as (keyof typeof k)[]) k[key] += s[key][t]!;
		}
		towns.sort((a, b) => (a.town_code < b.town_code ? -1 : a.town_code > b.town_code ? 1 : 0));
		this.#sums = {
			kpis: {
				communities: k.n,
				households: k.households,
				buildingArea: k.area / 100,
				investment: k.investment / 100,
				residentShare: k.resident / 100,
				subsidy: k.subsidy / 100,
				readyForPlan: k.ready
			},
			towns
		};
		return this.#sums;
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
		for (let k = 0; k < rows.length; k++) if (this.fails[rows[k]!] === 0) out.push(list[k]!);
		return out;
	}
}

/** A FirstAnswers over `cols` with `f` applied. */
export function firstAnswers(
	cols: MapColumns,
	townCodes: readonly string[],
	f: Filter = EMPTY_FILTER
): FirstAnswers {
	const a = new FirstAnswers(cols, townCodes);
	a.set(f);
	return a;
}
