// Issue 19: the figures people read first mean what their labels say. Each figure of `/` (its key figures, the
// town table), summary.json and the published tables is worked out by hand from the example's CSV files
// (tests/hand/figures.ts, no import from src/) and must equal what the build wrote and what the page computes:
// the JS first answers over map.arrow and the SQL over the Parquet files. FIGURES_DIR points at another build
// (e.g. the commit before, to see these tests fail there).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIGURES, MEASURES, TOWN_FIGURES } from '../../../src/lib/filter/definitions';
import { EMPTY_FILTER } from '../../../src/lib/filter/filters';
import { FilterFigures } from '../../../src/lib/filter/figures';
import { readMapColumns } from '../../../src/lib/files/map-columns';
import type { Manifest } from '../../../src/lib/files/manifest';
import { kpiSql, townSql } from '../../../src/lib/filter/queries';
import { COMMUNITY_VIEW_SQL } from '../../../src/lib/query/tables';
import type { ProgressSummary } from '../../../src/lib/progress/summary';
import { handCommunities, handHeadline, handKpis, PLAN_YEAR, type HandCommunity } from '../../hand/figures';

let dir: string;
let conn: DuckDBConnection;
let hand: HandCommunity[];
const sql = async <T>(text: string) => (await conn.runAndReadAll(text)).getRowObjectsJson() as unknown as T[];
/** Yuan to whole fen: money figures are compared to the fen. */
const fen = (v: number | string) => Math.round(Number(v) * 100);

beforeAll(async () => {
	dir = process.env.FIGURES_DIR ?? join(mkdtempSync(join(tmpdir(), 'yq-figures-')), 'data');
	if (!process.env.FIGURES_DIR) {
		const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', '--out', dir], {
			encoding: 'utf8'
		});
		expect(r.status, r.stderr).toBe(0);
	}
	conn = await (await DuckDBInstance.create(':memory:')).connect();
	for (const t of ['towns', 'communities', 'status', 'progress'])
		await conn.run(`CREATE TABLE ${t} AS SELECT * FROM '${dir}/${t}.parquet'`);
	await conn.run(COMMUNITY_VIEW_SQL);
	hand = handCommunities();
}, 120_000);

describe('the key figures of `/`, by hand from the example’s CSVs (issue 19)', () => {
	it('财政补助需求 is the subsidy of the communities in scope not yet renovated — not every community’s', () => {
		const k = handKpis(hand);
		// the example: 225,075.6万 for 354 communities; 467,837.7万 was every community's, the ineligible included
		expect(k.remaining).toBe(354);
		expect(Math.round(k.subsidy / 1000) / 10).toBe(225_075.6);
		expect(fen(k.subsidy)).toBe(fen(k.subsidyPlanned) + fen(k.subsidyToArrange));
		expect(k.outOfScope).toBe(264);
	});

	it('every key figure: the JS first answers over map.arrow equal the hand’s', () => {
		const cols = readMapColumns(new Uint8Array(readFileSync(`${dir}/map.arrow`)));
		const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as Manifest;
		const answers = new FilterFigures(
			cols,
			manifest.towns.map((t) => t.code)
		);
		answers.set(EMPTY_FILTER);
		const js = answers.kpis();
		const k = handKpis(hand);
		for (const d of FIGURES) {
			if (MEASURES[d.measure].hundredths) expect(fen(js[d.key]), d.key).toBe(fen(k[d.key]));
			else expect(js[d.key], d.key).toBe(k[d.key]);
		}
	});

	it('every key figure: the SQL (kpiSql) over the Parquet files equals the hand’s', async () => {
		const [row] = await sql<Record<string, number>>(kpiSql(EMPTY_FILTER));
		const k = handKpis(hand);
		for (const d of FIGURES) {
			if (MEASURES[d.measure].hundredths) expect(fen(row![d.key]!), d.key).toBe(fen(k[d.key]));
			else expect(Number(row![d.key]), d.key).toBe(k[d.key]);
		}
	});

	it('the town table (townSql): each town’s figures by hand, by the same definitions', async () => {
		const rows = await sql<Record<string, number | string>>(townSql(EMPTY_FILTER));
		const towns = [...new Set(hand.map((c) => c.town))].sort();
		expect(rows.map((r) => r.town_code)).toEqual(towns);
		for (const r of rows) {
			const k = handKpis(hand.filter((c) => c.town === r.town_code));
			for (const key of TOWN_FIGURES) {
				const d = FIGURES.find((x) => x.key === key)!;
				if (MEASURES[d.measure].hundredths) expect(fen(r[key]!), `${r.town_code} ${key}`).toBe(fen(k[key]));
				else expect(Number(r[key]), `${r.town_code} ${key}`).toBe(k[key]);
			}
		}
	});
});

describe('a verdict outside the scope is a verdict (§二(一))', () => {
	it('YQ000080 (城中村), YQ000716 (乡), YQ000019 (征收 within 5 years): no subsidy, no resident share, no step', async () => {
		for (const id of ['YQ000080', 'YQ000716', 'YQ000019']) {
			expect(hand.find((c) => c.id === id)!.set, id).toBe('out-of-scope');
			const [s] = await sql<Record<string, unknown>>(
				`SELECT s.*, coalesce(p.next_stage, '') AS next_stage, p.next_action, p.investment AS published, p.money_basis
				 FROM status s JOIN progress p USING (id) WHERE id = '${id}'`
			);
			expect(s, id).toMatchObject({
				programme: 'out-of-scope',
				stage: 'out-of-scope',
				next_stage: '',
				next_action: 'out-of-scope',
				money_basis: 'out-of-scope',
				ready_for_plan: false
			});
			expect([Number(s!.subsidy), Number(s!.resident_required), Number(s!.published)], id).toEqual([0, 0, 0]);
		}
	});

	it('every ineligible community of the example: subsidy 0 and no renovation step in the tables', async () => {
		const [r] = await sql<{ n: number; paid: number; steps: number }>(
			`SELECT count(*)::INT AS n, sum(subsidy)::DOUBLE AS paid,
				count(*) FILTER (WHERE coalesce(p.next_stage, '') <> '' OR coalesce(p.next_action, '') <> 'out-of-scope')::INT AS steps
			 FROM status s JOIN progress p USING (id) WHERE s.eligibility = 'ineligible'`
		);
		expect(r).toEqual({ n: hand.filter((c) => !c.inScope).length, paid: 0, steps: 0 });
	});
});

describe('projects begun before 2024-01-05 are earlier projects (§五(二)1, §六)', () => {
	it('YQ000071 东浦二区 (works 2022-06-19): marked earlier, its subsidy the ledger’s, never priced under 47号', async () => {
		const [s] = await sql<Record<string, unknown>>(
			`SELECT programme, CAST(works_start AS VARCHAR) AS works_start, subsidy, subsidy_paid, capped, p.money_basis
			 FROM status s JOIN progress p USING (id) WHERE id = 'YQ000071'`
		);
		const h = hand.find((c) => c.id === 'YQ000071')!;
		expect(h.set).toBe('earlier');
		expect(s).toMatchObject({
			programme: 'earlier',
			works_start: '2022-06-19',
			capped: false,
			money_basis: 'earlier'
		});
		expect(fen(s!.subsidy as number)).toBe(h.subsidy);
		expect(fen(s!.subsidy_paid as number)).toBe(h.subsidy);
	});

	it('every earlier project of the example is marked, and none is in the demand', async () => {
		const [r] = await sql<{ n: number }>(`SELECT count(*)::INT AS n FROM status WHERE programme = 'earlier'`);
		expect(r!.n).toBe(hand.filter((c) => c.set === 'earlier').length);
		expect(r!.n).toBe(38);
	});
});

describe('readiness as §三(四) says: 乡镇初审通过且居民自筹资金全部到位', () => {
	it('a community whose town review has only begun is not a candidate; it is listed apart', async () => {
		const rows = await sql<{ id: string; stage: string; ready_for_plan: boolean; awaiting_review: boolean }>(
			`SELECT id, stage, ready_for_plan, awaiting_review FROM status ORDER BY id`
		);
		expect(rows.filter((r) => r.stage === 'town-review' && r.ready_for_plan)).toEqual([]);
		expect(rows.filter((r) => r.ready_for_plan).map((r) => r.id)).toEqual(
			hand.filter((c) => c.ready).map((c) => c.id)
		);
		expect(rows.filter((r) => r.awaiting_review).map((r) => r.id)).toEqual(
			hand.filter((c) => c.awaiting).map((c) => c.id)
		);
		expect(hand.filter((c) => c.awaiting).length).toBe(18);
		expect(PLAN_YEAR).toBe(2028);
	});
});

describe('the public headline (summary.json): cards that never overlap, by hand', () => {
	it('renovated, under construction, in a plan not yet begun — and they add up to no more than all', () => {
		const summary = JSON.parse(readFileSync(`${dir}/summary.json`, 'utf8')) as ProgressSummary;
		const h = handHeadline(hand);
		expect(summary.renovated).toEqual(h.renovated);
		expect(summary.construction).toEqual(h.construction);
		const { years, ...planned } = summary.planned;
		expect(planned).toEqual(h.planned);
		expect(years).toEqual([{ year: 2027, ...h.planned }]);
		expect(summary.total).toEqual(h.total);
		// the example: 13 under construction (not 39), the 26 of the 2027 plan once, apart
		expect([h.renovated.communities, h.construction.communities, h.planned.communities]).toEqual([
			106, 13, 26
		]);
		expect(h.renovated.communities + h.construction.communities + h.planned.communities).toBeLessThanOrEqual(
			h.total.communities
		);
	});
});
