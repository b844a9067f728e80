// The server behind `npm start`: the built site from `site`, and /data/… from `data` as it is on disk at each
// request, so a data rebuild (`npm run data`) shows on the next reload with no restart. sirv is the static-file
// server Vite itself uses; the site's index.html is the fallback for pages rendered in the browser (/community/…).
import { createServer } from 'node:http';
import sirv from 'sirv';

/**
 * @param {{ site: string, data: string }} dirs
 * @returns {import('node:http').Server}
 */
export function siteServer({ site, data }) {
	const fromSite = sirv(site, { single: true, etag: true });
	// dev: each request looks on disk (no file list cached at start); no-cache: the browser revalidates by ETag
	const fromData = sirv(data, { dev: true, etag: true });
	/** @param {import('node:http').ServerResponse} res */
	const notFound = (res) => () => {
		res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 未找到 / not found');
	};
	return createServer((req, res) => {
		const url = req.url ?? '/';
		if (url === '/data' || url.startsWith('/data/') || url.startsWith('/data?')) {
			req.url = url.slice('/data'.length) || '/';
			return fromData(req, res, notFound(res));
		}
		return fromSite(req, res, notFound(res));
	});
}
