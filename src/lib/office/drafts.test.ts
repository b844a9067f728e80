import { describe, expect, it } from 'vitest';
import { Drafts } from './drafts';

/** The browser's localStorage, in memory. */
function storage() {
	const m = new Map<string, string>();
	return {
		getItem: (k: string) => m.get(k) ?? null,
		setItem: (k: string, v: string) => void m.set(k, v),
		removeItem: (k: string) => void m.delete(k),
		size: () => m.size
	};
}

describe('drafts kept in the browser until the server recorded them (issue 22)', () => {
	it('keeps one key per draft across edits and reloads, a new key after it was recorded', () => {
		const s = storage();
		const a = new Drafts<{ n: string }>('chengdong', s);
		const first = a.keep('vote:YQ1', { n: '1' }, '');
		const edited = a.keep('vote:YQ1', { n: '12' }, 'note', '2026-12-07T10:00:00Z');
		expect(edited.key).toBe(first.key);
		// a reload: a new object over the same storage finds it
		const again = new Drafts<{ n: string }>('chengdong', s).get('vote:YQ1');
		expect(again).toEqual({
			key: first.key,
			values: { n: '12' },
			note: 'note',
			unsent: '2026-12-07T10:00:00Z'
		});
		a.drop('vote:YQ1');
		expect(a.get('vote:YQ1')).toBeUndefined();
		expect(a.keep('vote:YQ1', { n: '1' }, '').key).not.toBe(first.key);
	});

	it("keeps each user's and each form's drafts apart, and survives unreadable storage", () => {
		const s = storage();
		new Drafts<{ n: string }>('a', s).keep('vote:YQ1', { n: '1' }, '');
		expect(new Drafts<{ n: string }>('b', s).get('vote:YQ1')).toBeUndefined();
		s.setItem('yq-draft:a:vote:YQ2', '{not json');
		expect(new Drafts<{ n: string }>('a', s).get('vote:YQ2')).toBeUndefined();
	});
});
