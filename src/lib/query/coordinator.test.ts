// The coordinator under quick filter changes (issue #13): a view's newer query supersedes its older one still
// queued (that one never runs), other views' queries are not touched, and a superseded SQL asked for again runs.
import { describe, expect, it } from 'vitest';
import type { Connector } from './connector';
import { Coordinator, rows, SupersededError } from './coordinator.svelte';

/** A connector whose queries finish only when the test says, recording what ran. */
function gatedConnector() {
	const ran: string[] = [];
	const gates: (() => void)[] = [];
	const connector: Connector = {
		query: <T>(sql: string) =>
			new Promise<T[]>((resolve) => {
				ran.push(sql);
				gates.push(() => resolve([{ sql } as T]));
			})
	};
	const tick = () => new Promise((r) => setTimeout(r, 0));
	/** Lets queries finish one by one until every promise given has settled. */
	const release = async (...promises: Promise<unknown>[]) => {
		let settled = false;
		void Promise.allSettled(promises).then(() => (settled = true));
		while (!settled) {
			gates.shift()?.();
			await tick();
		}
	};
	return { connector, ran, release, tick };
}

describe('coordinator: newer filters supersede queued queries', () => {
	it('drops the queued queries a newer one in the same slot replaces; the newest and other slots run', async () => {
		const { connector, ran, release, tick } = gatedConnector();
		const c = new Coordinator();
		await c.connect(async () => connector);
		const first = c.request('SELECT 1 -- town A', rows, 'kpis');
		await tick(); // running in the database: it cannot be taken back
		const stale = c.request('SELECT 2 -- towns A,B', rows, 'kpis');
		const other = c.request('SELECT 9 -- towns table', rows, 'towns');
		const newest = c.request('SELECT 3 -- towns A,B,C', rows, 'kpis');
		await release(first, stale, other, newest);
		await expect(first).resolves.toEqual([{ sql: 'SELECT 1 -- town A' }]);
		await expect(stale).rejects.toBeInstanceOf(SupersededError);
		await expect(other).resolves.toEqual([{ sql: 'SELECT 9 -- towns table' }]);
		await expect(newest).resolves.toEqual([{ sql: 'SELECT 3 -- towns A,B,C' }]);
		// the stale filter's query never reached the database
		expect(ran).toEqual(['SELECT 1 -- town A', 'SELECT 9 -- towns table', 'SELECT 3 -- towns A,B,C']);
		expect(c.runs).toBe(3);
	});

	it('a superseded SQL asked for again runs (it is not served from the cache as superseded)', async () => {
		const { connector, ran, release } = gatedConnector();
		const c = new Coordinator();
		await c.connect(async () => connector);
		const busy = c.request('SELECT 0', rows, 'other');
		const a = c.request('SELECT 1', rows, 'kpis');
		const b = c.request('SELECT 2', rows, 'kpis');
		const again = c.request('SELECT 1', rows, 'kpis');
		await release(busy, a, b, again);
		await expect(a).rejects.toBeInstanceOf(SupersededError);
		await expect(b).rejects.toBeInstanceOf(SupersededError);
		await expect(again).resolves.toEqual([{ sql: 'SELECT 1' }]);
		expect(ran).toEqual(['SELECT 0', 'SELECT 1']);
	});

	it('the same SQL asked twice in a slot is one query, not superseded', async () => {
		const { connector, ran, release } = gatedConnector();
		const c = new Coordinator();
		await c.connect(async () => connector);
		const a = c.request('SELECT 1', rows, 'kpis');
		const b = c.request('SELECT 1', rows, 'kpis');
		await release(a, b);
		await expect(a).resolves.toEqual([{ sql: 'SELECT 1' }]);
		await expect(b).resolves.toEqual([{ sql: 'SELECT 1' }]);
		expect(ran).toEqual(['SELECT 1']);
	});
});
