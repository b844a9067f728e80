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

/** One town toggle of a page's sequence: which town, and what kind of toggle it is. */
export interface Toggle {
	code: string;
	/** first: the first toggle on a fresh page; another: a town on after all were off; add: a second town on; undo: a town off. */
	kind: 'first' | 'another' | 'add' | 'undo';
}

/** Per toggle, ms from the click (NaN: not seen within 30 s, or the page has no map). */
export interface ToggleTiming {
	kind: Toggle['kind'];
	/** → the KPI result reached the page (`data-kpi-version` on <main> changed). */
	kpiResult: number;
	/** → the KPI text in `[data-testid="kpis"]` changed (the DOM the next frame paints; any design). */
	kpiText: number;
	/** → the map drew a frame with the new filter (`data-painted` went false, then true). */
	repaint: number;
}

/** The toggles on one page: towns a, b, c on and off in turn, so each later kind is timed on a used page. */
export function toggleSequence(a: string, b: string, c: string): Toggle[] {
	return [
		{ code: a, kind: 'first' },
		{ code: a, kind: 'undo' },
		{ code: b, kind: 'another' },
		{ code: b, kind: 'undo' },
		{ code: c, kind: 'another' },
		{ code: a, kind: 'add' },
		{ code: a, kind: 'undo' },
		{ code: c, kind: 'undo' }
	];
}

// Runs in the page (as text: the TypeScript loader's helpers do not exist there). Clicks each town's check box
// in turn and times the KPI result, the KPI text and the repaint; between toggles it lets two frames and 300 ms
// pass, so each toggle starts on a settled page. Works on the product's `/` and on the peer page.
export const TIME_TOGGLES = `async (steps) => {
	const main = document.querySelector('main');
	const kpis = document.querySelector('[data-testid="kpis"]');
	const map = document.querySelector('[data-painted]');
	const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
	const out = [];
	for (const step of steps) {
		const box = document.querySelector('[data-filter="towns"] input[value="' + step.code + '"]');
		const version = main.getAttribute('data-kpi-version');
		const text = kpis.textContent;
		let tq = NaN;
		let tt = NaN;
		let tr = NaN;
		let unpainted = false;
		const observers = [];
		let timer = 0;
		const done = new Promise((resolve) => {
			const check = () => {
				if (tq === tq && tt === tt && (map === null || tr === tr)) resolve();
			};
			const watch = (node, options, f) => {
				const o = new MutationObserver(() => { f(); check(); });
				o.observe(node, options);
				observers.push(o);
			};
			watch(main, { attributes: true, attributeFilter: ['data-kpi-version'] }, () => {
				if (tq !== tq && main.getAttribute('data-kpi-version') !== version) tq = performance.now();
			});
			watch(kpis, { subtree: true, childList: true, characterData: true }, () => {
				if (tt !== tt && kpis.textContent !== text) tt = performance.now();
			});
			if (map)
				watch(map, { attributes: true, attributeFilter: ['data-painted'] }, () => {
					if (map.getAttribute('data-painted') !== 'true') unpainted = true;
					else if (unpainted && tr !== tr) tr = performance.now();
				});
			timer = setTimeout(resolve, 30000);
		});
		const t0 = performance.now();
		box.click();
		await done;
		clearTimeout(timer);
		for (const o of observers) o.disconnect();
		await frame();
		await frame();
		await new Promise((r) => setTimeout(r, 300));
		out.push({ kind: step.kind, kpiResult: tq - t0, kpiText: tt - t0, repaint: tr - t0 });
	}
	return out;
}`;
