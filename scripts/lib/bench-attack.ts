// The office server under attack and heavy use (issue 21): how long a viewer's request takes while someone else
// does the worst the server allows them. The server runs as `npm start` runs it (its own process, loopback only),
// the example published as real data; one logged-in viewer fetches what a returning viewer fetches — the page,
// the API's release, and the first screen's data files (the build's /_app/immutable/ files are cached by the
// browser for a year) — one request after another, each timed to its last byte. Scenarios, each for `seconds`:
//   quiet        the viewer alone, for comparison;
//   heavy query  another viewer keeps the query door full with the heaviest queries it allows: a cross join that
//                runs until the time limit, one whose result grows to the byte budget, and one whose rows outgrow
//                the query process's memory (as many at once as the door lets one user have);
//   5 uploads    five keepers each upload a ledger again and again (the server validates one at a time).
// Timings are recorded, never asserted; the target (a viewer's request ≤ 1 s at p95) is written beside them.
import { Client, PASSWORD } from './harness/office';
import { keeperName, LEDGER, loggedIn, publishExample } from './bench-server';
import { summarize, type Summary } from './load-stats';
import { startOfficeProcess } from './office-process';

export interface AttackOptions {
	/** Length of each scenario, seconds (default 30). */
	seconds: number;
	/** Keepers uploading at once in the upload scenario (default 5, issue 21). */
	keepers: number;
	/** The viewer's files (a returning viewer's: no /_app/immutable/); default the example's first screen. */
	files?: string[];
}

export const ATTACK_DEFAULTS: AttackOptions = { seconds: 30, keepers: 5 };

/** The viewer's request at p95 should take at most this long, in every scenario (issue 21). */
export const VIEWER_P95_TARGET_MS = 1000;

/** The first screen's data files (BENCHMARKS.md, "Office server"), when no recorded list is given. */
const DEFAULT_FILES = [
	'/',
	'/api/release',
	'/data/manifest.json',
	'/data/towns.geojson',
	'/data/boundary.geojson',
	'/data/land.geojson',
	'/data/map.arrow',
	'/data/communities.parquet',
	'/data/status.parquet',
	'/data/towns.parquet'
];

/** The heaviest queries the door allows one user: each stopped by a different limit. */
export const HEAVY_QUERIES = [
	// DuckDB work until the time limit interrupts it
	'SELECT count(*) AS n FROM community_view a, community_view b, range(1000) r WHERE a.households + r.range > b.households',
	// a result streamed until it passes the byte budget
	'SELECT c.* FROM community_view c, range(270) r',
	// rows that outgrow the query process's memory before the first chunk is out
	"SELECT repeat('x', 10000000) AS x FROM range(100)"
];

export interface AttackRow {
	scenario: string;
	seconds: number;
	/** The viewer's requests, their errors (non-200 or failed), and their times (ms). */
	requests: number;
	errors: number;
	errorSamples: string[];
	viewerMs: Summary;
	/** What the other party got: their answers by HTTP status (e.g. {"408": 3, "413": 5}). */
	attacker: Record<string, number>;
	/** The server process's resident memory: at the start and the largest sample (MB). */
	serverRssMB: { start: number; max: number };
}

export interface AttackResult {
	options: AttackOptions;
	files: string[];
	rows: AttackRow[];
	/** The query door's and the validation queue's settings the run used (the server's defaults). */
	settings: Record<string, string>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One viewer's requests in a loop until `until`: their times, errors. */
async function viewerLoop(
	viewer: Client,
	files: string[],
	until: () => boolean
): Promise<{ ms: number[]; errors: string[] }> {
	const ms: number[] = [];
	const errors: string[] = [];
	for (let i = 0; !until(); i++) {
		const path = files[i % files.length]!;
		const t0 = performance.now();
		try {
			const res = await viewer.request(path, { signal: AbortSignal.timeout(60_000) });
			await res.arrayBuffer();
			ms.push(performance.now() - t0);
			if (res.status !== 200) errors.push(`GET ${path}: ${res.status}`);
		} catch (e) {
			ms.push(performance.now() - t0);
			errors.push(`GET ${path}: ${(e as Error).message}`);
		}
	}
	return { ms, errors };
}

/** Keep `inFlight` of the heavy queries going for `user` until `until`; their answers by status. */
async function heavyQueries(
	user: Client,
	inFlight: number,
	until: () => boolean
): Promise<Record<string, number>> {
	const statuses: Record<string, number> = {};
	await Promise.all(
		Array.from({ length: inFlight }, async (_, lane) => {
			for (let i = lane; !until(); i++) {
				try {
					const res = await user.post('/api/query', { sql: HEAVY_QUERIES[i % HEAVY_QUERIES.length] });
					await res.arrayBuffer();
					statuses[res.status] = (statuses[res.status] ?? 0) + 1;
					// refused at once (the door is full for this user): ask again shortly, as a script would
					if (res.status === 429 || res.status === 503) await sleep(100);
				} catch (e) {
					const key = `failed: ${(e as Error).message}`;
					statuses[key] = (statuses[key] ?? 0) + 1;
				}
			}
		})
	);
	return statuses;
}

/** Keepers uploading the ledger again and again until `until`; their answers by status. */
async function uploads(keepers: Client[], until: () => boolean): Promise<Record<string, number>> {
	const statuses: Record<string, number> = {};
	await Promise.all(
		keepers.map(async (keeper) => {
			while (!until()) {
				try {
					const form = new FormData();
					for (const f of LEDGER) form.append('files', new Blob([f.bytes]), f.name);
					const res = await keeper.request('/api/releases', {
						method: 'POST',
						body: form,
						signal: AbortSignal.timeout(600_000)
					});
					const body = (await res.json()) as { info?: { ok: boolean } };
					const key = res.status === 200 && !body.info?.ok ? '200 (not validated)' : String(res.status);
					statuses[key] = (statuses[key] ?? 0) + 1;
				} catch (e) {
					const key = `failed: ${(e as Error).message}`;
					statuses[key] = (statuses[key] ?? 0) + 1;
				}
			}
		})
	);
	return statuses;
}

/** The three scenarios on a fresh server process. */
export async function benchAttack(options: AttackOptions): Promise<AttackResult> {
	const office = await startOfficeProcess();
	try {
		await publishExample(office, options.keepers);
		const files = options.files ?? DEFAULT_FILES;
		const viewer = await loggedIn(office.url, 'viewer', PASSWORD);
		const other = await loggedIn(office.url, 'viewer2', PASSWORD);
		const keepers: Client[] = [];
		for (let i = 0; i < options.keepers; i++)
			keepers.push(await loggedIn(office.url, keeperName(i), PASSWORD));
		// warm: every file read once, the query processes started
		for (const f of files) await (await viewer.get(f)).arrayBuffer();
		await (await other.post('/api/query', { sql: 'SELECT 1 AS one' })).arrayBuffer();

		const rows: AttackRow[] = [];
		const scenario = async (
			name: string,
			attack: (until: () => boolean) => Promise<Record<string, number>>
		) => {
			const end = performance.now() + options.seconds * 1000;
			const until = () => performance.now() >= end;
			const start = office.rssMB();
			let max = start;
			const sampler = setInterval(() => (max = Math.max(max, office.rssMB())), 250);
			const [viewed, attacker] = await Promise.all([viewerLoop(viewer, files, until), attack(until)]);
			clearInterval(sampler);
			const row: AttackRow = {
				scenario: name,
				seconds: options.seconds,
				requests: viewed.ms.length,
				errors: viewed.errors.length,
				errorSamples: viewed.errors.slice(0, 5),
				viewerMs: summarize(viewed.ms),
				attacker,
				serverRssMB: { start: Math.round(start), max: Math.round(max) }
			};
			console.log(`\nattack: ${JSON.stringify(row)}`);
			rows.push(row);
			// let what the scenario started finish before the next one
			await sleep(2000);
		};
		await scenario('quiet: the viewer alone', async () => ({}));
		await scenario('heavy query: another viewer keeps the query door full (8 at once)', (until) =>
			heavyQueries(other, 8, until)
		);
		await scenario(`${options.keepers} keepers upload at once, again and again`, (until) =>
			uploads(keepers, until)
		);
		if (office.exited()) throw new Error(`the server ended during the run: ${office.exited()}`);
		return {
			options,
			files,
			rows,
			settings: {
				QUERY_CONCURRENT: '2',
				QUERY_PER_USER: '8',
				QUERY_SECONDS: '10',
				QUERY_MAX_MB: '64',
				QUERY_MEMORY_MB: '1024',
				VALIDATE_CONCURRENT: '1'
			}
		};
	} finally {
		await office.stop();
	}
}
