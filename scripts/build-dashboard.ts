// `npm run build`: the dashboard (build/) by Vite, stamped so that `npm start` reuses it while its inputs are
// unchanged (src/node/dashboard-build.ts says what "unchanged" means).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDashboard } from '../src/node/dashboard-build';

const ROOT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

try {
	const stamp = buildDashboard(ROOT_DIR);
	console.log(
		stamp
			? `看板构建完成，npm start 将直接使用 / built the dashboard; npm start serves it as is (.build-stamp.json)`
			: `构建期间源文件有改动：下次启动会重新构建 / a source changed during the build: the next start builds again`
	);
} catch (e) {
	console.error((e as Error).message);
	process.exit(1);
}
