// `npm run backup [-- DIR]`: a copy of the office's data — the store (accounts, sessions, audit log) exported by
// DuckDB's EXPORT DATABASE, every release folder and the pointer — into DIR (default office-backups/<time>).
// While the server runs it owns the store, so the export is asked of it (a key only this machine can read,
// DATA_DIR/.backup-key); otherwise the store is opened here.
// `npm run backup -- --restore DIR`: into an empty DATA_DIR, the releases, the pointer and the store.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { readConfig } from './config';
import { Store } from './store';

const config = readConfig();
const { values, positionals } = parseArgs({
	options: { restore: { type: 'string' } },
	allowPositionals: true
});
const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

async function exportStore(dir: string): Promise<'server' | 'file'> {
	const keyFile = join(config.dataDir, '.backup-key');
	if (existsSync(keyFile)) {
		try {
			const res = await fetch(`http://${config.host}:${config.port}/api/backup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-backup-key': readFileSync(keyFile, 'utf8').trim() },
				body: JSON.stringify({ dir })
			});
			if (res.ok) return 'server';
			throw new Error(`${res.status} ${await res.text()}`);
		} catch (e) {
			if (!(e instanceof TypeError)) throw e; // TypeError: nothing listening — the server is stopped
		}
	}
	const store = await Store.open(join(config.dataDir, 'store.duckdb'));
	await store.exportTo(dir);
	store.close();
	return 'file';
}

async function backup(target: string): Promise<void> {
	mkdirSync(target, { recursive: true });
	const how = await exportStore(join(target, 'store'));
	cpSync(join(config.dataDir, 'releases'), join(target, 'releases'), {
		recursive: true,
		filter: (src) => !/[/\\]\.tmp-|\.tmp$/.test(src)
	});
	if (existsSync(join(config.dataDir, 'current')))
		cpSync(join(config.dataDir, 'current'), join(target, 'current'));
	console.log(
		`备份完成 / backup written: ${target}（账户与日志由${how === 'server' ? '运行中的服务' : '数据库文件'}导出 / store exported by the ${how}; ${readdirSync(join(target, 'releases')).length} release(s)）`
	);
}

async function restore(source: string): Promise<void> {
	if (existsSync(join(config.dataDir, 'store.duckdb')) || existsSync(join(config.dataDir, 'releases')))
		throw new Error(
			`DATA_DIR 不为空（${config.dataDir}）：请恢复到新的空目录 / DATA_DIR is not empty: restore into a new, empty folder`
		);
	mkdirSync(config.dataDir, { recursive: true });
	cpSync(join(source, 'releases'), join(config.dataDir, 'releases'), { recursive: true });
	if (existsSync(join(source, 'current'))) cpSync(join(source, 'current'), join(config.dataDir, 'current'));
	const db = await DuckDBInstance.create(join(config.dataDir, 'store.duckdb'));
	const conn = await db.connect();
	await conn.run(`IMPORT DATABASE ${quote(join(source, 'store'))}`);
	conn.closeSync();
	console.log(`恢复完成 / restored ${source} → ${config.dataDir}`);
}

if (values.restore) await restore(resolve(values.restore));
else
	await backup(
		resolve(
			positionals[0] ?? join('office-backups', new Date().toISOString().replaceAll(':', '').slice(0, 17))
		)
	);
