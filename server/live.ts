// Live updates: the open pages waiting for a new release (server-sent events on /api/release/events), capped so
// that a flood of them cannot take every file descriptor the process has (issue 21, item 11: 300 anonymous
// streams left none for the data files, and every user got 500). At most `perSource` streams per signed-in user
// or, before a login is needed, per client address; at most `total` in all. Past a cap the stream is refused with
// 429 and the page simply shows no "data updated" notice; every other request is served as usual.
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';

export interface LiveLimits {
	/** Streams open at once in all (EVENTS_MAX; by default a quarter of the process's open-file limit, ≤ 1000). */
	total: number;
	/** Streams open at once per user or client address (EVENTS_PER_SOURCE, default 16: a user's tabs). */
	perSource: number;
}

/** The soft limit on open files of this process (Linux: /proc/self/limits), or undefined elsewhere. */
export function openFileLimit(): number | undefined {
	try {
		const line = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1];
		return line && line !== 'unlimited' ? Number(line) : undefined;
	} catch {
		return undefined;
	}
}

/** The default total: a quarter of the open-file limit (the rest for data files, children, the store), ≤ 1000. */
export function defaultLiveTotal(fdLimit = openFileLimit()): number {
	return Math.max(8, Math.min(1000, Math.floor((fdLimit ?? 4096) / 4)));
}

export class LiveUpdates {
	private readonly streams = new Map<ServerResponse, string>();
	private readonly perSource = new Map<string, number>();

	constructor(readonly limits: LiveLimits) {}

	get size(): number {
		return this.streams.size;
	}

	/** Why a new stream from `source` is refused now, or undefined when it may open. */
	refusal(source: string): { zh: string; en: string } | undefined {
		if (this.streams.size >= this.limits.total)
			return {
				zh: `实时更新连接已满（${this.limits.total} 个），本页不再自动提示数据更新，刷新即可看到最新数据`,
				en: `live updates are full (${this.limits.total} streams): this page will not be told of new data; reload to see it`
			};
		if ((this.perSource.get(source) ?? 0) >= this.limits.perSource)
			return {
				zh: `同一用户或地址的实时更新连接过多（最多 ${this.limits.perSource} 个）：请关闭多余的页面`,
				en: `too many live-update streams from one user or address (at most ${this.limits.perSource}): close some tabs`
			};
		return undefined;
	}

	/** Keep `res` open as a stream of `source` until it closes; `first` is written at once. */
	open(res: ServerResponse, source: string, first: string): void {
		res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
		res.write(first);
		this.streams.set(res, source);
		this.perSource.set(source, (this.perSource.get(source) ?? 0) + 1);
		const ping = setInterval(() => this.write(res, ': ping\n\n'), 25_000);
		res.on('close', () => {
			clearInterval(ping);
			if (!this.streams.delete(res)) return;
			const n = (this.perSource.get(source) ?? 1) - 1;
			if (n > 0) this.perSource.set(source, n);
			else this.perSource.delete(source);
		});
	}

	private write(res: ServerResponse, message: string): void {
		if (!res.destroyed && !res.writableEnded) res.write(message);
	}

	/** Send `message` to every open stream. */
	broadcast(message: string): void {
		for (const res of this.streams.keys()) this.write(res, message);
	}

	/** End every stream (the server is stopping). */
	close(): void {
		for (const res of this.streams.keys()) res.end();
	}
}
