// npx tsx scripts/trace-toggle.ts [--site build] [--size 300000] [--out /tmp/trace-toggle]
// A Chromium performance trace of `/`'s later town toggles (the bench's, scripts/lib/bench-page.ts): a built site
// served with the bench's built data of a size, one fresh page, a first toggle and its undo left out, then two
// later toggles traced. Prints, per traced toggle, the click → KPI text and → repaint times and what the
// renderer's main thread and the GPU process ran in between: their tasks and the functions that took the most
// time (CPU samples, self time). Writes the raw trace (open it in Chrome's Performance panel) into --out.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from './lib/harness/browser';
import { startStatic } from './lib/harness/site-server';
import { TIME_TOGGLES, toggleSequence } from './lib/bench-page';

const { values } = parseArgs({
	options: {
		site: { type: 'string', default: 'build' },
		size: { type: 'string', default: '300000' },
		data: { type: 'string', default: 'bench/out' },
		out: { type: 'string', default: '/tmp/trace-toggle' },
		/** Only read a trace this script wrote before. */
		from: { type: 'string' }
	}
});
if (values.from) {
	analyse((JSON.parse(readFileSync(values.from, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents);
	process.exit(0);
}

interface TraceEvent {
	name: string;
	cat: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	id?: string;
	args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string };
}

// the bench's toggles, marked in the trace (performance.mark) at the click, the KPI text and the repaint
const MARKED = TIME_TOGGLES.replace('box.click();', "performance.mark('tt:click'); box.click();")
	.replace('tt = performance.now();', "tt = performance.now(); performance.mark('tt:text');")
	.replace('tr = performance.now();', "tr = performance.now(); performance.mark('tt:repaint');");
if (MARKED === TIME_TOGGLES) throw new Error('the bench toggles changed: mark them again');

const site = resolve(values.site);
const data = resolve(values.data, values.size, 'data');
if (!existsSync(`${data}/map.arrow`)) throw new Error(`no built data at ${data}`);
const dir = `${values.out}/site-${values.size}`;
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
cpSync(site, dir, { recursive: true, filter: (src) => !src.startsWith(`${site}/data`) });
symlinkSync(data, `${dir}/data`);
const server = await startStatic(dir);
const browser = await launchBrowser();
try {
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
	const page = await context.newPage();
	await page.goto(server.url + '/');
	await page.waitForSelector('[data-map-idle="true"][data-painted="true"]', { timeout: 180_000 });
	await page.waitForSelector('main:not([data-kpi-version="0"])', { timeout: 60_000 });
	const [a, b, c] = ['330382002', '330382114', '330382101'] as const;
	const seq = toggleSequence(a, b, c);
	// the first toggle and its undo, untraced: what is traced are later toggles on a used page
	await page.evaluate(`(${TIME_TOGGLES})(${JSON.stringify(seq.slice(0, 2))})`);
	await browser.startTracing(page, {
		categories: [
			'devtools.timeline',
			'disabled-by-default-devtools.timeline',
			'disabled-by-default-devtools.timeline.frame',
			'v8.execute',
			'blink.user_timing',
			'disabled-by-default-v8.cpu_profiler',
			'gpu',
			'toplevel'
		]
	});
	const timings = await page.evaluate(`(${MARKED})(${JSON.stringify(seq.slice(2, 4))})`);
	const buffer = await browser.stopTracing();
	mkdirSync(values.out, { recursive: true });
	const file = `${values.out}/trace-${values.size}.json`;
	writeFileSync(file, buffer);
	console.log('timings', JSON.stringify(timings));
	const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
	analyse(events);
	console.log(`trace: ${file}`);
} finally {
	await browser.close();
	await server.stop();
}

function analyse(events: TraceEvent[]) {
	const marks = events
		.filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith('tt:'))
		.sort((x, y) => x.ts - y.ts);
	const rendererMain = marks[0] ? { pid: marks[0].pid, tid: marks[0].tid } : null;
	if (!rendererMain) throw new Error('no marks in the trace');
	const threadNames = new Map<string, string>();
	for (const e of events)
		if (e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, String(e.args?.name));
	const samples = cpuSamples(events);
	const clicks = marks.filter((m) => m.name === 'tt:click');
	for (const [i, click] of clicks.entries()) {
		const next = clicks[i + 1]?.ts ?? Infinity;
		const text = marks.find((m) => m.name === 'tt:text' && m.ts > click.ts && m.ts < next);
		const repaint = marks.find((m) => m.name === 'tt:repaint' && m.ts > click.ts && m.ts < next);
		const ms = (t: number | undefined) => (t === undefined ? 'n/a' : ((t - click.ts) / 1000).toFixed(1));
		console.log(`\n=== toggle ${i + 1}: click → text ${ms(text?.ts)} ms, → repaint ${ms(repaint?.ts)} ms`);
		const end = repaint?.ts ?? text?.ts ?? click.ts + 1e6;
		// top-level tasks per thread in [click, repaint]
		const tasks = events.filter(
			(e) =>
				e.ph === 'X' &&
				(e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
				e.ts + (e.dur ?? 0) > click.ts - 200 &&
				e.ts < end
		);
		const byThread = new Map<string, { n: number; ms: number; long: string[] }>();
		for (const t of tasks) {
			const key = `${t.pid}:${t.tid}`;
			const r = byThread.get(key) ?? { n: 0, ms: 0, long: [] };
			r.n++;
			r.ms += (t.dur ?? 0) / 1000;
			if ((t.dur ?? 0) > 3000) r.long.push(`${ms(t.ts)}+${((t.dur ?? 0) / 1000).toFixed(1)}`);
			byThread.set(key, r);
		}
		for (const [key, r] of [...byThread].sort((x, y) => y[1].ms - x[1].ms).slice(0, 8))
			console.log(
				`  ${threadNames.get(key) ?? key}: ${r.n} tasks, ${r.ms.toFixed(1)} ms; long (start+dur ms): ${r.long.slice(0, 12).join(' ')}`
			);
		// the timeline: each task over 2 ms on the renderer's main thread and the GPU process's main thread, with
		// the events directly under it
		const gpuMain = [...threadNames].find(([, n]) => n === 'CrGpuMain')?.[0];
		for (const t of tasks
			.filter((t) => t.name === 'ThreadControllerImpl::RunTask' && (t.dur ?? 0) > 2000)
			.sort((x, y) => x.ts - y.ts)) {
			const key = `${t.pid}:${t.tid}`;
			const main = t.pid === rendererMain.pid && t.tid === rendererMain.tid;
			if (!main && key !== gpuMain) continue;
			const inner = events
				.filter(
					(e) =>
						e.ph === 'X' &&
						e.pid === t.pid &&
						e.tid === t.tid &&
						e.ts >= t.ts &&
						e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0) &&
						e !== t &&
						(e.dur ?? 0) > 1000 &&
						!/RunTask|V8\.|ThreadController/.test(e.name)
				)
				.slice(0, 6)
				.map((e) => `${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)}`);
			console.log(
				`    ${main ? 'main' : 'gpu '} ${ms(t.ts).padStart(7)} +${((t.dur ?? 0) / 1000).toFixed(1).padStart(6)}  ${inner.join(', ')}`
			);
		}
		// what the main thread ran, by trace event name (self time not computed: whole events, nested ones included)
		const names = new Map<string, number>();
		for (const e of events)
			if (
				e.ph === 'X' &&
				e.pid === rendererMain.pid &&
				e.tid === rendererMain.tid &&
				e.ts >= click.ts - 200 &&
				e.ts < end &&
				e.name !== 'RunTask'
			)
				names.set(e.name, (names.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
		console.log(
			'  main thread events (ms, nested included): ' +
				[...names]
					.sort((x, y) => y[1] - x[1])
					.slice(0, 16)
					.map(([n, d]) => `${n} ${d.toFixed(1)}`)
					.join(', ')
		);
		for (const [label, to] of [
			['click → text', text?.ts],
			['text → repaint', repaint?.ts]
		] as const) {
			const from = label === 'click → text' ? click.ts : (text?.ts ?? click.ts);
			if (to === undefined) continue;
			const fns = new Map<string, number>();
			const inclusive = new Map<string, number>();
			let total = 0;
			for (const s of samples)
				if (s.pid === rendererMain.pid && s.tid === rendererMain.tid && s.ts >= from && s.ts < to) {
					fns.set(s.fn, (fns.get(s.fn) ?? 0) + s.dt / 1000);
					for (const f of new Set(s.stack)) inclusive.set(f, (inclusive.get(f) ?? 0) + s.dt / 1000);
					total += s.dt / 1000;
				}
			console.log(`  main thread CPU samples, ${label}: ${total.toFixed(1)} ms sampled; self:`);
			for (const [fn, d] of [...fns].sort((x, y) => y[1] - x[1]).slice(0, 15))
				console.log(`    ${d.toFixed(1).padStart(7)}  ${fn}`);
			console.log('   inclusive (own code, named):');
			for (const [fn, d] of [...inclusive]
				.filter(([f]) => !f.startsWith('('))
				.sort((x, y) => y[1] - x[1])
				.slice(0, 40))
				console.log(`    ${d.toFixed(1).padStart(7)}  ${fn}`);
		}
	}
}

/** Every CPU sample of the trace's profiles: its thread, time (µs), duration (µs) and function (self). */
function cpuSamples(events: TraceEvent[]) {
	const out: { pid: number; tid: number; ts: number; dt: number; fn: string; stack: string[] }[] = [];
	const profiles = new Map<
		string,
		{
			pid: number;
			tid: number;
			ts: number;
			nodes: Map<number, string>;
			parents: Map<number, number>;
			last: number;
		}
	>();
	for (const e of events) {
		const key = `${e.pid}:${e.id}`;
		if (e.name === 'Profile') {
			const start = Number((e.args?.data as { startTime?: number })?.startTime ?? e.ts);
			profiles.set(key, {
				pid: e.pid,
				tid: e.tid,
				ts: start,
				nodes: new Map(),
				parents: new Map(),
				last: -1
			});
		} else if (e.name === 'ProfileChunk') {
			const p = profiles.get(key);
			if (!p) continue;
			const d = e.args?.data as {
				cpuProfile?: {
					nodes?: {
						id: number;
						parent?: number;
						callFrame: { functionName: string; url: string; lineNumber: number };
					}[];
					samples?: number[];
				};
				timeDeltas?: number[];
			};
			for (const n of d.cpuProfile?.nodes ?? []) if (n.parent !== undefined) p.parents.set(n.id, n.parent);
			for (const n of d.cpuProfile?.nodes ?? [])
				p.nodes.set(
					n.id,
					`${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').split('/').pop()}:${n.callFrame.lineNumber}`
				);
			const ids = d.cpuProfile?.samples ?? [];
			const deltas = d.timeDeltas ?? [];
			for (let i = 0; i < ids.length; i++) {
				p.ts += deltas[i] ?? 0;
				// a gap (the thread idle, not sampled) is not the last sample's: at most 2 ms to a sample
				if (p.last >= 0) out[p.last]!.dt = Math.min(p.ts - out[p.last]!.ts, 2000);
				const stack: string[] = [];
				for (let n: number | undefined = ids[i]!; n !== undefined; n = p.parents.get(n))
					stack.push(p.nodes.get(n) ?? '?');
				p.last = out.push({ pid: p.pid, tid: p.tid, ts: p.ts, dt: 0, fn: stack[0] ?? '?', stack }) - 1;
			}
		}
	}
	return out;
}
