// Summaries of the bench's timings: median and p95 (nearest rank), and per kind of toggle.
import type { ToggleTiming } from './bench-page';

export interface Stats {
	median: number;
	p95: number;
	n: number;
}

/** Median and p95 of the finite values (a toggle not seen within its time limit is NaN and left out). */
export function stats(xs: readonly number[]): Stats {
	const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
	const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? NaN;
	return { median: Math.round(q(0.5) * 10) / 10, p95: Math.round(q(0.95) * 10) / 10, n: s.length };
}

export type ToggleStats = Record<'kpiResult' | 'kpiText' | 'repaint', Stats>;

/** Per kind: the first toggle on a fresh page, and every later one (another town, a second town, a town off). */
export function toggleStats(ts: readonly ToggleTiming[]): Record<'first' | 'later' | 'undo', ToggleStats> {
	const of = (keep: (t: ToggleTiming) => boolean): ToggleStats => {
		const sel = ts.filter(keep);
		return {
			kpiResult: stats(sel.map((t) => t.kpiResult)),
			kpiText: stats(sel.map((t) => t.kpiText)),
			repaint: stats(sel.map((t) => t.repaint))
		};
	};
	return {
		first: of((t) => t.kind === 'first'),
		later: of((t) => t.kind !== 'first'),
		undo: of((t) => t.kind === 'undo')
	};
}

/** `a / b` to one decimal, or null when either is missing. */
export function ratio(a: number, b: number): number | null {
	return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? Math.round((a / b) * 10) / 10 : null;
}
