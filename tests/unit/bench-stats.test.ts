// The bench's summaries: a toggle not seen in time (NaN) is left out, not counted as 0; kinds are kept apart.
import { describe, expect, it } from 'vitest';
import { ratio, stats, toggleStats } from '../../scripts/lib/bench-stats';
import { toggleSequence } from '../../scripts/lib/bench-page';

describe('bench summaries', () => {
	it('median and p95 by nearest rank, missing values left out', () => {
		expect(stats([5, 1, 3, NaN, 2, 4])).toEqual({ median: 3, p95: 5, n: 5 });
		expect(stats([]).n).toBe(0);
		expect(Number.isNaN(stats([NaN]).median)).toBe(true);
	});

	it('the first toggle apart from the later ones; undo among the later', () => {
		const kinds = toggleSequence('a', 'b', 'c').map((t) => t.kind);
		expect(kinds).toEqual(['first', 'undo', 'another', 'undo', 'another', 'add', 'undo', 'undo']);
		const timings = kinds.map((kind, i) => ({ kind, kpiResult: i * 10, kpiText: i * 10 + 1, repaint: NaN }));
		const s = toggleStats(timings);
		expect(s.first.kpiText).toEqual({ median: 1, p95: 1, n: 1 });
		expect(s.later.kpiResult.n).toBe(7);
		expect(s.undo.kpiResult).toEqual({ median: 30, p95: 70, n: 4 });
		expect(s.later.repaint.n).toBe(0);
	});

	it('a ratio only when both sides were measured', () => {
		expect(ratio(350, 35)).toBe(10);
		expect(ratio(NaN, 35)).toBeNull();
		expect(ratio(10, 0)).toBeNull();
	});
});
