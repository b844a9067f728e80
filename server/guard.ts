// The last line of defence: an error no handler caught never ends the office server. Each request runs in its own
// async scope (AsyncLocalStorage), so an error thrown later from a timer, a stream event or a callback that the
// request started is traced back to it: that request gets a 500 (or its connection is closed), the error is
// logged with its stack and the request's method and path, and every other request goes on. Errors outside any
// request are logged the same way. Known faults (bad bodies, hang-ups, missing files, failed children) have their
// own handlers where they happen (server/http.ts, api-release.ts, stage.ts); this is for the bug nobody foresaw.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, sendError } from './http';

interface Scope {
	req: IncomingMessage;
	res: ServerResponse;
}

const scope = new AsyncLocalStorage<Scope>();

/** Run `handler` for one request inside its own scope (everything it starts, however late, belongs to it). */
export function inRequestScope<T>(req: IncomingMessage, res: ServerResponse, handler: () => T): T {
	return scope.run({ req, res }, handler);
}

/** The method and path of a request, as logged (never the query string: it may carry a `next` or a token). */
function describe(req: IncomingMessage): string {
	return `${req.method ?? '?'} ${(req.url ?? '').split('?')[0]}`;
}

let reported = 0;

/** How many unhandled errors this process has logged (for the tests and the console). */
export function unhandledCount(): number {
	return reported;
}

/** Log an error nothing handled; answer the request it belongs to, if any, with a 500. */
export function reportUnhandled(error: unknown, origin: string): void {
	reported++;
	const where = scope.getStore();
	const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
	console.error(
		`[${new Date().toISOString()}] 未处理的错误（服务器继续运行）/ unhandled error, the server goes on — ${origin}${
			where ? `, in ${describe(where.req)}` : ', outside any request'
		}:\n${stack}`
	);
	if (!where) return;
	const { res } = where;
	try {
		if (!res.headersSent && !res.writableEnded)
			sendError(res, new HttpError(500, '服务器内部错误', 'internal server error'));
		else res.destroy();
	} catch {
		res.destroy();
	}
}

let installed = false;

/** Process-level handlers for `npm start`: log and go on (tests keep their runner's own handlers). */
export function installProcessGuard(): void {
	if (installed) return;
	installed = true;
	process.on('uncaughtException', (e, origin) => reportUnhandled(e, origin));
	process.on('unhandledRejection', (reason) => reportUnhandled(reason, 'unhandledRejection'));
}
