// Staging a release: the uploaded files saved as they came, validated again on the server by the project's own
// importer (`npm run data`'s build, in a child process under a time limit and a hard memory limit, at a lower
// priority, dying with the server — so a hostile file cannot stall the server or outlive it), its report, and the
// diff of its communities against the release current now. One validation at a time: server/validations.ts.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { diffCommunities, type CommunityDiff } from '../src/lib/ingest/diff';
import type { Problem } from '../src/lib/ingest/problems';
import type { Report } from '../src/lib/office/api';
import type { CommunityRow } from '../src/lib/schema/rows';
import type { ChangeRecord } from '../src/lib/office/api';
import { CHILD_IMPORTS, lowerPriority, watchMemory } from './children';
import { CONFLICTS_FILE, readConflictData, townConflicts, type TownConflict } from './conflicts';
import { writeAtomic, type ReleaseInfo, type Releases } from './releases';
import { diffTableRows, TABLES_DIFF_FILE, type TableRowDiff } from './table-diff';

/** The project's folder: the importer reads data/geo and data/towns.geojson from it. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface UploadedFile {
	name: string;
	bytes: Buffer;
}

export type { Report } from '../src/lib/office/api';

/** What one importer process may take. */
export interface ImporterLimits {
	/** Wall time, seconds (VALIDATE_SECONDS). */
	seconds: number;
	/** Resident memory, MB (VALIDATE_MEMORY_MB): V8's heap gets three quarters; past the whole the process is
	 *  killed (server/children.ts watches it from outside). */
	memoryMB: number;
}

/** Run the importer over `inputs` into `out`, in its own process under `limits`; its problems as a report. */
function runImporter(
	inputs: string[],
	out: string,
	reportFile: string,
	limits: ImporterLimits
): Promise<Report> {
	const started = performance.now();
	return new Promise((resolveReport) => {
		const heap = Math.max(64, Math.floor(limits.memoryMB * 0.75));
		const child = spawn(
			process.execPath,
			[
				`--max-old-space-size=${heap}`,
				...CHILD_IMPORTS,
				'scripts/build-data.ts',
				...inputs.flatMap((i) => ['--input', i]),
				'--out',
				out,
				'--report',
				reportFile
			],
			// YQ_PARENT_PID: the importer kills itself when the server is gone (scripts/lib/exit-with-parent.ts)
			{
				cwd: ROOT,
				stdio: ['ignore', 'ignore', 'pipe'],
				env: { ...process.env, YQ_PARENT_PID: String(process.pid) }
			}
		);
		lowerPriority(child.pid);
		let stderr = '';
		child.stderr.on('data', (d: Buffer) => {
			if (stderr.length < 20_000) stderr += d.toString('utf8');
		});
		child.stderr.on('error', () => undefined);
		let stoppedFor: 'time' | 'memory' | undefined;
		let peakMB = 0;
		const timer = setTimeout(() => {
			stoppedFor = 'time';
			child.kill('SIGKILL');
		}, limits.seconds * 1000);
		const stopWatch = child.pid
			? watchMemory(child.pid, limits.memoryMB, (mb) => {
					stoppedFor = 'memory';
					peakMB = mb;
					child.kill('SIGKILL');
				})
			: () => undefined;
		let settled = false;
		const settle = (code: number | null, spawnError?: Error) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			stopWatch();
			let problems: Problem[] = [];
			try {
				if (existsSync(reportFile)) problems = JSON.parse(readFileSync(reportFile, 'utf8')) as Problem[];
			} catch {
				// a report cut short by the kill: the failure below says why
			}
			const report: Report = { problems, seconds: (performance.now() - started) / 1000 };
			if (stoppedFor === 'time')
				report.failure = {
					zh: `校验超过 ${limits.seconds} 秒，已停止。文件是否过大或含大量空行？`,
					en: `validation ran past ${limits.seconds} s and was stopped: is the file too large, or full of empty rows?`
				};
			else if (stoppedFor === 'memory')
				report.failure = {
					zh: `校验所用内存超过 ${limits.memoryMB} MB（已到 ${Math.round(peakMB)} MB），已停止。文件是否过大、含大量空行，或是解压后极大的压缩包？`,
					en: `validation used more than ${limits.memoryMB} MB of memory (${Math.round(peakMB)} MB) and was stopped: is the file too large, full of empty rows, or a zip that unpacks far larger?`
				};
			else if (spawnError)
				report.failure = {
					zh: `导入程序无法启动：${spawnError.message}`,
					en: `the importer could not start: ${spawnError.message}`
				};
			else if (code !== 0 && !problems.some((p) => p.level === 'error'))
				report.failure = {
					zh: `导入程序异常退出（${code}）：${stderr.slice(-500)}`,
					en: `the importer stopped with code ${code}: ${stderr.slice(-500)}`
				};
			resolveReport(report);
		};
		// a child that cannot start (EAGAIN, ENOMEM) is an error event, never an unhandled one
		child.on('error', (e) => settle(null, e));
		child.on('exit', (code) => settle(code));
	});
}

/** A data build's communities, read the same way for both sides of a diff. */
export async function readCommunities(dataDir: string): Promise<Record<string, unknown>[]> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	try {
		const path = join(dataDir, 'communities.parquet').replaceAll("'", "''");
		const reader = await conn.runAndReadAll(`SELECT * FROM read_parquet('${path}') ORDER BY id`);
		return reader.getRowObjectsJson() as Record<string, unknown>[];
	} finally {
		conn.closeSync();
	}
}

export interface Staged {
	info: ReleaseInfo;
	report: Report;
	diff?: CommunityDiff;
	/** The towns' accepted changes the release's data lacks (conflicts.json). */
	conflicts?: TownConflict[];
	/** The other tables' rows added and removed against the same base (tables-diff.json). */
	tables?: TableRowDiff[];
}

/** The accepted town changes a release is compared with, read when the comparison runs (Changes.list). */
export type AcceptedChanges = () => Promise<ChangeRecord[]>;

/** The conflicts of the release data `dataDir` with `accepted`, communities named from `baseDir` too. */
async function conflictsOf(dataDir: string, baseDir: string, accepted: AcceptedChanges) {
	const [staged, base] = [await readConflictData(dataDir), await readConflictData(baseDir)];
	return townConflicts(await accepted(), staged, base.communities);
}

/** An upload written to its release's folder (under .tmp-<id>), waiting to be validated. */
export interface Pending {
	id: string;
	files: string[];
	inputs: string[];
}

/** Write the uploaded `files` to a new release's folder at once (the bytes are not held while it waits). */
export function writeSources(releases: Releases, files: UploadedFile[]): Pending {
	const id = releases.newId();
	const tmp = releases.tmpPath(id);
	mkdirSync(join(tmp, 'source'), { recursive: true });
	const inputs = files.map((f) => {
		const path = join(tmp, 'source', f.name);
		writeFileSync(path, f.bytes);
		return path;
	});
	// a dataset folder uploaded whole (its CSVs and metadata.json) is read as the folder it is, as `npm run data`
	// reads one: metadata.json gives the data's title and date (checked, src/lib/ingest/dataset-meta.ts), it is
	// not a boundary file
	const folder = files.some((f) => f.name === 'metadata.json');
	return { id, files: files.map((f) => f.name), inputs: folder ? [join(tmp, 'source')] : inputs };
}

/** Drop an upload that was never validated (its keeper went away while it waited). */
export function discard(releases: Releases, pending: Pending): void {
	rmSync(releases.tmpPath(pending.id), { recursive: true, force: true });
}

/**
 * Validate a pending upload as a new release by `author`, diffed against `base` (the data served now, release
 * `base.id`). The release appears whole or not at all (written under .tmp-<id>, then renamed).
 */
export async function stage(
	releases: Releases,
	pending: Pending,
	author: string,
	base: { id: string | null; dataDir: string },
	limits: ImporterLimits,
	accepted: AcceptedChanges
): Promise<Staged> {
	const { id, inputs } = pending;
	const tmp = releases.tmpPath(id);
	const report = await runImporter(inputs, join(tmp, 'data'), join(tmp, 'problems.json'), limits);
	const ok = !report.failure && !report.problems.some((p) => p.level === 'error');
	writeFileSync(join(tmp, 'report.json'), JSON.stringify(report));
	let diff: CommunityDiff | undefined;
	let conflicts: TownConflict[] | undefined;
	let counts: Record<string, number> | undefined;
	let tables: TableRowDiff[] | undefined;
	if (ok) {
		conflicts = await conflictsOf(join(tmp, 'data'), base.dataDir, accepted);
		writeFileSync(join(tmp, CONFLICTS_FILE), JSON.stringify(conflicts));
		diff = diffCommunities(
			await readCommunities(base.dataDir),
			(await readCommunities(join(tmp, 'data'))) as unknown as CommunityRow[]
		);
		writeFileSync(join(tmp, 'diff.json'), JSON.stringify(diff));
		tables = await diffTableRows(base.dataDir, join(tmp, 'data'));
		writeFileSync(join(tmp, TABLES_DIFF_FILE), JSON.stringify(tables));
		counts = (
			JSON.parse(readFileSync(join(tmp, 'data', 'manifest.json'), 'utf8')) as {
				tables: Record<string, number>;
			}
		).tables;
	}
	const info: ReleaseInfo = {
		id,
		author,
		createdAt: new Date().toISOString(),
		files: pending.files,
		ok,
		base: base.id,
		counts,
		published: []
	};
	releases.writeInfo(info, tmp);
	releases.commit(id);
	return { info, report, diff, conflicts, tables };
}

/** Diff a staged release again against the release current now (after another keeper published), and compare it
 *  again with the towns' accepted changes (the keeper's decisions so far kept). */
export async function rebase(
	releases: Releases,
	id: string,
	base: { id: string | null; dataDir: string },
	accepted: AcceptedChanges
): Promise<Staged> {
	const info = releases.info(id)!;
	const dir = releases.path(id);
	const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
	if (!info.ok) return { info, report };
	const diff = diffCommunities(
		await readCommunities(base.dataDir),
		(await readCommunities(join(dir, 'data'))) as unknown as CommunityRow[]
	);
	writeAtomic(join(dir, 'diff.json'), JSON.stringify(diff));
	const tables = await diffTableRows(base.dataDir, join(dir, 'data'));
	writeAtomic(join(dir, TABLES_DIFF_FILE), JSON.stringify(tables));
	const conflicts = keepDecisions(
		await conflictsOf(join(dir, 'data'), base.dataDir, accepted),
		readConflicts(releases, id)
	);
	writeConflicts(releases, id, conflicts);
	const next = { ...info, base: base.id };
	releases.writeInfo(next);
	return { info: next, report, diff, conflicts, tables };
}

/** A release's conflicts as stored (conflicts.json); [] for a release staged before conflicts were kept. */
export function readConflicts(releases: Releases, id: string): TownConflict[] {
	const file = join(releases.path(id), CONFLICTS_FILE);
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TownConflict[]) : [];
}

/** Write a release's conflicts whole (conflicts.json). */
export function writeConflicts(releases: Releases, id: string, conflicts: TownConflict[]): void {
	writeAtomic(join(releases.path(id), CONFLICTS_FILE), JSON.stringify(conflicts));
}

/** `fresh` conflicts with the decisions `before` recorded for the same changes. */
export function keepDecisions(fresh: TownConflict[], before: TownConflict[]): TownConflict[] {
	const decided = new Map(before.filter((c) => c.decision).map((c) => [c.changeId, c.decision!]));
	return fresh.map((c) => (decided.has(c.changeId) ? { ...c, decision: decided.get(c.changeId)! } : c));
}
