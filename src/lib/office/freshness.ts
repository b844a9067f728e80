/**
 * How current each town keeps its data (issue 22): per town, the day of its last recorded change, how many
 * changes it recorded this calendar month (Asia/Shanghai days, as the office reads them) and how many wait for
 * review. Counted from the changes table's rows alone — a town that recorded nothing has no row here.
 */
import type { ChangeRecord } from './api';

export interface TownFreshness {
	town: string;
	/** ISO time of the town's latest change. */
	last: string;
	/** Changes recorded since the first day of `now`'s month (Beijing time). */
	thisMonth: number;
	/** Changes waiting for a keeper's review. */
	pending: number;
}

/** An instant as `YYYY-MM-DD HH:MM` in Beijing time (UTC+8, no daylight saving), as the office reads it. */
export const beijingTime = (iso: string) => beijingSeconds(iso).slice(0, 16);

/** An instant as `YYYY-MM-DD HH:MM:SS` in Beijing time (the audit log's precision). */
export const beijingSeconds = (iso: string) =>
	new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

/** The YYYY-MM of an instant in Beijing time. */
const monthInBeijing = (iso: string) => beijingTime(iso).slice(0, 7);

/** One row per town that recorded a change, the least recently updated first (the ones to ask after). */
export function townFreshness(changes: readonly ChangeRecord[], now: Date): TownFreshness[] {
	const month = monthInBeijing(now.toISOString());
	const by = new Map<string, TownFreshness>();
	for (const c of changes) {
		const row = by.get(c.town) ?? { town: c.town, last: c.at, thisMonth: 0, pending: 0 };
		if (c.at > row.last) row.last = c.at;
		if (monthInBeijing(c.at) === month) row.thisMonth++;
		if (c.state === 'pending') row.pending++;
		by.set(c.town, row);
	}
	return [...by.values()].sort((a, b) => a.last.localeCompare(b.last) || a.town.localeCompare(b.town));
}
