// `npm run backup [-- DIR]`: a backup of the office's data into DIR (default BACKUP_DIR/<time>, BACKUP_DIR being
// ./office-backups): the release pointer, the store (accounts, sessions, audit log) exported by DuckDB's EXPORT
// DATABASE, every release, and last a manifest with every file's size and SHA-256 (server/backup-files.ts).
// While the server runs it owns the store and may be switching releases, so the whole backup is asked of it (with a
// key only this machine's user can read, DATA_DIR/.backup-key) and written under its publishing lock; when it is
// stopped, this command writes it.
// `npm run backup -- --verify DIR`: check a backup against its manifest.
// `npm run backup -- --restore DIR`: check it, then restore it as DATA_DIR (absent or empty); sessions dropped.
// Run it as the server's user: what it writes is that user's only (umask 077; files 0600, folders 0700).
import { request } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
	describeProblems,
	restoreBackup,
	verifyBackup,
	writeBackup,
	type BackupManifest
} from './backup-files';
import { readConfig } from './config';
import { repairBackupModes } from './modes';
import { Store } from './store';

process.umask(0o077);
const config = readConfig();
const { values, positionals } = parseArgs({
	options: { restore: { type: 'string' }, verify: { type: 'string' } },
	allowPositionals: true
});

type Summary = Pick<BackupManifest, 'current' | 'releases' | 'store'> & { files: number };

/** Ask the running server to write the backup; undefined when no server listens (it is stopped). */
function askServer(dir: string): Promise<Summary | undefined> {
	const keyFile = join(config.dataDir, '.backup-key');
	if (!existsSync(keyFile)) return Promise.resolve(undefined);
	const body = JSON.stringify({ dir });
	// a server listening on every address is asked on loopback (a Host of 0.0.0.0 is refused: hosts.ts)
	const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
	const address = `${host}:${config.port}`;
	return new Promise((done, fail) => {
		// node:http rather than fetch: a large backup may take longer than fetch's 300 s wait for headers
		const req = request(
			{
				host,
				port: config.port,
				path: '/api/backup',
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(body),
					'x-backup-key': readFileSync(keyFile, 'utf8').trim()
				}
			},
			(res) => {
				let text = '';
				res.on('data', (d: Buffer) => (text += d.toString('utf8')));
				res.on('end', () => {
					if (res.statusCode === 200) return done(JSON.parse(text) as Summary);
					let message = text;
					try {
						const { error } = JSON.parse(text) as { error: { zh: string; en: string } };
						message = `${error.zh}\n${error.en}`;
					} catch {
						// not JSON: shown as it came
					}
					// refused for its key: the server on that port is not this data folder's (another office on
					// the same machine, or PORT not set as the server's is)
					const cause =
						res.statusCode === 403
							? `\n（${address} 上运行的服务不是 DATA_DIR=${config.dataDir} 的服务？请按该服务的设置给出 PORT / the server on ${address} is not this data folder's (DATA_DIR=${config.dataDir})? set PORT as that server's is）`
							: '';
					fail(
						new Error(`服务器备份失败 / the server's backup failed (${res.statusCode}): ${message}${cause}`)
					);
				});
			}
		);
		req.on('error', (e: NodeJS.ErrnoException) => {
			// nothing listening: the server is stopped, this command writes the backup itself
			if (e.code === 'ECONNREFUSED') done(undefined);
			else
				fail(
					new Error(
						`备份中断：与服务器的连接断开（${e.code ?? e.message}），备份不完整 / the backup stopped: the server's connection broke (${e.code ?? e.message}); the backup is incomplete`
					)
				);
		});
		req.end(body);
	});
}

async function backup(target: string): Promise<void> {
	let summary = await askServer(target);
	if (!summary) {
		const manifest = await writeBackup(target, {
			dataDir: config.dataDir,
			how: 'file',
			fault: config.fault,
			exportStore: async (dir) => {
				const store = await Store.open(join(config.dataDir, 'store.duckdb'));
				try {
					await store.exportTo(dir);
				} finally {
					store.close();
				}
			}
		});
		summary = { ...manifest, files: Object.keys(manifest.files).length };
	}
	repairBackupModes(config.backupDir);
	console.log(
		`备份完成 / backup written: ${target}\n（${summary.store === 'server' ? '由运行中的服务写入 / written by the running server' : '服务未运行，由本命令写入 / the server is stopped: written by this command'}；${summary.releases.length} 个版本 / release(s)，当前 / current: ${summary.current ?? '示例 / example'}；${summary.files} 个文件及其 SHA-256 见 manifest.json / files, with their SHA-256 in manifest.json）`
	);
}

async function verify(dir: string): Promise<void> {
	const { manifest, problems } = await verifyBackup(dir);
	if (problems || !manifest) throw new Error(describeProblems(dir, problems!));
	console.log(
		`备份完整 / the backup is whole: ${dir}（${manifest.createdAt}；${Object.keys(manifest.files).length} 个文件与清单一致 / files match the manifest）`
	);
}

async function restore(source: string): Promise<void> {
	const { manifest, sessionsDropped } = await restoreBackup(source, config.dataDir);
	console.log(
		`恢复完成 / restored ${source} → ${config.dataDir}\n（${manifest.createdAt} 的备份，${manifest.releases.length} 个版本，当前 ${manifest.current ?? '示例'}；已清除 ${sessionsDropped} 个会话，所有人需重新登录 / the backup of ${manifest.createdAt}, ${manifest.releases.length} release(s), current ${manifest.current ?? 'example'}; ${sessionsDropped} session(s) dropped: everyone logs in again）`
	);
}

try {
	if (values.restore) await restore(resolve(values.restore));
	else if (values.verify) await verify(resolve(values.verify));
	else
		await backup(
			resolve(
				positionals[0] ?? join(config.backupDir, new Date().toISOString().replaceAll(':', '').slice(0, 17))
			)
		);
} catch (e) {
	console.error(e instanceof Error ? e.message : String(e));
	process.exit(1);
}
