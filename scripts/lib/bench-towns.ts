// The towns saving at once (issue 22's load target): 25 town accounts — one per 乡镇（街道） of the example, one
// user each — each record `saves` payments of resident funds for one of their communities over real HTTP
// (`POST /api/changes`, each with its own idempotency key, and each sent twice at once as a form that retries
// after a lost answer would), while `viewers` logged-in viewers read the first screen's files in a loop. Then the
// changes table is read back: a save is lost when no change has its key, doubled when more than one change (or a
// change of another amount) has it. Timings are recorded, never asserted; the target (0 lost, 0 doubled, a
// viewer's request ≤ 1 s at p95) is written beside them.
import { readFileSync } from 'node:fs';
import type { ChangeRecord } from '../../src/lib/office/api';
import { parseCsv } from '../../src/lib/files/csv';
import { Client, PASSWORD } from './harness/office';
import { loggedIn, publishExample } from './bench-server';
import { summarize, type Summary } from './load-stats';
import { startOfficeProcess } from './office-process';

export interface TownsBenchOptions {
	/** Town accounts saving at once, one per town of the example (default 25: all of them). */
	towns: number;
	/** Saves per town user (default 10). */
	saves: number;
	/** Viewers reading while the towns save (default 50). */
	viewers: number;
}

export const TOWNS_BENCH_DEFAULTS: TownsBenchOptions = { towns: 25, saves: 10, viewers: 50 };

/** A viewer's request at p95 should take at most this long while the towns save (issue 22). */
export const TOWNS_VIEWER_P95_MS = 1000;

/** A returning viewer's first screen (the build's assets are cached by the browser for a year). */
const VIEWER_FILES = [
	'/',
	'/api/release',
	'/data/manifest.json',
	'/data/towns.geojson',
	'/data/map.arrow',
	'/data/communities.parquet',
	'/data/status.parquet',
	'/data/towns.parquet'
];

export interface TownsBenchResult {
	options: TownsBenchOptions;
	/** Seconds from the first save to the last answer. */
	seconds: number;
	/** Saves meant (towns × saves) and requests sent (each save twice). */
	saves: number;
	requests: number;
	/** Answers to the save requests by HTTP status (201 recorded, 200 the same key again). */
	saveStatuses: Record<string, number>;
	/** Saves with no change recorded under their key; with more than one, or one of another amount. */
	lost: number;
	doubled: number;
	/** A save's time (both sends answered), ms. */
	saveMs: Summary;
	/** The viewers' requests while the towns saved: how many, failed (non-200 or no answer), times (ms). */
	viewerRequests: number;
	viewerErrors: number;
	viewerErrorSamples: string[];
	viewerMs: Summary;
	serverRssMB: { start: number; max: number };
}

/** The example's towns (name) and each one's first community (by id), read from its CSVs by hand. */
function townsAndCommunities(): { town: string; community: string }[] {
	const table = (name: string) => {
		const { rows } = parseCsv(readFileSync(`data/example/${name}.csv`, 'utf8'));
		const [header, ...body] = rows as [string[], ...string[][]];
		return body
			.filter((r) => r.length > 1)
			.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
	};
	const communities = table('communities').sort((a, b) => a.id!.localeCompare(b.id!));
	return table('towns').flatMap((t) => {
		const c = communities.find((x) => x.town_code === t.code);
		return c ? [{ town: t.name!, community: c.id! }] : [];
	});
}

/** The run on a fresh server process. */
export async function benchTowns(options: TownsBenchOptions): Promise<TownsBenchResult> {
	// every client logs in from 127.0.0.1: the per-minute login limits raised, as the load run does
	const office = await startOfficeProcess({
		env: { LOGIN_PER_SOURCE_PER_MINUTE: '1000', LOGIN_PER_MINUTE: '1000' }
	});
	try {
		await publishExample(office, 1);
		const admin = await loggedIn(office.url, 'admin', PASSWORD);
		const places = townsAndCommunities().slice(0, options.towns);
		const towns: { client: Client; name: string; community: string }[] = [];
		for (const [i, p] of places.entries()) {
			const name = `town${i + 1}`;
			const res = await admin.post('/api/users', { name, role: 'town', towns: [p.town] });
			if (!res.ok) throw new Error(`town account ${p.town}: ${res.status} ${await res.text()}`);
			const { password } = (await res.json()) as { password: string };
			const c = await loggedIn(office.url, name, password);
			await c.post('/api/password', { current: password, next: PASSWORD });
			towns.push({ client: await loggedIn(office.url, name, PASSWORD), name, community: p.community });
		}
		const viewers: Client[] = [];
		for (let i = 0; i < options.viewers; i++) viewers.push(await loggedIn(office.url, 'viewer', PASSWORD));
		// warm: every file read once
		for (const f of VIEWER_FILES) await (await viewers[0]!.get(f)).arrayBuffer();

		const statuses: Record<string, number> = {};
		const count = (key: string) => (statuses[key] = (statuses[key] ?? 0) + 1);
		const saveMs: number[] = [];
		/** A save: the key, the amount (元), sent twice at once. */
		const save = async (town: (typeof towns)[number], i: number) => {
			const key = `bench-${town.name}-${i}`;
			const body = {
				key,
				communityId: town.community,
				fund: { source: 'resident', date: '2026-12-01', amount: String(1000 + i) },
				note: 'bench'
			};
			const t0 = performance.now();
			await Promise.all(
				[0, 1].map(async () => {
					try {
						const res = await town.client.post('/api/changes', body);
						await res.arrayBuffer();
						count(String(res.status));
					} catch (e) {
						count(`failed: ${(e as Error).message}`);
					}
				})
			);
			saveMs.push(performance.now() - t0);
		};
		let saving = true;
		const viewerMs: number[] = [];
		const viewerErrors: string[] = [];
		const start = office.rssMB();
		let max = start;
		const sampler = setInterval(() => (max = Math.max(max, office.rssMB())), 250);
		const t0 = performance.now();
		const reading = Promise.all(
			viewers.map(async (viewer, v) => {
				for (let i = v; saving; i++) {
					const path = VIEWER_FILES[i % VIEWER_FILES.length]!;
					const s = performance.now();
					try {
						const res = await viewer.request(path, { signal: AbortSignal.timeout(60_000) });
						await res.arrayBuffer();
						if (res.status !== 200) viewerErrors.push(`GET ${path}: ${res.status}`);
					} catch (e) {
						viewerErrors.push(`GET ${path}: ${(e as Error).message}`);
					}
					viewerMs.push(performance.now() - s);
				}
			})
		);
		// each town user saves one after another (a person at a form), all the towns at once
		await Promise.all(
			towns.map(async (town) => {
				for (let i = 0; i < options.saves; i++) await save(town, i);
			})
		);
		const seconds = (performance.now() - t0) / 1000;
		saving = false;
		await reading;
		clearInterval(sampler);
		if (office.exited()) throw new Error(`the server ended during the run: ${office.exited()}`);

		const keeper = await loggedIn(office.url, 'keeper', PASSWORD);
		const { changes } = (await (await keeper.get('/api/changes')).json()) as { changes: ChangeRecord[] };
		let lost = 0;
		let doubled = 0;
		for (const town of towns)
			for (let i = 0; i < options.saves; i++) {
				const mine = changes.filter((c) => c.user === town.name && c.key === `bench-${town.name}-${i}`);
				if (mine.length === 0) lost++;
				else if (mine.length > 1 || (mine[0]!.after as { amount: number }).amount !== 1000 + i) doubled++;
			}
		// any change beyond the saves meant is a save recorded twice under a key of its own
		doubled += Math.max(0, changes.length - (towns.length * options.saves - lost));
		return {
			options,
			seconds: Math.round(seconds * 10) / 10,
			saves: towns.length * options.saves,
			requests: towns.length * options.saves * 2,
			saveStatuses: statuses,
			lost,
			doubled,
			saveMs: summarize(saveMs),
			viewerRequests: viewerMs.length,
			viewerErrors: viewerErrors.length,
			viewerErrorSamples: viewerErrors.slice(0, 5),
			viewerMs: summarize(viewerMs),
			serverRssMB: { start: Math.round(start), max: Math.round(max) }
		};
	} finally {
		await office.stop();
	}
}
