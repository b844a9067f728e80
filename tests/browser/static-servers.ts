// Real static servers for the deploy tests: Python's http.server and Debian's nginx with its stock configuration
// (only `root`, `listen` and the files it writes changed), each on a free loopback port, stopped after.
// `scripts/ensure-static-servers.js` installs nginx when it is missing.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** The stock nginx.conf with the stock default site inlined: only its root, listen and file paths changed. */
export function nginxConfig(root: string, port: number, scratch: string): string {
	const site = readFileSync('/etc/nginx/sites-available/default', 'utf8')
		.replace(/^\s*#.*$/gm, '')
		.replace(/^\s*listen \[::\]:80 default_server;$/m, '')
		.replace(/^\s*listen 80 default_server;$/m, `\tlisten 127.0.0.1:${port} default_server;`)
		.replace(/^\s*root \/var\/www\/html;$/m, `\troot ${resolve(root)};`);
	if (!site.includes(`listen 127.0.0.1:${port}`) || !site.includes(`root ${resolve(root)};`))
		throw new Error('/etc/nginx/sites-available/default is not the stock Debian site');
	return (
		readFileSync('/etc/nginx/nginx.conf', 'utf8')
			// the test runs nginx in the foreground as the user running the tests, writing only to a scratch folder
			.replace(/^user .*;$/m, '')
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

/** Debian's nginx, stock configuration with `root` set to `root`, on a free loopback port. */
export async function startNginx(root: string): Promise<Preview> {
	const port = await freePort();
	const scratch = mkdtempSync(join(tmpdir(), 'nginx-test-'));
	const conf = join(scratch, 'nginx.conf');
	writeFileSync(conf, nginxConfig(root, port, scratch));
	const child = spawn('/usr/sbin/nginx', ['-c', conf, '-e', `${scratch}/error.log`], {
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let err = '';
	child.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
	const url = `http://127.0.0.1:${port}`;
	await waitUntilServing(child, url + '/', 'nginx', () => err);
	// SIGQUIT: nginx's graceful stop (the master takes its workers with it)
	return {
		url,
		stop: stopper(child, 'SIGQUIT', () => rmSync(scratch, { recursive: true, force: true }))
	};
}
