// `npm run data -- --previous … --write-renumber / --renumber` on the field case 11-reimport-renumbered-renamed with
// the history of tests/fixtures/reimport-history: A built, then B compared with A's build (the summary's
// "7 probably renumbered, 1 removed, 1 new"), the proposal written, and B built with the history carried over. The
// built tables are read back with DuckDB and counted against the fixture files read by hand.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';

const CASE = 'tests/fixtures/field-cases-r3/11-reimport-renumbered-renamed';
const HISTORY = 'tests/fixtures/reimport-history';
const A = [join(CASE, 'A-2024年6月台账（已发布）.xlsx'), join(HISTORY, 'A')];
const B = join(CASE, 'B-2024年12月台账（编号重排）.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'yq-reimport-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const build = (args: string[]) =>
	spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', ...args], { encoding: 'utf8' });
const inputs = (paths: string[]) => paths.flatMap((p) => ['--input', p]);

async function rows(sql: string): Promise<Record<string, unknown>[]> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	const out = (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
	conn.closeSync();
	return out;
}
/** Data lines of A's history CSV whose file name contains `part` (the header dropped). */
const lines = (part: string) => {
	const f = readdirSync(join(HISTORY, 'A')).find((x) => x.includes(part))!;
	return readFileSync(join(HISTORY, 'A', f), 'utf8')
		.trim()
		.split('\n')
		.slice(1);
};
const GONE = 'SY006';

describe('npm run data -- --previous --renumber', () => {
	it('compares with the previous build, proposes the renumbering and carries the history over', async () => {
		const a = build([...inputs(A), '--out', join(dir, 'A'), '--as-of', '2024-06-30']);
		expect(a.status, a.stderr).toBe(0);

		const proposal = join(dir, 'renumber.json');
		const compared = build([
			'--input',
			B,
			'--previous',
			join(dir, 'A'),
			'--write-renumber',
			proposal,
			'--out',
			join(dir, 'B-plain'),
			'--as-of',
			'2024-12-31'
		]);
		expect(compared.status, compared.stderr).toBe(0);
		expect(compared.stdout).toContain('7 个可能是重新编号，1 个删除，1 个新增');
		expect(compared.stdout).toContain('7 probably renumbered, 1 removed, 1 new');
		expect(compared.stdout).toContain('SY002 试验二村 → LQ2024-002 试验2村：同地址');
		expect(compared.stderr).toContain('未带入历史');
		const file = JSON.parse(readFileSync(proposal, 'utf8')) as { pairs: { old: string; keep: string }[] };
		expect(file.pairs.map((p) => p.old)).toEqual([
			'SY001',
			'SY002',
			'SY003',
			'SY004',
			'SY005',
			'SY007',
			'SY008'
		]);
		// without --renumber nothing is carried: B's own history only
		expect(await rows(`SELECT count(*)::INT AS n FROM '${join(dir, 'B-plain', 'votes.parquet')}'`)).toEqual([
			{ n: 0 }
		]);

		// the keeper keeps SY002's old id, carries the rest to the new ids
		file.pairs[1]!.keep = 'old';
		writeFileSync(proposal, JSON.stringify(file));
		const carried = build([
			'--input',
			B,
			'--previous',
			join(dir, 'A'),
			'--renumber',
			proposal,
			'--out',
			join(dir, 'B'),
			'--as-of',
			'2024-12-31'
		]);
		expect(carried.status, carried.stderr).toBe(0);
		expect(carried.stdout).toContain('6 个用新编号，1 个保留旧编号');
		const kept = (id: string) => (id === 'SY002' ? id : `LQ2024-${id.slice(2)}`);
		const at = (t: string) => `'${join(dir, 'B', `${t}.parquet`)}'`;
		expect((await rows(`SELECT id FROM ${at('communities')} ORDER BY id`)).map((r) => r.id)).toEqual([
			'LQ2024-001',
			'LQ2024-003',
			'LQ2024-004',
			'LQ2024-005',
			'LQ2024-007',
			'LQ2024-008',
			'LQ2024-009',
			'SY002'
		]);
		// every history row of A's matched communities, from the files by hand, is in the build under the kept id
		const checks: [string, string, (cells: string[]) => string][] = [
			[
				'表决',
				`SELECT community_id || '|' || strftime(date, '%Y-%m-%d') AS k FROM ${at('votes')}`,
				(c) => `${c[2]}`
			],
			[
				'阶段',
				`SELECT community_id || '|' || strftime(date, '%Y-%m-%d') AS k FROM ${at('stage_events')}`,
				(c) => `${c[2]}`
			],
			[
				'资金',
				`SELECT community_id || '|' || strftime(date, '%Y-%m-%d') AS k FROM ${at('funds')}`,
				(c) => `${c[1]}`
			],
			['联系人', `SELECT community_id || '|' || phone AS k FROM ${at('contacts')}`, (c) => `${c[3]}`]
		];
		for (const [part, sql, value] of checks) {
			const built = (await rows(sql)).map((r) => String(r.k));
			const wanted = lines(part)
				.map((l) => l.split(','))
				.filter((c) => c[0] !== GONE)
				.map((c) => `${kept(c[0]!)}|${value(c)}`);
			expect(built.sort(), part).toEqual(wanted.sort());
		}
		expect(await rows(`SELECT count(*)::INT AS n FROM ${at('works')} WHERE community_id = 'SY002'`)).toEqual([
			{ n: 1 }
		]);
	});

	it('refuses a renumbering that does not fit, naming the file, the pair and the id', () => {
		const bad = join(dir, 'bad.json');
		writeFileSync(
			bad,
			JSON.stringify({ version: 1, pairs: [{ old: 'SY009', new: 'LQ2024-001', keep: 'new' }] })
		);
		const r = build([
			'--input',
			B,
			'--previous',
			...A.flatMap((p, i) => (i ? ['--previous', p] : [p])),
			'--renumber',
			bad,
			'--out',
			join(dir, 'bad')
		]);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('旧编号 SY009 不在上次的数据中');
		expect(r.stderr).toContain(bad);
	});
});
