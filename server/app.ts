// The office server: one Node process serving the built dashboard, its data files (the current release's, or the
// bundled example's) and the API. Once real data is published, pages and data files need a login.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { chmodSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, posix } from 'node:path';
import { accountApi } from './api-account';
import { writeBackup, type BackupManifest } from './backup-files';
import { releaseApi } from './api-release';
import { townApi } from './api-town';
import { townUploadApi } from './town-upload';
import { conflictApi } from './api-conflicts';
import { freshnessApi } from './api-fresh';
import { consoleApi } from './api-console';
import { Auth, deviceKey, type Signed } from './auth';
import type { ServerConfig } from './config';
import { currentDataDir, loginRequired, type Context } from './context';
import { inRequestScope, reportUnhandled } from './guard';
import { hostAllowed, originAllowed } from './hosts';
import { fileUnder, HttpError, readJson, sendError, sendFile, sendJson } from './http';
import { defaultLiveTotal, LiveUpdates, openFileLimit } from './live';
import { repairBackupModes, repairDataModes, PRIVATE_FILE } from './modes';
import { Publisher, type Recovery } from './publish';
import { QueryPool } from './query-pool';
import { Releases } from './releases';
import { Store } from './store';
import { ValidationQueue } from './validations';

/** Every change must come from this site (an Origin on an allowed host) with the session's CSRF token. */
function checkChange(ctx: Context, req: IncomingMessage, path: string, signed: Signed | undefined): void {
	const origin = req.headers.origin;
	if (origin !== undefined && !originAllowed(origin, ctx.config))
		throw new HttpError(403, '拒绝跨站请求', 'cross-site request refused');
	// login has no session yet; a query changes nothing. Both must be JSON, which no cross-site form can send.
	if (path === '/api/login' || path === '/api/query') {
		if (!req.headers['content-type']?.startsWith('application/json'))
			throw new HttpError(415, '请求须为 JSON', 'the request must be JSON');
		return;
	}
	if (!signed) throw new HttpError(401, '请先登录', 'please log in');
	if (req.headers['x-csrf-token'] !== signed.session.csrf)
		throw new HttpError(
			403,
			'缺少或错误的 CSRF 令牌，请刷新页面',
			'missing or wrong CSRF token: reload the page'
		);
}

/** Tells the page's scripts that an office server is behind it (a plain static server has no /api/). */
const OFFICE_COOKIE = { 'set-cookie': 'yq_office=1; Path=/; SameSite=Strict' };

/**
 * Sent with every page. The page's own Content-Security-Policy (scripts, styles, workers, wasm: a meta tag with
 * the hashes of its inline scripts, svelte.config.js) cannot say who may frame it: that is said here, as a
 * header — no one (clickjacking) — with X-Frame-Options for older browsers.
 */
export const PAGE_HEADERS = {
	'content-security-policy': "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'",
	'x-frame-options': 'DENY',
	'referrer-policy': 'same-origin',
	'x-content-type-options': 'nosniff'
};

async function page(ctx: Context, res: ServerResponse, path: string): Promise<void> {
	const root = ctx.config.buildDir;
	// /data/… are data files (handled before, behind the login when one is needed), never pages; /data itself is the
	// data keepers' workbench page (data.html)
	if (path.startsWith('/data/')) throw new HttpError(404, '找不到文件', 'not found');
	for (const candidate of [path, `${path}.html`, join(path, 'index.html')]) {
		const file = await fileUnder(root, candidate);
		if (file)
			return path.startsWith('/_app/')
				? sendFile(res, file, path.startsWith('/_app/immutable/'))
				: sendFile(res, file, false, file.endsWith('.html') ? { ...OFFICE_COOKIE, ...PAGE_HEADERS } : {});
	}
	// a path with an extension is a missing file; anything else is a page of the single-page app
	if (/\.[a-z0-9]+$/i.test(path)) return sendJson(res, 404, { error: { zh: '找不到文件', en: 'not found' } });
	const fallback = await fileUnder(root, '/index.html');
	if (!fallback)
		return sendJson(res, 500, { error: { zh: '看板尚未构建', en: 'the dashboard is not built' } });
	sendFile(res, fallback, false, { ...OFFICE_COOKIE, ...PAGE_HEADERS });
}

/** `npm run backup` while the server runs: the whole backup written by the store's owner, under the publishing
 *  lock (no switch or removal halfway through it), for the holder of the local key (backup-files.ts). */
async function backupApi(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const key = req.headers['x-backup-key'];
	if (typeof key !== 'string' || !ctx.backupKey || key !== ctx.backupKey)
		throw new HttpError(403, '备份密钥不对', 'wrong backup key');
	const body = await readJson(req);
	if (typeof body.dir !== 'string' || !isAbsolute(body.dir))
		throw new HttpError(400, '需要绝对路径', 'an absolute path is needed');
	const dir = body.dir;
	let manifest: BackupManifest;
	try {
		manifest = await ctx.publisher.exclusive(() =>
			writeBackup(dir, {
				dataDir: ctx.config.dataDir,
				how: 'server',
				fault: ctx.config.fault,
				exportStore: (to) => ctx.store.exportTo(to)
			})
		);
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		await ctx.store.audit({ user: null, action: 'backup', target: dir, outcome: 'failed', detail: message });
		throw new HttpError(500, `备份失败：${message}`, `the backup failed: ${message}`);
	}
	const files = Object.keys(manifest.files).length;
	await ctx.store.audit({
		user: null,
		action: 'backup',
		target: dir,
		outcome: 'ok',
		detail: `${manifest.releases.length} release(s), ${files} files`
	});
	sendJson(res, 200, {
		current: manifest.current,
		releases: manifest.releases,
		store: manifest.store,
		files
	});
}

async function handle(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
	// a name this server does not answer to (a rebound DNS name) gets nothing, not even a build asset
	if (!hostAllowed(req.headers.host, ctx.config))
		throw new HttpError(
			421,
			`此服务不接受主机名“${String(req.headers.host ?? '')}”（见 ALLOWED_HOSTS）`,
			`this server does not answer to the host "${String(req.headers.host ?? '')}" (see ALLOWED_HOSTS)`
		);
	const url = new URL(req.url ?? '/', 'http://localhost');
	let path: string;
	try {
		// decoded and normalised once, so that no spelling of a path (%2f, %2e%2e) reaches a file by another route
		path = posix.normalize(decodeURIComponent(url.pathname));
	} catch {
		throw new HttpError(400, '路径无效', 'malformed path');
	}
	const method = req.method ?? 'GET';
	// the process guard's test (tests/server/faults.test.ts): a throw from a callback, where no handler waits
	if (ctx.config.fault === 'throw-in-request' && url.searchParams.has('fault'))
		return new Promise<void>(() =>
			setImmediate(() => {
				throw new Error('injected fault (OFFICE_FAULT=throw-in-request)');
			})
		);
	// build assets hold no data: served without looking up a session
	if (path.startsWith('/_app/immutable/') && (method === 'GET' || method === 'HEAD'))
		return page(ctx, res, path);
	const signed = await ctx.auth.signed(req, ctx.config.clock());
	if (path === '/api/backup' && method === 'POST') return backupApi(ctx, req, res);
	if (path === '/api/console/unlock' && method === 'POST') return consoleApi(ctx, req, res);
	if (path.startsWith('/api/')) {
		if (method !== 'GET' && method !== 'HEAD') checkChange(ctx, req, path, signed);
		const route = `${method === 'HEAD' ? 'GET' : method} ${path}`;
		if (await accountApi(ctx, req, res, route, signed)) return;
		if (await releaseApi(ctx, req, res, route, signed)) return;
		if (await townApi(ctx, req, res, route, signed)) return;
		if (await townUploadApi(ctx, req, res, route, signed)) return;
		if (await freshnessApi(ctx, req, res, route, signed)) return;
		if (await conflictApi(ctx, req, res, route, signed)) return;
		throw new HttpError(404, '没有这个接口', 'no such API');
	}
	if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, '不支持的方法', 'method not allowed');
	// a one-time password opens nothing but /login, where it is replaced
	const locked = loginRequired(ctx) && (!signed || signed.user.mustChange);
	if (path.startsWith('/data/')) {
		if (locked) throw new HttpError(401, '数据文件需登录后访问', 'data files need a login');
		// a town account reads the city's public figures only (the published release's leak-scanned public data);
		// its own communities' internal rows come from /api/town, filtered by its towns
		const current = ctx.releases.current();
		const root =
			signed?.user.role === 'town' && current
				? join(ctx.releases.path(current), 'public')
				: currentDataDir(ctx);
		const file = await fileUnder(root, path.slice('/data'.length));
		if (!file) throw new HttpError(404, '找不到数据文件', 'no such data file');
		return sendFile(res, file);
	}
	// a town account's home is its towns' page: the whole city's dashboard (its map, budget, workbench and community
	// pages) reads files a town account is not given; the residents' /progress reads the public ones and stays open
	const wholeCity =
		path === '/' || ['/budget', '/data', '/community'].some((p) => path === p || path.startsWith(`${p}/`));
	if (signed?.user.role === 'town' && !signed.user.mustChange && wholeCity) {
		res.writeHead(302, { location: '/town' });
		return void res.end();
	}
	if (locked && !path.startsWith('/_app/') && path !== '/login' && path !== '/favicon.png') {
		res.writeHead(302, { location: `/login?next=${encodeURIComponent(path + url.search)}` });
		return void res.end();
	}
	await page(ctx, res, path);
}

export interface OfficeServer {
	server: Server;
	ctx: Context;
	/** The admin's one-time password when this start created the first account. */
	adminPassword?: string;
	/** Half-written files removed at start. */
	cleaned: string[];
	/** The last switch's record completed at start (a crash had come between the pointer and the records). */
	recovered?: Recovery;
	/** Failed uploads removed at start, past their retention (config.failedUploads). */
	pruned: string[];
	close(): Promise<void>;
}

/** Open the store and releases under config.dataDir (cleaning what a crash left) and make the HTTP server. */
export async function createOfficeServer(config: ServerConfig): Promise<OfficeServer> {
	const releases = new Releases(config.dataDir, config.fault);
	const cleaned = releases.cleanup();
	// the example's query copies of earlier runs (rebuilt on demand)
	for (const name of readdirSync(config.dataDir))
		if (/^example-query-\d+\.duckdb(\.wal)?$/.test(name)) rmSync(join(config.dataDir, name), { force: true });
	const store = await Store.open(join(config.dataDir, 'store.duckdb'));
	// the store, the pointer, every release but its public/, and the backups: this user's only (modes.ts), also
	// when an older version or a umask of 022 made them world-readable
	repairDataModes(config.dataDir);
	repairBackupModes(config.backupDir);
	await store.dropExpiredSessions(config.clock());
	const auth = new Auth(store, config, deviceKey(config.dataDir));
	const adminPassword = await auth.ensureAdmin();
	const publisher = new Publisher(releases, store, config.fault);
	const recovered = await publisher.recover();
	if (recovered)
		await store.audit({
			user: null,
			action: 'recover',
			target: recovered.record.id,
			outcome: 'ok',
			detail: `${recovered.record.action} at ${recovered.record.at} interrupted by a crash; completed: ${recovered.completed.join(', ')}`
		});
	const pruned = await publisher.pruneFailed(config.failedUploads, config.clock());
	const ctx: Context = {
		config,
		store,
		auth,
		releases,
		publisher,
		validations: new ValidationQueue({
			concurrent: config.validateConcurrent,
			queued: config.validateQueue,
			perUser: config.validatePerUser
		}),
		queries: new QueryPool(
			{
				processes: config.queryProcesses,
				perUser: config.queryPerUser,
				queued: config.queryQueue,
				memoryMB: config.queryMemoryMB,
				threads: config.queryThreads
			},
			{ ms: config.queryMs, maxRows: config.queryMaxRows, maxBytes: config.queryMaxBytes }
		),
		live: new LiveUpdates({
			total: config.eventsMax ?? defaultLiveTotal(),
			perSource: config.eventsPerSource
		}),
		backupKey: randomBytes(24).toString('base64url')
	};
	// only this machine's user can read it (npm run backup)
	writeFileSync(join(config.dataDir, '.backup-key'), ctx.backupKey!, { mode: PRIVATE_FILE });
	chmodSync(join(config.dataDir, '.backup-key'), PRIVATE_FILE);
	if (adminPassword)
		await store.audit({
			user: null,
			action: 'account-create',
			target: 'admin',
			outcome: 'ok',
			detail: 'first start'
		});
	// Node's 5 s keep-alive closed idle sockets that a busy client (or nginx's upstream pool) was about to reuse:
	// under 50 viewers and 5 validations the load bench saw ~100 of 3,255 requests reset. 65 s / 66 s as
	// behind a proxy whose idle timeout is 60 s; headers must still arrive within headersTimeout.
	const server = createServer({ keepAliveTimeout: 65_000, headersTimeout: 66_000 }, (req, res) =>
		// each request in its own scope: an error thrown later from something it started is answered as its 500
		inRequestScope(req, res, () => {
			// a response whose client has gone may still be written to: never an unhandled 'error' event
			res.on('error', () => undefined);
			handle(ctx, req, res).catch((e: unknown) => {
				if (res.headersSent) return void res.end();
				if (e instanceof HttpError) return sendError(res, e);
				reportUnhandled(e, 'request handler');
			});
		})
	);
	// a flood of idle connections must leave descriptors for files, children and the store: past three quarters of
	// the open-file limit new connections are closed at once (Node's maxConnections) instead of failing everyone's
	const fds = openFileLimit();
	if (fds) server.maxConnections = Math.max(64, Math.floor(fds * 0.75));
	return {
		server,
		ctx,
		adminPassword,
		cleaned,
		recovered,
		pruned,
		close: () =>
			new Promise((resolve) => {
				ctx.live.close();
				server.close(() => {
					ctx.queries.close();
					store.close();
					resolve();
				});
				server.closeAllConnections();
			})
	};
}
