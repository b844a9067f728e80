// Browser tests drive Debian's Chromium with CJK fonts, and turn printed PDFs into text and PNGs with poppler
// (pdftotext, pdftoppm). Install them when missing (as root), else say how.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const PDFTOPPM = '/usr/bin/pdftoppm';
const INSTALL = 'apt-get update && apt-get install -y chromium fonts-noto-cjk poppler-utils';

function hasCjkFont() {
	const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
	return r.status === 0 && /Noto Sans CJK/.test(r.stdout);
}

const ready = () => existsSync(CHROMIUM) && existsSync(PDFTOPPM) && hasCjkFont();
if (ready()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
	console.error(
		`缺少 Chromium、中文字体或 poppler / Chromium, CJK fonts or poppler missing. Run as root:\n  ${INSTALL}`
	);
	process.exit(1);
}
console.log(`安装 Chromium、中文字体和 poppler / installing Chromium, CJK fonts and poppler: ${INSTALL}`);
execSync(INSTALL, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
if (!ready()) {
	console.error('安装后仍缺少 Chromium、中文字体或 poppler / still missing after install');
	process.exit(1);
}
