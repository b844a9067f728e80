// The first screen's figures computed in JS (filter/figures.ts) against the SQL the page ran before (queries.ts),
// by DuckDB over the same rows, for seeded random filters applied one after another (the incremental path) at
// the sizes a test file asks for (the unit tier: 724; the data tier: 10k / 100k / 300k). Counts, classes, towns and the ranked candidates must be equal. Sums of
// money and ㎡: the JS sums whole fen (0.01 ㎡), which is exact; the SQL sums DOUBLEs in an order of its own, off
// by a few fen at 300k (3·10^12 yuan): equal to 1 fen plus 10^-13 of the total.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { rankCandidates } from '../../../src/lib/policy';
import { NO_DAY, NO_YEAR, type MapColumns } from '../../../src/lib/verdict/derived';
import { FILTER_VALUES, PROGRAMME_CODES, type Colouring } from '../../../src/lib/verdict/classes';
import { FIGURES, MEASURES, TOWN_FIGURES } from '../../../src/lib/filter/definitions';
import { EMPTY_FILTER, resolveStale, whereSql, type Filter } from '../../../src/lib/filter/filters';
import { freshnessCodes } from '../../../src/lib/verdict/freshness';
import { FilterFigures } from '../../../src/lib/filter/figures';
import {
	awaitingReviewSql,
	candidatesSql,
	kpiSql,
	legendSql,
	townSql
} from '../../../src/lib/filter/queries';
import { HOUSING_TYPES, PROPERTY_MANAGEMENT } from '../../../src/lib/schema/schema';
import { ELIGIBILITY_CLASSES, FUNDING_BANDS, VOTE_CLASSES } from '../../../src/lib/verdict/status';

const STAGE_VALUES = FILTER_VALUES.stage.map((v) => v.code);

export function mulberry32(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The reference day of the synthetic columns' freshness (2022-01-01 + 25, as days since 1970-01-01). */
export const REF_DAY = 19_000;

/** map.arrow's code of a housing type or management not known. */
const NO_CODE = 255;

export const TOWNS = Array.from({ length: 27 }, (_, i) => `330382${String(100 + i).padStart(3, '0')}`);
const HOUSING = HOUSING_TYPES.map((h) => h.code);
const MANAGEMENT = PROPERTY_MANAGEMENT.map((m) => m.code);

/** n synthetic communities: every class and money column drawn at random, fen and 0.01 ㎡ included. */
export function synthetic(n: number, rand: () => number): MapColumns {
	const int = (k: number) => Math.floor(rand() * k);
	const cols = {
		id: Array.from({ length: n }, (_, i) => `YQ${String(i).padStart(7, '0')}`),
		name: Array.from({ length: n }, (_, i) => `小区${i}`),
		lon: Float64Array.from({ length: n }, () => 120.9 + rand() * 0.3),
		lat: Float64Array.from({ length: n }, () => 28.1 + rand() * 0.3),
		area: Float64Array.from({ length: n }, () => int(5_000_000) / 100),
		households: Uint32Array.from({ length: n }, () => int(2000)),
		town: Uint8Array.from({ length: n }, () => int(TOWNS.length)),
		year: Uint16Array.from({ length: n }, () => 1970 + int(40)),
		housing: Uint8Array.from({ length: n }, () => int(HOUSING.length)),
		management: Uint8Array.from({ length: n }, () => int(MANAGEMENT.length)),
		eligibility: Uint8Array.from({ length: n }, () => int(ELIGIBILITY_CLASSES.length)),
		programme: Uint8Array.from({ length: n }, () => int(PROGRAMME_CODES.length)),
		applicationVote: Uint8Array.from({ length: n }, () => int(VOTE_CLASSES.length)),
		schemeVote: Uint8Array.from({ length: n }, () => int(VOTE_CLASSES.length)),
		stage: Uint8Array.from({ length: n }, () => int(STAGE_VALUES.length)),
		fundingBand: Uint8Array.from({ length: n }, () => int(FUNDING_BANDS.length)),
		tiers: Uint8Array.from({ length: n }, () => int(8)),
		investment: Float64Array.from({ length: n }, () => int(2_000_000_000) / 100),
		residentRequired: Float64Array.from({ length: n }, () => int(300_000_000) / 100),
		residentRaised: Float64Array.from({ length: n }, () => int(300_000_000) / 100),
		subsidy: Float64Array.from({ length: n }, () => int(1_500_000_000) / 100),
		readyForPlan: Uint8Array.from({ length: n }, () => (rand() < 0.2 ? 1 : 0)),
		estimate: Uint8Array.from({ length: n }, () => (rand() < 0.1 ? 1 : 0)),
		awaitingReview: new Uint8Array(n),
		readyDay: new Int32Array(n),
		// a last update on a spread of days (none for every 11th), from the index: the other columns' draws stay as they were
		lastDay: Int32Array.from({ length: n }, (_, i) => (i % 11 === 0 ? NO_DAY : REF_DAY - ((i * 7919) % 400))),
		freshness: new Uint8Array(n) as Uint8Array
	};
	cols.freshness = freshnessCodes(cols.lastDay, REF_DAY);
	// a ready community has its funds date; some not ready have one too (after the deadline), some of them with
	// their town review begun (awaiting it); some facts not known (资料不全: NO_YEAR, no code, 0 — NULL in SQL)
	for (let i = 0; i < n; i++) {
		if (rand() < 0.08) cols.year[i] = NO_YEAR;
		if (rand() < 0.08) cols.housing[i] = NO_CODE;
		if (rand() < 0.08) cols.management[i] = NO_CODE;
		if (rand() < 0.08) cols.households[i] = 0;
		if (rand() < 0.08) cols.area[i] = 0;
		cols.readyDay[i] = cols.readyForPlan[i] || rand() < 0.3 ? 19_000 + int(1200) : NO_DAY;
		if (!cols.readyForPlan[i] && cols.readyDay[i] !== NO_DAY && rand() < 0.4) cols.awaitingReview[i] = 1;
	}
	return cols;
}

/** The columns as `community_view`, with the names and text values the SQL reads. */
async function load(conn: DuckDBConnection, c: MapColumns): Promise<void> {
	await conn.run(`CREATE OR REPLACE TABLE rows (id VARCHAR, name VARCHAR, town_code VARCHAR, town_name VARCHAR,
		completion_year INTEGER, housing_type VARCHAR, property_management VARCHAR, eligibility VARCHAR,
		programme VARCHAR, application_vote VARCHAR, scheme_vote VARCHAR, stage VARCHAR, funding_band VARCHAR, tiers INTEGER,
		households INTEGER, building_area DOUBLE, investment DOUBLE, resident_required DOUBLE, subsidy DOUBLE,
		ready_for_plan BOOLEAN, awaiting_review BOOLEAN, estimate BOOLEAN, ready_day INTEGER)`);
	const a = await conn.createAppender('rows');
	for (let i = 0; i < c.id.length; i++) {
		const town = TOWNS[c.town[i]!]!;
		for (const v of [c.id[i]!, c.name[i]!, town, `镇${town}`]) a.appendVarchar(v);
		// a fact not known is NULL, as status and communities hold it
		if (c.year[i] === NO_YEAR) a.appendNull();
		else a.appendInteger(c.year[i]!);
		for (const [code, values] of [
			[c.housing[i]!, HOUSING],
			[c.management[i]!, MANAGEMENT]
		] as const) {
			if (code === NO_CODE) a.appendNull();
			else a.appendVarchar(values[code]!);
		}
		a.appendVarchar(ELIGIBILITY_CLASSES[c.eligibility[i]!]!);
		a.appendVarchar(PROGRAMME_CODES[c.programme[i]!]!);
		a.appendVarchar(VOTE_CLASSES[c.applicationVote[i]!]!);
		a.appendVarchar(VOTE_CLASSES[c.schemeVote[i]!]!);
		a.appendVarchar(STAGE_VALUES[c.stage[i]!]!);
		a.appendVarchar(FUNDING_BANDS[c.fundingBand[i]!]!);
		a.appendInteger(c.tiers[i]!);
		if (c.households[i] === 0) a.appendNull();
		else a.appendInteger(c.households[i]!);
		if (c.area[i] === 0) a.appendNull();
		else a.appendDouble(c.area[i]!);
		for (const v of [c.investment, c.residentRequired, c.subsidy]) a.appendDouble(v[i]!);
		a.appendBoolean(c.readyForPlan[i] === 1);
		a.appendBoolean(c.awaitingReview[i] === 1);
		a.appendBoolean(c.estimate[i] === 1);
		a.appendInteger(c.readyDay[i]!);
		a.endRow();
	}
	a.closeSync();
	await conn.run(`CREATE OR REPLACE VIEW community_view AS SELECT * EXCLUDE (ready_day),
		CASE WHEN ready_day = ${NO_DAY} THEN NULL ELSE DATE '1970-01-01' + ready_day END AS ready_date FROM rows`);
}

/** A random filter: each dimension set or not, with random values (an unknown town now and then). */
export function randomFilter(rand: () => number, c: MapColumns): Filter {
	const some = (values: readonly string[]) => values.filter(() => rand() < 0.4);
	const maybe = <T>(v: () => T, none: T) => (rand() < 0.4 ? v() : none);
	const f: Filter = {
		...EMPTY_FILTER,
		towns: maybe(() => [...some(TOWNS), ...(rand() < 0.2 ? ['330382999'] : [])], []),
		yearFrom: maybe(() => 1970 + Math.floor(rand() * 30), null),
		yearTo: maybe(() => 1985 + Math.floor(rand() * 30), null),
		housing: maybe(() => some(HOUSING), []),
		eligibility: maybe(() => some(ELIGIBILITY_CLASSES), []),
		stage: maybe(() => some(STAGE_VALUES), []),
		management: maybe(() => some(MANAGEMENT), []),
		tiers: maybe(() => some(['basic', 'improvement', 'upgrade']), [])
	};
	if (rand() < 0.3) f.area = c.id.filter(() => rand() < Math.min(0.2, 2000 / c.id.length));
	// 超过 N 天未更新, resolved over the columns as the page resolves it
	if (rand() < 0.3) return resolveStale({ ...f, staleDays: Math.floor(rand() * 200) }, c, REF_DAY);
	return f;
}

const fen = (x: number) => Math.round(x * 100);
const fenGap = (js: number, sql: number) => Math.abs(fen(js) - fen(sql)) - Math.abs(fen(sql)) * 1e-13;
const CLASS_COLUMNS: [Colouring, keyof MapColumns, readonly string[]][] = [
	['eligibility', 'eligibility', ELIGIBILITY_CLASSES],
	['applicationVote', 'applicationVote', VOTE_CLASSES],
	['schemeVote', 'schemeVote', VOTE_CLASSES],
	['funding', 'fundingBand', FUNDING_BANDS],
	['stage', 'stage', STAGE_VALUES]
];

async function sqlRows<T>(conn: DuckDBConnection, sql: string): Promise<T[]> {
	return (await conn.runAndReadAll(sql)).getRowObjectsJson() as unknown as T[];
}

/** The equality check at the sizes a test file asks for: [communities, filters in a row] each. */
export function describeFilterFiguresEqualSql(sizes: readonly (readonly [number, number])[]): void {
	describe('first answers without DuckDB', () => {
		for (const [n, trials] of sizes) {
			it(`KPIs, legend counts, town table and ranked candidates equal the SQL's, ${n} communities, ${trials} filters in a row`, async () => {
				const rand = mulberry32(n);
				const cols = synthetic(n, rand);
				const conn = await (await DuckDBInstance.create(':memory:')).connect();
				await load(conn, cols);
				const answers = new FilterFigures(cols, TOWNS);
				const shown = new Float32Array(n).fill(7);
				const expectKpis = async (f: Filter, label: string) => {
					const js = answers.kpis();
					const [sql] = await sqlRows<Record<string, number>>(conn, kpiSql(f));
					// every figure of figures.ts, by its definition: counts exactly, money and ㎡ to the fen
					for (const d of FIGURES) {
						if (MEASURES[d.measure].hundredths)
							expect(fenGap(js[d.key], Number(sql![d.key])), `${label} ${d.key}`).toBeLessThanOrEqual(1);
						else expect(js[d.key], `${label} ${d.key}`).toBe(Number(sql![d.key]));
					}
					// the parts add up to their whole: demand = in a plan + still to arrange
					expect(fen(js.subsidy), label).toBe(fen(js.subsidyPlanned) + fen(js.subsidyToArrange));
				};
				/** Every answer of `f` against the SQL's; the map's filter value last (it folds the towns in). */
				const expectAll = async (f: Filter, label: string) => {
					await expectKpis(f, label);

					for (const [colouring, column, classes] of CLASS_COLUMNS) {
						const counts = answers.counts(cols[column] as Uint8Array);
						const fromSql = await sqlRows<{ class: string; n: number }>(conn, legendSql(f, colouring));
						const expected = classes.map((c) => Number(fromSql.find((r) => r.class === c)?.n ?? 0));
						expect(
							classes.map((_, i) => counts[i]),
							`${label} ${colouring}`
						).toEqual(expected);
					}

					const towns = answers.towns();
					const townRows = await sqlRows<Record<string, string | number>>(conn, townSql(f));
					expect(
						towns.map((t) => t.town_code),
						label
					).toEqual(townRows.map((r) => r.town_code));
					towns.forEach((t, i) => {
						const r = townRows[i]!;
						for (const k of TOWN_FIGURES) {
							const d = FIGURES.find((x) => x.key === k)!;
							if (MEASURES[d.measure].hundredths)
								expect(fenGap(t[k], Number(r[k])), `${label} ${k}`).toBeLessThanOrEqual(1);
							else expect(t[k], `${label} ${k}`).toBe(Number(r[k]));
						}
					});

					const awaiting = await sqlRows<{
						id: string;
						name: string;
						townCode: string;
						readyDate: string | null;
					}>(conn, awaitingReviewSql(f));
					expect(answers.awaiting(), label).toEqual(awaiting);

					type Row = { id: string; name: string; townCode: string; readyDate: string | null };
					const ranked = rankCandidates(
						(
							await sqlRows<Row & { professionalManagement: boolean; subsidy: number }>(
								conn,
								candidatesSql(f)
							)
						).map((r) => ({ ...r, subsidy: Number(r.subsidy) }))
					);
					expect(answers.candidates(), label).toEqual(ranked);

					// the map's filter value, written into one reused array: 1 for exactly the rows the SQL keeps
					answers.visible(shown);
					const ids = await sqlRows<{ id: string }>(
						conn,
						`SELECT id FROM community_view WHERE ${whereSql(f)} ORDER BY id`
					);
					const kept: string[] = [];
					shown.forEach((v, i) => {
						if (v === 1) kept.push(cols.id[i]!);
						else expect(v, label).toBe(0);
					});
					expect(kept, label).toEqual(ids.map((r) => r.id));
				};
				for (let k = 0; k < trials; k++) {
					const f = k === 0 ? EMPTY_FILTER : randomFilter(rand, cols);
					const label = `${n} #${k}`;
					answers.set(f);
					await expectAll(f, label);
					// then only the towns change (a town toggle: the figures come from the per-town sums and the
					// lists' own rows, no pass over the rows until the map's filter value is asked, last)
					const chosen = rand() < 0.5 ? [] : TOWNS.filter(() => rand() < 0.15);
					answers.set({ ...f, towns: chosen });
					await expectAll({ ...f, towns: chosen }, `${label} towns ${chosen.join(',')}`);
					// and again before anything reads the rows (two toggles in a row, the second folded once)
					const again = TOWNS.filter(() => rand() < 0.1);
					answers.set({ ...f, towns: again });
					answers.set({ ...f, towns: chosen.length ? again : chosen });
					await expectAll(
						{ ...f, towns: chosen.length ? again : chosen },
						`${label} towns twice ${again.join(',')}`
					);
				}
				conn.closeSync();
			}, 240_000);
		}
	});
}
