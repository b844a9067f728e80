// The map's WebGL set-ups side by side (issue 13): several builds of the site, each served with the same data,
// measured with bench-map's definitions (load → map interactive, town toggles → repainted), interleaved run by
// run with the order rotating, in one headless Chromium. Bench only, not part of `npm run bench`:
//   npx tsx scripts/lib/bench-webgl.ts --sites name=dir,name=dir --size yueqing --runs 5 [--data dir]
// where each dir is a `vite build` output (without data) and the data is /work/main/bench/out/<size>/data by
// default. Prints medians per set-up: load, the map's first idle, and the repaint per toggle kind.
import { existsSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from './harness/browser';
import { startStatic, type Preview } from './harness/site-server';
import { measureMap, type MapRuns } from './bench-map';

const { values } = parseArgs({
	options: {
		sites: { type: 'string' },
		size: { type: 'string', default: 'yueqing' },
		runs: { type: 'string', default: '5' },
		data: { type: 'string' },
		out: { type: 'string' }
	}
});
if (!values.sites) throw new Error('--sites name=dir,… is required');
const sites = values.sites.split(',').map((s) => {
	const [name, dir] = s.split('=');
	if (!name || !dir || !existsSync(dir)) throw new Error(`--sites: no build at ${dir}`);
	return { name, dir: resolve(dir) };
});
const data = resolve(values.data ?? `/work/main/bench/out/${values.size}/data`);
const runs = Number(values.runs);

function median(xs: number[]): number {
	const s = xs.filter((x) => x === x).sort((a, b) => a - b);
	if (!s.length) return NaN;
	const m = s.length >> 1;
	return Math.round(s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2);
}

const servers: Preview[] = [];
for (const s of sites) {
	rmSync(`${s.dir}/data`, { recursive: true, force: true });
	symlinkSync(data, `${s.dir}/data`);
	// plain files: `vite preview` serves the app of the working directory's .svelte-kit whatever --outDir says,
	// so two builds under preview would both be this tree's
	servers.push(await startStatic(s.dir));
}
const all: MapRuns[][] = sites.map(() => []);
const browser = await launchBrowser();
try {
	for (let i = 0; i < runs; i++) {
		for (let k = 0; k < sites.length; k++) {
			const j = (i + k) % sites.length;
			let m: MapRuns;
			try {
				m = await measureMap(browser, servers[j]!.url, 1, false, () => {});
			} catch (e) {
				// a run that timed out (a stretched machine) is reported and left out, not fatal
				console.log(`${sites[j]!.name}: failed: ${(e as Error).message.split('\n')[0]}`);
				continue;
			}
			all[j]!.push(m);
			const repaints = m.toggles.map((t) => Math.round(t.repaint)).join(' ');
			console.log(`${sites[j]!.name}: load ${m.load[0]} ms, repaints ${repaints}`);
		}
	}
} finally {
	await browser.close();
	for (const s of servers) await s.stop();
}

const summary = sites.map((s, j) => {
	const r = all[j]!;
	const toggles = r.flatMap((x) => x.toggles);
	const byKind = (k: string) => median(toggles.filter((t) => t.kind === k).map((t) => t.repaint));
	return {
		setup: s.name,
		size: values.size,
		runs: r.length,
		loadMs: median(r.flatMap((x) => x.load)),
		firstIdleMs: median(r.flatMap((x) => x.firstIdle)),
		tabMB: median(r.flatMap((x) => x.tab)),
		repaintFirstMs: byKind('first'),
		repaintLaterMs: median(toggles.filter((t) => t.kind !== 'first').map((t) => t.repaint)),
		repaintUndoMs: byKind('undo'),
		repaintAnotherMs: byKind('another'),
		repaintAddMs: byKind('add'),
		kpiTextLaterMs: median(toggles.filter((t) => t.kind !== 'first').map((t) => t.kpiText)),
		offOrigin: r.reduce((a, x) => a + x.offOrigin, 0),
		raw: r.map((x) => ({ load: x.load[0], toggles: x.toggles.map((t) => [t.kind, Math.round(t.repaint)]) }))
	};
});
for (const row of summary) {
	const { raw: _raw, ...short } = row;
	console.log(JSON.stringify(short));
}
if (values.out) writeFileSync(values.out, JSON.stringify(summary, null, '\t'));
