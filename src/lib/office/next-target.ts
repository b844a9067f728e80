/**
 * Where the login page sends the reader once logged in (issue 21, item 9): `next` parsed as a URL against this
 * page's origin, as the browser itself would parse it — so `/\evil.example/x` (`\` is `/` in a URL), `/<tab>/evil…`
 * (tabs and line breaks are dropped), `//evil.example`, `https://evil.example` and `javascript:…` are all seen for
 * what they are. Only a URL of the same origin is taken, and it is returned whole (absolute), so that no path of it
 * can be read again as another host; anything else, or no `next`, is this origin's `/`.
 */
export function nextTarget(next: string | null, origin: string): string {
	const home = new URL('/', origin).href;
	if (!next) return home;
	let url: URL;
	try {
		url = new URL(next, home);
	} catch {
		return home;
	}
	return url.origin === new URL(origin).origin ? url.href : home;
}
