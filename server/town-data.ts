// A town's own communities from the data served now (a release's data/ or the example's): their internal rows,
// contact people and votes, read with DuckDB from the Parquet files and filtered by town in SQL — the server hands a
// town account nothing of another town. And the replay: the data served now written back as the importer's CSV
// input with the accepted changes applied, to be validated and staged as a new release (stage.ts).
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangeRecord, TownCommunity } from '../src/lib/office/api';
import type { DatasetMeta, FundRow, StageEventRow, VoteRow, WorksRow } from '../src/lib/schema/rows';
import { TOWN_FACT_COLUMNS } from '../src/lib/ingest/fact-entry';
import { POINT_FIELD, type PointValue } from '../src/lib/ingest/point-entry';
import { TABLES } from '../src/lib/schema/schema';

const quote = (path: string) => `'${path.replaceAll("'", "''")}'`;
const parquet = (dir: string, name: string) => `read_parquet(${quote(join(dir, `${name}.parquet`))})`;

/** A database of its own (the replay creates tables in it), closed after `run`. */
async function withDb<T>(run: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	try {
		return await run(conn);
	} finally {
		conn.closeSync();
		db.closeSync();
	}
}

/**
 * One in-memory DuckDB for the server's read-only look-ups of a release's Parquet files (they create nothing in it),
 * opened at the first and kept, a connection per look-up: a town's save had started and closed a database of its
 * own each time (≈150 ms at the example's size, on the server's process, while viewers wait). A database that
 * fails to open is tried again at the next look-up.
 */
let reader: Promise<DuckDBInstance> | undefined;
async function withReader<T>(run: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
	reader ??= DuckDBInstance.create(':memory:').catch((e: unknown) => {
		reader = undefined;
		throw e;
	});
	const conn = await (await reader).connect();
	try {
		return await run(conn);
	} finally {
		conn.closeSync();
	}
}

async function rows(conn: DuckDBConnection, sql: string, values: DuckDBValue[]) {
	return (await conn.runAndReadAll(sql, values)).getRowObjectsJson() as Record<string, unknown>[];
}

/**
 * The names of the communities `ids` in the data `dataDir` (id → 小区名称); an id the data lacks is not in the map.
 * For lists of changes, which keep the id only (a keeper reviews 东浦二区, not c-0012).
 */
export async function communityNames(dataDir: string, ids: readonly string[]): Promise<Map<string, string>> {
	const unique = [...new Set(ids)];
	if (unique.length === 0) return new Map();
	return withReader(async (conn) => {
		const marks = unique.map((_, i) => `$${i + 1}`).join(', ');
		const found = await rows(
			conn,
			`SELECT id, name FROM ${parquet(dataDir, 'communities')} WHERE id IN (${marks})`,
			unique
		);
		return new Map(found.map((r) => [String(r.id), String(r.name)]));
	});
}

/** `list` with each change's community named from the data `dataDir` (null where the data lacks it). */
export async function withCommunityNames(
	dataDir: string,
	list: readonly ChangeRecord[]
): Promise<ChangeRecord[]> {
	const names = await communityNames(
		dataDir,
		list.map((c) => c.communityId)
	);
	return list.map((c) => ({ ...c, communityName: names.get(c.communityId) ?? null }));
}

/** The data's date (manifest.json's asOf). */
export function dataAsOf(dataDir: string): string {
	return (JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as DatasetMeta).asOf;
}

/**
 * The communities of `towns` (names as in the towns table), or of the one community `communityId` within them,
 * each with its contact people and votes; ordered by id.
 */
export async function townCommunities(
	dataDir: string,
	towns: string[],
	communityId?: string
): Promise<TownCommunity[]> {
	if (towns.length === 0) return [];
	return withReader(async (conn) => {
		const values: DuckDBValue[] = [...towns];
		const marks = towns.map((_, i) => `$${i + 1}`).join(', ');
		let only = '';
		if (communityId !== undefined) {
			values.push(communityId);
			only = `AND c.id = $${values.length}`;
		}
		const communities = await rows(
			conn,
			`SELECT c.*, t.name AS town_name FROM ${parquet(dataDir, 'communities')} c
			 JOIN ${parquet(dataDir, 'towns')} t ON c.town_code = t.code
			 WHERE t.name IN (${marks}) ${only} ORDER BY c.id`,
			values
		);
		if (communities.length === 0) return [];
		const ids = communities.map((c) => String(c.id));
		const idMarks = ids.map((_, i) => `$${i + 1}`).join(', ');
		const of = async (table: string, order: string) => {
			const out = new Map<string, Record<string, unknown>[]>();
			for (const r of await rows(
				conn,
				`SELECT * FROM ${parquet(dataDir, table)} WHERE community_id IN (${idMarks}) ORDER BY ${order}`,
				ids
			)) {
				const list = out.get(String(r.community_id)) ?? [];
				list.push(r);
				out.set(String(r.community_id), list);
			}
			return out;
		};
		const contacts = await of('contacts', 'community_id, role');
		const votes = await of('votes', 'community_id, date, kind');
		const funds = await of('funds', 'community_id, date, source');
		const stages = await of('stage_events', 'community_id, date, stage');
		const works = await of('works', 'community_id, item_id');
		const townRows = await townsNamed(conn, dataDir, towns);
		return communities.map(({ town_name, ...community }) => ({
			community,
			town: String(town_name),
			contacts: contacts.get(String(community.id)) ?? [],
			votes: votes.get(String(community.id)) ?? [],
			funds: funds.get(String(community.id)) ?? [],
			stages: stages.get(String(community.id)) ?? [],
			works: works.get(String(community.id)) ?? [],
			townRow: townRows.get(String(town_name))!
		}));
	});
}

/** The rows of the towns named `towns` (code, name, kind, central), by name. */
async function townsNamed(
	conn: DuckDBConnection,
	dataDir: string,
	towns: string[]
): Promise<Map<string, TownCommunity['townRow']>> {
	const marks = towns.map((_, i) => `$${i + 1}`).join(', ');
	const found = await rows(
		conn,
		`SELECT code, name, kind, central FROM ${parquet(dataDir, 'towns')} WHERE name IN (${marks})`,
		towns
	);
	return new Map(
		found.map((t) => [
			String(t.name),
			{ code: String(t.code), name: String(t.name), kind: String(t.kind), central: t.central === true }
		])
	);
}

/** The field a vote change sets: `votes.<kind>`. */
export const voteField = (kind: VoteRow['kind']) => `votes.${kind}`;

/** The field a payment sets: `funds.<source>`. */
export const fundField = (source: FundRow['source']) => `funds.${source}`;

/** The field a correction of a community fact sets: `communities.<column>`. */
export const factField = (column: string) => `communities.${column}`;

/** The field a works item and its cost sets: `works.<item id>` (the works table's key, with the community). */
export const worksField = (itemId: WorksRow['item_id']) => `works.${itemId}`;

/** The field a stage reached sets: `stage_events.<stage>`. */
export const stageField = (stage: StageEventRow['stage']) => `stage_events.${stage}`;

/** A works item and its cost: the row of its community and item replaced (the works table's key), or added. */
async function replayWorks(conn: DuckDBConnection, w: WorksRow): Promise<void> {
	await conn.run('DELETE FROM works WHERE community_id = $1 AND item_id = $2', [w.community_id, w.item_id]);
	await conn.run('INSERT INTO works VALUES ($1, $2, $3, $4)', [
		w.community_id,
		w.item_id,
		w.estimated_cost,
		w.final_cost
	]);
}

/**
 * Write the data served now (`dataDir`) to `sourceDir` as the importer's input — one CSV per table in the schema's
 * columns, and metadata.json with the data's title and date — with `changes` applied in order: a vote replaces the
 * vote of its community, kind and date (the votes table's key) or is added; a payment is added; a stage reached
 * replaces the row of its community and stage (the stage_events table's key) or is added; a correction sets the one
 * cell of the community's row; a point (`POINT_FIELD`) sets the row's lon and lat; a works item replaces the row of
 * its community and item (the works table's key) or is added (`replayWorks`).
 */
export async function replayInput(
	dataDir: string,
	sourceDir: string,
	changes: ChangeRecord[]
): Promise<void> {
	await withDb(async (conn) => {
		for (const t of TABLES) {
			const columns = t.columns.map((c) => `"${c.name}"`).join(', ');
			await conn.run(`CREATE TABLE "${t.name}" AS SELECT ${columns} FROM ${parquet(dataDir, t.name)}`);
		}
		for (const change of changes) {
			if (change.field.startsWith('works.')) {
				await replayWorks(conn, change.after as WorksRow);
				continue;
			}
			if (change.field.startsWith('funds.')) {
				// a deposit adds a row (the funds table has no key: several a day are normal)
				const f = change.after as FundRow;
				await conn.run('INSERT INTO funds VALUES ($1, $2::DATE, $3, $4)', [
					f.community_id,
					f.date,
					f.source,
					f.amount
				]);
				continue;
			}
			if (change.field === POINT_FIELD) {
				// a point sets the community's lon and lat together (WGS84, 6 decimals: point-entry.ts)
				const p = change.after as PointValue;
				await conn.run('UPDATE communities SET lon = $1, lat = $2 WHERE id = $3', [
					p.lon,
					p.lat,
					p.community_id
				]);
				continue;
			}
			if (change.field.startsWith('communities.')) {
				// a correction sets one cell of the community's row (a column the town may correct: fact-entry.ts)
				const f = change.after as { community_id: string; column: string; value: unknown };
				if (!TOWN_FACT_COLUMNS.some((c) => c.name === f.column))
					throw new Error(`no replay for column ${f.column}`);
				await conn.run(`UPDATE communities SET "${f.column}" = $1 WHERE id = $2`, [
					f.value as DuckDBValue,
					f.community_id
				]);
				continue;
			}
			if (change.field.startsWith('stage_events.')) {
				const s = change.after as StageEventRow;
				await conn.run('DELETE FROM stage_events WHERE community_id = $1 AND stage = $2', [
					s.community_id,
					s.stage
				]);
				await conn.run('INSERT INTO stage_events VALUES ($1, $2, $3::DATE)', [
					s.community_id,
					s.stage,
					s.date
				]);
				continue;
			}
			if (!change.field.startsWith('votes.')) throw new Error(`no replay for field ${change.field}`);
			const v = change.after as VoteRow;
			await conn.run('DELETE FROM votes WHERE community_id = $1 AND kind = $2 AND date = $3::DATE', [
				v.community_id,
				v.kind,
				v.date
			]);
			await conn.run('INSERT INTO votes VALUES ($1, $2, $3::DATE, $4, $5, $6, $7, $8, $9)', [
				v.community_id,
				v.kind,
				v.date,
				v.total_owners,
				v.total_area,
				v.participating_owners,
				v.participating_area,
				v.agree_owners,
				v.agree_area
			]);
		}
		for (const t of TABLES)
			await conn.run(
				`COPY "${t.name}" TO ${quote(join(sourceDir, `${t.name}.csv`))} (HEADER, DELIMITER ',')`
			);
	});
	const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as DatasetMeta;
	const meta: DatasetMeta = {
		example: manifest.example,
		title: manifest.title,
		schemaVersion: manifest.schemaVersion,
		asOf: manifest.asOf,
		schematicBoundaries: manifest.schematicBoundaries,
		note: manifest.note
	};
	writeFileSync(join(sourceDir, 'metadata.json'), JSON.stringify(meta, null, '\t'));
}
