// Before any release the office server serves the example's data live from its folder (static/data), so a data
// rebuild (`npm run data -- --input …` while `npm start` runs) shows on the next request without a restart.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOffice, type Running } from '../../scripts/lib/harness/office';

let dir: string;
let office: Running;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'office-live-'));
	mkdirSync(join(dir, 'build/data'), { recursive: true });
	mkdirSync(join(dir, 'live'));
	writeFileSync(join(dir, 'build/index.html'), '<!doctype html><title>乐清旧改地图</title>');
	writeFileSync(join(dir, 'build/data.html'), '<!doctype html><title>数据工作台</title>');
	// the copy inside build/ is stale: the live folder wins
	writeFileSync(join(dir, 'build/data/manifest.json'), '{"asOf":"2025-01-01","example":true}');
	writeFileSync(join(dir, 'live/manifest.json'), '{"asOf":"2026-11-15","example":true}');
	office = await startOffice(join(dir, 'build'), { exampleDataDir: join(dir, 'live') });
});

afterAll(async () => {
	await office.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('npm start serves the example data live', () => {
	it('answers /data/… from the live folder, and a rebuilt file on the next request', async () => {
		const first = await fetch(`${office.url}/data/manifest.json`);
		expect(first.status).toBe(200);
		expect(await first.json()).toMatchObject({ asOf: '2026-11-15' });
		// what `npm run data` does while the server runs: rewrite and add files
		writeFileSync(join(dir, 'live/manifest.json'), '{"asOf":"2026-12-01","example":true}');
		writeFileSync(join(dir, 'live/new.parquet'), 'PAR1');
		expect(await (await fetch(`${office.url}/data/manifest.json`)).json()).toMatchObject({
			asOf: '2026-12-01'
		});
		expect(await (await fetch(`${office.url}/data/new.parquet`)).text()).toBe('PAR1');
	});

	it('/data itself is the workbench page, opened directly or reloaded', async () => {
		const res = await fetch(`${office.url}/data`);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('数据工作台');
	});

	it('a missing data file is a 404, never the page', async () => {
		const res = await fetch(`${office.url}/data/missing.parquet`);
		expect(res.status).toBe(404);
		expect(await res.text()).not.toContain('<title>');
	});
});
