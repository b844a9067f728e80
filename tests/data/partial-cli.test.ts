// `npm run data -- --input 城市计划表.xlsx --place-at-seat` (issue 20, "start from a partial list"): the CLI takes a
// plan table without coordinates as /data does — each community placed at its town's seat, said in one notice —
// and its summary gives the completeness per town. The built tables are read back with DuckDB and checked against
// the plan table's rows (make-plan-table.ts) and the built towns' seats.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { PLAN_ROWS } from '../fixtures/partial/make-plan-table';

const PLAN = 'tests/fixtures/partial/城市计划表.xlsx';
const dir = mkdtempSync(join(tmpdir(), 'yq-partial-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const build = (args: string[]) =>
	spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', ...args], { encoding: 'utf8' });

async function rows(sql: string): Promise<Record<string, unknown>[]> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	const out = (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
	conn.closeSync();
	return out;
}

describe('npm run data on a plan table without coordinates', () => {
	it('refuses it without --place-at-seat, naming the missing coordinates', () => {
		const r = build(['--input', PLAN, '--out', join(dir, 'refused')]);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/经度/);
		// and how to fix it, as the office server's report says it too (issue 20: one verdict for one file)
		expect(r.stderr).toContain('没有坐标的名单可先在 /data 导入并在地图上放置');
		expect(r.stderr).toContain('--place-at-seat');
	});

	it('with --place-at-seat: every community at its town seat, 资料不全, the completeness per town', async () => {
		const out = join(dir, 'built');
		const r = build(['--input', PLAN, '--place-at-seat', '--out', out, '--as-of', '2025-03-31']);
		expect(r.status, r.stderr).toBe(0);
		expect(r.stderr).toContain(`${PLAN_ROWS.length}个小区没有坐标，已放在所在乡镇街道驻地`);
		const built = await rows(
			`SELECT c.id, c.name, c.lon, c.lat, t.name AS town, t.seat_lon, t.seat_lat, s.eligibility
			FROM '${out}/communities.parquet' c JOIN '${out}/towns.parquet' t ON t.code = c.town_code
			JOIN '${out}/status.parquet' s ON s.id = c.id ORDER BY c.id`
		);
		expect(built).toHaveLength(PLAN_ROWS.length);
		for (const c of built) {
			expect(PLAN_ROWS.find((p) => p[0] === c.name)![1]).toBe(c.town);
			expect([c.lon, c.lat]).toEqual([c.seat_lon, c.seat_lat]);
			// a plan table has no 房屋类型 nor 列入棚改计划: 资料不全, never 不符合
			expect(c.eligibility).toBe('unknown');
		}
		// the summary: per town its communities and how many lack 建成年份 (counted from the rows)
		for (const town of ['乐成街道', '柳市镇', '虹桥镇']) {
			const mine = PLAN_ROWS.filter((p) => p[1] === town);
			const years = mine.filter((p) => p[2] === '').length;
			expect(r.stdout).toContain(
				`${town}：${mine.length}个小区，资料够判断0个，缺资料${mine.length}个（建成年份缺${years}`
			);
			// and in English with the town's name and the facts in words, not codes and column names
			expect(r.stdout).toMatch(new RegExp(`/ ${town} \\(\\d{9}\\): ${mine.length} communities, 0 judgeable`));
			expect(r.stdout).toContain(`(Year built ${years}`);
		}
		expect(r.stdout).not.toMatch(/completion_year|housing_type/);
	});
});
