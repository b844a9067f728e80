// The release side of the API: the current release (and its event stream), staging an upload, a release's report
// and diff, publish / roll back, compare again; and the query door.
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import busboy from 'busboy';
import type { Signed } from './auth';
import { announce, currentDataDir, loginRequired, need, queryDoor, type Context } from './context';
import { HttpError, readJson, sendJson } from './http';
import { QueryRefused } from './query';
import { isReleaseId } from './releases';
import { rebase, stage, type UploadedFile } from './stage';
import { nameProblem, workbookProblem } from './uploads';

/** The files of a multipart upload, within the configured limits; refused as soon as one is passed. */
function readUpload(ctx: Context, req: IncomingMessage): Promise<UploadedFile[]> {
	const { maxUploadBytes, maxUploadFiles } = ctx.config;
	const mb = Math.round(maxUploadBytes / 1024 / 1024);
	const tooLarge = new HttpError(413, `上传总量超过 ${mb} MB`, `the upload is larger than ${mb} MB`);
	if (Number(req.headers['content-length'] ?? 0) > maxUploadBytes + 64 * 1024)
		return Promise.reject(tooLarge);
	return new Promise((resolve, reject) => {
		let bb: busboy.Busboy;
		try {
			bb = busboy({
				headers: req.headers,
				defParamCharset: 'utf8',
				// keep the name as sent, so that `../x.csv` is refused rather than quietly shortened
				preservePath: true,
				limits: { files: maxUploadFiles, fileSize: maxUploadBytes, fields: 10, parts: maxUploadFiles + 10 }
			});
		} catch {
			return reject(
				new HttpError(400, '请以 multipart/form-data 上传文件', 'upload files as multipart/form-data')
			);
		}
		const files: UploadedFile[] = [];
		let total = 0;
		let failed: HttpError | undefined;
		const fail = (e: HttpError) => {
			if (failed) return;
			failed = e;
			req.unpipe(bb);
			req.resume();
			reject(e);
		};
		bb.on('file', (_field, stream, info) => {
			const problem = nameProblem(info.filename ?? '');
			if (problem) {
				stream.resume();
				return fail(new HttpError(problem.status, problem.zh, problem.en));
			}
			if (files.some((f) => f.name === info.filename)) {
				stream.resume();
				return fail(new HttpError(400, `文件“${info.filename}”重复`, `file "${info.filename}" given twice`));
			}
			const chunks: Buffer[] = [];
			stream.on('data', (d: Buffer) => {
				total += d.length;
				if (total > maxUploadBytes) fail(tooLarge);
				else chunks.push(d);
			});
			stream.on('limit', () => fail(tooLarge));
			stream.on('end', () => files.push({ name: info.filename ?? '', bytes: Buffer.concat(chunks) }));
		});
		bb.on('filesLimit', () =>
			fail(
				new HttpError(413, `一次最多上传 ${maxUploadFiles} 个文件`, `at most ${maxUploadFiles} files at once`)
			)
		);
		bb.on('error', (e: Error) =>
			fail(new HttpError(400, `上传无法读取：${e.message}`, `unreadable upload: ${e.message}`))
		);
		bb.on('close', () => {
			if (failed) return;
			if (files.length === 0) reject(new HttpError(400, '没有收到文件', 'no file received'));
			else resolve(files);
		});
		req.pipe(bb);
	});
}

function readJsonFile(file: string): unknown {
	return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

export async function releaseApi(
	ctx: Context,
	req: IncomingMessage,
	res: ServerResponse,
	route: string,
	signed: Signed | undefined
): Promise<boolean> {
	const { releases, store } = ctx;
	const current = () => ({ current: releases.current(), example: releases.current() === null });
	if (route === 'GET /api/release') {
		sendJson(res, 200, { ...current(), loginRequired: loginRequired(ctx) });
		return true;
	}
	if (route === 'GET /api/release/events') {
		res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
		res.write(`data: ${JSON.stringify(current())}\n\n`);
		ctx.listeners.add(res);
		const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
		req.on('close', () => {
			clearInterval(ping);
			ctx.listeners.delete(res);
		});
		return true;
	}
	if (route === 'GET /api/releases') {
		need(signed, 'keeper');
		sendJson(res, 200, { ...current(), releases: releases.list() });
		return true;
	}
	if (route === 'POST /api/releases') {
		const me = need(signed, 'keeper');
		let files: UploadedFile[];
		try {
			files = await readUpload(ctx, req);
			for (const f of files) {
				const problem = await workbookProblem(f.name, f.bytes);
				if (problem) throw new HttpError(problem.status, problem.zh, problem.en);
			}
		} catch (e) {
			if (e instanceof HttpError)
				await store.audit({
					user: me.user.name,
					action: 'import',
					target: null,
					outcome: 'refused',
					detail: e.en
				});
			throw e;
		}
		const base = releases.current();
		const staged = await stage(
			releases,
			files,
			me.user.name,
			{ id: base, dataDir: currentDataDir(ctx) },
			ctx.config.validateSeconds
		);
		await store.audit({
			user: me.user.name,
			action: 'import',
			target: staged.info.id,
			outcome: staged.info.ok ? 'ok' : 'failed',
			detail: files.map((f) => f.name).join(', ')
		});
		if (!staged.info.ok) await ctx.publisher.pruneFailed(ctx.config.failedUploads, ctx.config.clock());
		sendJson(res, 200, staged);
		return true;
	}
	const one = /^(GET|POST) \/api\/releases\/([^/]+)(?:\/(publish|rebase))?$/.exec(route);
	if (one) {
		const [, method, id, action] = one as unknown as [string, string, string, string | undefined];
		const me = need(signed, 'keeper');
		if (!isReleaseId(id) || !releases.info(id))
			throw new HttpError(404, `没有发布版本 ${id}`, `no release ${id}`);
		const dir = releases.path(id);
		if (method === 'GET' && !action) {
			sendJson(res, 200, {
				info: releases.info(id),
				report: readJsonFile(join(dir, 'report.json')),
				diff: readJsonFile(join(dir, 'diff.json')),
				...current()
			});
			return true;
		}
		if (method === 'POST' && action === 'rebase') {
			sendJson(
				res,
				200,
				await rebase(releases, id, { id: releases.current(), dataDir: currentDataDir(ctx) })
			);
			return true;
		}
		if (method === 'POST' && action === 'publish') {
			const body = await readJson(req);
			const base = typeof body.base === 'string' ? body.base : null;
			try {
				// the publisher writes the switch's record (release file, audit log) with the switch
				const outcome = await ctx.publisher.publish(id, base, me.user.name);
				announce(ctx);
				sendJson(res, 200, outcome);
			} catch (e) {
				const detail = e instanceof Error ? e.message : String(e);
				await store.audit({ user: me.user.name, action: 'publish', target: id, outcome: 'refused', detail });
				throw e;
			}
			return true;
		}
	}
	if (route === 'POST /api/query') {
		if (loginRequired(ctx)) need(signed, 'viewer');
		const body = await readJson(req);
		if (typeof body.sql !== 'string') throw new HttpError(400, '缺少字段“sql”', 'missing field "sql"');
		try {
			const door = await queryDoor(ctx);
			const ipc = await door.query(body.sql, { ms: ctx.config.queryMs, maxRows: ctx.config.queryMaxRows });
			res.writeHead(200, {
				'content-type': 'application/vnd.apache.arrow.stream',
				'cache-control': 'no-store'
			});
			res.end(ipc);
		} catch (e) {
			if (e instanceof QueryRefused) throw new HttpError(e.status, e.zh, e.en);
			throw e;
		}
		return true;
	}
	return false;
}
