import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isReleaseId, Releases } from './releases';

function release(r: Releases, id: string): void {
	mkdirSync(join(r.tmpPath(id), 'data'), { recursive: true });
	r.writeInfo(
		{ id, author: 'k', createdAt: '', files: [], ok: true, base: null, published: [] },
		r.tmpPath(id)
	);
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
		r.switchTo('20260101-000000-aaaaaa');
		r.switchTo('20260102-000000-bbbbbb');
		expect(r.current()).toBe('20260102-000000-bbbbbb');
		expect(readlinkSync(join(dir, 'public'))).toBe(join('releases', '20260102-000000-bbbbbb', 'public'));
		expect(r.list().map((i) => i.id)).toEqual(['20260102-000000-bbbbbb', '20260101-000000-aaaaaa']);
	});
	it('hides a release until it is whole, and cleans what a crash left at the next start', () => {
		const dir = mkdtempSync(join(tmpdir(), 'rel-'));
		const r = new Releases(dir);
		release(r, '20260101-000000-aaaaaa');
		r.switchTo('20260101-000000-aaaaaa');
		mkdirSync(join(r.tmpPath('20260103-000000-cccccc'), 'data'), { recursive: true });
		writeFileSync(join(dir, 'current.tmp'), '20260103-000000-cccccc\n');
		mkdirSync(join(r.path('20260101-000000-aaaaaa'), '.tmp-public'));
		expect(r.ids()).toEqual(['20260101-000000-aaaaaa']);
		const again = new Releases(dir);
		expect(again.cleanup()).toHaveLength(3);
		expect(existsSync(r.tmpPath('20260103-000000-cccccc'))).toBe(false);
		expect(readFileSync(join(dir, 'current'), 'utf8').trim()).toBe('20260101-000000-aaaaaa');
		expect(again.current()).toBe('20260101-000000-aaaaaa');
	});
});
