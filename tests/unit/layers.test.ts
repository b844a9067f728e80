/**
 * Imports point down the layers. Every .ts/.js/.svelte file under src/, server/ and scripts/ (tests beside the
 * code included) is read; each import of a project file (relative or `$lib/…`; packages are not checked) must go
 * to its own module or to a module of a lower layer. Two modules of one layer never import each other.
 *
 *   layer  modules                                   what
 *   6      server                                    the office server (publishes with the build's parts)
 *   5      routes, routes-public, src root, scripts  pages; build, bench and start commands (scripts/lib: their parts)
 *   4      progress, budget                          features: the public site, the budget simulator
 *   3      map, components, office                   building blocks: maps and colours, shared UI, server client
 *   2      data                                      schema, importer, status, classes, filters, queries, session
 *   1      i18n, geo                                 the reader's language, texts and formats; geometry
 *   0      policy                                    the rules of 乐政办发〔2023〕47号
 *   -1     util                                      generic helpers (a seeded random, printing), no project import
 *
 * A module is a folder of src/lib (`src/lib/data/import/x.ts` is in `data`), or one of the entries. An import of
 * tests/ is allowed only from scripts (the bench drives the browser harness).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const LAYERS: Readonly<Record<string, number>> = {
	'lib/policy': 0,
	'lib/util': -1,
	'lib/i18n': 1,
	'lib/geo': 1,
	'lib/data': 2,
	'lib/map': 3,
	'lib/components': 3,
	'lib/office': 3,
	'lib/progress': 4,
	'lib/budget': 4,
	routes: 5,
	'routes-public': 5,
	src: 5,
	scripts: 5,
	server: 6
};

const ROOT = normalize(join(import.meta.dirname, '..', '..'));

/** The module of a path relative to the project root, or null when it is outside the layered code. */
function moduleOf(path: string): string | null {
	const p = path.split('/');
	if (p[0] === 'src') {
		// `src/lib/policy` (a folder's index) is the module `lib/policy`; `src/lib/x.ts` would be `lib/x`, with no layer
		if (p[1] === 'lib') return p.length > 2 ? `lib/${p[2]!.replace(/\.(ts|js|svelte)$/, '')}` : 'src';
		if (p[1] === 'routes' || p[1] === 'routes-public') return p[1];
		return 'src';
	}
	if (p[0] === 'server' || p[0] === 'scripts') return p[0];
	return null;
}

/** The project files a source text imports (static, re-exports, side-effect and dynamic imports), unresolved. */
function importsOf(text: string, svelte: boolean): string[] {
	const scripts = svelte
		? [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!)
		: [text];
	return scripts.flatMap((code) => ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName));
}

/** Where an import of `file` (relative to the root) points, relative to the root; null for a package. */
function target(file: string, spec: string): string | null {
	const bare = spec.replace(/\?.*$/, '');
	if (bare.startsWith('$lib/') || bare === '$lib') return normalize(bare.replace('$lib', 'src/lib'));
	if (bare.startsWith('.')) return normalize(join(dirname(file), bare));
	return null;
}

/** Why an import is not allowed, or null when it points down (or within its module). */
function violation(file: string, spec: string): string | null {
	const to = target(file, spec);
	if (to === null) return null;
	const from = moduleOf(file)!;
	const into = moduleOf(to);
	if (into === null) {
		if (to.startsWith('tests/') && from === 'scripts') return null;
		if (!to.startsWith('src/') && !to.startsWith('server/') && !to.startsWith('scripts/'))
			return `${file} imports ${spec}: outside src/, server/ and scripts/`;
		return null;
	}
	if (into === from) return null;
	const a = LAYERS[from];
	const b = LAYERS[into];
	if (a === undefined || b === undefined)
		return `${file}: module ${a === undefined ? from : into} has no layer`;
	if (b < a) return null;
	return `${file} (${from}, layer ${a}) imports ${spec} (${into}, layer ${b}): ${b === a ? 'same layer' : 'upward'}`;
}

function sourceFiles(dir: string): string[] {
	return readdirSync(join(ROOT, dir)).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
		return /\.(ts|js|svelte)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
	});
}

describe('imports point down the layers', () => {
	const files = ['src', 'server', 'scripts'].flatMap(sourceFiles);

	it('every file is in a module with a layer', () => {
		expect(files.length).toBeGreaterThan(200);
		const missing = files.filter((f) => LAYERS[moduleOf(f) ?? ''] === undefined);
		expect(missing).toEqual([]);
	});

	it('no module imports from its own layer or one above it', () => {
		const found: string[] = [];
		let checked = 0;
		for (const file of files) {
			const text = readFileSync(join(ROOT, file), 'utf8');
			for (const spec of importsOf(text, file.endsWith('.svelte'))) {
				checked++;
				const v = violation(relative(ROOT, join(ROOT, file)), spec);
				if (v) found.push(v);
			}
		}
		expect(checked).toBeGreaterThan(1000);
		expect(found).toEqual([]);
	});

	it('the check itself: an upward, a same-layer and a downward import', () => {
		expect(violation('src/lib/data/export.ts', '../map/colours')).toMatch(/upward/);
		expect(violation('src/lib/progress/x.ts', '$lib/budget/simulate')).toMatch(/same layer/);
		expect(violation('src/lib/policy/vote.ts', '../data/rows')).toMatch(/upward/);
		expect(violation('src/lib/map/points.ts', '../data/classes')).toBeNull();
		expect(violation('src/lib/data/import/index.ts', '../../geo/gcj02')).toBeNull();
		expect(violation('src/lib/data/filters.ts', 'apache-arrow')).toBeNull();
		expect(violation('src/lib/data/x.ts', '../../../tests/browser/server')).toMatch(/outside/);
		expect(
			importsOf(
				`<script lang="ts">\n\timport A from '$lib/map/A.svelte';\n</script>\n<p>import('x')</p>`,
				true
			)
		).toEqual(['$lib/map/A.svelte']);
		expect(importsOf(`// from '../x'\nconst m = await import('./y');\nexport * from './z';`, false)).toEqual([
			'./y',
			'./z'
		]);
	});
});
