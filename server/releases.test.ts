import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failedPastRetention, isReleaseId, Releases, type ReleaseInfo, type SwitchRecord } from './releases';

const to = (id: string, previous: string | null = null): SwitchRecord => ({
	id,
	action: 'publish',
	by: 'k',
	at: new Date().toISOString(),
	previous
});

function release(r: Releases, id: string, base: string | null = null): void {
	mkdirSync(join(r.tmpPath(id), 'data'), { recursive: true });
	r.writeInfo({ id, author: 'k', createdAt: '', files: [], ok: true, base, published: [] }, r.tmpPath(id));
	r.commit(id);
}

describe('releases on disk', () => {
	it('makes ids that sort by time and refuses anything else as an id', () => {
		const r = new Releases(mkdtempSync(join(tmpdir(), 'rel-')));
		const id = r.newId(new Date('2026-11-29T17:20:05Z'));
		expect(id).toMatch(/^20261129-172005-[0-9a-f]{6}$/);
		expect(isReleaseId('../x')).toBe(false);
		expect(() => r.path('../../etc')).toThrow();
	});
	it('switches the current release by the pointer and the public link; none until the first switch', () => {
		const dir = mkdtempSync(join(tmpdir(), 'rel-'));
		const r = new Releases(dir);
		release(r, '20260101-000000-aaaaaa');
		release(r, '20260102-000000-bbbbbb');
		expect(r.current()).toBeNull();
		r.switchTo(to('20260101-000000-aaaaaa'));
		const record = to('20260102-000000-bbbbbb', '20260101-000000-aaaaaa');
		r.switchTo(record);
		expect(r.current()).toBe('20260102-000000-bbbbbb');
		// the pointer carries the switch's record (written in the same rename as the switch)
		expect(r.switchRecord()).toEqual(record);
		expect(r.publicLinkIs('20260102-000000-bbbbbb')).toBe(true);
		expect(readlinkSync(join(dir, 'public'))).toBe(join('releases', '20260102-000000-bbbbbb', 'public'));
		expect(r.list().map((i) => i.id)).toEqual(['20260102-000000-bbbbbb', '20260101-000000-aaaaaa']);
	});
	it('hides a release until it is whole, and cleans what a crash left at the next start', () => {
		const dir = mkdtempSync(join(tmpdir(), 'rel-'));
		const r = new Releases(dir);
		release(r, '20260101-000000-aaaaaa');
		r.switchTo(to('20260101-000000-aaaaaa'));
		mkdirSync(join(r.tmpPath('20260103-000000-cccccc'), 'data'), { recursive: true });
		writeFileSync(join(dir, 'current.tmp'), '20260103-000000-cccccc\n');
		mkdirSync(join(r.path('20260101-000000-aaaaaa'), '.tmp-public'));
		expect(r.ids()).toEqual(['20260101-000000-aaaaaa']);
		const again = new Releases(dir);
		expect(again.cleanup()).toHaveLength(3);
		expect(existsSync(r.tmpPath('20260103-000000-cccccc'))).toBe(false);
		expect(readFileSync(join(dir, 'current'), 'utf8').split('\n')[0]).toBe('20260101-000000-aaaaaa');
		expect(again.current()).toBe('20260101-000000-aaaaaa');
	});
	it('knows the releases a release was built on (its lineage, by base), so a rollback leaves a later one out', () => {
		const r = new Releases(mkdtempSync(join(tmpdir(), 'rel-')));
		const [a, b, c, d] = [
			'20260101-000000-aaaaaa',
			'20260102-000000-bbbbbb',
			'20260103-000000-cccccc'
		].concat('20260104-000000-dddddd') as [string, string, string, string];
		release(r, a);
		release(r, b, a);
		release(r, c, b);
		release(r, d, a); // staged over a after a rollback from c to a
		expect([...r.lineage(c)]).toEqual([c, b, a]);
		expect([...r.lineage(a)]).toEqual([a]);
		expect(r.lineage(d).has(b)).toBe(false);
		expect(r.lineage(null).size).toBe(0);
		// a base that points at a missing release ends the walk (never loops, never throws)
		release(r, '20260105-000000-eeeeee', '20260109-000000-ffffff');
		expect([...r.lineage('20260105-000000-eeeeee')]).toEqual([
			'20260105-000000-eeeeee',
			'20260109-000000-ffffff'
		]);
	});
	it('reads a pointer written before it carried a record (one line) as current, with no record', () => {
		const dir = mkdtempSync(join(tmpdir(), 'rel-'));
		const r = new Releases(dir);
		release(r, '20260101-000000-aaaaaa');
		writeFileSync(join(dir, 'current'), '20260101-000000-aaaaaa\n');
		expect(r.current()).toBe('20260101-000000-aaaaaa');
		expect(r.switchRecord()).toBeUndefined();
	});
});

describe('failed uploads kept (README: FAILED_UPLOADS_KEEP, FAILED_UPLOADS_DAYS)', () => {
	const day = 86_400_000;
	const now = Date.parse('2026-06-30T00:00:00Z');
	const info = (id: string, daysAgo: number, ok: boolean, published = 0): ReleaseInfo => ({
		id,
		author: 'k',
		createdAt: new Date(now - daysAgo * day).toISOString(),
		files: [],
		ok,
		base: null,
		published: Array.from({ length: published }, () => ({ at: '', by: 'k' }))
	});
	it('removes failed uploads older than the days, and past the newest N, never a release that validated', () => {
		const list = [
			info('f-today', 0, false),
			info('f-2d', 2, false),
			info('f-5d', 5, false),
			info('f-40d', 40, false),
			info('ok-90d', 90, true),
			info('ok-pub-90d', 90, true, 2)
		];
		// by age alone: only the one past 30 days
		expect(failedPastRetention(list, { keep: 10, days: 30 }, now)).toEqual(['f-40d']);
		// by count: the newest 2 failed kept, then by age
		expect(failedPastRetention(list, { keep: 2, days: 30 }, now).sort()).toEqual(['f-40d', 'f-5d']);
		// a day's rule: only today's stays
		expect(failedPastRetention(list, { keep: 10, days: 1 }, now).sort()).toEqual(['f-2d', 'f-40d', 'f-5d']);
	});
	it('removes a failed release from disk at once (renamed away first), never the current one', () => {
		const dir = mkdtempSync(join(tmpdir(), 'rel-'));
		const r = new Releases(dir);
		release(r, '20260101-000000-aaaaaa');
		release(r, '20260102-000000-bbbbbb');
		r.switchTo(to('20260101-000000-aaaaaa'));
		r.remove('20260102-000000-bbbbbb');
		expect(r.ids()).toEqual(['20260101-000000-aaaaaa']);
		expect(existsSync(join(dir, 'releases', '.tmp-removed-20260102-000000-bbbbbb'))).toBe(false);
		expect(() => r.remove('20260101-000000-aaaaaa')).toThrow(/current/);
	});
});
