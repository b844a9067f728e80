// Small HTTP helpers for the office server: JSON in and out, messages in Chinese and English, static files.
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/** A refusal the client shows as is: an HTTP status and the reason in both languages. */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly zh: string,
		readonly en: string,
		readonly extra: Record<string, unknown> = {},
		/** Headers to send with the refusal (Retry-After). */
		readonly headers: Record<string, string> = {}
	) {
		super(en);
	}
}

export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {}
) {
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'cache-control': 'no-store',
		'x-content-type-options': 'nosniff',
		...headers
	});
	res.end(JSON.stringify(body));
}

export function sendError(res: ServerResponse, e: HttpError) {
	sendJson(res, e.status, { error: { zh: e.zh, en: e.en }, ...e.extra }, e.headers);
}

/** The JSON body of a request, at most `limit` bytes. */
export async function readJson(req: IncomingMessage, limit = 256 * 1024): Promise<Record<string, unknown>> {
	let size = 0;
	const chunks: Buffer[] = [];
	try {
		for await (const chunk of req) {
			size += (chunk as Buffer).length;
			if (size > limit) throw new HttpError(413, '请求过大', 'request body too large');
			chunks.push(chunk as Buffer);
		}
	} catch (e) {
		if (e instanceof HttpError) throw e;
		// the client hung up (ECONNRESET, "aborted") before the body ended
		throw new HttpError(400, '请求未完整收到', 'the request body did not arrive whole');
	}
	try {
		const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
		if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
	} catch {
		// fall through
	}
	throw new HttpError(400, '请求内容不是有效的 JSON 对象', 'the request body is not a JSON object');
}

const MIME: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.geojson': 'application/geo+json; charset=utf-8',
	'.wasm': 'application/wasm',
	'.parquet': 'application/octet-stream',
	'.arrow': 'application/octet-stream',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8'
};

/** The file under `root` a decoded URL path names, or undefined when it is outside `root` or not a file. */
export async function fileUnder(root: string, urlPath: string): Promise<string | undefined> {
	if (urlPath.includes('\0')) return undefined;
	const file = normalize(join(root, urlPath));
	if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
	try {
		return (await stat(file)).isFile() ? file : undefined;
	} catch {
		return undefined;
	}
}

/** Stream a file with its type; immutable build assets cached for a year, everything else revalidated. A file that
 *  cannot be opened (removed since it was found) answers 404; one that fails while streaming ends the connection. */
export function sendFile(
	res: ServerResponse,
	file: string,
	immutable = false,
	headers: Record<string, string> = {}
) {
	const stream = createReadStream(file);
	stream.once('error', (e: NodeJS.ErrnoException) => {
		if (!res.headersSent)
			sendError(
				res,
				e.code === 'ENOENT'
					? new HttpError(404, '找不到文件', 'not found')
					: new HttpError(500, '文件无法读取', 'the file could not be read')
			);
		else res.destroy();
	});
	stream.once('open', () => {
		res.writeHead(200, {
			...headers,
			'content-type': MIME[extname(file)] ?? 'application/octet-stream',
			'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
			'x-content-type-options': 'nosniff'
		});
		// pipeline closes the file when the client goes away (pipe alone would leave it open)
		pipeline(stream, res, () => undefined);
	});
}
