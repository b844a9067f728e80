/**
 * Every link in the README and docs/ resolves: a relative link names a file or folder that exists, and a link to a
 * heading (`file.md#anchor`, or `#anchor` within the page) names a heading of that file, as GitHub makes anchors
 * (lower case, spaces to `-`, punctuation but `-` and `_` dropped, CJK kept). Web links are not followed (offline).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = normalize(join(import.meta.dirname, '..', '..'));

function markdownFiles(dir: string): string[] {
	return readdirSync(join(ROOT, dir)).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(join(ROOT, path)).isDirectory()) return markdownFiles(path);
		return name.endsWith('.md') ? [path] : [];
	});
}

/** GitHub's anchor for a heading's text. */
export function anchorOf(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/`/g, '')
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

function anchorsIn(text: string): Set<string> {
	const seen = new Map<string, number>();
	const out = new Set<string>();
	let fenced = false;
	for (const line of text.split('\n')) {
		if (line.startsWith('```')) fenced = !fenced;
		const m = !fenced && /^#{1,6}\s+(.*)$/.exec(line);
		if (!m) continue;
		const base = anchorOf(m[1]!);
		const n = seen.get(base) ?? 0;
		seen.set(base, n + 1);
		out.add(n === 0 ? base : `${base}-${n}`);
	}
	return out;
}

/** The relative links of a Markdown text (outside code), as written. */
function linksIn(text: string): string[] {
	const prose = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
	return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
		.map((m) => m[1]!)
		.filter((href) => !/^[a-z][a-z0-9+.-]*:/i.test(href));
}

function broken(file: string): string[] {
	const text = readFileSync(join(ROOT, file), 'utf8');
	return linksIn(text).flatMap((href) => {
		const [path, anchor] = href.split('#') as [string, string | undefined];
		const target = path === '' ? file : normalize(join(dirname(file), decodeURI(path)));
		if (relative(ROOT, join(ROOT, target)).startsWith('..'))
			return [`${file}: ${href} (outside the project)`];
		if (!existsSync(join(ROOT, target))) return [`${file}: ${href} (no such file)`];
		if (anchor && target.endsWith('.md')) {
			const anchors = anchorsIn(readFileSync(join(ROOT, target), 'utf8'));
			if (!anchors.has(decodeURI(anchor))) return [`${file}: ${href} (no such heading)`];
		}
		return [];
	});
}

const PROJECT_PATH = /(?<![\w./-])((?:src|server|scripts|tests|docs|data)\/[\w./[\]@+*<>-]*[\w\]*>])/g;

/**
 * The project's paths a text names in inline code (`src/lib/…`, `server/…`, `scripts/…`, `tests/…`, `docs/…`,
 * `data/…`: what a clone holds, not what a build writes), but globs (`scripts/build-*.ts`) and placeholders
 * (`x.test.ts`, `<name>`).
 */
export function pathsIn(text: string): string[] {
	const code = [...text.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
	return code.flatMap((c) =>
		[...c.matchAll(PROJECT_PATH)]
			.map((m) => m[1]!.replace(/\.$/, ''))
			.filter((p) => !/[*<>]/.test(p) && !/\/x\.test\.ts$/.test(p))
	);
}

describe('docs', () => {
	const files = ['README.md', ...markdownFiles('docs')];

	it('the README is short: at most 150 lines', () => {
		expect(readFileSync(join(ROOT, 'README.md'), 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(
			150
		);
	});

	it('has the guides, the architecture and the decision records', () => {
		for (const f of [
			'docs/ARCHITECTURE.md',
			'docs/guide-import.md',
			'docs/office-server.md',
			'docs/deploy-public.md',
			'docs/printing.md',
			'docs/benchmarks.md',
			'docs/decisions/README.md'
		])
			expect(existsSync(join(ROOT, f)), f).toBe(true);
	});

	it('every relative link resolves, headings included', () => {
		expect(files.flatMap(broken)).toEqual([]);
	});

	// the dated log keeps the names of its day; every other page names files as they are now
	it('every file or folder of the project named in code exists', () => {
		const missing = files
			.filter((f) => f !== 'docs/benchmarks-log.md')
			.flatMap((f) =>
				pathsIn(readFileSync(join(ROOT, f), 'utf8'))
					.filter((p) => !existsSync(join(ROOT, p)))
					.map((p) => `${f}: ${p}`)
			);
		expect(missing).toEqual([]);
	});

	it('the path check finds a moved file (planted)', () => {
		expect(
			pathsIn('in `src/lib/data/figures.ts` and `scripts/build-*.ts`, `tests/browser/x.test.ts`')
		).toEqual(['src/lib/data/figures.ts']);
	});

	it('the check finds a broken link (planted)', () => {
		expect(anchorOf('办公服务器 · The office server (`server/`, `npm start`)')).toBe(
			'办公服务器--the-office-server-server-npm-start'
		);
		expect(linksIn('see [x](docs/nowhere.md) and [y](https://example.org)')).toEqual(['docs/nowhere.md']);
		expect(existsSync(join(ROOT, 'docs/nowhere.md'))).toBe(false);
	});
});
