// npx tsx scripts/bench-click.ts --sites before=/tmp/a,after=build --sizes 100000,300000 --runs 5
// Filter → KPIs on `/` only (no peer, no load figures): built sites (each a `vite build` output) served with the
// bench's built data of each size, the same eight town toggles per fresh page as `npm run bench`
// (scripts/lib/bench-map.ts, the same definitions), the sites interleaved run by run, so two builds are compared
// on the same machine at the same time. Prints median / p95 per site and size; writes nothing into the project.
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from './lib/harness/browser';
import { startStatic } from './lib/harness/site-server';
import { measureMap } from './lib/bench-map';
import type { ToggleTiming } from './lib/bench-page';
import { toggleStats } from './lib/bench-stats';

const { values } = parseArgs({
	options: {
		sites: { type: 'string', default: 'current=build' },
		sizes: { type: 'string', default: '300000' },
		runs: { type: 'string', default: '5' },
		/** Where the bench's built data lives (`<dir>/<size>/data`). */
		data: { type: 'string', default: 'bench/out' },
		scratch: { type: 'string', default: '/tmp/bench-click' }
	}
});
const sites = values.sites.split(',').map((s) => {
	const [label, dir] = s.split('=');
	if (!label || !dir) throw new Error(`--sites: label=dir, not "${s}"`);
	return { label, dir: resolve(dir) };
});
const runs = Number(values.runs);

const browser = await launchBrowser();
try {
	for (const size of values.sizes.split(',')) {
		const data = resolve(values.data, size, 'data');
		if (!existsSync(`${data}/map.arrow`)) throw new Error(`no built data at ${data}`);
		const served = [];
		for (const s of sites) {
			const dir = `${values.scratch}/${s.label}-${size}`;
			rmSync(dir, { recursive: true, force: true });
			mkdirSync(dir, { recursive: true });
			cpSync(s.dir, dir, { recursive: true, filter: (src) => !src.startsWith(`${s.dir}/data`) });
			symlinkSync(data, `${dir}/data`);
			served.push({ ...s, server: await startStatic(dir), toggles: [] as ToggleTiming[] });
		}
		try {
			for (let i = 0; i < runs; i++) {
				const order = i % 2 === 0 ? served : [...served].reverse();
				for (const s of order) {
					const m = await measureMap(browser, s.server.url, 1, false, () => {});
					s.toggles.push(...m.toggles);
				}
				process.stdout.write('.');
			}
		} finally {
			for (const s of served) await s.server.stop();
		}
		console.log();
		for (const s of served) {
			const t = toggleStats(s.toggles);
			const f = (x: { median: number; p95: number; n: number }) => `${x.median} / ${x.p95} (n ${x.n})`;
			console.log(
				`${size} ${s.label}: first → KPI text ${f(t.first.kpiText)}, → result ${f(t.first.kpiResult)}, ` +
					`→ repaint ${f(t.first.repaint)}; later → KPI text ${f(t.later.kpiText)}, ` +
					`→ result ${f(t.later.kpiResult)}, → repaint ${f(t.later.repaint)}`
			);
		}
	}
} finally {
	await browser.close();
}
