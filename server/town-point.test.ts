// A town's point of a community (issue 22), on the server's side: the replay writes it into the importer's input
// (the row's lon and lat, nothing else), and a later upload with another point — or none — is a conflict the keeper
// decides. The data is the example's CSVs as Parquet (a release's data/); the expectations are read from the CSVs.
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/lib/files/csv';
import { POINT_FIELD, type PointValue } from '../src/lib/ingest/point-entry';
import type { ChangeRecord } from '../src/lib/office/api';
import { TABLES } from '../src/lib/schema/schema';
import { townConflicts, type ConflictData } from './conflicts';
import { replayInput } from './town-data';

/** A CSV as rows of name → text. */
function csvRows(text: string): Record<string, string>[] {
	const [header, ...body] = parseCsv(text).rows as [string[], ...string[][]];
	return body
		.filter((r) => r.length > 1)
		.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

let n = 0;
function pointChange(after: PointValue, over: Partial<ChangeRecord> = {}): ChangeRecord {
	n++;
	return {
		id: `c-${n}`,
		key: `key-${n}`,
		user: 'chengdong',
		at: `2026-12-01T08:${String(n).padStart(2, '0')}:00.000Z`,
		communityId: after.community_id,
		town: '城东街道',
		field: POINT_FIELD,
		before: [120.986389, 28.130707],
		after,
		note: null,
		state: 'accepted',
		reviewNote: null,
		reviewer: 'keeper',
		reviewedAt: '2026-12-04T08:00:00.000Z',
		release: null,
		...over
	};
}

describe('the replay of a town’s point', () => {
	let dir: string;
	beforeAll(async () => {
		// the example's tables as a release's data/ holds them (Parquet), and its manifest
		dir = mkdtempSync(join(tmpdir(), 'town-point-'));
		const db = await DuckDBInstance.create(':memory:');
		const conn = await db.connect();
		for (const t of TABLES)
			await conn.run(
				`COPY (SELECT * FROM read_csv('data/example/${t.name}.csv', header = true)) TO '${join(dir, `${t.name}.parquet`)}' (FORMAT parquet)`
			);
		conn.closeSync();
		db.closeSync();
		writeFileSync(
			join(dir, 'manifest.json'),
			JSON.stringify({ example: true, title: 't', schemaVersion: 1, asOf: '2026-12-01' })
		);
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('sets the lon and lat of the community’s row, the latest change last, and nothing else', async () => {
		const before = csvRows(readFileSync('data/example/communities.csv', 'utf8'));
		const out = join(dir, 'source');
		mkdirSync(out);
		const id = before[0]!.id!;
		await replayInput(dir, out, [
			pointChange({ community_id: id, lon: 121.0, lat: 28.13 }),
			pointChange({ community_id: id, lon: 121.001234, lat: 28.131234 })
		]);
		const after = csvRows(readFileSync(join(out, 'communities.csv'), 'utf8'));
		expect(after).toHaveLength(before.length);
		const row = after.find((r) => r.id === id)!;
		expect([Number(row.lon), Number(row.lat)]).toEqual([121.001234, 28.131234]);
		// every other cell of the row, and every other row, as the example has it
		for (const [column, value] of Object.entries(before[0]!))
			if (column !== 'lon' && column !== 'lat') expect(row[column], column).toBe(value);
		for (const r of before.slice(1)) {
			const a = after.find((x) => x.id === r.id)!;
			expect([Number(a.lon), Number(a.lat)], r.id).toEqual([Number(r.lon), Number(r.lat)]);
		}
	});
});

describe('townConflicts: a town’s point against a later upload', () => {
	const data = (lon: number | null, lat: number | null): ConflictData => ({
		communities: new Map([['YQ001', '东方小区']]),
		rows: new Map([['YQ001', { id: 'YQ001', name: '东方小区', lon, lat }]]),
		votes: [],
		funds: [],
		works: [],
		stages: []
	});
	const ours = pointChange({ community_id: 'YQ001', lon: 121.001234, lat: 28.131234 });

	it('no conflict when the upload has the town’s point (to 1e-6)', () => {
		expect(townConflicts([ours], data(121.001234, 28.131234))).toEqual([]);
		expect(townConflicts([ours], data(121.0012340000001, 28.131234))).toEqual([]);
	});

	it('another point in the upload is point-differs, with the upload’s lon and lat', () => {
		expect(townConflicts([ours], data(120.95, 28.12))).toEqual([
			expect.objectContaining({
				changeId: ours.id,
				field: POINT_FIELD,
				communityId: 'YQ001',
				communityName: '东方小区',
				reason: 'point-differs',
				townValue: ours.after,
				uploadValue: { community_id: 'YQ001', lon: 120.95, lat: 28.12 }
			})
		]);
	});

	it('an upload with no point for the community is point-differs too', () => {
		expect(townConflicts([ours], data(null, null)).map((c) => c.reason)).toEqual(['point-differs']);
	});

	it('of two accepted points of one community only the latest counts; a pending one is not compared', () => {
		const later = pointChange({ community_id: 'YQ001', lon: 120.95, lat: 28.12 });
		expect(townConflicts([ours, later], data(120.95, 28.12))).toEqual([]);
		const pending = pointChange({ community_id: 'YQ001', lon: 121.2, lat: 28.4 }, { state: 'pending' });
		expect(townConflicts([later, pending], data(120.95, 28.12))).toEqual([]);
	});
});
