/**
 * How fresh each community's data is (issue 22, "Freshness on the map"): the day of its last update and its age
 * class on a reference day.
 *
 * A community's last update is the latest of the dates the ledger itself carries for it — a vote's date
 * (votes.date), a payment's day (funds.date), the day a stage began (stage_events.date) — and, when the office
 * server serves the page, the day of its latest town change (changes.at in Beijing time, any state but
 * returned). Works items and the community's own facts carry no date, so they do not count. The age is counted
 * in whole days from that day to the reference day (the data's date 数据截至 in the static build, today on the
 * office server); a date after the reference day counts as age 0.
 */
import type { Dataset } from '../schema/rows';
import { FRESHNESS_BOUNDS, FRESHNESS_CODES, type FreshnessCode } from './classes';
import { dayNumber, NO_DAY, type MapColumns } from './derived';

/** The age class of a last-update day on `refDay` (both days since 1970-01-01, `dayNumber`; NO_DAY: none). */
export function freshnessCode(lastDay: number, refDay: number): FreshnessCode {
	if (lastDay === NO_DAY) return 'none';
	const age = Math.max(0, refDay - lastDay);
	if (age <= FRESHNESS_BOUNDS.week) return 'week';
	if (age <= FRESHNESS_BOUNDS.month) return 'month';
	if (age <= FRESHNESS_BOUNDS.quarter) return 'quarter';
	return 'older';
}

/**
 * For each community of `dataset` (in its order), the latest date the ledger carries for it (votes, funds,
 * stage_events), as a day number, or NO_DAY when it carries none.
 */
export function dataLastDays(
	dataset: Pick<Dataset, 'communities' | 'votes' | 'funds' | 'stage_events'>
): Int32Array {
	const latest = new Map<string, string>();
	const see = (id: string, date: string | null) => {
		if (!date) return;
		const d = String(date).slice(0, 10);
		const was = latest.get(id);
		if (was === undefined || d > was) latest.set(id, d);
	};
	for (const v of dataset.votes) see(v.community_id, v.date);
	for (const f of dataset.funds) see(f.community_id, f.date);
	for (const s of dataset.stage_events) see(s.community_id, s.date);
	return Int32Array.from(dataset.communities, (c) => dayNumber(latest.get(c.id) ?? null));
}

/** The freshness codes (indexes into FRESHNESS_CODES) of `lastDays` on `refDay`. */
export function freshnessCodes(lastDays: Int32Array, refDay: number): Uint8Array {
	return Uint8Array.from(lastDays, (d) => FRESHNESS_CODES.indexOf(freshnessCode(d, refDay)));
}

/**
 * `cols` with the town changes' days merged into `lastDay` (the later of the two) and `freshness` recomputed on
 * `refIso` (YYYY-MM-DD). `changeDays`: community id → the day (YYYY-MM-DD) of its latest town change; ids not in
 * the columns are ignored. The other columns are shared, not copied.
 */
export function withFreshness(
	cols: MapColumns,
	changeDays: Readonly<Record<string, string>>,
	refIso: string
): MapColumns {
	const lastDay = Int32Array.from(cols.lastDay);
	cols.id.forEach((id, i) => {
		const day = changeDays[id];
		if (day !== undefined) lastDay[i] = Math.max(lastDay[i]!, dayNumber(day));
	});
	return { ...cols, lastDay, freshness: freshnessCodes(lastDay, dayNumber(refIso)) };
}

/**
 * The ids of the communities not updated in more than `days` days on `refDay`: their last update is more than
 * `days` days before it, or there is none (无记录). The filter "超过 N 天未更新" keeps these.
 */
export function staleIds(cols: Pick<MapColumns, 'id' | 'lastDay'>, days: number, refDay: number): string[] {
	const out: string[] = [];
	for (let i = 0; i < cols.id.length; i++) {
		const d = cols.lastDay[i]!;
		if (d === NO_DAY || refDay - d > days) out.push(cols.id[i]!);
	}
	return out;
}
