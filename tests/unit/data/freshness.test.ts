// The freshness colouring and the filter 超过 N 天未更新 (issue 22) on the example, against a hand computation from
// the source CSVs: each community's last update is the latest date of its votes, payments and stage starts; its age
// in days to the data's date (数据截至) puts it in ≤7 / 8–30 / 31–90 / >90 days or 无记录 (no dated record).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { YUEQING_2023 } from '../../../src/lib/policy';
import { EMPTY_FILTER, filterMask, resolveStale, whereSql } from '../../../src/lib/filter/filters';
import { FilterFigures } from '../../../src/lib/filter/figures';
import { classIndexByCode, COLOUR_SCALES, FRESHNESS_CODES } from '../../../src/lib/verdict/classes';
import { dayNumber, deriveStatus, mapColumns } from '../../../src/lib/verdict/derived';
import { freshnessCode, withFreshness } from '../../../src/lib/verdict/freshness';
import { loadExample } from './load';

const AS_OF = '2026-11-15';

/** A CSV of the example as rows of named fields (no quoted commas in these three files). */
function csv(name: string): Record<string, string>[] {
	const [head, ...lines] = readFileSync(`data/example/${name}.csv`, 'utf8').trim().split('\n');
	const cols = head!.split(',');
	return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
}

/** By hand: community id → its latest dated record in votes, funds and stage_events (YYYY-MM-DD compare). */
function latestByHand(): Map<string, string> {
	const latest = new Map<string, string>();
	for (const t of ['votes', 'funds', 'stage_events'])
		for (const r of csv(t)) {
			const was = latest.get(r.community_id!);
			if (!was || r.date! > was) latest.set(r.community_id!, r.date!);
		}
	return latest;
}

/** By hand: whole days from one ISO date to another, by Date.UTC. */
const daysBetween = (from: string, to: string) =>
	(Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/** By hand: the class of an age in days (≤7, ≤30, ≤90, more), or none. */
const classByHand = (last: string | undefined, ref: string) => {
	if (!last) return 'none';
	const age = Math.max(0, daysBetween(last, ref));
	return age <= 7 ? 'week' : age <= 30 ? 'month' : age <= 90 ? 'quarter' : 'older';
};

describe('freshness on the example (issue 22)', () => {
	it('classes: the legend counts of 数据更新 equal the hand count at the data date', async () => {
		const { dataset } = await loadExample();
		const cols = mapColumns(dataset, deriveStatus(dataset, AS_OF, YUEQING_2023), AS_OF);
		const latest = latestByHand();
		const ids = csv('communities').map((c) => c.id!);
		expect(cols.id).toEqual(ids);
		const byHand = Object.fromEntries(FRESHNESS_CODES.map((c) => [c, 0]));
		for (const id of ids) byHand[classByHand(latest.get(id), AS_OF)]!++;
		// the legend's counts as the page computes them (FilterFigures.counts over the freshness codes)
		const counts = new FilterFigures(cols, []).counts(cols.freshness);
		const classOf = classIndexByCode('freshness');
		const legend = COLOUR_SCALES.freshness.classes.map(() => 0);
		counts.forEach((n, code) => (legend[classOf[code]!]! += n));
		expect(Object.fromEntries(COLOUR_SCALES.freshness.classes.map((c, k) => [c.key, legend[k]]))).toEqual(
			byHand
		);
		// the example has communities with no dated record and ones updated long ago: not all in one class
		expect(byHand.none).toBeGreaterThan(0);
		expect(byHand.older).toBeGreaterThan(0);
	});

	it('a town change merged in moves its community to ≤7 天 on its day, the others aged to that day', async () => {
		const { dataset } = await loadExample();
		const cols = mapColumns(dataset, deriveStatus(dataset, AS_OF, YUEQING_2023), AS_OF);
		const latest = latestByHand();
		const today = '2026-12-07';
		const changed = cols.id[5]!;
		const fresh = withFreshness(cols, { [changed]: today, 'YQ-not-here': today }, today);
		cols.id.forEach((id, i) => {
			const expected = id === changed ? 'week' : classByHand(latest.get(id), today);
			expect(FRESHNESS_CODES[fresh.freshness[i]!], id).toBe(expected);
		});
		// an older change than the ledger's date does not make it older
		const dated = cols.id.findIndex((id) => latest.has(id));
		const earlier = withFreshness(cols, { [cols.id[dated]!]: '2000-01-01' }, AS_OF);
		expect(earlier.lastDay[dated]).toBe(dayNumber(latest.get(cols.id[dated]!)!));
		// and a community with no dated record gets the change's day
		const undated = cols.id.findIndex((id) => !latest.has(id));
		expect(withFreshness(cols, { [cols.id[undated]!]: '2000-01-01' }, AS_OF).lastDay[undated]).toBe(
			dayNumber('2000-01-01')
		);
	});

	it('超过 N 天未更新: the map mask, the first answers and the SQL keep the hand count, 无记录 included', async () => {
		const { dataset } = await loadExample();
		const cols = mapColumns(dataset, deriveStatus(dataset, AS_OF, YUEQING_2023), AS_OF);
		const latest = latestByHand();
		for (const n of [0, 30, 365, 1000]) {
			const byHand = cols.id.filter((id) => {
				const last = latest.get(id);
				return !last || daysBetween(last, AS_OF) > n;
			});
			const f = resolveStale({ ...EMPTY_FILTER, staleDays: n }, cols, dayNumber(AS_OF));
			expect(f.stale, `${n}`).toEqual(byHand);
			expect(
				filterMask(cols, [], f).reduce((a, x) => a + x, 0),
				`${n}`
			).toBe(byHand.length);
			const figures = new FilterFigures(cols, []);
			figures.set(f);
			expect(figures.kpis().communities, `${n}`).toBe(byHand.length);
			expect(whereSql(f)).toBe(
				byHand.length ? `id IN (${byHand.map((id) => `'${id}'`).join(', ')})` : 'FALSE'
			);
		}
		// no filter: every community
		expect(resolveStale(EMPTY_FILTER, cols, dayNumber(AS_OF)).stale).toBeNull();
	});

	it('the class bounds are inclusive: 7 days is ≤7 天, 8 is not; a date after the reference day is age 0', () => {
		const ref = dayNumber('2026-11-15');
		expect(freshnessCode(ref - 7, ref)).toBe('week');
		expect(freshnessCode(ref - 8, ref)).toBe('month');
		expect(freshnessCode(ref - 30, ref)).toBe('month');
		expect(freshnessCode(ref - 31, ref)).toBe('quarter');
		expect(freshnessCode(ref - 90, ref)).toBe('quarter');
		expect(freshnessCode(ref - 91, ref)).toBe('older');
		expect(freshnessCode(ref + 3, ref)).toBe('week');
		expect(freshnessCode(-1, ref)).toBe('none');
	});
});
