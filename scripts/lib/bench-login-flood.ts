// A viewer's requests while 40 clients flood the login (issue 21, item 3; target: p95 ≤ 1 s). The office server
// runs as its own process with its default login limits and TRUSTED_PROXIES=127.0.0.1, so that each flooder can
// say it comes from its own address — the spread-out flood only the overall limit stops. The viewer fetches the
// dashboard's first-screen files (the bundled example, open before a release) one after another: first alone
// (the baseline), then during the flood. Loopback only, bounded in time; timings recorded, never asserted.
import { summarize, type Summary } from './load-stats';
import { floodLogins, viewWhile } from './login-flood';
import { startOfficeProcess } from './office-process';

export interface LoginFloodOptions {
	/** Flooding clients (default 40, issue 21). */
	clients: number;
	/** Seconds of the viewer alone, then of the flood (defaults 10 and 30). */
	baselineSeconds: number;
	floodSeconds: number;
}

export const LOGIN_FLOOD_DEFAULTS: LoginFloodOptions = { clients: 40, baselineSeconds: 10, floodSeconds: 30 };

/** The target of issue 21: a viewer's request within 1 s at the 95th percentile during the flood. */
export const FLOOD_TARGET_P95_MS = 1000;

export interface LoginFloodResult {
	options: LoginFloodOptions;
	/** The viewer alone, and during the flood: ms per request. */
	baselineMs: Summary;
	floodMs: Summary;
	viewerFailures: string[];
	/** The flood's login attempts and their answers by status. */
	attempts: number;
	byStatus: Record<string, number>;
	/** The server's resident memory at the end, MB. */
	rssMB: number;
}

export async function benchLoginFlood(
	files: readonly string[],
	options: LoginFloodOptions
): Promise<LoginFloodResult> {
	const office = await startOfficeProcess({ env: { TRUSTED_PROXIES: '127.0.0.1' } });
	try {
		// the files of the first screen, once, so that both runs read them warm
		await viewWhile(
			office.url,
			files,
			(() => {
				let n = 0;
				return () => n++ >= files.length;
			})()
		);
		let end = performance.now() + options.baselineSeconds * 1000;
		const baseline = await viewWhile(office.url, files, () => performance.now() > end);
		end = performance.now() + options.floodSeconds * 1000;
		const stop = () => performance.now() > end;
		const [flood, viewer] = await Promise.all([
			floodLogins(office.url, { clients: options.clients, stop }),
			viewWhile(office.url, files, stop)
		]);
		const result: LoginFloodResult = {
			options,
			baselineMs: summarize(baseline.ms),
			floodMs: summarize(viewer.ms),
			viewerFailures: [...baseline.failures, ...viewer.failures].slice(0, 10),
			attempts: flood.attempts,
			byStatus: flood.byStatus,
			rssMB: Math.round(office.rssMB())
		};
		console.log('\nlogin flood:', JSON.stringify(result));
		return result;
	} finally {
		await office.stop();
	}
}
