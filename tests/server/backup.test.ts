// `npm run backup` while the server runs (the server exports its store) and when it is stopped; the documented
// restore into an empty folder gives back the accounts, the audit log and the releases.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Client, PASSWORD, scratchBuild, scratchDir, startOffice } from '../../scripts/lib/harness/office';

/** The backup command as a process (asynchronously: the server under test runs in this one). */
function npmRun(args: string[], env: Record<string, string>) {
	return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'server/backup.ts', ...args], {
			env: { ...process.env, ...env }
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
		child.on('exit', (status) => resolve({ status, stdout, stderr }));
	});
}

describe('backup and restore', () => {
	it('backs up a running server and a stopped one, and restores into an empty folder', async () => {
		const build = scratchBuild(false);
		const dataDir = scratchDir('office-backup-');
		const run = await startOffice(build, {}, dataDir);
		const admin = new Client(run.url);
		await admin.login('admin', run.office.adminPassword!);
		await admin.post('/api/password', { current: run.office.adminPassword, next: PASSWORD });
		const port = String(new URL(run.url).port);

		const live = join(scratchDir('office-bk-'), 'live');
		const r1 = await npmRun([live], { DATA_DIR: dataDir, PORT: port, HOST: '127.0.0.1' });
		expect(r1.status, r1.stderr).toBe(0);
		expect(r1.stdout).toContain('server');
		expect(existsSync(join(live, 'store', 'schema.sql'))).toBe(true);
		await run.stop();

		const stopped = join(scratchDir('office-bk-'), 'stopped');
		const r2 = await npmRun([stopped], { DATA_DIR: dataDir, PORT: port, HOST: '127.0.0.1' });
		expect(r2.status, r2.stderr).toBe(0);
		expect(readdirSync(join(stopped, 'store')).length).toBeGreaterThan(2);

		const restored = join(scratchDir('office-restore-'), 'data');
		const r3 = await npmRun(['--restore', live], { DATA_DIR: restored });
		expect(r3.status, r3.stderr).toBe(0);
		expect((await npmRun(['--restore', live], { DATA_DIR: restored })).status).not.toBe(0);

		const again = await startOffice(build, {}, restored);
		try {
			expect(again.office.adminPassword).toBeUndefined();
			const c = new Client(again.url);
			expect((await c.login('admin', PASSWORD)).status).toBe(200);
			const log = (await (await c.get('/api/audit')).json()) as { entries: { action: string }[] };
			expect(log.entries.map((e) => e.action)).toContain('password');
		} finally {
			await again.stop();
		}
	}, 120_000);
});
