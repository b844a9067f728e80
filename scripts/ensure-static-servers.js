// The deploy tests serve the public site with real static servers: Python's http.server and Debian's nginx (its
// stock configuration). Install nginx when missing (as root, like ensure-chromium.js), else say how.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const INSTALL = 'apt-get update && apt-get install -y nginx';
const hasNginx = () => existsSync('/usr/sbin/nginx') && existsSync('/etc/nginx/sites-available/default');
const hasPython = () => spawnSync('python3', ['--version']).status === 0;

if (!hasPython()) {
	console.error('缺少 python3 / python3 missing: apt-get install -y python3');
	process.exit(1);
}
if (hasNginx()) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
	console.error(`缺少 nginx / nginx missing (for the deploy tests). Run as root:\n  ${INSTALL}`);
	process.exit(1);
}
console.log(`安装 nginx / installing nginx: ${INSTALL}`);
// (where systemd runs, Debian's package also starts the nginx service on port 80; the tests use their own)
execSync(INSTALL, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
if (!hasNginx()) {
	console.error('安装后仍缺少 nginx / still missing after install');
	process.exit(1);
}
