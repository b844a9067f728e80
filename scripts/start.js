// `npm start`: build the dataset if there is none, build the site, then serve it (PORT overrides 4173).
// The site's code is served from build/; its data from static/data/ as it is on disk at each request, so after
// `npm run data -- --input …` a reload shows the new data with no restart (scripts/lib/serve.js).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { siteServer } from './lib/serve.js';

function run(cmd, args) {
	const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
	if (r.status !== 0) {
		console.error(`失败 / failed: ${[cmd, ...args].join(' ')}`);
		process.exit(r.status ?? 1);
	}
}

const port = Number(process.env.PORT ?? '4173');
// The dataset: built from data/ (the bundled example) unless a build is already there (`npm run data` rebuilds).
if (!existsSync('static/data/manifest.json')) {
	console.log('正在构建数据 / building the data…');
	run(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', 'scripts/build-data.ts']);
}
console.log('正在构建网站 / building the site…');
run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error']);

const server = siteServer({ site: 'build', data: 'static/data' });
server.on('error', (e) => {
	console.error(
		e.code === 'EADDRINUSE'
			? `端口 ${port} 已被占用，请设置 PORT=其他端口 / port ${port} is in use: set PORT to another`
			: String(e)
	);
	process.exit(1);
});
server.listen(port, 'localhost', () => {
	console.log(`\n乐清旧改地图: http://localhost:${port}/`);
	console.log('按 Ctrl+C 停止 / press Ctrl+C to stop\n');
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
