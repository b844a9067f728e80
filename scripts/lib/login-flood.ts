// A login flood against the office server, and a viewer's requests meanwhile (issue 21, item 3): `clients`
// loops posting wrong logins with made-up names, each from its own address (X-Forwarded-For, which the server
// believes from 127.0.0.1 only when started with TRUSTED_PROXIES=127.0.0.1) — the spread-out flood that the
// per-source limits alone would not stop. Loopback only; every loop is bounded in count or time.

export interface FloodResult {
	attempts: number;
	/** Answers by HTTP status (`error` for a request that got none). */
	byStatus: Record<string, number>;
	/** The first few failures without an answer. */
	errors: string[];
}

export interface FloodOptions {
	clients: number;
	/** Each client stops after this many attempts … */
	attemptsEach?: number;
	/** … or when this says so. */
	stop?: () => boolean;
}

/** The address client `i` of the flood pretends to come from. */
export const floodSource = (i: number) => `10.66.${(i >> 8) & 255}.${i & 255}`;

/** `clients` loops of wrong logins, each from its own address, until `attemptsEach` or `stop`. */
export async function floodLogins(url: string, options: FloodOptions): Promise<FloodResult> {
	const out: FloodResult = { attempts: 0, byStatus: {}, errors: [] };
	const count = (key: string) => (out.byStatus[key] = (out.byStatus[key] ?? 0) + 1);
	await Promise.all(
		Array.from({ length: options.clients }, async (_, c) => {
			for (let i = 0; ; i++) {
				if (options.attemptsEach !== undefined && i >= options.attemptsEach) return;
				if (options.stop?.()) return;
				out.attempts++;
				try {
					const res = await fetch(`${url}/api/login`, {
						method: 'POST',
						headers: { 'content-type': 'application/json', 'x-forwarded-for': floodSource(c) },
						body: JSON.stringify({ name: `flood${c}x${i}`, password: `guess ${c} ${i}` }),
						signal: AbortSignal.timeout(120_000)
					});
					await res.arrayBuffer();
					count(String(res.status));
				} catch (e) {
					count('error');
					if (out.errors.length < 5) out.errors.push(String((e as Error).cause ?? e));
				}
			}
		})
	);
	return out;
}

export interface ViewerResult {
	/** Each request's time, ms. */
	ms: number[];
	/** Requests that did not answer 200 (or broke off). */
	failures: string[];
}

/** One viewer fetching `paths` in turn, one at a time, with `headers` (its session), until `stop`. */
export async function viewWhile(
	url: string,
	paths: readonly string[],
	stop: () => boolean,
	headers: Record<string, string> = {}
): Promise<ViewerResult> {
	const out: ViewerResult = { ms: [], failures: [] };
	for (let i = 0; !stop(); i++) {
		const path = paths[i % paths.length]!;
		const t0 = performance.now();
		try {
			const res = await fetch(url + path, { headers, signal: AbortSignal.timeout(120_000) });
			await res.arrayBuffer();
			out.ms.push(performance.now() - t0);
			if (res.status !== 200) out.failures.push(`${path}: ${res.status}`);
		} catch (e) {
			out.failures.push(`${path}: ${String((e as Error).cause ?? e)}`);
		}
	}
	return out;
}
