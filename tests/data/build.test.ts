import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../src/lib/schema/schema';
import { makeTemplate } from '../../src/lib/files/template';
import { writeBuild } from '../../src/node/write-build';
import { load } from '../unit/data/load';

function build(args: string[]) {
	return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', ...args], {
		encoding: 'utf8'
	});
}

async function query(sql: string): Promise<Record<string, unknown>[]> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	const rows = (await conn.runAndReadAll(sql)).getRowObjectsJson();
	conn.closeSync();
	return rows as Record<string, unknown>[];
}

describe('npm run data', () => {
	it('builds the example into Parquet per table, towns.geojson and a manifest that says it is example data', () => {
		const out = join(mkdtempSync(join(tmpdir(), 'yq-build-')), 'data');
		const r = build(['--out', out]);
		expect(r.status, r.stderr).toBe(0);
		for (const t of TABLES) expect(existsSync(join(out, `${t.name}.parquet`)), t.name).toBe(true);
		const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
		expect(manifest).toMatchObject({
			example: true,
			schemaVersion: 1,
			schematicBoundaries: true,
			asOf: '2026-11-15'
		});
		expect(manifest.tables.communities).toBeGreaterThan(600);
		const towns = JSON.parse(readFileSync(join(out, 'towns.geojson'), 'utf8'));
		expect(towns.features).toHaveLength(25);
	});

	it('on bad input names every error, exits non-zero and leaves the previous build as it was', () => {
		const out = join(mkdtempSync(join(tmpdir(), 'yq-build-')), 'data');
		expect(build(['--input', 'tests/fixtures/good', '--out', out]).status).toBe(0);
		const before = readFileSync(join(out, 'manifest.json'), 'utf8');
		const r = build(['--input', 'tests/fixtures/bad/many-problems', '--out', out]);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('communities.csv 第2行 （小区 YQ1） 「building_area」 值 "-1"：应大于 0');
		expect(r.stderr).toContain('communities.csv 第3行 （小区 YQ1） 「completion_year」 值 "abc"：应为整数');
		expect(r.stderr).toContain('nothing was written; the previous build is unchanged');
		expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(before);
		expect(JSON.parse(before)).toMatchObject({ example: false, tables: { communities: 2 } });
	});

	it('数据截至: the 说明 sheet gives asOf, --as-of overrides it, a bad --as-of or --mapping writes nothing', () => {
		const out = join(mkdtempSync(join(tmpdir(), 'yq-build-')), 'data');
		const input = ['--input', 'tests/fixtures/office/as-of', '--out', out];
		expect(build(input).status).toBe(0);
		const asOf = () => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).asOf;
		expect(asOf()).toBe('2024-06-30');
		expect(build([...input, '--as-of', '2024-07-01']).status).toBe(0);
		expect(asOf()).toBe('2024-07-01');
		const bad = build([...input, '--as-of', '2024-02-30']);
		expect([bad.status, bad.stderr]).toEqual([2, expect.stringContaining('--as-of takes a date YYYY-MM-DD')]);
		const mapping = join(dirname(out), 'm.json');
		writeFileSync(
			mapping,
			JSON.stringify({ version: 1, columns: [{ table: 'nope', header: 'x', column: 'y' }] })
		);
		const badMapping = build([...input, '--mapping', mapping]);
		expect([badMapping.status, badMapping.stderr]).toEqual([
			2,
			expect.stringContaining('unknown table: nope')
		]);
		expect(asOf()).toBe('2024-07-01');
	});

	it('rejects town boundaries that lie outside 乐清, naming the feature', () => {
		const out = join(mkdtempSync(join(tmpdir(), 'yq-build-')), 'data');
		const r = build(['--input', 'tests/fixtures/bad/town-boundary-outside', '--out', out]);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain(
			'乡镇街道边界.geojson 第1行 「geometry」 值 "330382001"：边界大部分不在乐清市范围内（界内仅占0%）'
		);
		expect(r.stderr).toContain('第2行');
		expect(r.stderr).not.toContain('第3行');
		expect(existsSync(out)).toBe(false);
	});

	it('round trip: the template, filled in by a clerk with Chinese labels, builds to the same values', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'yq-xlsx-'));
		const wb = makeTemplate(ExcelJS);
		const fill = (sheet: string, rows: unknown[][]) => rows.forEach((r) => wb.getWorksheet(sheet)!.addRow(r));
		// columns in the template's order (the schema's)
		fill('小区', [
			[
				'LC001',
				'东浦二区',
				'乐成街道',
				'乐清市乐成街道东浦路1号',
				120.965,
				28.121,
				1992,
				52000,
				null,
				380,
				368,
				44720,
				17,
				'房改房',
				'否',
				null,
				'是',
				'是',
				'专业物业',
				91.5,
				null,
				'2025-06-01',
				'内部备注'
			],
			[
				'LC002',
				'双雁小区',
				'330382002',
				null,
				120.958,
				28.116,
				1996,
				46000,
				300,
				340,
				330,
				39560,
				15,
				'商品房',
				'否',
				2035,
				'是',
				'否',
				'社区托管',
				null,
				13_800_000,
				null,
				null
			]
		]);
		fill('改造内容', [
			['LC001', 'building.basic.1.1', 3_000_000, 2_950_000.5],
			['LC001', '1.2外墙渗漏维修', 2_000_000, null],
			['LC002', '加装电梯', 1_200_000, null]
		]);
		fill('表决', [
			['LC001', '申请表决', new Date(Date.UTC(2021, 2, 15)), 368, 44720, 300, 37000, 280, 33000]
		]);
		fill('进度', [
			['LC001', '征求意见', '2021-01-10'],
			['LC001', 'application-vote', '2021/2/20']
		]);
		fill('资金', [['LC001', '2021-04-01', '居民自筹', 150000]]);
		fill('联系人', [['LC001', '社区书记', '张三', '13800000000']]);
		const path = join(dir, '旧改台账.xlsx');
		await wb.xlsx.writeFile(path);

		const { dataset, errors, input } = await load([path]);
		expect(errors).toEqual([]);
		expect(input.tables.map((t) => t.sheet)).toEqual(TABLES.map((t) => t.zh)); // the empty 乡镇街道 sheet means: the official list
		const out = join(dir, 'data');
		await writeBuild(
			out,
			dataset,
			JSON.parse(readFileSync('data/towns.geojson', 'utf8')),
			{ example: false, title: 't', schemaVersion: 1, asOf: '2026-01-01', schematicBoundaries: true },
			[path]
		);

		const communities = await query(`SELECT * FROM '${out}/communities.parquet' ORDER BY id`);
		expect(communities[0]).toMatchObject({
			id: 'LC001',
			name: '东浦二区',
			town_code: '330382002',
			housing_type: 'reformed',
			in_shantytown_plan: false,
			property_management: 'professional',
			satisfaction: 91.5,
			building_area: 52000,
			total_investment: null,
			notes: '内部备注'
		});
		expect(communities[1]).toMatchObject({
			id: 'LC002',
			town_code: '330382002',
			housing_type: 'commodity',
			expropriation_year: 2035,
			garage_area: 300,
			address: null,
			total_investment: 13_800_000,
			planned_start: null
		});
		const works = await query(`SELECT * FROM '${out}/works.parquet' ORDER BY community_id, item_id`);
		expect(works.map((w) => [w.item_id, w.final_cost])).toEqual([
			['building.basic.1.1', 2950000.5],
			['building.basic.1.2', null],
			['care.upgrade.3.1', null]
		]);
		const votes = await query(
			`SELECT kind, CAST(date AS VARCHAR) AS date, agree_owners FROM '${out}/votes.parquet'`
		);
		expect(votes).toEqual([{ kind: 'application', date: '2021-03-15', agree_owners: 280 }]);
		const stages = await query(
			`SELECT stage, CAST(date AS VARCHAR) AS date FROM '${out}/stage_events.parquet' ORDER BY date`
		);
		expect(stages).toEqual([
			{ stage: 'opinions', date: '2021-01-10' },
			{ stage: 'application-vote', date: '2021-02-20' }
		]);
	});

	it('the template has a 说明 sheet and one sheet per table with the schema’s Chinese headers', async () => {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile('data/template.xlsx');
		expect(wb.worksheets.map((s) => s.name)).toEqual(['说明', ...TABLES.map((t) => t.zh)]);
		for (const t of TABLES) {
			const header = (wb.getWorksheet(t.zh)!.getRow(1).values as unknown[]).slice(1);
			expect(header, t.zh).toEqual(t.columns.map((c) => c.zh));
		}
	});
});

describe('the browser’s load path', () => {
	it('Parquet → parquet-wasm → Arrow IPC → DuckDB-WASM, with extension downloads off (no network)', async () => {
		const out = join(mkdtempSync(join(tmpdir(), 'yq-wasm-')), 'data');
		expect(build(['--out', out]).status).toBe(0);
		const require = createRequire(import.meta.url);
		const duck = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
		const { readParquet } = require('parquet-wasm/node');
		const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
		const bundles = {
			mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
			eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' }
		};
		const db = await duck.createDuckDB(bundles, new duck.VoidLogger(), duck.NODE_RUNTIME);
		await db.instantiate();
		const conn = db.connect();
		conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
		for (const t of ['communities', 'works']) {
			const ipc = readParquet(new Uint8Array(readFileSync(join(out, `${t}.parquet`)))).intoIPCStream();
			conn.insertArrowFromIPCStream(ipc, { name: t, create: true });
		}
		const [row] = conn
			.query(
				`SELECT CAST(count(DISTINCT c.id) AS DOUBLE) AS n, CAST(sum(w.estimated_cost) AS DOUBLE) AS cost
				 FROM communities c JOIN works w ON w.community_id = c.id`
			)
			.toArray()
			.map((r: { toJSON(): unknown }) => r.toJSON());
		const expected = await query(
			`SELECT CAST(count(DISTINCT c.id) AS DOUBLE) AS n, CAST(sum(w.estimated_cost) AS DOUBLE) AS cost
			 FROM '${out}/communities.parquet' c JOIN '${out}/works.parquet' w ON w.community_id = c.id`
		);
		expect(row).toEqual(expected[0]);
		conn.close();
	}, 60_000);
});
