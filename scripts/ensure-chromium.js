// Browser tests drive Debian's Chromium with CJK fonts. Install them when missing (as root), else say how.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';

function hasCjkFont() {
	const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
	return r.status === 0 && /Noto Sans CJK/.test(r.stdout);
}

if (existsSync(CHROMIUM) && hasCjkFont()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
	console.error(`缺少 Chromium 或中文字体 / Chromium or CJK fonts missing. Run as root:\n  ${INSTALL}`);
	process.exit(1);
}
console.log(`安装 Chromium 和中文字体 / installing Chromium and CJK fonts: ${INSTALL}`);
execSync(INSTALL, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
if (!existsSync(CHROMIUM) || !hasCjkFont()) {
	console.error('安装后仍缺少 Chromium 或中文字体 / still missing after install');
	process.exit(1);
}
