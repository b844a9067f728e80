/**
 * Whether the page is being printed: from the browser's beforeprint/afterprint and the print media query (which
 * is also what an emulated print medium switches). Lets costly print-only drawing wait until it is needed.
 */
import { flushSync } from 'svelte';

export const printing = $state({ on: false });

let watchers = 0;
let stop: (() => void) | null = null;

/** Follow printing while the caller is mounted (counted, so several callers share one set of listeners). */
export function watchPrinting(): () => void {
	if (typeof window === 'undefined') return () => {};
	if (watchers++ === 0) {
		const query = window.matchMedia('print');
		// flushSync: the browser lays the page out for print right after beforeprint returns
		const set = (on: boolean) => {
			printing.on = on;
			flushSync();
		};
		const before = () => set(true);
		const after = () => set(query.matches);
		const change = (e: MediaQueryListEvent) => set(e.matches);
		window.addEventListener('beforeprint', before);
		window.addEventListener('afterprint', after);
		query.addEventListener('change', change);
		printing.on = query.matches;
		stop = () => {
			window.removeEventListener('beforeprint', before);
			window.removeEventListener('afterprint', after);
			query.removeEventListener('change', change);
		};
	}
	return () => {
		if (--watchers === 0) {
			stop?.();
			stop = null;
		}
	};
}
