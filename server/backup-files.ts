// Backups of DATA_DIR (issue 21, item 7): what `npm run backup` writes, checks and restores.
//
// A backup folder holds `current` (the release pointer, with its switch's record), `store/` (the store exported by
// DuckDB's EXPORT DATABASE: schema.sql, load.sql and one CSV per table), `releases/<id>/` (every whole release) and,
// written last and atomically (manifest.json.tmp renamed), `manifest.json`: every other file with its size and
// SHA-256. A backup killed part-way has no manifest; one cut short or altered afterwards disagrees with it — restore
// refuses both, naming what is missing or changed, before it writes anything. Everything in a backup is private
// (files 0600, folders 0700: the store holds password hashes).
//
// Restore builds the new DATA_DIR beside it (`<DATA_DIR>.restoring-<random>`) and renames it into place when whole:
// releases, pointer, the store imported with every session dropped (no login from before the restore is revived),
// the public link the README's nginx serves (DATA_DIR/public → releases/<current>/public), the modes of modes.ts.
import { createHash, randomBytes } from 'node:crypto';
import {
	createReadStream,
	existsSync,
	lstatSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	rmdirSync
} from 'node:fs';
import { cp, readdir, lstat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { crashPoint } from './faults';
import { keepPrivate, PRIVATE_DIR, repairDataModes } from './modes';
import { Releases, writeAtomic } from './releases';
import { Store } from './store';

export const MANIFEST = 'manifest.json';

export interface BackupManifest {
	/** This layout's version. */
	format: 1;
	/** When the backup was taken (ISO). */
	createdAt: string;
	/** The release current then (the pointer's id), or null: the bundled example was served. */
	current: string | null;
	/** Every release in the backup. */
	releases: string[];
	/** Who exported the store: the running server, or this command from the file (the server stopped). */
	store: 'server' | 'file';
	/** Every file of the backup but the manifest, by its path inside the backup ('/'-separated). */
	files: Record<string, { bytes: number; sha256: string }>;
}

/** The SHA-256 of a file, read as a stream (hex). */
export function sha256(file: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const hash = createHash('sha256');
		createReadStream(file)
			.on('data', (d) => hash.update(d))
			.on('end', () => resolve(hash.digest('hex')))
			.on('error', reject);
	});
}

/** Every regular file under `root` (paths relative to it, '/'-separated, sorted); anything else is refused. */
async function filesUnder(root: string, dir = root): Promise<string[]> {
	const out: string[] = [];
	for (const name of (await readdir(dir)).sort()) {
		const path = join(dir, name);
		const stat = await lstat(path);
		if (stat.isDirectory()) out.push(...(await filesUnder(root, path)));
		else if (stat.isFile()) out.push(relative(root, path).split(sep).join('/'));
		else throw new Error(`not a file or folder: ${path}`);
	}
	return out;
}

/** What a kill leaves: half-written files, never part of a release. */
const UNFINISHED = /(^|[/\\])\.tmp-|\.tmp$|\.tmp\.wal$/;

export interface BackupSource {
	dataDir: string;
	/** Export the store into this (new) folder: the running server's own connection, or the file opened here. */
	exportStore(dir: string): Promise<void>;
	how: BackupManifest['store'];
	/** The crash tests' OFFICE_FAULT (backup-after-store, backup-after-release, backup-before-manifest). */
	fault?: string;
}

/** Write a backup of `source.dataDir` into `target` (absent or empty), the manifest last. Run it under the
 *  publisher's lock when the server runs (no switch or removal halfway through it). */
export async function writeBackup(target: string, source: BackupSource): Promise<BackupManifest> {
	if (existsSync(target) && readdirSync(target).length > 0)
		throw new Error(
			`备份目录不为空：${target}，请换一个新目录 / the backup folder is not empty: ${target}; choose a new one`
		);
	mkdirSync(target, { recursive: true, mode: PRIVATE_DIR });
	// nothing inside is reachable by another user while it is written, whatever a file's own mode
	keepPrivate(target);
	const releases = new Releases(source.dataDir);
	const pointer = join(source.dataDir, 'current');
	if (existsSync(pointer)) writeAtomic(join(target, 'current'), readFileSync(pointer, 'utf8'));
	await source.exportStore(join(target, 'store'));
	crashPoint(source.fault, 'backup-after-store');
	const ids = releases.ids();
	for (const id of ids) {
		await cp(releases.path(id), join(target, 'releases', id), {
			recursive: true,
			filter: (src) => !UNFINISHED.test(relative(releases.path(id), src))
		});
		crashPoint(source.fault, 'backup-after-release');
	}
	keepPrivate(target);
	const files: BackupManifest['files'] = {};
	for (const file of await filesUnder(target)) {
		const path = join(target, file);
		files[file] = { bytes: lstatSync(path).size, sha256: await sha256(path) };
	}
	const manifest: BackupManifest = {
		format: 1,
		createdAt: new Date().toISOString(),
		current: releases.current(),
		releases: ids,
		store: source.how,
		files
	};
	crashPoint(source.fault, 'backup-before-manifest');
	writeAtomic(join(target, MANIFEST), JSON.stringify(manifest, null, '\t'));
	keepPrivate(join(target, MANIFEST));
	return manifest;
}

/** Why a backup cannot be restored: no manifest (killed part-way, or not a backup), files missing, changed, or
 *  there without being listed. */
export interface BackupProblems {
	noManifest: boolean;
	missing: string[];
	altered: string[];
	unlisted: string[];
}

/** Check every file of the backup in `dir` against its manifest. */
export async function verifyBackup(
	dir: string
): Promise<{ manifest?: BackupManifest; problems?: BackupProblems }> {
	const problems: BackupProblems = { noManifest: false, missing: [], altered: [], unlisted: [] };
	let manifest: BackupManifest | undefined;
	try {
		manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as BackupManifest;
		if (manifest.format !== 1 || typeof manifest.files !== 'object') manifest = undefined;
	} catch {
		manifest = undefined;
	}
	const present = existsSync(dir) ? await filesUnder(dir) : [];
	if (!manifest) {
		problems.noManifest = true;
		return { problems };
	}
	for (const [file, want] of Object.entries(manifest.files)) {
		const path = join(dir, file);
		if (!present.includes(file)) problems.missing.push(file);
		else if (lstatSync(path).size !== want.bytes || (await sha256(path)) !== want.sha256)
			problems.altered.push(file);
	}
	problems.unlisted = present.filter(
		(f) => f !== MANIFEST && !(f in manifest!.files) && !f.startsWith(`${MANIFEST}.`)
	);
	const bad = problems.missing.length + problems.altered.length + problems.unlisted.length > 0;
	return bad ? { manifest, problems } : { manifest };
}

/** The refusal of a backup with `problems`, naming what is wrong (zh and en; the first 10 of each kind). */
export function describeProblems(dir: string, p: BackupProblems): string {
	if (p.noManifest)
		return `备份不完整：${dir} 中没有 ${MANIFEST}（备份中途被中断，或这不是备份目录），未恢复\nincomplete backup: ${dir} has no ${MANIFEST} (the backup was stopped before it finished, or this is not a backup folder); nothing restored`;
	const list = (files: string[]) =>
		files.slice(0, 10).join(', ') + (files.length > 10 ? ` … (+${files.length - 10})` : '');
	const zh: string[] = [];
	const en: string[] = [];
	if (p.missing.length) {
		zh.push(`缺少 ${p.missing.length} 个文件：${list(p.missing)}`);
		en.push(`${p.missing.length} file(s) missing: ${list(p.missing)}`);
	}
	if (p.altered.length) {
		zh.push(`${p.altered.length} 个文件与清单不符（大小或 SHA-256）：${list(p.altered)}`);
		en.push(`${p.altered.length} file(s) differ from the manifest (size or SHA-256): ${list(p.altered)}`);
	}
	if (p.unlisted.length) {
		zh.push(`${p.unlisted.length} 个文件不在清单中：${list(p.unlisted)}`);
		en.push(`${p.unlisted.length} file(s) not in the manifest: ${list(p.unlisted)}`);
	}
	return `备份 ${dir} 不完整或已被改动，未恢复。${zh.join('；')}\nthe backup ${dir} is incomplete or altered; nothing restored. ${en.join('; ')}`;
}

export interface Restored {
	manifest: BackupManifest;
	/** Sessions in the backup, all dropped. */
	sessionsDropped: number;
}

/** Restore the backup in `source` as `dataDir` (absent or empty), after checking it whole. Throws, writing nothing
 *  into `dataDir`, when the backup is incomplete or altered. */
export async function restoreBackup(source: string, dataDir: string): Promise<Restored> {
	const { manifest, problems } = await verifyBackup(source);
	if (problems || !manifest) throw new Error(describeProblems(source, problems!));
	if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
		throw new Error(
			`DATA_DIR 不为空（${dataDir}）：请恢复到新的空目录 / DATA_DIR is not empty (${dataDir}): restore into a new, empty folder`
		);
	const parent = dirname(dataDir);
	mkdirSync(parent, { recursive: true });
	// what an earlier restore into the same folder left when it was killed
	for (const name of readdirSync(parent))
		if (name.startsWith(`${basename(dataDir)}.restoring-`))
			rmSync(join(parent, name), { recursive: true, force: true });
	const staging = `${dataDir}.restoring-${randomBytes(4).toString('hex')}`;
	mkdirSync(staging, { mode: PRIVATE_DIR });
	try {
		if (existsSync(join(source, 'releases')))
			await cp(join(source, 'releases'), join(staging, 'releases'), { recursive: true });
		if (existsSync(join(source, 'current')))
			writeAtomic(join(staging, 'current'), readFileSync(join(source, 'current'), 'utf8'));
		const db = await DuckDBInstance.create(join(staging, 'store.duckdb'));
		const conn = await db.connect();
		await conn.run(`IMPORT DATABASE '${join(source, 'store').replaceAll("'", "''")}'`);
		conn.closeSync();
		db.closeSync();
		const store = await Store.open(join(staging, 'store.duckdb'));
		const sessionsDropped = await store.dropAllSessions();
		await store.audit({
			user: null,
			action: 'restore',
			target: null,
			outcome: 'ok',
			detail: `backup of ${manifest.createdAt} (${manifest.releases.length} release(s), current ${manifest.current ?? 'example'}); ${sessionsDropped} session(s) dropped`
		});
		store.close();
		const releases = new Releases(staging);
		const current = releases.current();
		if (current && existsSync(join(releases.path(current), 'public'))) releases.linkPublic(current);
		repairDataModes(staging);
		if (existsSync(dataDir)) rmdirSync(dataDir);
		renameSync(staging, dataDir);
		return { manifest, sessionsDropped };
	} catch (e) {
		rmSync(staging, { recursive: true, force: true });
		throw e;
	}
}
