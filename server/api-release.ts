// The release side of the API: the current release (and its event stream), staging an upload, a release's report
// and diff, publish / roll back, compare again; and the query door.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import busboy from 'busboy';
import type { Signed } from './auth';
import { announce, currentDataDir, loginRequired, need, queryFile, type Context } from './context';
import { HttpError, readJson, sendJson } from './http';
import { QueryRefused } from './query';
import { CHANGES_FILE } from './api-town';
import { acceptedChanges, publishRefusal } from './api-conflicts';
import { CONFLICTS_FILE } from './conflicts';
import { isReleaseId } from './releases';
import { TABLES_DIFF_FILE } from './table-diff';
import { withCommunityNames } from './town-data';
import type { ChangeRecord } from './changes';
import { discard, rebase, stage, writeSources, type UploadedFile } from './stage';
import { nameProblem, workbookProblem } from './uploads';
import { QueueRefused } from './validations';

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
		let done = false;
		const fail = (e: HttpError) => {
			if (failed || done) return;
			failed = e;
			req.unpipe(bb);
			req.resume();
			reject(e);
		};
		// the parser's own words (e.g. "Unexpected end of form") go to the English side only
		const unreadable = (e: Error) =>
			fail(
				new HttpError(
					400,
					'上传的内容不完整或格式不对，无法读取（可能在上传途中被中断）：请重新上传',
					`unreadable upload (incomplete or malformed, perhaps cut off on the way): ${e.message}`
				)
			);
		// every stream gets its error path: an unhandled 'error' event would end the process (issue 21, item 1)
		req.on('error', () =>
			fail(new HttpError(400, '上传中断，未收到完整文件', 'the upload was interrupted before it ended'))
		);
		req.on('close', () => {
			if (!req.complete)
				fail(new HttpError(400, '上传中断，未收到完整文件', 'the upload was interrupted before it ended'));
		});
		bb.on('file', (_field, stream, info) => {
			// a body that ends without its closing boundary errors here ("Unexpected end of form")
			stream.on('error', unreadable);
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
		bb.on('error', unreadable);
		bb.on('close', () => {
			if (failed || done) return;
			done = true;
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
	/** A release's carried town changes (changes.json), each community named from the data served now. */
	const namedChanges = async (file: string) => {
		const list = readJsonFile(file) as ChangeRecord[] | null;
		return list && (await withCommunityNames(currentDataDir(ctx), list));
	};
	if (route === 'GET /api/release') {
		// signedIn: the page opens the live-update stream only when it may (it needs a login once one is needed)
		sendJson(res, 200, { ...current(), loginRequired: loginRequired(ctx), signedIn: Boolean(signed) });
		return true;
	}
	if (route === 'GET /api/release/events') {
		// once a login is needed the stream is a signed-in user's; before, anyone's, counted by address
		if (loginRequired(ctx)) need(signed, 'town');
		const source = signed ? `user:${signed.user.name}` : `address:${req.socket.remoteAddress ?? '?'}`;
		const refused = ctx.live.refusal(source);
		if (refused) {
			// the refused connection is not kept alive: a flood must not hold its sockets
			res.setHeader('connection', 'close');
			throw new HttpError(429, refused.zh, refused.en);
		}
		ctx.live.open(res, source, `data: ${JSON.stringify(current())}\n\n`);
		return true;
	}
	if (route === 'GET /api/releases') {
		need(signed, 'keeper');
		sendJson(res, 200, { ...current(), releases: releases.list() });
		return true;
	}
	if (route === 'GET /api/validations') {
		need(signed, 'keeper');
		sendJson(res, 200, { validations: ctx.validations.list() });
		return true;
	}
	if (route === 'POST /api/releases') {
		const me = need(signed, 'keeper');
		// the refusal as the keeper was told it, 中文 / English (the audit page shows such a detail as it is)
		const refused = (e: { zh: string; en: string }) =>
			store.audit({
				user: me.user.name,
				action: 'import',
				target: null,
				outcome: 'refused',
				detail: `${e.zh} / ${e.en}`
			});
		let files: UploadedFile[];
		try {
			files = await readUpload(ctx, req);
			for (const f of files) {
				const problem = await workbookProblem(f.name, f.bytes);
				if (problem) throw new HttpError(problem.status, problem.zh, problem.en);
			}
		} catch (e) {
			if (e instanceof HttpError) await refused(e);
			throw e;
		}
		// the page names its upload, to find its place in the queue (GET /api/validations)
		const sent = req.headers['x-upload-ticket'];
		const ticket =
			typeof sent === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(sent)
				? sent
				: randomBytes(12).toString('base64url');
		const pending = writeSources(releases, files);
		const gone = new AbortController();
		res.on('close', () => res.writableFinished || gone.abort());
		let staged;
		try {
			staged = await ctx.validations.run(
				{ ticket, user: me.user.name, files: pending.files },
				// compared with the release current when the validation starts, not when it was queued
				() =>
					stage(
						releases,
						pending,
						me.user.name,
						{ id: releases.current(), dataDir: currentDataDir(ctx) },
						{ seconds: ctx.config.validateSeconds, memoryMB: ctx.config.validateMemoryMB },
						acceptedChanges(ctx)
					),
				gone.signal
			);
		} catch (e) {
			if (!(e instanceof QueueRefused)) throw e;
			discard(releases, pending);
			await refused(e);
			throw new HttpError(e.status, e.zh, e.en);
		}
		await store.audit({
			user: me.user.name,
			action: 'import',
			target: staged.info.id,
			outcome: staged.info.ok ? 'ok' : 'failed',
			detail: pending.files.join(', ')
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
				changes: await namedChanges(join(dir, CHANGES_FILE)),
				conflicts: readJsonFile(join(dir, CONFLICTS_FILE)),
				tables: readJsonFile(join(dir, TABLES_DIFF_FILE)),
				...current()
			});
			return true;
		}
		if (method === 'POST' && action === 'rebase') {
			sendJson(
				res,
				200,
				await rebase(
					releases,
					id,
					{ id: releases.current(), dataDir: currentDataDir(ctx) },
					acceptedChanges(ctx)
				)
			);
			return true;
		}
		if (method === 'POST' && action === 'publish') {
			const body = await readJson(req);
			const base = typeof body.base === 'string' ? body.base : null;
			try {
				// every conflict with the towns' accepted changes decided first (api-conflicts.ts)
				const refusal = await publishRefusal(ctx, id);
				if (refusal) throw refusal;
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
		// the door runs any SELECT over the whole city's tables: it cannot be scoped to a town, so a town account is
		// refused it, before any data is published too (its own communities come from GET /api/town)
		if (signed?.user.role === 'town')
			throw new HttpError(
				403,
				'乡镇（街道）账户不能使用查询入口',
				'the query door is not open to town accounts'
			);
		if (loginRequired(ctx)) need(signed, 'viewer');
		const body = await readJson(req);
		if (typeof body.sql !== 'string') throw new HttpError(400, '缺少字段“sql”', 'missing field "sql"');
		// the client hung up: its query leaves the queue, or is interrupted
		const gone = new AbortController();
		res.on('close', () => res.writableFinished || gone.abort());
		const user = signed ? `user:${signed.user.name}` : `address:${req.socket.remoteAddress ?? '?'}`;
		try {
			const ipc = await ctx.queries.run(user, await queryFile(ctx), body.sql, gone.signal);
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
