// npm start reuses the dashboard's build while nothing it is made from changed (src/node/dashboard-build.ts):
// what counts as a change, on a small project tree in a temp folder. The real build (Vite) is run by the server
// tier (tests/server/start.test.ts); here the stamp is written as buildDashboard writes it, from sourceHash.
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildInputs, buildState, sourceHash, STAMP_FILE } from '../../src/node/dashboard-build';

let root = '';
const put = (path: string, text: string) => {
	mkdirSync(dirname(join(root, path)), { recursive: true });
	writeFileSync(join(root, path), text);
};
const VERSION = '{"version":"1"}';
/** A build as buildDashboard leaves it: pages, SvelteKit's version file and the stamp of the inputs as they are. */
function built() {
	put('build/index.html', '<!doctype html>');
	put('build/_app/version.json', VERSION);
	put(
		STAMP_FILE,
		JSON.stringify({ sources: sourceHash(root), version: VERSION, builtAt: '2026-01-01T00:00:00.000Z' })
	);
}
const why = () => {
	const s = buildState(root);
	return s.current ? 'current' : s.why.en;
};

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'dashboard-build-'));
	put('src/app.html', '<html>%sveltekit.body%</html>');
	put('src/routes/+page.svelte', '<h1>乐清</h1>');
	put('src/lib/policy/params.ts', 'export const X = 1;');
	put('static/data/manifest.json', '{"rows":724}');
	put('svelte.config.js', 'export default {};');
	put('vite.config.ts', 'export default {};');
	put('package.json', '{}');
	put('package-lock.json', '{"lockfileVersion":3}');
	put('node_modules/.package-lock.json', '{"packages":{}}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the dashboard build is reused only while its inputs are unchanged', () => {
	it('the inputs: sources, static files but the data, configuration, manifest, lock file, installed packages', () => {
		const inputs = buildInputs(root);
		expect(inputs).toContain('src/routes/+page.svelte');
		expect(inputs).toContain('src/lib/policy/params.ts');
		expect(inputs).toContain('package-lock.json');
		expect(inputs).toContain('node_modules/.package-lock.json');
		expect(inputs).toContain('vite.config.ts');
		expect(inputs.some((p) => p.startsWith('static/data/'))).toBe(false);
	});

	it('no build, a build without a stamp, a stamped build', () => {
		expect(why()).toBe('no build yet');
		put('build/index.html', '<!doctype html>');
		put('build/_app/version.json', VERSION);
		expect(why()).toBe('the build has no stamp (not made by npm run build)');
		built();
		expect(why()).toBe('current');
	});

	it('a source edited, added, renamed or removed: build again', () => {
		built();
		put('src/lib/policy/params.ts', 'export const X = 2;');
		expect(why()).toBe('the sources or the installed packages changed');
		built();
		put('src/lib/policy/more.ts', '');
		expect(why()).toBe('the sources or the installed packages changed');
		built();
		renameSync(join(root, 'src/lib/policy/more.ts'), join(root, 'src/lib/policy/other.ts'));
		expect(why()).toBe('the sources or the installed packages changed');
		built();
		rmSync(join(root, 'src/lib/policy/other.ts'));
		expect(why()).toBe('the sources or the installed packages changed');
	});

	it('a package installed or updated, the lock file or the configuration changed: build again', () => {
		for (const [file, text] of [
			['node_modules/.package-lock.json', '{"packages":{"node_modules/vite":{}}}'],
			['package-lock.json', '{"lockfileVersion":3,"packages":{}}'],
			['svelte.config.js', 'export default { kit: {} };'],
			['.env', 'VITE_X=1']
		] as const) {
			built();
			put(file, text);
			expect(why(), file).toBe('the sources or the installed packages changed');
		}
	});

	it('the same bytes written again (a checkout, a touch) keep the build', () => {
		built();
		put('src/lib/policy/params.ts', 'export const X = 1;');
		expect(why()).toBe('current');
	});

	it('the example data rebuilt (npm run data) keeps the build: the server reads static/data live', () => {
		built();
		put('static/data/manifest.json', '{"rows":10000}');
		expect(why()).toBe('current');
	});

	it('a build replaced by plain vite build (another version) or half-written: build again', () => {
		built();
		put('build/_app/version.json', '{"version":"2"}');
		expect(why()).toBe('the build was replaced by another build');
		built();
		rmSync(join(root, 'build/index.html'));
		expect(why()).toBe('no build yet');
	});
});
