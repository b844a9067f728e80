/**
 * The dashboard's build (`build/`), made once and reused while nothing it is made from changed.
 *
 * "Changed" is decided by content, not by dates: `sourceHash` is a SHA-256 over the path and bytes of every input
 * of `vite build` (`BUILD_INPUTS`: src/, static/ but static/data, the Vite/SvelteKit/TypeScript configuration, the
 * package manifest and lock file, and npm's record of what is installed, node_modules/.package-lock.json). A build
 * made by `buildDashboard` leaves a stamp beside it (`.build-stamp.json`: that hash and the build's own version,
 * build/_app/version.json, which SvelteKit writes afresh at every build). The build is reused only when both match:
 * an input edited, a package installed or updated, a build made by plain `vite build` (another version), a build
 * half-written (the stamp is removed before building and written after) — each means "build again".
 *
 * static/data is left out on purpose: the office server never serves build/data (it serves the example data live
 * from static/data, README: "The office server"), so `npm run data` needs no rebuild.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What `vite build` reads: folders (walked whole, but for `skip`) and single files (missing ones count as such). */
export const BUILD_INPUTS = {
	dirs: ['src', 'static'],
	skip: ['static/data'],
	files: [
		'svelte.config.js',
		'vite.config.ts',
		'tsconfig.json',
		'package.json',
		'package-lock.json',
		'node_modules/.package-lock.json',
		'.env',
		'.env.local',
		'.env.production',
		'.env.production.local'
	]
} as const;

/** The stamp's file name, in the project root beside build/. */
export const STAMP_FILE = '.build-stamp.json';

/** What the stamp records about the build beside it. */
export interface BuildStamp {
	/** `sourceHash` of the inputs the build was made from (hex SHA-256). */
	sources: string;
	/** build/_app/version.json as the build wrote it. */
	version: string;
	/** When the build finished (ISO 8601). */
	builtAt: string;
}

/** Whether the build in `root`/build can be served as it is, and if not, why (zh, en). */
export type BuildState =
	{ current: true; stamp: BuildStamp } | { current: false; why: { zh: string; en: string } };

function walk(root: string, dir: string, skip: readonly string[], out: string[]): void {
	let names: string[];
	try {
		names = readdirSync(join(root, dir));
	} catch {
		return; // a folder that is not there is no input
	}
	for (const name of names.sort()) {
		const path = `${dir}/${name}`;
		if (skip.includes(path)) continue;
		if (statSync(join(root, path)).isDirectory()) walk(root, path, skip, out);
		else out.push(path);
	}
}

/** The inputs of the dashboard's build under `root`, as sorted project-relative paths ('/'-separated). */
export function buildInputs(root: string): string[] {
	const out: string[] = [];
	for (const dir of BUILD_INPUTS.dirs) walk(root, dir, BUILD_INPUTS.skip, out);
	return [...out, ...BUILD_INPUTS.files].sort();
}

/** SHA-256 (hex) over each input's path and bytes; a missing file counts as missing, not as empty. */
export function sourceHash(root: string): string {
	const all = createHash('sha256');
	for (const path of buildInputs(root)) {
		const file = join(root, ...path.split('/'));
		all.update(path).update('\0');
		if (existsSync(file)) all.update(createHash('sha256').update(readFileSync(file)).digest('hex'));
		else all.update('missing');
		all.update('\n');
	}
	return all.digest('hex');
}

const versionFile = (root: string) => join(root, 'build', '_app', 'version.json');

function readStamp(root: string): BuildStamp | null {
	try {
		const s = JSON.parse(readFileSync(join(root, STAMP_FILE), 'utf8')) as Partial<BuildStamp>;
		return typeof s.sources === 'string' && typeof s.version === 'string' && typeof s.builtAt === 'string'
			? (s as BuildStamp)
			: null;
	} catch {
		return null;
	}
}

/** Whether `root`/build was made by `buildDashboard` from the inputs as they are now. */
export function buildState(root: string): BuildState {
	if (!existsSync(join(root, 'build', 'index.html')) || !existsSync(versionFile(root)))
		return { current: false, why: { zh: '尚无构建', en: 'no build yet' } };
	const stamp = readStamp(root);
	if (!stamp)
		return {
			current: false,
			why: {
				zh: '构建没有记录（不是 npm run build 做的）',
				en: 'the build has no stamp (not made by npm run build)'
			}
		};
	if (readFileSync(versionFile(root), 'utf8') !== stamp.version)
		return {
			current: false,
			why: { zh: '构建已被另一次构建替换', en: 'the build was replaced by another build' }
		};
	if (sourceHash(root) !== stamp.sources)
		return {
			current: false,
			why: { zh: '源文件或依赖已改变', en: 'the sources or the installed packages changed' }
		};
	return { current: true, stamp };
}

/**
 * Build the dashboard into `root`/build with Vite and stamp it. `quiet`: Vite's output is shown only when it fails.
 * Returns the stamp, or null when an input changed while it built (then no stamp: the next start builds again).
 * Throws when Vite fails, with its output.
 */
export function buildDashboard(root: string, { quiet = false } = {}): BuildStamp | null {
	rmSync(join(root, STAMP_FILE), { force: true });
	const before = sourceHash(root);
	// the dashboard, never the public site (svelte.config.js reads PUBLIC_SITE)
	const env = { ...process.env };
	delete env.PUBLIC_SITE;
	const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const r = spawnSync(process.execPath, [vite, 'build'], {
		cwd: root,
		env,
		encoding: 'utf8',
		stdio: quiet ? 'pipe' : 'inherit',
		maxBuffer: 64 * 1024 * 1024
	});
	if (r.status !== 0)
		throw new Error(
			`看板构建失败 / the dashboard build failed (vite build, exit ${r.status ?? r.signal})` +
				(quiet ? `\n${r.stdout ?? ''}${r.stderr ?? ''}` : '')
		);
	if (sourceHash(root) !== before) return null;
	const stamp: BuildStamp = {
		sources: before,
		version: readFileSync(versionFile(root), 'utf8'),
		builtAt: new Date().toISOString()
	};
	writeFileSync(join(root, STAMP_FILE), JSON.stringify(stamp, null, '\t') + '\n');
	return stamp;
}
