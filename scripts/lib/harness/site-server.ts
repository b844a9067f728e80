import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			srv.close(() => resolve(port));
		});
	});
}

export interface Preview {
	url: string;
	stop(): Promise<void>;
}

/** Serve a built site (`vite preview` over `outDir`) on a free loopback port until `stop()`. */
export async function startPreview(outDir = 'build'): Promise<Preview> {
	const port = await freePort();
	const child: ChildProcess = spawn(
		process.execPath,
		[
			'node_modules/vite/bin/vite.js',
			'preview',
			'--strictPort',
			'--host',
			'127.0.0.1',
			'--port',
			String(port),
			'--outDir',
			outDir
		],
		{ stdio: ['ignore', 'pipe', 'pipe'] }
	);
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
		try {
			const res = await fetch(url + '/');
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error('vite preview did not start within 30 s');
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		url,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}

const MIME: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.geojson': 'application/geo+json',
	'.wasm': 'application/wasm',
	'.parquet': 'application/octet-stream',
	'.arrow': 'application/octet-stream',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon'
};

/**
 * Serve a folder of plain files as any web server would (`/progress` → `progress.html`, `/` → `index.html`),
 * without SvelteKit's preview: proof that a static site works as built.
 */
export async function startStatic(dir: string): Promise<Preview> {
	const { createServer: createHttp } = await import('node:http');
	const { readFile, stat } = await import('node:fs/promises');
	const { extname, join, normalize } = await import('node:path');
	const root = normalize(dir);
	const server = createHttp(async (req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		const base = normalize(join(root, path));
		if (!base.startsWith(root)) return res.writeHead(403).end();
		for (const file of [base, `${base}.html`, join(base, 'index.html')]) {
			try {
				if (!(await stat(file)).isFile()) continue;
				res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
				return res.end(await readFile(file));
			} catch {
				// try the next form
			}
		}
		res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
	});
	const port = await freePort();
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${port}`,
		stop: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
