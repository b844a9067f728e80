// Staging a release: the uploaded files saved as they came, validated again on the server by the project's own
// importer (`npm run data`'s build, in a child process with a time and memory limit, so a hostile file cannot stall
// the server), its report, and the diff of its communities against the release current now.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { diffCommunities, type CommunityDiff } from '../src/lib/ingest/diff';
import type { Problem } from '../src/lib/ingest/problems';
import type { Report } from '../src/lib/office/api';
import type { CommunityRow } from '../src/lib/schema/rows';
import { writeAtomic, type ReleaseInfo, type Releases } from './releases';

/** The project's folder: the importer reads data/geo and data/towns.geojson from it. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface UploadedFile {
	name: string;
	bytes: Buffer;
}

export type { Report } from '../src/lib/office/api';

/** Run the importer over `inputs` into `out`; its problems as a report. */
function runImporter(inputs: string[], out: string, reportFile: string, seconds: number): Promise<Report> {
	const started = performance.now();
	return new Promise((resolveReport) => {
		const child = spawn(
			process.execPath,
			[
				'--max-old-space-size=4096',
				'--import',
				'tsx',
				'scripts/build-data.ts',
				...inputs.flatMap((i) => ['--input', i]),
				'--out',
				out,
				'--report',
				reportFile
			],
			{ cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] }
		);
		let stderr = '';
		child.stderr.on('data', (d: Buffer) => {
			if (stderr.length < 20_000) stderr += d.toString('utf8');
		});
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, seconds * 1000);
		child.on('exit', (code) => {
			clearTimeout(timer);
			const problems = existsSync(reportFile)
				? (JSON.parse(readFileSync(reportFile, 'utf8')) as Problem[])
				: [];
			const report: Report = { problems, seconds: (performance.now() - started) / 1000 };
			if (timedOut)
				report.failure = {
					zh: `校验超过 ${seconds} 秒，已停止。文件是否过大或含大量空行？`,
					en: `validation ran past ${seconds} s and was stopped: is the file too large, or full of empty rows?`
				};
			else if (code !== 0 && !problems.some((p) => p.level === 'error'))
				report.failure = {
					zh: `导入程序异常退出（${code}）：${stderr.slice(-500)}`,
					en: `the importer stopped with code ${code}: ${stderr.slice(-500)}`
				};
			resolveReport(report);
		});
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
}

/**
 * Stage `files` as a new release by `author`, diffed against `baseDataDir` (the data served now, release `base`).
 * The release appears whole or not at all (written under .tmp-<id>, then renamed).
 */
export async function stage(
	releases: Releases,
	files: UploadedFile[],
	author: string,
	base: { id: string | null; dataDir: string },
	validateSeconds: number
): Promise<Staged> {
	const id = releases.newId();
	const tmp = releases.tmpPath(id);
	mkdirSync(join(tmp, 'source'), { recursive: true });
	const inputs = files.map((f) => {
		const path = join(tmp, 'source', f.name);
		writeFileSync(path, f.bytes);
		return path;
	});
	const report = await runImporter(inputs, join(tmp, 'data'), join(tmp, 'problems.json'), validateSeconds);
	const ok = !report.failure && !report.problems.some((p) => p.level === 'error');
	writeFileSync(join(tmp, 'report.json'), JSON.stringify(report));
	let diff: CommunityDiff | undefined;
	let counts: Record<string, number> | undefined;
	if (ok) {
		diff = diffCommunities(
			await readCommunities(base.dataDir),
			(await readCommunities(join(tmp, 'data'))) as unknown as CommunityRow[]
		);
		writeFileSync(join(tmp, 'diff.json'), JSON.stringify(diff));
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
		files: files.map((f) => f.name),
		ok,
		base: base.id,
		counts,
		published: []
	};
	releases.writeInfo(info, tmp);
	releases.commit(id);
	return { info, report, diff };
}

/** Diff a staged release again against the release current now (after another keeper published). */
export async function rebase(
	releases: Releases,
	id: string,
	base: { id: string | null; dataDir: string }
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
	const next = { ...info, base: base.id };
	releases.writeInfo(next);
	return { info: next, report, diff };
}
