// `npm run unlock -- NAME [--reset-password]` / `npm run unlock -- --all`, on the server's machine: lifts the
// login limits that keep NAME waiting (at every source and device), or every login limit, and with
// --reset-password gives NAME a new one-time password (printed here; every session of NAME ends). Asks the running
// server (its limits live in its memory), with the local key DATA_DIR/.backup-key; when no server runs there is no
// limit to lift, and --reset-password writes the store itself.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resetOneTimePassword, type UnlockResult } from './api-console';
import { readConfig } from './config';
import { Store } from './store';

const config = readConfig();
const { values, positionals } = parseArgs({
	options: {
		'reset-password': { type: 'boolean', default: false },
		all: { type: 'boolean', default: false }
	},
	allowPositionals: true
});
const name = positionals[0];
if (!values.all && !name) {
	console.error(
		'用法 / usage: npm run unlock -- 用户名/NAME [--reset-password]   或/or   npm run unlock -- --all'
	);
	process.exit(2);
}

/** The running server's answer, or undefined when nothing listens. */
async function askServer(): Promise<UnlockResult | undefined> {
	const keyFile = join(config.dataDir, '.backup-key');
	if (!existsSync(keyFile)) return undefined;
	const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
	let res: Response;
	try {
		res = await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${config.port}/api/console/unlock`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-backup-key': readFileSync(keyFile, 'utf8').trim() },
			body: JSON.stringify(values.all ? { all: true } : { name, resetPassword: values['reset-password'] })
		});
	} catch (e) {
		if (e instanceof TypeError) return undefined; // nothing listening: the server is stopped
		throw e;
	}
	const body = (await res.json()) as UnlockResult & { error?: { zh: string; en: string } };
	if (!res.ok) {
		console.error(`${body.error?.zh ?? res.status} / ${body.error?.en ?? res.statusText}`);
		process.exit(1);
	}
	return body;
}

const answer = await askServer();
let password = answer?.password ?? null;
if (answer)
	console.log(
		answer.name === null
			? '已解除全部登录限制 / every login limit lifted'
			: `已解除 ${answer.name} 的登录限制（${answer.sources} 个来源）/ login limits of ${answer.name} lifted (${answer.sources} source(s))`
	);
else {
	console.log(
		'服务未运行：登录限制只存在于运行中的服务内，已随其停止而清除 / the server is not running: login limits live in its memory and ended with it'
	);
	if (name && values['reset-password']) {
		const store = await Store.open(join(config.dataDir, 'store.duckdb'));
		try {
			if (!(await store.user(name))) {
				console.error(`没有账户“${name}” / no account "${name}"`);
				process.exit(1);
			}
			password = await resetOneTimePassword(
				store,
				name,
				config.clock() + config.oneTimePasswordHours * 3600_000
			);
			await store.audit({
				user: null,
				action: 'account-change',
				target: name,
				outcome: 'ok',
				detail: JSON.stringify({ reset: true, from: 'console' })
			});
		} finally {
			store.close();
		}
	}
}
if (password)
	console.log(
		`${name} 的一次性密码：${password}（${config.oneTimePasswordHours} 小时内有效，登录后须修改）\nOne-time password of ${name}: ${password} (valid ${config.oneTimePasswordHours} h, to be changed at login)`
	);
