import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, filterMask, type Filter } from '../../src/lib/filter/filters';
import type { Manifest } from '../../src/lib/files/manifest';
import { readMapColumns } from '../../src/lib/files/map-columns';
import { visibleSql } from '../../src/lib/filter/queries';
import { COMMUNITY_VIEW_SQL, LOADED_TABLES } from '../../src/lib/query/tables';

describe('the map’s own filter', () => {
	it('selects exactly the rows the SQL filter selects, for every kind of filter', async () => {
		const out = join(mkdtempSync(join(tmpdir(), 'yq-mask-')), 'data');
		const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', '--out', out], {
			encoding: 'utf8'
		});
		expect(r.status, r.stderr).toBe(0);
		const cols = readMapColumns(new Uint8Array(readFileSync(join(out, 'map.arrow'))));
		const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
		const towns = manifest.towns.map((t) => t.code);
		const conn = await (await DuckDBInstance.create(':memory:')).connect();
		for (const t of LOADED_TABLES) await conn.run(`CREATE TABLE ${t} AS SELECT * FROM '${out}/${t}.parquet'`);
		await conn.run(COMMUNITY_VIEW_SQL);

		const filters: Partial<Filter>[] = [
			{},
			{ towns: ['330382002', '330382114'] },
			{ yearFrom: 1990, yearTo: 1995 },
			{ housing: ['commodity', 'reformed'] },
			{ eligibility: ['eligible-priority', 'conditional'] },
			{ stage: ['none', 'construction', 'post-evaluation'] },
			{ management: ['professional'] },
			{ tiers: ['upgrade'] },
			{ tiers: ['improvement', 'upgrade'], towns: ['330382001'], yearTo: 2000 },
			{ area: [cols.id[0]!, cols.id[5]!] },
			{ area: [] }
		];
		for (const patch of filters) {
			const f = { ...EMPTY_FILTER, ...patch };
			const mask = filterMask(cols, towns, f);
			const fromMask = [...mask.keys()].filter((i) => mask[i] === 1);
			const fromSql = (await conn.runAndReadAll(`${visibleSql(f)} ORDER BY idx`))
				.getRowObjectsJson()
				.map((x) => Number(x.idx));
			expect(fromMask, JSON.stringify(patch)).toEqual(fromSql);
		}
		conn.closeSync();
	}, 60_000);
});
