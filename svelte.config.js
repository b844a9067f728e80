import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// `PUBLIC_SITE=1` (set by `npm run build:public`) builds the residents' site alone: its own routes (only
// /progress), its own static folder (public data only, made by scripts/build-public.ts). Otherwise, the dashboard.
// Both carry a strict Content-Security-Policy (the dashboard's also lets wasm run), as a meta tag with the hashes
// of each page's inline scripts (SvelteKit's `csp`, mode 'hash'); the office server adds what a meta tag cannot
// say — frame-ancestors — as a header (server/app.ts, PAGE_HEADERS).
const publicSite = process.env.PUBLIC_SITE === '1';

/**
 * The public site's policy: no remote origin anywhere, and no wasm — it answers from its files, without DuckDB-WASM
 * (issue 24).
 */
const publicCsp = {
	mode: 'hash',
	directives: {
		'default-src': ['self'],
		'script-src': ['self'],
		// no inline style but SvelteKit's own route announcer, allowed by the hash of its style attribute
		// (@sveltejs/kit src/core/sync/write_root.js; the CSP browser test fails if a Kit update changes it)
		'style-src': ['self', 'unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
		'img-src': ['self', 'data:', 'blob:'],
		'font-src': ['self'],
		'connect-src': ['self'],
		'worker-src': ['self', 'blob:'],
		'object-src': ['none'],
		'base-uri': ['self'],
		'form-action': ['self']
	}
};

/** The dashboard's: the same, and 'wasm-unsafe-eval' for DuckDB-WASM and parquet-wasm (/data, the SQL console, exports). */
const dashboardCsp = {
	...publicCsp,
	directives: { ...publicCsp.directives, 'script-src': ['self', 'wasm-unsafe-eval'] }
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: publicSite
		? {
				adapter: adapter({
					pages: 'build-public',
					assets: 'build-public',
					fallback: undefined,
					strict: true
				}),
				files: { routes: 'src/routes-public', assets: '.public/static' },
				outDir: '.svelte-kit-public',
				csp: publicCsp,
				// relative asset and data paths: the folder works at any path (`/`, `/jiugai/`) without a rebuild
				paths: { relative: true },
				prerender: { entries: ['/progress/'] }
			}
		: {
				// Prerendered pages, and index.html as the fallback for pages rendered in the browser (/community/…):
				// the server must fall back to it (npm start does; README: the dashboard on a plain server).
				adapter: adapter({ fallback: 'index.html', strict: true }),
				csp: dashboardCsp,
				paths: { relative: true }
			}
};

export default config;
