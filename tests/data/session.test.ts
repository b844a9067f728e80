// The data session's replace() / restore() (issue 10, issue 11 "apply to this browser's session"): an import takes
// the place of the published tables, the map's columns and the manifest, with `status` computed by the engine
// under the policy in force (§六: policyFor the data's date) exactly as the build computes it; restore() brings
// the published data back. Real DuckDB-WASM (Node build), real Parquet files from `npm run data`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rows } from '../../src/lib/query/coordinator.svelte';
import { deriveStatus } from '../../src/lib/verdict/derived';
import type { Manifest } from '../../src/lib/files/manifest';
import { buildReplacement } from '../../src/lib/query/replacement';
import type { Dataset } from '../../src/lib/schema/rows';
import { DataSession } from '../../src/lib/query/session.svelte';
import { COMMUNITY_TABLES, COMMUNITY_VIEW, LOADED_TABLES, MAP_TABLES } from '../../src/lib/query/tables';
import { policyFor } from '../../src/lib/policy';
import { load } from '../unit/data/load';
import { openNodeDatabase } from '../unit/data/wasm-node';

// the example's build: `npm run data`'s output when it is there, else built now (a fresh clone runs unit tests first)
let DIR = 'static/data';
let published: Manifest;

// the data files, read from the build's folder (the page fetches the same files over HTTP)
vi.stubGlobal('fetch', async (url: string) => {
	const file = `${DIR}/${String(url).replace(/^.*?\/data\//, '')}`;
	return existsSync(file) ? new Response(readFileSync(file)) : new Response('not found', { status: 404 });
});

let session: DataSession;
let small: Dataset;

beforeAll(async () => {
	if (!existsSync(`${DIR}/manifest.json`)) {
		DIR = join(mkdtempSync(join(tmpdir(), 'yq-session-')), 'data');
		const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', '--out', DIR], {
			encoding: 'utf8'
		});
		if (r.status !== 0) throw new Error(`data build failed: ${r.stderr}`);
	}
	published = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as Manifest;
	const { dataset } = await load(['data/example']);
	// an "office import": the first 40 communities, one renamed and grown, with their rows
	const communities = dataset.communities
		.slice(0, 40)
		.map((c, i) => (i === 0 ? { ...c, name: '导入测试小区', households: c.households! + 7 } : c));
	const ids = new Set(communities.map((c) => c.id));
	const mine = <T extends { community_id: string }>(list: T[]) => list.filter((r) => ids.has(r.community_id));
	small = {
		...dataset,
		communities,
		works: mine(dataset.works),
		votes: mine(dataset.votes),
		funds: mine(dataset.funds),
		stage_events: mine(dataset.stage_events),
		contacts: mine(dataset.contacts)
	};
	session = new DataSession({
		base: '/data',
		tables: LOADED_TABLES,
		views: [COMMUNITY_VIEW],
		buildReplacement: (input, policy, m) => buildReplacement(input, policy, m?.towns),
		open: openNodeDatabase
	});
	session.need(MAP_TABLES);
	await session.open();
}, 180_000);

afterAll(async () => {
	await session?.close();
	vi.unstubAllGlobals();
});

const count = async (sql: string) => (await session.coordinator.request(sql, rows<{ n: number }>))[0]!.n;
const COUNT_VIEW = 'SELECT CAST(count(*) AS DOUBLE) AS n FROM community_view';

describe('DataSession', () => {
	it('loads each published table once, and the community tables only when asked for', async () => {
		expect(session.tableLoads).toBe(MAP_TABLES.length);
		expect(await count(COUNT_VIEW)).toBe(published.tables.communities);
		session.need(COMMUNITY_TABLES);
		expect(await count('SELECT CAST(count(*) AS DOUBLE) AS n FROM works')).toBe(published.tables.works);
		expect(session.tableLoads).toBe(COMMUNITY_TABLES.length);
		session.need(MAP_TABLES);
		expect(session.tableLoads, 'nothing loaded twice').toBe(COMMUNITY_TABLES.length);
		expect((await session.loadMapColumns()).id).toHaveLength(published.tables.communities!);
	});

	it('replace() swaps in an import: tables, status by the engine (§六 policy in force), map columns, manifest', async () => {
		const asOf = published.asOf;
		await session.replace({ dataset: small, meta: { ...published, example: false, asOf } });
		expect(session.imported).toBe(true);
		// the same SQL text as before: the cache was cleared, so it runs again over the import
		expect(await count(COUNT_VIEW)).toBe(40);
		const [renamed] = await session.coordinator.request(
			`SELECT name, households FROM community_view WHERE id = '${small.communities[0]!.id}'`,
			rows<{ name: string; households: number }>
		);
		expect(renamed).toEqual({ name: '导入测试小区', households: small.communities[0]!.households });

		const expected = deriveStatus(small, asOf, policyFor(asOf)!);
		const got = await session.coordinator.request(
			`SELECT id, eligibility, application_vote, subsidy, CAST(ready_date AS VARCHAR) AS ready_date,
				ready_for_plan, typeof(ready_date) AS t FROM status ORDER BY idx`,
			rows<Record<string, unknown>>
		);
		expect(got).toEqual(
			expected.map((s) => ({
				id: s.id,
				eligibility: s.eligibility,
				application_vote: s.applicationVote,
				subsidy: s.subsidy,
				ready_date: s.readyDate,
				ready_for_plan: s.readyForPlan,
				t: 'DATE'
			}))
		);
		expect(session.mapColumns!.id).toEqual(small.communities.map((c) => c.id));
		expect(session.mapColumns!.name[0]).toBe('导入测试小区');
		expect(session.manifest!.tables.communities).toBe(40);
		expect(session.manifest!.towns.map((t) => t.name_en)).toEqual(published.towns.map((t) => t.name_en));
		// the community page's rows (no SQL) are the import's too: its renamed community, and no other
		const own = await session.communityRows(small.communities[0]!.id);
		expect(own!.community).toEqual(small.communities[0]);
		expect(own!.works).toEqual(small.works.filter((w) => w.community_id === small.communities[0]!.id));
		expect(await session.communityRows('YQ000724'), 'not among the 40 imported').toBeNull();
	});

	it('restore() brings back the published tables and map', async () => {
		await session.restore();
		expect(session.imported).toBe(false);
		expect(await count(COUNT_VIEW)).toBe(published.tables.communities);
		expect(await count('SELECT CAST(count(*) AS DOUBLE) AS n FROM works')).toBe(published.tables.works);
		expect(session.mapColumns!.id).toHaveLength(published.tables.communities!);
		expect(session.manifest!.asOf).toBe(published.asOf);
		// and the page's rows come from the published files again
		const own = await session.communityRows(small.communities[0]!.id);
		expect(own!.community.name).not.toBe('导入测试小区');
		expect((await session.communityRows('YQ000724'))!.community.id).toBe('YQ000724');
	});

	it('a session without an import builder (the public site) refuses replace()', async () => {
		const pub = new DataSession({ base: '/data', tables: ['towns'], views: [], open: openNodeDatabase });
		await expect(pub.replace({ dataset: small, meta: published })).rejects.toThrow(/不能导入|no import/);
	});
});
