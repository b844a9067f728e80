// Validations have a queue and a memory cap (issue 21, item 4): ten uploads at once used to start ten importer
// processes (12.6 GB), with no limit on any; a killed server left its importer running. Now one validation runs at
// a time, the others wait in a queue keepers see (GET /api/validations, their place in it), a keeper's share of it
// is capped, each importer is killed past VALIDATE_MEMORY_MB, and it dies with the server. Real server processes.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleFiles, type Client } from '../../scripts/lib/harness/office';
import { childrenOf, officeServers, postForm, processAlive, type OfficeChild } from './process';

const start = officeServers();

/** The example's ledger with one household count changed by `n` (each upload a little different). */
const ledger = (n: number) =>
	exampleFiles((rows) =>
		rows.map((r, i) => (i === 0 ? { ...r, households: String(Number(r.households) + n) } : r))
	);

const importers = (server: OfficeChild) => childrenOf(server.pid).filter((c) => c.cmd.includes('build-data'));

interface Queued {
	ticket: string;
	state: 'running' | 'waiting';
	position: number;
	files: string[];
}

describe('the validation queue', () => {
	it('runs one validation at a time, shows the others waiting in order, and caps a keeper’s share', async () => {
		const server = await start({ VALIDATE_PER_USER: '3' });
		const admin = await server.admin();
		const uploads = [1, 2, 3, 4].map((n) =>
			postForm(admin, '/api/releases', form(ledger(n)), { 'x-upload-ticket': `ticket-number-${n}` })
		);
		let settled = false;
		const all = Promise.all(uploads).finally(() => (settled = true));
		let mostImporters = 0;
		const seen: Queued[][] = [];
		while (!settled) {
			mostImporters = Math.max(mostImporters, importers(server).length);
			const res = await admin.get('/api/validations');
			expect(res.status).toBe(200);
			seen.push(((await res.json()) as { validations: Queued[] }).validations);
			await new Promise((r) => setTimeout(r, 200));
		}
		const answers = await all;
		// three of the keeper's uploads validated, one after another; the fourth refused, saying why
		expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 429]);
		const refused = answers.find((a) => a.status === 429)!.body.error as { zh: string; en: string };
		expect(refused.zh).toContain('最多 3 个');
		expect(refused.en).toContain('at most 3');
		expect(mostImporters).toBe(1);
		// the queue as keepers saw it: one running, the others waiting at places 1 and 2
		const full = seen.find((q) => q.length === 3);
		expect(full).toBeDefined();
		expect(full!.map((q) => [q.state, q.position])).toEqual([
			['running', 0],
			['waiting', 1],
			['waiting', 2]
		]);
		expect(full!.every((q) => /^ticket-number-\d$/.test(q.ticket))).toBe(true);
		expect(full![0]!.files).toEqual(['communities.csv', 'towns.csv']);
		// and once all are answered, an empty queue
		expect(
			((await (await admin.get('/api/validations')).json()) as { validations: Queued[] }).validations
		).toEqual([]);
	}, 600_000);
});

function form(files: { name: string; bytes: string }[]): FormData {
	const f = new FormData();
	for (const file of files) f.append('files', new Blob([file.bytes]), file.name);
	return f;
}

describe('an importer’s limits', () => {
	it('kills an importer past VALIDATE_MEMORY_MB and says so in the report', async () => {
		// the importer's process alone (Node, tsx, the example's geography) holds more than 120 MB
		const server = await start({ VALIDATE_MEMORY_MB: '120' });
		const admin = await server.admin();
		const res = await postForm(admin, '/api/releases', form(ledger(1)));
		expect(res.status).toBe(200);
		const staged = res.body as unknown as {
			info: { ok: boolean };
			report: { failure?: { zh: string; en: string } };
		};
		expect(staged.info.ok).toBe(false);
		expect(staged.report.failure?.zh).toContain('120 MB');
		expect(staged.report.failure?.en).toContain('more than 120 MB of memory');
		expect(server.alive()).toBe(true);
	}, 300_000);

	it('dies with the server: a killed server leaves no importer behind', async () => {
		const server = await start();
		const admin: Client = await server.admin();
		const upload = postForm(admin, '/api/releases', form(ledger(1))).catch(() => undefined);
		let kids = importers(server);
		for (let i = 0; i < 600 && kids.length === 0; i++) {
			await new Promise((r) => setTimeout(r, 50));
			kids = importers(server);
		}
		expect(kids).toHaveLength(1);
		server.process.kill('SIGKILL');
		await server.exited;
		await upload;
		// however long it takes on a busy machine: the importer ends…
		for (let i = 0; i < 1800 && processAlive(kids[0]!.pid); i++) await new Promise((r) => setTimeout(r, 100));
		expect(processAlive(kids[0]!.pid)).toBe(false);
		// …cut short by the server's death, not at the end of its work: an orphan would have written its report
		const releases = join(server.dataDir, 'releases');
		const reports = readdirSync(releases)
			.filter((d) => d.startsWith('.tmp-'))
			.filter((d) => existsSync(join(releases, d, 'problems.json')));
		expect(reports).toEqual([]);
	}, 300_000);
});
