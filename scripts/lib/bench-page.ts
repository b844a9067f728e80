// What the map bench measures inside Chromium, shared by npm run bench and npm run bench:server: the tab's
// memory and the filter → query → repaint timing run in the page.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * The tab's memory: proportional set size (PSS: shared pages divided among the processes sharing them) of
 * Chromium's renderer processes started by this process — one tab is open at a time, and DuckDB-WASM's worker
 * lives in that process, so its memory is included; other programs' Chromiums on the machine are left out — in MB.
 */
export function rendererMB(): number {
	const ps = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
	const parent = new Map<number, number>();
	const renderers: number[] = [];
	for (const line of ps.split('\n')) {
		const [pid, ppid] = line.trim().split(/\s+/).map(Number);
		if (!pid) continue;
		parent.set(pid, ppid ?? 0);
		if (line.includes('chromium') && line.includes('--type=renderer')) renderers.push(pid);
	}
	const mine = (pid: number) => {
		for (let p = parent.get(pid); p; p = parent.get(p)) if (p === process.pid) return true;
		return false;
	};
	let kb = 0;
	for (const pid of renderers.filter(mine)) {
		try {
			const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
			kb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
		} catch {
			// the process ended meanwhile
		}
	}
	return kb / 1024;
}

// Runs in the page (as text: the TypeScript loader's helpers do not exist there). Toggles a town and times the
// query result (the KPI query's result arrives) and the repaint (deck.gl has drawn the re-filtered layer).
export const TIME_FILTER = `async (code) => {
	const main = document.querySelector('main');
	const map = document.querySelector('[data-painted]');
	const before = main.getAttribute('data-kpi-version');
	const box = document.querySelector('[data-filter="towns"] input[value="' + code + '"]');
	let tq = 0;
	let tr = 0;
	let unpainted = false;
	const done = new Promise((resolve) => {
		const check = () => (tq && tr ? resolve() : null);
		new MutationObserver(() => {
			const painted = map.getAttribute('data-painted') === 'true';
			if (!painted) unpainted = true;
			else if (unpainted && !tr) tr = performance.now();
			check();
		}).observe(map, { attributes: true, attributeFilter: ['data-painted'] });
		new MutationObserver(() => {
			if (!tq && main.getAttribute('data-kpi-version') !== before) tq = performance.now();
			check();
		}).observe(main, { attributes: true, attributeFilter: ['data-kpi-version'] });
	});
	const t0 = performance.now();
	box.click();
	await done;
	return [tq - t0, tr - t0];
}`;
