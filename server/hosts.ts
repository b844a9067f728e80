// Who is asking, and by which name (issue 21, item 11): the `Host` a request names and the `Origin` a change comes
// from must be names this server answers to (ALLOWED_HOSTS) — comparing Origin with the request's own Host, as
// before, let a rebound DNS name (evil.example → 127.0.0.1) pass both; and the client's address for the login
// limits, taken from `X-Forwarded-For` only when the connection comes from a trusted proxy (TRUSTED_PROXIES).
import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';
import type { ServerConfig } from './config';

/** `hostname` and `hostname:port` of a Host header's value (lower case), or undefined when it is not one. */
function parseHost(value: string): { name: string; withPort: string } | undefined {
	if (!value || /[\s/\\?#@]/.test(value)) return undefined;
	try {
		const url = new URL(`http://${value}`);
		return { name: url.hostname, withPort: url.host === url.hostname ? url.hostname : url.host };
	} catch {
		return undefined;
	}
}

/** ALLOWED_HOSTS, this machine's loopback names (a rebound DNS name is never one of them; `npm run backup` and
 *  `npm run unlock` call the server by them) and HOST. */
function allowedNames(config: ServerConfig): string[] {
	const names = [...config.allowedHosts, 'localhost', '127.0.0.1', '[::1]'];
	const host = config.host.toLowerCase();
	if (host !== '0.0.0.0' && host !== '::') names.push(isIPv6(host) ? `[${host}]` : host);
	return names;
}

/** Whether a `Host` header's value is a name this server answers to (an entry with a port must match it too). */
export function hostAllowed(value: string | undefined, config: ServerConfig): boolean {
	const host = value === undefined ? undefined : parseHost(value.toLowerCase());
	if (!host) return false;
	return allowedNames(config).some((entry) => {
		const allowed = parseHost(entry);
		if (!allowed) return false;
		// `name:port` allows that port only; a bare name, any port
		return allowed.withPort !== allowed.name
			? allowed.withPort === host.withPort
			: allowed.name === host.name;
	});
}

/** Whether an `Origin` header names this site: http(s) on an allowed host. `null` (a sandboxed frame, a
 *  redirect across sites, a file) and anything unparseable never do. */
export function originAllowed(origin: string, config: ServerConfig): boolean {
	let url: URL;
	try {
		url = new URL(origin);
	} catch {
		return false;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
	if (url.origin !== origin.toLowerCase().replace(/\/$/, '')) return false;
	return hostAllowed(url.host, config);
}

/** IPv4-mapped IPv6 as IPv4; an IPv6 address as its /64 (one machine usually has the whole /64). */
function sourceKey(address: string): string {
	const a = address.toLowerCase();
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
	if (mapped) return mapped[1]!;
	if (!isIPv6(a)) return a;
	// expand :: to get the first four groups
	const [head = '', tail = ''] = a.split('::');
	const h = head ? head.split(':') : [];
	const t = a.includes('::') ? (tail ? tail.split(':') : []) : [];
	const groups = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
	return `${groups
		.slice(0, 4)
		.map((g) => g.replace(/^0+(?=.)/, ''))
		.join(':')}::/64`;
}

/** The address a request comes from, for the login limits: the connection's peer, or — when that peer is a
 *  trusted proxy — the last address its `X-Forwarded-For` names (the one the proxy itself saw). */
export function sourceOf(req: IncomingMessage, config: ServerConfig): string {
	const peer = sourceKey(req.socket.remoteAddress ?? 'unknown');
	if (!config.trustedProxies.length || !config.trustedProxies.map(sourceKey).includes(peer)) return peer;
	const forwarded = req.headers['x-forwarded-for'];
	const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean)
		.pop();
	return last && /^[0-9a-f.:]+$/i.test(last) ? sourceKey(last) : peer;
}
