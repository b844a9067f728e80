// A town's works items (issue 22) in the office server's data: served with the community (its works rows and its
// town's row, for the engine's funding before → after), and replayed onto a release's data as the importer's input —
// a works change replaces the row of its community and item (the works table's key) or adds one. The release's
// data is written here by hand as Parquet files of the schema's columns.
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../src/lib/office/api';
import type { WorksRow } from '../src/lib/schema/rows';
import { SQL_TYPE, TABLES } from '../src/lib/schema/schema';
import { replayInput, townCommunities, worksField } from './town-data';

let dataDir: string;

/** Rows of each table (values in the schema's column order); the others are empty. */
const ROWS: Record<string, unknown[][]> = {
	towns: [
		['330382001', '城东街道', '街道', true, 120.98, 28.13],
		['330382002', '乐成街道', '街道', true, 120.96, 28.12]
	],
	works: [
		['YQ1', 'roads.basic.1.1', 653020, null],
		['YQ1', 'care.basic.1.1', 633670, 630000],
		['YQ2', 'roads.basic.1.1', 100000, null]
	]
};

beforeAll(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'town-data-'));
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	for (const t of TABLES) {
		const cols = t.columns.map((c) => `"${c.name}" ${SQL_TYPE[c.type]}`).join(', ');
		await conn.run(`CREATE TABLE "${t.name}" (${cols})`);
		for (const row of ROWS[t.name] ?? [])
			await conn.run(
				`INSERT INTO "${t.name}" VALUES (${row.map((_, i) => `$${i + 1}`).join(', ')})`,
				row as DuckDBValue[]
			);
	}
	// two communities, one of each town: only the columns a community needs here filled
	for (const [id, town] of [
		['YQ1', '330382001'],
		['YQ2', '330382002']
	])
		await conn.run(
			`INSERT INTO communities ("id", "name", "town_code", "lon", "lat") VALUES ($1, $2, $3, 120.98, 28.13)`,
			[id!, `${id}小区`, town!]
		);
	for (const t of TABLES)
		await conn.run(`COPY "${t.name}" TO '${join(dataDir, `${t.name}.parquet`)}' (FORMAT parquet)`);
	conn.closeSync();
	db.closeSync();
	writeFileSync(
		join(dataDir, 'manifest.json'),
		JSON.stringify({ example: false, title: '测试', schemaVersion: 1, asOf: '2026-12-01' })
	);
});

let n = 0;
const change = (after: WorksRow, at: string): ChangeRecord => ({
	id: `c-${++n}`,
	key: `key-${n}`,
	user: 'chengdong',
	at,
	communityId: after.community_id,
	town: '城东街道',
	field: worksField(after.item_id),
	before: null,
	after,
	note: null,
	state: 'accepted',
	reviewNote: null,
	reviewer: 'keeper',
	reviewedAt: at,
	release: null
});

/** works.csv as the replay wrote it: its rows as text, in the file's order. */
function worksCsv(dir: string): string[][] {
	const [header, ...rows] = readFileSync(join(dir, 'works.csv'), 'utf8').trim().split('\n');
	expect(header).toBe('community_id,item_id,estimated_cost,final_cost');
	return rows.map((r) => r.split(','));
}

describe('a works item in the office server’s data (issue 22)', () => {
	it('is served with its community, beside its town’s row', async () => {
		const [c] = await townCommunities(dataDir, ['城东街道'], 'YQ1');
		expect(c!.works).toEqual([
			{ community_id: 'YQ1', item_id: 'care.basic.1.1', estimated_cost: 633670, final_cost: 630000 },
			{ community_id: 'YQ1', item_id: 'roads.basic.1.1', estimated_cost: 653020, final_cost: null }
		]);
		expect(c!.townRow).toEqual({ code: '330382001', name: '城东街道', kind: '街道', central: true });
		// another town's community is not served
		expect(await townCommunities(dataDir, ['城东街道'], 'YQ2')).toEqual([]);
	});

	it('replays: the row of its community and item replaced, or a row added; the last of one key wins', async () => {
		const source = join(mkdtempSync(join(tmpdir(), 'town-replay-')), 'source');
		mkdirSync(source);
		const changes = [
			// the community's roads item at new costs: that row replaced (YQ2's roads item left alone)
			change(
				{ community_id: 'YQ1', item_id: 'roads.basic.1.1', estimated_cost: 700000, final_cost: 690000.5 },
				'2026-12-01T08:00:00.000Z'
			),
			// an item the community has not: a row added, then changed again by a later change of the same key
			change(
				{ community_id: 'YQ1', item_id: 'building.basic.1.1', estimated_cost: 320000, final_cost: null },
				'2026-12-02T08:00:00.000Z'
			),
			change(
				{ community_id: 'YQ1', item_id: 'building.basic.1.1', estimated_cost: 330000, final_cost: null },
				'2026-12-03T08:00:00.000Z'
			)
		];
		await replayInput(dataDir, source, changes);
		const rows = worksCsv(source).sort((a, b) => a.join().localeCompare(b.join()));
		expect(rows).toEqual([
			['YQ1', 'building.basic.1.1', '330000.0', ''],
			['YQ1', 'care.basic.1.1', '633670.0', '630000.0'],
			['YQ1', 'roads.basic.1.1', '700000.0', '690000.5'],
			['YQ2', 'roads.basic.1.1', '100000.0', '']
		]);
		// every other table as it was: the communities untouched
		expect(readFileSync(join(source, 'communities.csv'), 'utf8').trim().split('\n')).toHaveLength(3);
	});
});
