import { describe, expect, it } from 'vitest';
import {
	deleteQuery,
	HISTORY_LIMIT,
	isReadOnly,
	loadHistory,
	loadSaved,
	pushHistory,
	saveQuery,
	type KeyValueStore
} from './sql-store';

function memoryStore(init: Record<string, string> = {}): KeyValueStore {
	const m = new Map(Object.entries(init));
	return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

describe('the SQL console’s history and saved queries', () => {
	it('keeps the newest statement first, without repeats, at most HISTORY_LIMIT', () => {
		const s = memoryStore();
		pushHistory(s, 'SELECT 1');
		pushHistory(s, 'SELECT 2');
		expect(pushHistory(s, '  SELECT 1 ')).toEqual(['SELECT 1', 'SELECT 2']);
		for (let i = 0; i < HISTORY_LIMIT + 5; i++) pushHistory(s, `SELECT ${i + 10}`);
		const h = loadHistory(s);
		expect(h).toHaveLength(HISTORY_LIMIT);
		expect(h[0]).toBe(`SELECT ${HISTORY_LIMIT + 14}`);
	});

	it('saves by name (a second save replaces), sorts, deletes', () => {
		const s = memoryStore();
		saveQuery(s, '乙', 'SELECT 2');
		saveQuery(s, '甲', 'SELECT 1');
		expect(saveQuery(s, '乙', 'SELECT 3').map((q) => [q.name, q.sql])).toEqual([
			['甲', 'SELECT 1'],
			['乙', 'SELECT 3']
		]);
		expect(saveQuery(s, '   ', 'SELECT 4')).toHaveLength(2);
		expect(deleteQuery(s, '甲').map((q) => q.name)).toEqual(['乙']);
	});

	it('ignores what it cannot read in storage', () => {
		const s = memoryStore({
			'yueqing.sql.history.v1': '{not json',
			'yueqing.sql.saved.v1': JSON.stringify([{ name: 'ok', sql: 'SELECT 1' }, { name: 3 }, 'x'])
		});
		expect(loadHistory(s)).toEqual([]);
		expect(loadSaved(s)).toEqual([{ name: 'ok', sql: 'SELECT 1' }]);
	});

	it('tells a reading statement from one that may change the data', () => {
		expect(isReadOnly('-- towns\nSELECT * FROM towns')).toBe(true);
		expect(isReadOnly('with x as (select 1) select * from x')).toBe(true);
		expect(isReadOnly('UPDATE communities SET households = 0')).toBe(false);
		expect(isReadOnly('SELECT 1; DROP TABLE towns')).toBe(false);
		expect(isReadOnly('CREATE TABLE t AS SELECT 1')).toBe(false);
	});
});
