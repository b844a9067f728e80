// Real static servers for the deploy tests: Python's http.server and Debian's nginx with its stock configuration
// (only `root`, `listen` and the files it writes changed), each on a free loopback port, stopped after.
// `scripts/ensure-static-servers.js` installs nginx when it is missing.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, type Preview } from '../../scripts/lib/harness/site-server';

async function waitUntilServing(child: ChildProcess, url: string, name: string, log: () => string) {
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}: ${log()}`);
		try {
			await fetch(url, { redirect: 'manual' });
			return;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`${name} did not start within 30 s: ${log()}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

/** Stop `child` (by its own id) with `signal`, then run `after`. */
function stopper(
	child: ChildProcess,
	signal: NodeJS.Signals,
	after: () => void = () => {}
): () => Promise<void> {
	return () =>
		new Promise((done) => {
			const finish = () => {
				after();
				done();
			};
			if (child.exitCode !== null || child.signalCode !== null) return finish();
			child.once('exit', finish);
			child.kill(signal);
		});
}

/** `python3 -m http.server` over `root` (a folder), on a free loopback port. */
export async function startPython(root: string): Promise<Preview> {
	const port = await freePort();
	let err = '';
	const child = spawn(
		'python3',
		['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', resolve(root)],
		{ stdio: ['ignore', 'ignore', 'pipe'] }
	);
	child.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
	const url = `http://127.0.0.1:${port}`;
	await waitUntilServing(child, url + '/', 'python3 -m http.server', () => err);
	return { url, stop: stopper(child, 'SIGTERM') };
}

/** Started as root, nginx runs its workers as the stock config's `user` (www-data on Debian), as a deployed one does. */
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * The stock nginx.conf with the stock default site inlined: only its root, listen and file paths changed. With
 * `keepUser` (started as root), the stock `user www-data;` line stays, so the workers read the site as a deployed nginx's do;
 * otherwise it goes (nginx ignores it without root, with a warning) and the workers run as the test's own user.
 */
export function nginxConfig(root: string, port: number, scratch: string, keepUser = asRoot): string {
	const site = readFileSync('/etc/nginx/sites-available/default', 'utf8')
		.replace(/^\s*#.*$/gm, '')
		.replace(/^\s*listen \[::\]:80 default_server;$/m, '')
		.replace(/^\s*listen 80 default_server;$/m, `\tlisten 127.0.0.1:${port} default_server;`)
		.replace(/^\s*root \/var\/www\/html;$/m, `\troot ${resolve(root)};`);
	if (!site.includes(`listen 127.0.0.1:${port}`) || !site.includes(`root ${resolve(root)};`))
		throw new Error('/etc/nginx/sites-available/default is not the stock Debian site');
	return (
		readFileSync('/etc/nginx/nginx.conf', 'utf8')
			// the test runs nginx in the foreground, writing only to a scratch folder
			.replace(/^user .*;$/m, (line) => (keepUser ? line : ''))
			.replace(/^pid .*;$/m, `pid ${scratch}/nginx.pid;\ndaemon off;`)
			.replace(/^error_log .*;$/m, `error_log ${scratch}/error.log;`)
			.replace(/access_log .*;/, `access_log ${scratch}/access.log;`)
			.replace(/include \/etc\/nginx\/sites-enabled\/\*;/, site)
			.replace(
				/^(http \{)$/m,
				`$1\n\tclient_body_temp_path ${scratch}/body;\n\tproxy_temp_path ${scratch}/proxy;\n\tfastcgi_temp_path ${scratch}/fastcgi;\n\tuwsgi_temp_path ${scratch}/uwsgi;\n\tscgi_temp_path ${scratch}/scgi;`
			)
	);
}

/** The user nginx's workers run as under `nginxConfig` (the stock `user` line's when root, else our own). */
function workerUser(conf: string): string {
	return /^user\s+([^\s;]+)/m.exec(conf)?.[1] ?? (process.env.USER || `uid ${process.getuid?.()}`);
}

/**
 * Debian's nginx, stock configuration with `root` set to `root`, on a free loopback port. Refuses at once, saying
 * why, when nginx's workers cannot read `root` (a folder on the way closed to their user — e.g. a clone inside a
 * `mktemp -d` folder, mode 0700, with workers as www-data): every path would answer 404.
 */
export async function startNginx(root: string): Promise<Preview> {
	const port = await freePort();
	const scratch = mkdtempSync(join(tmpdir(), 'nginx-test-'));
	// the master (root or us) writes here; workers only need to pass through
	chmodSync(scratch, 0o711);
	const conf = join(scratch, 'nginx.conf');
	const text = nginxConfig(root, port, scratch);
	writeFileSync(conf, text);
	const child = spawn('/usr/sbin/nginx', ['-c', conf, '-e', `${scratch}/error.log`], {
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let err = '';
	child.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
	const url = `http://127.0.0.1:${port}`;
	// SIGQUIT: nginx's graceful stop (the master takes its workers with it)
	const stop = stopper(child, 'SIGQUIT', () => rmSync(scratch, { recursive: true, force: true }));
	try {
		await waitUntilServing(child, url + '/', 'nginx', () => err);
		// the probe: the root's own address; a worker that cannot reach the root logs "(13: Permission denied)"
		await fetch(url + '/', { redirect: 'manual' }).then((r) => r.arrayBuffer());
		const denied = readFileSync(`${scratch}/error.log`, 'utf8')
			.split('\n')
			.find((line) => line.includes('(13: Permission denied)'));
		if (denied) {
			const user = workerUser(text);
			throw new Error(
				`nginx 的工作进程（用户 ${user}）不能读取网站目录 ${resolve(root)}：上级某个文件夹不允许其他用户进入（例如 mktemp -d 建的 0700 文件夹）。请从所有用户都能读取的文件夹提供网站。\n` +
					`nginx's workers (user ${user}) cannot read the site's root ${resolve(root)}: a folder on the way is closed to other users (e.g. a mktemp -d folder, mode 0700). Serve the site from a folder every user can read.\n` +
					`error.log: ${denied}`
			);
		}
	} catch (e) {
		await stop();
		throw e;
	}
	return { url, stop };
}
