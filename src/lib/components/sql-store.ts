/**
 * The SQL console's memory in the browser (localStorage): the last statements run (newest first, no repeats)
 * and the queries a keeper saved by name. Anything unreadable in storage is ignored, never trusted.
 */

/** How many statements the history keeps. */
export const HISTORY_LIMIT = 50;
const HISTORY_KEY = 'yueqing.sql.history.v1';
const SAVED_KEY = 'yueqing.sql.saved.v1';

export interface SavedQuery {
	name: string;
	sql: string;
}

/** The part of `Storage` used here (localStorage in the page; a Map-backed one in tests). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

function readList<T>(store: KeyValueStore, key: string, valid: (x: unknown) => x is T): T[] {
	try {
		const raw = JSON.parse(store.getItem(key) ?? '[]') as unknown;
		return Array.isArray(raw) ? raw.filter(valid) : [];
	} catch {
		return [];
	}
}

const isString = (x: unknown): x is string => typeof x === 'string';
const isSaved = (x: unknown): x is SavedQuery =>
	typeof x === 'object' && x !== null && isString((x as SavedQuery).name) && isString((x as SavedQuery).sql);

export function loadHistory(store: KeyValueStore): string[] {
	return readList(store, HISTORY_KEY, isString).slice(0, HISTORY_LIMIT);
}

/** The history with `sql` first (moved there if it was already in it), at most HISTORY_LIMIT long; stored. */
export function pushHistory(store: KeyValueStore, sql: string): string[] {
	const text = sql.trim();
	const next = [text, ...loadHistory(store).filter((s) => s !== text)].slice(0, HISTORY_LIMIT);
	store.setItem(HISTORY_KEY, JSON.stringify(next));
	return next;
}

export function loadSaved(store: KeyValueStore): SavedQuery[] {
	return readList(store, SAVED_KEY, isSaved);
}

/** Saves `sql` under `name` (replacing a query of the same name), sorted by name; stored. */
export function saveQuery(store: KeyValueStore, name: string, sql: string): SavedQuery[] {
	const label = name.trim();
	if (!label) return loadSaved(store);
	const next = [...loadSaved(store).filter((q) => q.name !== label), { name: label, sql: sql.trim() }].sort(
		(a, b) => a.name.localeCompare(b.name, 'zh')
	);
	store.setItem(SAVED_KEY, JSON.stringify(next));
	return next;
}

export function deleteQuery(store: KeyValueStore, name: string): SavedQuery[] {
	const next = loadSaved(store).filter((q) => q.name !== name);
	store.setItem(SAVED_KEY, JSON.stringify(next));
	return next;
}

/** Whether a statement only reads (so cached results elsewhere stay right); anything else clears the cache. */
export function isReadOnly(sql: string): boolean {
	const body = sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ').trim();
	return (
		/^(select|with|from|describe|show|summarize|explain|pragma|values)\b/i.test(body) && !/;\s*\S/.test(body)
	);
}
