// Pure statistics for the office server's load run and soak (scripts/lib/bench-server.ts): percentiles of
// timings, and whether memory sampled over time is steady (a least-squares line through the samples).

export interface Summary {
	n: number;
	median: number;
	p95: number;
	max: number;
}

/** The nearest-rank percentile (`p` in 0..1) of `xs`; NaN when there is none. */
export function percentile(xs: readonly number[], p: number): number {
	if (xs.length === 0) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Median, p95 and maximum of `xs`, to 0.1. */
export function summarize(xs: readonly number[]): Summary {
	return {
		n: xs.length,
		median: round1(percentile(xs, 0.5)),
		p95: round1(percentile(xs, 0.95)),
		max: xs.length ? round1(Math.max(...xs)) : NaN
	};
}

export interface Sample {
	/** Seconds since the soak began. */
	t: number;
	/** Resident set size, MB. */
	mb: number;
}

/** Slope of the least-squares line through the samples, in MB per minute (0 with fewer than two times). */
export function slopePerMinute(samples: readonly Sample[]): number {
	const n = samples.length;
	if (n < 2) return 0;
	const mt = samples.reduce((a, s) => a + s.t, 0) / n;
	const mm = samples.reduce((a, s) => a + s.mb, 0) / n;
	let num = 0;
	let den = 0;
	for (const s of samples) {
		num += (s.t - mt) * (s.mb - mm);
		den += (s.t - mt) ** 2;
	}
	return den === 0 ? 0 : (num / den) * 60;
}

export interface MemoryVerdict {
	startMB: number;
	endMB: number;
	maxMB: number;
	/** Of the line fitted after the warm-up. */
	slopeMBPerMinute: number;
	/** After the warm-up, the fitted line grows by less than `tolerance` of the mean RSS. */
	steady: boolean;
}

/**
 * Start, end and peak RSS and whether it is steady: the line fitted after the first `warmupSeconds` (default 60:
 * the server's caches, DuckDB's buffers and V8's heap fill up first) grows over the rest of the run by less than
 * `tolerance` (default 5 %) of the mean RSS. A server that leaks a little per request grows in proportion to the
 * run; one that has warmed up stays level.
 */
export function memoryVerdict(
	samples: readonly Sample[],
	tolerance = 0.05,
	warmupSeconds = 60
): MemoryVerdict {
	if (samples.length === 0) throw new Error('no memory samples');
	const t0 = samples[0]!.t;
	const settled = samples.filter((s) => s.t - t0 >= warmupSeconds);
	const fitted = settled.length >= 2 ? settled : samples;
	const slope = slopePerMinute(fitted);
	const minutes = (fitted[fitted.length - 1]!.t - fitted[0]!.t) / 60;
	const mean = fitted.reduce((a, s) => a + s.mb, 0) / fitted.length;
	return {
		startMB: round1(samples[0]!.mb),
		endMB: round1(samples[samples.length - 1]!.mb),
		maxMB: round1(Math.max(...samples.map((s) => s.mb))),
		slopeMBPerMinute: Math.round(slope * 100) / 100,
		steady: slope * minutes < tolerance * mean
	};
}
