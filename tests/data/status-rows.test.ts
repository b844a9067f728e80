// One verdict per community (issue 10): the build's status rows (status.parquet) equal to the verdict's projection
// for every community of the example (the verdicts of a few checked by hand: tests/unit/data/verdict.test.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { policyInForce, STATUS_COLUMNS } from '../../src/lib/verdict/derived';
import { statusOf } from '../../src/lib/verdict/status';
import { communityVerdict } from '../../src/lib/verdict/verdict';
import { load } from '../unit/data/load';

const AS_OF = '2026-11-15'; // the example's 数据截至 (data/example/metadata.json)
const policy = policyInForce(AS_OF);

describe('the build’s status rows are the verdict’s projection (issue 10)', async () => {
	const { dataset } = await load(['data/example']);
	const verdicts = (() => {
		const towns = new Map(dataset.towns.map((t) => [t.code, t]));
		const of = <T extends { community_id: string }>(rows: readonly T[], id: string) =>
			rows.filter((r) => r.community_id === id);
		return dataset.communities.map((community) =>
			communityVerdict(
				{
					community,
					town: towns.get(community.town_code)!,
					works: of(dataset.works, community.id),
					votes: of(dataset.votes, community.id),
					funds: of(dataset.funds, community.id),
					stages: of(dataset.stage_events, community.id)
				},
				AS_OF,
				policy
			)
		);
	})();

	it('status.parquet of `npm run data` holds, for every community, the flat row of its verdict', async () => {
		const out = join(mkdtempSync(join(tmpdir(), 'yq-verdict-')), 'data');
		const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', '--out', out], {
			encoding: 'utf8'
		});
		expect(r.status, r.stderr).toBe(0);
		const db = await DuckDBInstance.create(':memory:');
		const conn = await db.connect();
		const rows = (
			await conn.runAndReadAll(`SELECT * FROM read_parquet('${join(out, 'status.parquet')}') ORDER BY idx`)
		).getRowObjectsJson();
		conn.closeSync();
		expect(rows).toHaveLength(dataset.communities.length);
		const norm = (v: unknown) => (v === null ? null : typeof v === 'boolean' ? v : String(v));
		const asText = (v: unknown, type: string) =>
			v === null ? null : type === 'number' || type === 'integer' ? Number(v) : norm(v);
		verdicts.forEach((v, i) => {
			const expected = statusOf(v, i);
			const row = rows[i]!;
			for (const [key, column, type] of STATUS_COLUMNS) {
				expect(asText(row[column], type), `${v.id} ${column}`).toEqual(asText(expected[key], type));
			}
		});
	});
});
