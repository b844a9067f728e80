import { describe, expect, it } from 'vitest';
import { memoryVerdict, percentile, slopePerMinute, summarize } from '../../scripts/lib/load-stats';

describe('load statistics', () => {
	it('takes nearest-rank percentiles, whatever the order', () => {
		const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
		expect(percentile(xs, 0.5)).toBe(5);
		expect(percentile(xs, 0.95)).toBe(10);
		expect(percentile(xs, 0)).toBe(1);
		expect(percentile([], 0.5)).toBeNaN();
		expect(summarize([3, 1, 2])).toEqual({ n: 3, median: 2, p95: 3, max: 3 });
	});

	it('fits the slope of memory over time in MB per minute', () => {
		const line = [0, 10, 20, 30].map((t) => ({ t, mb: 100 + t / 10 }));
		expect(slopePerMinute(line)).toBeCloseTo(6);
		expect(slopePerMinute([{ t: 0, mb: 5 }])).toBe(0);
		expect(slopePerMinute([0, 10, 20].map((t) => ({ t, mb: 80 })))).toBe(0);
	});

	it('calls memory steady when it levels off and not when it climbs with the run', () => {
		// warms up to 200 MB in the first minute, then flat for nine
		const flat = Array.from({ length: 61 }, (_, i) => ({ t: i * 10, mb: i < 6 ? 150 + i * 10 : 200 }));
		const v = memoryVerdict(flat);
		expect(v).toMatchObject({ startMB: 150, endMB: 200, maxMB: 200, steady: true });
		// 3 MB a minute for ten minutes: 30 MB on 200
		const leak = Array.from({ length: 61 }, (_, i) => ({ t: i * 10, mb: 200 + i * 0.5 }));
		expect(memoryVerdict(leak).steady).toBe(false);
		expect(memoryVerdict(leak).slopeMBPerMinute).toBeCloseTo(3);
		expect(() => memoryVerdict([])).toThrow();
	});
});
