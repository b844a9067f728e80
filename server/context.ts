// What every request handler shares: the configuration, the store, logins, releases, the publisher, the query
// door over the current release, and the pages listening for a new release.
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Auth, Signed } from './auth';
import type { ServerConfig } from './config';
import { HttpError } from './http';
import type { LiveUpdates } from './live';
import type { Publisher } from './publish';
import { buildQueryDb } from './query';
import type { QueryPool } from './query-pool';
import type { Releases } from './releases';
import { allows, type Role } from './roles';
import type { Store } from './store';
import type { ValidationQueue } from './validations';

export interface Context {
	config: ServerConfig;
	store: Store;
	auth: Auth;
	releases: Releases;
	publisher: Publisher;
	/** Open event streams of pages waiting for a new release, capped (server/live.ts). */
	live: LiveUpdates;
	/** Uploads waiting for the importer, and those it runs (server/validations.ts). */
	validations: ValidationQueue;
	/** The query door's processes and queue (server/query-pool.ts). */
	queries: QueryPool;
	/** The query database served now: for a release id, or `example@<manifest time>`. */
	queryDb?: { release: string; file: string; ready: Promise<string> };
	/** The key `npm run backup` reads from DATA_DIR/.backup-key to ask this server for an export. */
	backupKey?: string;
}

/** The data folder served now: the current release's, or `npm run data`'s (the bundled example). */
export function currentDataDir(ctx: Context): string {
	const id = ctx.releases.current();
	return id ? join(ctx.releases.path(id), 'data') : ctx.config.exampleDataDir;
}

/** Login is required once real data has been published (the bundled example is open). */
export function loginRequired(ctx: Context): boolean {
	return ctx.releases.current() !== null;
}

/** Refuse unless signed in with at least `role` — and, unless `oneTimeOk` (changing it, logging out), with a
 *  password of one's own: a one-time password opens nothing but the form that replaces it. */
export function need(signed: Signed | undefined, role: Role, { oneTimeOk = false } = {}): Signed {
	if (!signed) throw new HttpError(401, '请先登录', 'please log in');
	if (signed.user.mustChange && !oneTimeOk)
		throw new HttpError(403, '请先修改一次性密码', 'change your one-time password first', {
			mustChange: true
		});
	if (!allows(signed.user.role, role))
		throw new HttpError(403, `需要“${role}”权限`, `this needs the ${role} role`);
	return signed;
}

/** The query database of the current release (the example's built on first use and again when it changes). */
export function queryFile(ctx: Context): Promise<string> {
	const id = ctx.releases.current();
	// the example is rebuilt by `npm run data` while the server runs: its copy is keyed by the manifest's time
	const key = id ?? `example@${statSync(join(currentDataDir(ctx), 'manifest.json')).mtimeMs}`;
	if (ctx.queryDb?.release === key) return ctx.queryDb.ready;
	const file = id
		? join(ctx.releases.path(id), 'query.duckdb')
		: join(ctx.config.dataDir, `example-query-${Date.now()}.duckdb`);
	const old = ctx.queryDb;
	const ready = id ? Promise.resolve(file) : buildQueryDb(currentDataDir(ctx), file).then(() => file);
	ctx.queryDb = { release: key, file, ready };
	// a query process may still read the old example's copy: it goes once such a query must have ended
	if (old?.release.startsWith('example@'))
		setTimeout(() => rmSync(old.file, { force: true }), ctx.config.queryMs + 5000).unref();
	ready.catch(() => {
		if (ctx.queryDb?.ready === ready) ctx.queryDb = undefined;
	});
	return ready;
}

/** Tell every listening page which release is current. */
export function announce(ctx: Context): void {
	const message = `data: ${JSON.stringify({ current: ctx.releases.current() })}\n\n`;
	ctx.live.broadcast(message);
}
