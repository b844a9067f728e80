/**
 * Imports point down the layers. Every .ts/.js/.svelte file under src/, server/ and scripts/ (tests beside the
 * code included) is read; each import of a project file (relative or `$lib/…`; packages are not checked) must go
 * to its own module or to a module of a lower layer. Two modules of one layer never import each other, so there is
 * no cycle among modules (checked on its own too; files of one module may import each other both ways).
 *
 *   layer  modules                                   what
 *   7      scripts                                   build, bench and start commands (scripts/lib: their parts and
 *                                                    the bench's harness: browser, site server, office server)
 *   6      server                                    the office server (publishes with src/node's parts)
 *   5      routes, routes-public, src root           pages
 *   4.5    home, node                                features: `/`'s parts (its panels and state); Node only: the
 *                                                    data build's steps, the public data and its leak scan
 *   4      progress, budget                          features: the public site, the budget simulator
 *   3      map, components, office                   building blocks: maps and colours, shared UI, server client
 *   2.3    ingest, query                             the importer (read, validate, place, diff, report); the query
 *                                                    runtime (DuckDB connector, coordinator, session, tables)
 *   2.2    filter, files                             the filter (masks, SQL, the figures in JS); files read and
 *                                                    written (manifest, map.arrow, budget inputs, CSV, Excel)
 *   2.1    verdict                                   a community's verdict, status, classes and derived columns
 *   2      schema                                    the tables, their columns and row types
 *   1      i18n, geo                                 the reader's language, texts and formats; geometry
 *   0      policy                                    the rules of 乐政办发〔2023〕47号
 *   -1     util                                      generic helpers (a seeded random, printing), no project import
 *
 * A module is a folder of src/lib (`src/lib/ingest/import/x.ts` is in `ingest`), `src/node`, or one of the
 * entries. Nothing here imports tests/ (tests import anything, the bench's harness included).
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
	'lib/schema': 2,
	'lib/verdict': 2.1,
	'lib/filter': 2.2,
	'lib/files': 2.2,
	'lib/ingest': 2.3,
	'lib/query': 2.3,
	'lib/map': 3,
	'lib/components': 3,
	'lib/office': 3,
	'lib/progress': 4,
	'lib/budget': 4,
	'lib/home': 4.5,
	node: 4.5,
	routes: 5,
	'routes-public': 5,
	src: 5,
	server: 6,
	scripts: 7
};

const ROOT = normalize(join(import.meta.dirname, '..', '..'));

/** The module of a path relative to the project root, or null when it is outside the layered code. */
function moduleOf(path: string): string | null {
	const p = path.split('/');
	if (p[0] === 'src') {
		// `src/lib/policy` (a folder's index) is the module `lib/policy`; `src/lib/x.ts` would be `lib/x`, with no layer
		if (p[1] === 'lib') return p.length > 2 ? `lib/${p[2]!.replace(/\.(ts|js|svelte)$/, '')}` : 'src';
		if (p[1] === 'routes' || p[1] === 'routes-public' || p[1] === 'node') return p[1];
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

/** A cycle among modules (`a → b → … → a`) in an import graph of modules, or null when there is none. */
function moduleCycle(edges: ReadonlyMap<string, ReadonlySet<string>>): string[] | null {
	const state = new Map<string, 'open' | 'done'>();
	const path: string[] = [];
	const visit = (m: string): string[] | null => {
		if (state.get(m) === 'done') return null;
		if (state.get(m) === 'open') return [...path.slice(path.indexOf(m)), m];
		state.set(m, 'open');
		path.push(m);
		for (const n of edges.get(m) ?? []) {
			const c = visit(n);
			if (c) return c;
		}
		path.pop();
		state.set(m, 'done');
		return null;
	};
	for (const m of edges.keys()) {
		const c = visit(m);
		if (c) return c;
	}
	return null;
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

	it('no cycle among modules', () => {
		const edges = new Map<string, Set<string>>();
		for (const file of files) {
			const from = moduleOf(file)!;
			for (const spec of importsOf(readFileSync(join(ROOT, file), 'utf8'), file.endsWith('.svelte'))) {
				const to = target(file, spec);
				const into = to === null ? null : moduleOf(to);
				if (into === null || into === from) continue;
				edges.set(from, (edges.get(from) ?? new Set()).add(into));
			}
		}
		expect(edges.size).toBeGreaterThan(15);
		expect(moduleCycle(edges)).toBeNull();
		// the check itself
		const fake = new Map([
			['lib/filter', new Set(['lib/verdict'])],
			['lib/verdict', new Set(['lib/schema', 'lib/filter'])]
		]);
		expect(moduleCycle(fake)).toEqual(['lib/filter', 'lib/verdict', 'lib/filter']);
		expect(moduleCycle(new Map([['lib/filter', new Set(['lib/verdict'])]]))).toBeNull();
	});

	it('the check itself: an upward, a same-layer and a downward import', () => {
		expect(violation('src/lib/files/export.ts', '../map/colours')).toMatch(/upward/);
		expect(violation('src/lib/progress/x.ts', '$lib/budget/simulate')).toMatch(/same layer/);
		expect(violation('src/lib/filter/x.ts', '../files/csv')).toMatch(/same layer/);
		expect(violation('src/lib/verdict/classes.ts', '../filter/filters')).toMatch(/upward/);
		expect(violation('src/lib/policy/vote.ts', '../schema/rows')).toMatch(/upward/);
		expect(violation('src/lib/map/points.ts', '../verdict/classes')).toBeNull();
		expect(violation('src/lib/ingest/import/index.ts', '../../geo/gcj02')).toBeNull();
		expect(violation('src/lib/filter/filters.ts', 'apache-arrow')).toBeNull();
		expect(violation('src/node/leak-scan.ts', '../lib/schema/schema')).toBeNull();
		expect(violation('server/publish.ts', '../src/node/leak-scan')).toBeNull();
		expect(violation('src/node/x.ts', '../../server/app')).toMatch(/upward/);
		expect(violation('src/lib/files/x.ts', '../../../tests/browser/x')).toMatch(/outside/);
		expect(violation('scripts/lib/bench-x.ts', '../../tests/browser/x')).toMatch(/outside/);
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
