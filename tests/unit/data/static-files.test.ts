// The workbench's `static/data` files, made without Node's DuckDB: read back with DuckDB (as `npm run data`'s
// Parquet is), the same column types and values as the dataset, and the manifest and map.arrow the app reads.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Table as ParquetTable, writeParquet } from 'parquet-wasm/node';
import { describe, expect, it } from 'vitest';
import {
	budgetVerdict,
	INPUTS_FILE,
	readRunInputs,
	readVerdictInputs,
	VERDICT_INPUTS_FILE
} from '../../../src/lib/files/budget-inputs-file';
import { deriveStatus, policyInForce } from '../../../src/lib/verdict/derived';
import { readMapColumns } from '../../../src/lib/files/map-columns';
import type { Manifest } from '../../../src/lib/files/manifest';
import { TABLES } from '../../../src/lib/schema/schema';
import { staticFiles } from '../../../src/lib/files/static-files';
import { loadExample } from './load';

const DUCK_TYPE = {
	text: 'VARCHAR',
	enum: 'VARCHAR',
	integer: 'INTEGER',
	number: 'DOUBLE',
	boolean: 'BOOLEAN',
	date: 'DATE'
};

describe('static/data files made in the browser', async () => {
	const { dataset } = await loadExample();
	const files = staticFiles(
		{
			dataset,
			meta: {
				example: false,
				title: '测试',
				schemaVersion: 1,
				asOf: '2026-11-15',
				schematicBoundaries: true
			},
			regions: { type: 'FeatureCollection', features: [] },
			townNamesEn: new Map([['330382001', 'Yuecheng Subdistrict']]),
			passThrough: { 'boundary.geojson': new TextEncoder().encode('{}') },
			sources: ['台账.xlsx'],
			builtAt: '2026-11-29T00:00:00.000Z'
		},
		(ipc) => writeParquet(ParquetTable.fromIPCStream(ipc))
	);
	const dir = mkdtempSync(join(tmpdir(), 'static-'));
	for (const [name, bytes] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, name)), { recursive: true }); // community/<n>.json, card/<n>.json
		writeFileSync(join(dir, name), bytes);
	}
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	const query = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson();

	it('writes every table as Parquet with the build’s column types', async () => {
		for (const t of TABLES) {
			const cols = await query(`DESCRIBE SELECT * FROM read_parquet('${join(dir, t.name + '.parquet')}')`);
			expect(cols.map((c) => [c.column_name, c.column_type])).toEqual(
				t.columns.map((c) => [c.name, DUCK_TYPE[c.type]])
			);
		}
	});

	it('reads back the same rows (dates, booleans, nulls and numbers)', async () => {
		const votes = await query(
			`SELECT community_id, kind, strftime(date, '%Y-%m-%d') AS date, agree_area FROM read_parquet('${join(dir, 'votes.parquet')}')`
		);
		expect(votes).toEqual(
			dataset.votes.map((v) => ({
				community_id: v.community_id,
				kind: v.kind,
				date: v.date,
				agree_area: v.agree_area
			}))
		);
		const c = await query(
			`SELECT id, lon, garage_area, strong_will, satisfaction FROM read_parquet('${join(dir, 'communities.parquet')}')`
		);
		expect(c).toEqual(
			dataset.communities.map((r) => ({
				id: r.id,
				lon: r.lon,
				garage_area: r.garage_area,
				strong_will: r.strong_will,
				satisfaction: r.satisfaction
			}))
		);
	});

	it('writes status, map.arrow and the manifest the app reads', async () => {
		const [{ n }] = (await query(
			`SELECT count(*)::INTEGER AS n FROM read_parquet('${join(dir, 'status.parquet')}')`
		)) as [{ n: number }];
		expect(n).toBe(dataset.communities.length);
		expect(readMapColumns(files['map.arrow']!).id).toEqual(dataset.communities.map((r) => r.id));
		const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Manifest;
		expect(manifest.tables.communities).toBe(dataset.communities.length);
		expect(manifest.towns.find((t) => t.code === '330382001')?.name_en).toBe('Yuecheng Subdistrict');
		expect(manifest.example).toBe(false);
		expect(Object.keys(files).sort()).toContain('boundary.geojson');
	});

	it("writes /budget's two files: the verdicts in force with the run's fields, and every input of a verdict", () => {
		const run = readRunInputs(files[INPUTS_FILE]!);
		// the build's own verdicts (the rows status.parquet is written from), in the fields the simulator reads
		const status = deriveStatus(dataset, '2026-11-15', policyInForce('2026-11-15'));
		expect(run.verdicts).toEqual(status.map(budgetVerdict));
		expect(run.communities.map((c) => c.id)).toEqual(dataset.communities.map((c) => c.id));
		expect(run.subsidies).toEqual(
			dataset.funds
				.filter((f) => f.source === 'subsidy')
				.map(({ community_id, date, amount }) => ({ community_id, date, amount }))
		);
		const back = readVerdictInputs(files[VERDICT_INPUTS_FILE]!, run);
		// only the fields a verdict or a run reads (no address, position, households, owners, … notes)
		expect(back.communities).toEqual(
			dataset.communities.map((c) => ({
				id: c.id,
				name: c.name,
				town_code: c.town_code,
				completion_year: c.completion_year,
				building_area: c.building_area,
				garage_area: c.garage_area,
				housing_type: c.housing_type,
				in_shantytown_plan: c.in_shantytown_plan,
				expropriation_year: c.expropriation_year,
				facilities_deficient: c.facilities_deficient,
				strong_will: c.strong_will,
				total_investment: c.total_investment,
				property_management: c.property_management
			}))
		);
		expect(back.towns).toEqual(dataset.towns.map(({ code, kind, central }) => ({ code, kind, central })));
		for (const t of ['works', 'votes', 'funds', 'stage_events'] as const)
			expect(back[t], t).toEqual(dataset[t]);
	});
});
