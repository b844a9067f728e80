import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// The intranet serves plain files: every page is prerendered, with index.html as the SPA fallback.
		adapter: adapter({ fallback: 'index.html', strict: true })
	}
};

export default config;
