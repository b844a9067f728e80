// `npm start`: build the dataset if there is none, build the site, then serve it (PORT overrides 4173).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(cmd, args) {
	const r = spawnSync(cmd, args, { stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

const port = process.env.PORT ?? '4173';
// The dataset: built from data/ (the bundled example) unless a build is already there (`npm run data` rebuilds).
if (!existsSync('static/data/manifest.json')) {
	run(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', 'scripts/build-data.ts']);
}
run(process.execPath, ['node_modules/vite/bin/vite.js', 'build']);
console.log(`\n乐清旧改地图: http://localhost:${port}/\n`);
const server = spawn(
	process.execPath,
	['node_modules/vite/bin/vite.js', 'preview', '--strictPort', '--port', port],
	{ stdio: 'inherit' }
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
