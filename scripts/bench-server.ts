// npm run bench:server [-- --soak-minutes 10 --viewers 50 --keepers 5 --door-sizes 300000,1000000]
// [--queries 20 --page-runs 3] [--flood-clients 40 --flood-seconds 30] [--start-restarts 5 --start-first 3
// --start-rebuilds 1] [--attack-seconds 30] [--towns 25 --town-saves 10 --town-viewers 50] [--skip-load] [--skip-door]
// [--skip-flood] [--skip-start] [--skip-attack] [--skip-towns]
// The office server (issue 14): 50 viewers and 5 keepers at once on a free loopback port, then a soak with the
// server's memory sampled; and the query door against DuckDB-WASM at the generated sizes (npm run bench builds
// them into bench/out/SIZE/data); a viewer's requests while 40 clients flood the login, while another user runs the
// heaviest queries allowed, and while 5 keepers upload at once (issue 21); 25 town users saving at once while 50
// viewers read (issue 22: lost, doubled, the viewers' p95); and `npm start` with the build present
// (scripts/lib/bench-start.ts). Writes bench/server-results.json and the "Office server" tables in
// docs/benchmarks.md (each part's block only when that part ran). Timings are recorded, never asserted.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { replaceBlock } from './lib/bench-doc';
import { ATTACK_DEFAULTS, benchAttack, VIEWER_P95_TARGET_MS, type AttackResult } from './lib/bench-attack';
import { benchDoor, type DoorResult } from './lib/bench-door';
import { replicateBuild } from './lib/replicate-build';
import {
	benchLoginFlood,
	FLOOD_TARGET_P95_MS,
	LOGIN_FLOOD_DEFAULTS,
	type LoginFloodResult
} from './lib/bench-login-flood';
import {
	benchServer,
	firstScreenFiles,
	SERVER_BENCH_DEFAULTS,
	type ServerBenchResult
} from './lib/bench-server';
import { benchStart, START_BENCH_DEFAULTS, type StartBenchResult } from './lib/bench-start';
import {
	benchTowns,
	TOWNS_BENCH_DEFAULTS,
	TOWNS_VIEWER_P95_MS,
	type TownsBenchResult
} from './lib/bench-towns';
import { startOfficeProcess } from './lib/office-process';

const d = SERVER_BENCH_DEFAULTS;
const { values } = parseArgs({
	options: {
		viewers: { type: 'string', default: String(d.viewers) },
		keepers: { type: 'string', default: String(d.keepers) },
		rounds: { type: 'string', default: String(d.rounds) },
		validations: { type: 'string', default: String(d.validations) },
		'soak-minutes': { type: 'string', default: String(d.soakMinutes) },
		'soak-pages-per-second': { type: 'string', default: String(d.soakPagesPerSecond) },
		'soak-validation-seconds': { type: 'string', default: String(d.soakValidationSeconds) },
		'skip-load': { type: 'boolean', default: false },
		'skip-door': { type: 'boolean', default: false },
		'skip-flood': { type: 'boolean', default: false },
		'flood-clients': { type: 'string', default: String(LOGIN_FLOOD_DEFAULTS.clients) },
		'flood-seconds': { type: 'string', default: String(LOGIN_FLOOD_DEFAULTS.floodSeconds) },
		'skip-start': { type: 'boolean', default: false },
		'start-restarts': { type: 'string', default: String(START_BENCH_DEFAULTS.restarts) },
		'start-first': { type: 'string', default: String(START_BENCH_DEFAULTS.firstStarts) },
		'start-rebuilds': { type: 'string', default: String(START_BENCH_DEFAULTS.rebuilds) },
		'skip-attack': { type: 'boolean', default: false },
		/** Seconds of each attack scenario (quiet, heavy query, 5 uploads). */
		'attack-seconds': { type: 'string', default: String(ATTACK_DEFAULTS.seconds) },
		'skip-towns': { type: 'boolean', default: false },
		/** Town users saving at once (one per town), saves each, viewers reading meanwhile. */
		towns: { type: 'string', default: String(TOWNS_BENCH_DEFAULTS.towns) },
		'town-saves': { type: 'string', default: String(TOWNS_BENCH_DEFAULTS.saves) },
		'town-viewers': { type: 'string', default: String(TOWNS_BENCH_DEFAULTS.viewers) },
		'door-sizes': { type: 'string', default: '300000,1000000' },
		/** Filters sent through the query door per size. */
		queries: { type: 'string', default: '20' },
		/** Page loads per engine per size. */
		'page-runs': { type: 'string', default: '3' }
	}
});
const num = (name: keyof typeof values) => {
	const n = Number(values[name]);
	if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} takes a number (${String(values[name])})`);
	return n;
};

if (!existsSync('build/index.html'))
	throw new Error('build the site first: npm run build (npm run bench builds it too)');
if (!existsSync('static/data/manifest.json')) throw new Error('build the example first: npm run data');

const RESULTS = 'bench/server-results.json';
const stored = existsSync(RESULTS)
	? (JSON.parse(readFileSync(RESULTS, 'utf8')) as {
			server?: ServerBenchResult;
			door?: DoorResult[];
			flood?: LoginFloodResult;
			start?: StartBenchResult;
			attack?: AttackResult & { machine?: Machine };
			towns?: TownsBenchResult & { machine?: Machine };
			machine?: Machine;
		})
	: {};
type Machine = typeof machine;
const machine = {
	cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
	memoryGB: Math.round(totalmem() / 2 ** 30),
	node: process.version,
	chromium: execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim(),
	date: new Date().toISOString().slice(0, 10),
	/** The machine's load average when the run began: other work on the same two cores. */
	loadAverage: loadavg().map((x) => Math.round(x * 10) / 10)
};

// first, on a machine as quiet as the run gets: the load run leaves the server's files in the page cache
let start = stored.start ?? null;
if (!values['skip-start'])
	start = await benchStart(process.cwd(), {
		restarts: num('start-restarts'),
		firstStarts: num('start-first'),
		rebuilds: num('start-rebuilds')
	});

let server = stored.server ?? null;
if (!values['skip-load'])
	server = await benchServer({
		...d,
		viewers: num('viewers'),
		keepers: num('keepers'),
		rounds: num('rounds'),
		validations: num('validations'),
		soakMinutes: num('soak-minutes'),
		soakPagesPerSecond: num('soak-pages-per-second'),
		soakValidationSeconds: num('soak-validation-seconds')
	});

let flood = stored.flood ?? null;
if (!values['skip-flood']) {
	// the files of this build (a stored run's may name assets of an older one)
	let files = values['skip-load'] ? undefined : server?.files;
	if (!files) {
		const office = await startOfficeProcess();
		files = await firstScreenFiles(office.url).finally(() => office.stop());
	}
	flood = await benchLoginFlood(files, {
		...LOGIN_FLOOD_DEFAULTS,
		clients: num('flood-clients'),
		floodSeconds: num('flood-seconds')
	});
}

const door = stored.door ?? [];
if (!values['skip-door'])
	for (const size of values['door-sizes'].split(',').filter(Boolean)) {
		let dataDir = size === 'yueqing' ? 'static/data' : `bench/out/${size}/data`;
		let label = size;
		if (!existsSync(`${dataDir}/manifest.json`)) {
			// no generated build of this size: the largest one there, replicated (query door only)
			const built = (s: string) => (s === 'yueqing' ? 'static/data' : `bench/out/${s}/data`);
			const from = ['300000', '100000', '10000', 'yueqing']
				.filter((s) => s !== size)
				.find((s) => existsSync(`${built(s)}/manifest.json`));
			if (!from || !/^\d+$/.test(size)) {
				console.log(`\n${size}: no data build (npm run bench -- --sizes ${size} builds it); skipped`);
				continue;
			}
			dataDir = `bench/out/${size}-from-${from}/data`;
			label = `${size} (${from} replicated)`;
			if (!existsSync(`${dataDir}/manifest.json`)) await replicateBuild(built(from), dataDir, Number(size));
		}
		const row = await benchDoor(label, dataDir, {
			queries: num('queries'),
			pageRuns: num('page-runs'),
			// the page needs the map's files, which a replicated build does not have
			engines: existsSync(`${dataDir}/map.arrow`) ? ['server', 'browser'] : [],
			timeoutMs: 300_000
		});
		console.log('\ndoor:', JSON.stringify(row));
		door.splice(
			0,
			door.length,
			...[...door.filter((r) => r.size !== label), row].sort(
				(a, b) => a.communities - b.communities || a.size.localeCompare(b.size)
			)
		);
	}

let attack = stored.attack ?? null;
if (!values['skip-attack'])
	attack = {
		...(await benchAttack({
			seconds: num('attack-seconds'),
			keepers: num('keepers'),
			// a returning viewer's files: the first screen's, less the build's assets the browser keeps a year
			files: server?.files.filter((f) => !f.startsWith('/_app/immutable/')).concat('/api/release')
		})),
		machine
	};
let towns = stored.towns ?? null;
if (!values['skip-towns']) {
	towns = {
		...(await benchTowns({
			towns: num('towns'),
			saves: num('town-saves'),
			viewers: num('town-viewers')
		})),
		machine
	};
	console.log(`\ntowns: ${JSON.stringify(towns)}`);
}
// the machine the load run was measured on (kept when this run skipped it)
const loadMachine = values['skip-load'] ? (stored.machine ?? machine) : machine;

// formatted as npm run format would (prettier folds the short memory samples onto one line each)
writeFileSync(
	RESULTS,
	await format(JSON.stringify({ machine: loadMachine, server, door, flood, start, attack, towns }), {
		...(await resolveConfig(RESULTS)),
		filepath: RESULTS
	})
);

const f = (s: { median: number; p95: number }) => `${s.median} / ${s.p95}`;
const path = 'docs/benchmarks.md';
let doc = readFileSync(path, 'utf8');
// the load run's block only when it ran: a stored result keeps the words written with it
if (server && !values['skip-load']) {
	const { load, soak, options: o } = server;
	const rows = [
		'| run | length (s) | dashboard loads | validations | errors | page load, all files, median / p95 (ms) | keeper validation, median / p95 (ms) | requests/s | MB/s |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		`| load: ${o.viewers} viewers × ${o.rounds} loads, ${o.keepers} keepers × ${o.validations} | ${load.seconds} | ${load.pageLoads} | ${load.validationsDone} | ${load.errors} | ${f(load.pageLoadMs)} | ${f(load.validationMs)} | ${load.requestsPerSecond} | ${load.megabytesPerSecond} |`,
		...(soak
			? [
					`| soak: ${o.soakPagesPerSecond} load/s, a validation every ${o.soakValidationSeconds} s | ${soak.seconds} | ${soak.pageLoads} | ${soak.validationsDone} | ${soak.errors} | ${f(soak.pageLoadMs)} | ${f(soak.validationMs)} | ${soak.requestsPerSecond} | ${soak.megabytesPerSecond} |`
				]
			: [])
	];
	const memory = soak
		? `\n\nServer RSS (every ${o.sampleSeconds} s, ${soak.samples.length} samples): start ${soak.memory.startMB} MB, end ${soak.memory.endMB} MB, max ${soak.memory.maxMB} MB; slope after the first minute ${soak.memory.slopeMBPerMinute} MB/min — ${soak.memory.steady ? 'steady' : 'NOT steady'} (growth over the run under 5 % of the mean). Before the load run ${Math.round(server.rssBeforeMB)} MB, after it ${Math.round(server.rssAfterLoadMB)} MB.`
		: '';
	doc = replaceBlock(
		doc,
		'server',
		`Measured ${machine.date} on ${machine.cpus}, ${machine.memoryGB} GB, Node ${machine.node}; load average at the start ${machine.loadAverage.join(' / ')}. One dashboard load = ${server.files.length} files, ${(server.pageBytes / 1048576).toFixed(1)} MB.\n\n${rows.join('\n')}${memory}`
	);
}
if (door.length) {
	const s = (x: { median: number; p95: number; n: number }) => (x.n ? f(x) : '—');
	const rows = door.flatMap((r) =>
		r.engines.map(
			(e) =>
				`| ${r.size} | ${e.engine === 'server' ? 'query door (`?engine=server`)' : 'DuckDB-WASM (`?engine=browser`)'} | ${e.runs} of ${e.tried} | ${s(e.loadMs)} | ${s(e.kpisMs)} | ${s(e.filterToQueryMs)} | ${s(e.tabMB)} | ${e.failure ? e.failure.replaceAll('|', '/') : ''} |`
		)
	);
	doc = replaceBlock(
		doc,
		'door',
		[
			'| dataset | first query: server builds its query database (s) | filter → KPIs via `/api/query` from Node, median / p95 (ms) | filters | server RSS after (MB) |',
			'| --- | --- | --- | --- | --- |',
			...door.map(
				(r) => `| ${r.size} | ${r.queryDbSeconds} | ${f(r.kpiMs)} | ${r.filters} | ${r.serverRssMB} |`
			),
			'',
			'| dataset | engine | page loads | load → map interactive (ms) | → first KPIs (ms) | filter → KPI result in the page (ms) | tab (MB, PSS) | failure |',
			'| --- | --- | --- | --- | --- | --- | --- | --- |',
			...(rows.length
				? rows
				: ["| — | not measured: no size with the map's files was measured | | | | | | |"])
		].join('\n')
	);
}
if (flood && !values['skip-flood']) {
	const { options: o, baselineMs: b, floodMs: m } = flood;
	const met = m.p95 <= FLOOD_TARGET_P95_MS;
	const answers = Object.entries(flood.byStatus)
		.map(([status, n]) => `${n} × ${status}`)
		.join(', ');
	doc = replaceBlock(
		doc,
		'login-flood',
		[
			`Measured ${machine.date} on ${machine.cpus}, Node ${machine.node}; load average at the start ${machine.loadAverage.join(' / ')}. The server with its default login limits (per source 10/min, overall 60/min), each flooder from its own address; the viewer fetches the first screen's files one after another.`,
			'',
			'| run | viewer requests | viewer ms, median / p95 / max | target p95 | login attempts and answers | failed viewer requests | server RSS after (MB) |',
			'| --- | --- | --- | --- | --- | --- | --- |',
			`| viewer alone, ${o.baselineSeconds} s | ${b.n} | ${b.median} / ${b.p95} / ${b.max} | | | | |`,
			`| ${o.clients} clients flooding /api/login, ${o.floodSeconds} s | ${m.n} | ${m.median} / ${m.p95} / ${m.max} | ≤ ${FLOOD_TARGET_P95_MS} ms: ${met ? 'met' : 'MISSED'} | ${flood.attempts}: ${answers} | ${flood.viewerFailures.length} | ${flood.rssMB} |`
		].join('\n')
	);
}
if (start && !values['skip-start']) {
	const t = (x: { median: number; p95: number; max: number; n: number }) =>
		x.n ? `${x.median} / ${x.p95} / ${x.max}` : '—';
	const met = start.restartS.n && start.restartS.p95 <= 15 ? 'met' : 'missed';
	doc = replaceBlock(
		doc,
		'start',
		[
			`Measured ${machine.date} on ${machine.cpus}, Node ${machine.node}; load average at the start ${machine.loadAverage.join(' / ')}.`,
			'',
			'| `npm start` | runs | to the first 200 on `/`, median / p95 / max (s) | target |',
			'| --- | --- | --- | --- |',
			`| restart: build present, office-data kept | ${start.restartS.n} | ${t(start.restartS)} | ≤ 15 s: ${met} |`,
			`| first start: build present, office-data empty | ${start.firstStartS.n} | ${t(start.firstStartS)} | |`,
			`| start that builds the dashboard again (as every start did before) | ${start.rebuildS.n} | ${t(start.rebuildS)} | |`
		].join('\n')
	);
}
if (attack && !values['skip-attack']) {
	const statuses = (r: Record<string, number>) =>
		Object.entries(r)
			.map(([k, v]) => `${v} × ${k}`)
			.join(', ') || '—';
	doc = replaceBlock(
		doc,
		'attack',
		[
			`Measured ${(attack.machine ?? machine).date} on ${(attack.machine ?? machine).cpus}, Node ${(attack.machine ?? machine).node}; load average at the start ${(attack.machine ?? machine).loadAverage.join(' / ')}. Each scenario ${attack.options.seconds} s; the viewer's ${attack.files.length} files in turn: ${attack.files.map((f) => `\`${f}\``).join(', ')}.`,
			'',
			`| scenario | viewer's requests | errors | a viewer's request, median / p95 (ms) | target p95 | met | what the other party got (HTTP status) | server RSS, start → max (MB) |`,
			'| --- | --- | --- | --- | --- | --- | --- | --- |',
			...attack.rows.map(
				(r) =>
					`| ${r.scenario} | ${r.requests} | ${r.errors} | ${f(r.viewerMs)} | ≤ ${VIEWER_P95_TARGET_MS} | ${r.viewerMs.p95 <= VIEWER_P95_TARGET_MS && r.errors === 0 ? 'yes' : '**no**'} | ${statuses(r.attacker)} | ${r.serverRssMB.start} → ${r.serverRssMB.max} |`
			)
		].join('\n')
	);
}
if (towns && !values['skip-towns']) {
	const m = towns.machine ?? machine;
	const o = towns.options;
	const met = towns.lost === 0 && towns.doubled === 0 && towns.viewerMs.p95 <= TOWNS_VIEWER_P95_MS;
	const answers = Object.entries(towns.saveStatuses)
		.map(([k, v]) => `${v} × ${k}`)
		.join(', ');
	doc = replaceBlock(
		doc,
		'towns',
		[
			`Measured ${m.date} on ${m.cpus}, Node ${m.node}; load average at the start ${m.loadAverage.join(' / ')}.`,
			'',
			"| run | saves (requests) | answers | lost | doubled | a save, median / p95 (ms) | viewer requests (failed) | a viewer's request, median / p95 (ms) | target | server RSS, start → max (MB) |",
			'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
			`| ${o.towns} town users × ${o.saves} saves, each sent twice at once; ${o.viewers} viewers reading | ${towns.saves} (${towns.requests}) | ${answers} | ${towns.lost} | ${towns.doubled} | ${f(towns.saveMs)} | ${towns.viewerRequests} (${towns.viewerErrors}) | ${f(towns.viewerMs)} | 0 lost, 0 doubled, p95 ≤ ${TOWNS_VIEWER_P95_MS} ms: ${met ? 'met' : '**missed**'} | ${towns.serverRssMB.start} → ${towns.serverRssMB.max} |`
		].join('\n')
	);
}
writeFileSync(path, doc);
console.log(`wrote ${RESULTS} and ${path}`);
