// `npm start`: build what is missing or stale, then serve the dashboard (PORT overrides 4173).
import { spawnSync, spawn } from 'node:child_process';

function run(cmd, args) {
	const r = spawnSync(cmd, args, { stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

const port = process.env.PORT ?? '4173';
run(process.execPath, ['node_modules/vite/bin/vite.js', 'build']);
console.log(`\n乐清旧改地图: http://localhost:${port}/\n`);
const server = spawn(
	process.execPath,
	['node_modules/vite/bin/vite.js', 'preview', '--strictPort', '--port', port],
	{ stdio: 'inherit' }
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
