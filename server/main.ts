// `npm start` → the office server: builds the example dataset when missing and the dashboard when missing or out of
// date, then serves them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildDashboard, buildState } from '../src/node/dashboard-build';
import { createOfficeServer } from './app';
import { readConfig } from './config';
import { installProcessGuard } from './guard';
import { ROOT } from './stage';

/** Runs a build step quietly: its output is shown only when it fails. */
function run(what: string, args: string[]): void {
	console.log(what);
	const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (r.status !== 0) {
		process.stdout.write(r.stdout ?? '');
		process.stderr.write(r.stderr ?? '');
		process.exit(r.status ?? 1);
	}
}

// an error nothing caught is logged with its request and the server goes on (server/guard.ts)
installProcessGuard();
const config = readConfig();
// The dataset: built from data/ (the bundled example) unless a build is already there (`npm run data` rebuilds).
if (!existsSync(`${ROOT}/static/data/manifest.json`))
	run('正在构建示例数据… / building the example data…', [
		'--max-old-space-size=8192',
		'--import',
		'tsx',
		'scripts/build-data.ts'
	]);
// The dashboard: built once (`npm run build`, or here at the first start) and served as it is while nothing it is
// made from changed (src/node/dashboard-build.ts); SKIP_BUILD=1 serves build/ without looking.
if (process.env.SKIP_BUILD !== '1' && config.buildDir === resolve(ROOT, 'build')) {
	const state = buildState(ROOT);
	if (state.current)
		console.log(
			`看板构建未变，直接使用 / the dashboard's build is current: served as it is (built ${state.stamp.builtAt})`
		);
	else {
		console.log(`正在构建看板（${state.why.zh}）… / building the dashboard (${state.why.en})…`);
		try {
			buildDashboard(ROOT, { quiet: true });
		} catch (e) {
			console.error((e as Error).message);
			process.exit(1);
		}
	}
}

// everything the server, DuckDB and the importer create from here is this user's only (server/modes.ts opens the
// published public data to the public web server explicitly)
process.umask(0o077);
const office = await createOfficeServer(config);
for (const path of office.cleaned) console.log(`清理未完成的写入 / removed half-written ${path}`);
if (office.recovered)
	console.log(
		`补全崩溃前切换的记录 / completed the record of the ${office.recovered.record.action} to ${office.recovered.record.id} a crash interrupted: ${office.recovered.completed.join(', ')}`
	);
if (office.pruned.length > 0)
	console.log(
		`删除过期的未通过上传 / removed failed uploads past their retention: ${office.pruned.join(', ')}`
	);
if (office.adminPassword)
	console.log(
		`\n首次启动：已创建管理员账户 admin，一次性密码 ${office.adminPassword}（登录后须修改）\nFirst start: account "admin" created with the one-time password ${office.adminPassword} (to be changed at first login)\n`
	);
office.server.listen(config.port, config.host, () => {
	console.log(
		`乐清旧改地图: http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/\n按 Ctrl+C 停止 / press Ctrl+C to stop`
	);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
	process.on(signal, () => {
		void office.close().then(() => process.exit(0));
	});
