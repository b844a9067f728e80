// The community files (community-slices.ts) against the Parquet tables the page's SQL read before: for the example
// (724) and a generated 5,000, every community's row, works, votes, funds and stage events as the files carry them
// equal what DuckDB reads from the same build's Parquet with the page's casts (communitySql), and every community
// sits in the file its id hashes to. Then the verdict the page computes from the files (communityVerdict, with the
// manifest's town), projected as the build projects it, equals the build's `status` row, for every community.
// The public card files (card-files.ts, from the public data step) equal cardSql(id) over the public tables, and
// `/`'s list export made from the page's columns equals exportSql's rows and CSV.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import {
	sliceCount,
	sliceOf,
	slicePath,
	SLICE_DIR,
	type CommunityOwnRows,
	type CommunitySlice
} from '../../src/lib/files/community-slices';
import type { Manifest } from '../../src/lib/files/manifest';
import { cardFileOf, cardPath, type CardSlice } from '../../src/lib/progress/card-files';
import { cardSql, PROGRESS_VIEW_SQL } from '../../src/lib/progress/queries';
import { writePublicData } from '../../src/node/public-data';
import { exportRows, LIST_COLUMNS_FILE, type ListColumns } from '../../src/lib/files/list-columns';
import { readMapColumns } from '../../src/lib/files/map-columns';
import { toCsv, type ExportRow } from '../../src/lib/files/export';
import { EMPTY_FILTER, filterMask, type Filter } from '../../src/lib/filter/filters';
import { exportSql } from '../../src/lib/filter/queries';
import { COMMUNITY_VIEW_SQL } from '../../src/lib/query/tables';
import { policyFor } from '../../src/lib/policy';
import { communityVerdict } from '../../src/lib/verdict/verdict';
import { STATUS_COLUMNS } from '../../src/lib/verdict/derived';
import { statusOf } from '../../src/lib/verdict/status';

function run(script: string, args: string[]) {
	const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', script, ...args], {
		encoding: 'utf8'
	});
	expect(r.status, r.stderr).toBe(0);
}

/** A fresh build: of the example, or of a generated dataset of `count` communities. */
function build(count?: number): string {
	const dir = mkdtempSync(join(tmpdir(), 'yq-slices-'));
	const args = ['--out', join(dir, 'data')];
	if (count) {
		run('scripts/generate-dataset.ts', ['--count', String(count), '--out', join(dir, 'input')]);
		args.push('--input', join(dir, 'input'));
	}
	run('scripts/build-data.ts', args);
	return join(dir, 'data');
}

/** The tables as the page's SQL reads them (communitySql's casts), grouped by community. */
async function fromParquet(dir: string): Promise<Map<string, CommunityOwnRows>> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	const rows = async <T>(sql: string) =>
		(await conn.runAndReadAll(sql)).getRowObjectsJson() as unknown as (T & { community_id: string })[];
	const p = (t: string) => `read_parquet('${join(dir, `${t}.parquet`)}')`;
	const out = new Map<string, CommunityOwnRows>();
	for (const c of await rows<CommunityOwnRows['community']>(`SELECT * FROM ${p('communities')}`))
		out.set(c.id, { community: c, works: [], votes: [], funds: [], stages: [] });
	// the page's casts: money as DOUBLE, dates as text; votes and funds by date (communitySql)
	for (const w of await rows<CommunityOwnRows['works'][number]>(
		`SELECT community_id, item_id, CAST(estimated_cost AS DOUBLE) AS estimated_cost, CAST(final_cost AS DOUBLE) AS final_cost FROM ${p('works')}`
	))
		out.get(w.community_id)!.works.push(w);
	for (const v of await rows<CommunityOwnRows['votes'][number]>(
		`SELECT * EXCLUDE (date), CAST(date AS VARCHAR) AS date FROM ${p('votes')} ORDER BY community_id, date`
	))
		out.get(v.community_id)!.votes.push(v);
	for (const f of await rows<CommunityOwnRows['funds'][number]>(
		`SELECT * EXCLUDE (date), CAST(date AS VARCHAR) AS date FROM ${p('funds')} ORDER BY community_id, date`
	))
		out.get(f.community_id)!.funds.push(f);
	for (const s of await rows<CommunityOwnRows['stages'][number]>(
		`SELECT community_id, stage, CAST(date AS VARCHAR) AS date FROM ${p('stage_events')}`
	))
		out.get(s.community_id)!.stages.push(s);
	conn.closeSync();
	return out;
}

/** Rows in one order for both sides (SQL gives no order within equal dates, nor for works and stages). */
const key = (r: object) => JSON.stringify(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));
const sorted = <T extends object>(rows: readonly T[]) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1));
const canonical = (r: CommunityOwnRows) => ({
	community: r.community,
	works: sorted(r.works),
	votes: sorted(r.votes),
	funds: sorted(r.funds),
	stages: sorted(r.stages),
	// the latest vote of each kind is the one the verdict reads: its date must be the latest in both
	lastDates: ['application', 'scheme'].map((k) => r.votes.filter((v) => v.kind === k).at(-1)?.date ?? null)
});

async function check(dir: string) {
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
	const count = sliceCount(manifest.tables.communities!);
	expect(readdirSync(join(dir, SLICE_DIR))).toHaveLength(count);
	const files = Array.from(
		{ length: count },
		(_, n) => JSON.parse(readFileSync(join(dir, slicePath(n)), 'utf8')) as CommunitySlice
	);
	const sql = await fromParquet(dir);
	let seen = 0;
	for (const [n, file] of files.entries())
		for (const [id, rows] of Object.entries(file)) {
			expect(sliceOf(id, count), id).toBe(n);
			expect(canonical(rows), id).toEqual(canonical(sql.get(id)!));
			seen++;
		}
	expect(seen).toBe(sql.size);

	// the verdict from the files, projected as the build projects it (statusOf), against the build's status row
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	const select = STATUS_COLUMNS.map(([, name, type]) =>
		type === 'date' ? `CAST("${name}" AS VARCHAR) AS "${name}"` : `"${name}"`
	).join(', ');
	const status = (
		await conn.runAndReadAll(`SELECT ${select} FROM read_parquet('${join(dir, 'status.parquet')}')`)
	).getRowObjectsJson() as unknown as Record<string, unknown>[];
	conn.closeSync();
	expect(status).toHaveLength(seen);
	const policy = policyFor(manifest.asOf)!;
	const towns = new Map(manifest.towns.map((t) => [t.code, t]));
	for (const row of status) {
		const id = row.id as string;
		const rows = files[sliceOf(id, count)]![id]!;
		const v = communityVerdict(
			{ ...rows, town: towns.get(rows.community.town_code)! },
			manifest.asOf,
			policy
		);
		const s = statusOf(v, row.idx as number);
		expect(Object.fromEntries(STATUS_COLUMNS.map(([k, name]) => [name, s[k]])), id).toEqual(row);
	}
	await checkExports(dir);
	await checkCards(dir);
	return { communities: seen, files: count };
}

/**
 * `/`'s list export from the page's columns (map.arrow, list-columns.json, the map's filterMask) against exportSql
 * over the same build's Parquet, for filters of every kind (a drawn area's ids included): rows and CSV text equal.
 */
async function checkExports(dir: string) {
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
	const cols = readMapColumns(new Uint8Array(readFileSync(join(dir, 'map.arrow'))));
	const list = JSON.parse(readFileSync(join(dir, LIST_COLUMNS_FILE), 'utf8')) as ListColumns;
	const codes = manifest.towns.map((t) => t.code);
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	for (const t of ['communities', 'status', 'towns'])
		await conn.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${join(dir, `${t}.parquet`)}')`);
	await conn.run(COMMUNITY_VIEW_SQL);
	const area = cols.id.filter((_, i) => i % 7 === 3);
	const filters: Filter[] = [
		EMPTY_FILTER,
		{ ...EMPTY_FILTER, towns: [codes[0]!, codes[3]!] },
		{ ...EMPTY_FILTER, yearFrom: 1985, yearTo: 1999, housing: ['commodity'] },
		{ ...EMPTY_FILTER, eligibility: ['eligible-priority', 'eligible'], management: ['self', 'none'] },
		{ ...EMPTY_FILTER, stage: ['none', 'construction', 'publicity'], tiers: ['improvement'] },
		{
			...EMPTY_FILTER,
			towns: [codes[1]!],
			polygon: [
				[0, 0],
				[1, 0],
				[1, 1]
			],
			area
		}
	];
	const sizes: number[] = [];
	for (const f of filters) {
		const sql = (await conn.runAndReadAll(exportSql(f))).getRowObjectsJson() as unknown as ExportRow[];
		sizes.push(sql.length);
		const js = exportRows(cols, list, manifest.towns, filterMask(cols, codes, f));
		expect(js, JSON.stringify(f)).toEqual(sql);
		expect(toCsv(js)).toBe(toCsv(sql));
	}
	conn.closeSync();
	// every community unfiltered; each filter keeps some and drops some (no filter the test could not see fail)
	expect(sizes[0]).toBe(cols.id.length);
	for (const n of sizes.slice(1)) expect(n > 0 && n < cols.id.length, String(sizes)).toBe(true);
}

/**
 * The public card files (written by the public data step from the public Parquet) against the SQL the card ran
 * before: cardSql(id) over the public tables with progress_view, for every community.
 */
async function checkCards(full: string) {
	const out = `${full}-public`;
	await writePublicData(full, out);
	const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
		tables: { communities: number };
	};
	const n = manifest.tables.communities;
	const files = new Map<string, CardSlice>();
	const fileOf = (id: string) => {
		const path = cardFileOf(id, n);
		if (!files.has(path)) files.set(path, JSON.parse(readFileSync(join(out, path), 'utf8')) as CardSlice);
		return files.get(path)!;
	};
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	for (const t of ['communities', 'progress', 'towns', 'works'])
		await conn.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${join(out, `${t}.parquet`)}')`);
	await conn.run(PROGRESS_VIEW_SQL);
	const ids = (await conn.runAndReadAll('SELECT id FROM communities ORDER BY id')).getRowObjectsJson();
	expect(ids).toHaveLength(n);
	// every card at the example size; every 10th at 5,000 (one query pair per card: minutes on a busy machine)
	const step = n > 1000 ? 10 : 1;
	for (const { id } of (ids as { id: string }[]).filter((_, i) => i % step === 0)) {
		const sql = cardSql(id);
		const [card] = (await conn.runAndReadAll(sql.community)).getRowObjectsJson();
		const works = (await conn.runAndReadAll(sql.works)).getRowObjectsJson() as { itemId: string }[];
		expect(fileOf(id)[id], id).toEqual({ card, works: works.map((w) => w.itemId) });
	}
	conn.closeSync();
	const all = Array.from({ length: sliceCount(n) }, (_, k) =>
		Object.keys(JSON.parse(readFileSync(join(out, cardPath(k)), 'utf8')) as CardSlice)
	).flat();
	expect(all.sort()).toEqual((ids as { id: string }[]).map((r) => r.id));
}

describe('the community files and the public card files equal the SQL they replace (no DuckDB-WASM)', () => {
	it('at the example size (724 communities)', async () => {
		const r = await check(build());
		expect(r.communities).toBeGreaterThan(600);
	}, 600_000);

	it('at a generated 5,000 communities', async () => {
		const r = await check(build(5000));
		expect(r.communities).toBe(5000);
		expect(r.files).toBe(sliceCount(5000));
	}, 900_000);
});
