// Data releases on disk. DATA_DIR/releases/<id>/ holds one release: source/ (the files as uploaded), data/ (what
// `npm run data` writes), report.json, diff.json, release.json (author, times, state); once published also public/
// (the public site's data, leak-checked) and query.duckdb (the query door's read-only copy).
// A release is written under releases/.tmp-<id> and renamed into place when whole; DATA_DIR/current names the
// release served, switched by writing current.tmp and renaming it over current — so a crash at any point leaves
// the previous release current, and the next start removes whatever .tmp-* was left.
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ReleaseInfo } from '../src/lib/office/api';

export type { ReleaseInfo } from '../src/lib/office/api';

const ID = /^[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$/;

export function isReleaseId(id: string): boolean {
	return ID.test(id);
}

/** Write `file` whole or not at all: a sibling .tmp file renamed over it. */
export function writeAtomic(file: string, text: string): void {
	writeFileSync(`${file}.tmp`, text);
	renameSync(`${file}.tmp`, file);
}

export class Releases {
	readonly root: string;
	/** `fault`: the crash test's OFFICE_FAULT; 'before-switch' kills the process with the new pointer written
	 *  but not yet renamed into place. */
	constructor(
		readonly dataDir: string,
		private readonly fault?: string
	) {
		this.root = join(dataDir, 'releases');
		mkdirSync(this.root, { recursive: true });
	}

	/** Remove what a crash left half-written: .tmp-* folders and *.tmp files. Returns what was removed. */
	cleanup(): string[] {
		const removed: string[] = [];
		for (const dir of [this.dataDir, this.root, ...this.ids().map((id) => this.path(id))])
			for (const name of readdirSync(dir))
				if (name.startsWith('.tmp-') || name.endsWith('.tmp')) {
					rmSync(join(dir, name), { recursive: true, force: true });
					removed.push(join(dir, name));
				}
		return removed;
	}

	newId(now = new Date()): string {
		const iso = now.toISOString();
		const stamp = `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
		return `${stamp}-${randomBytes(3).toString('hex')}`;
	}

	path(id: string): string {
		if (!isReleaseId(id)) throw new Error(`not a release id: ${id}`);
		return join(this.root, id);
	}

	/** The folder a release is written into before it exists. */
	tmpPath(id: string): string {
		return join(this.root, `.tmp-${id}`);
	}

	/** The release becomes whole: its tmp folder renamed into place. */
	commit(id: string): void {
		renameSync(this.tmpPath(id), this.path(id));
	}

	ids(): string[] {
		return readdirSync(this.root)
			.filter((n) => isReleaseId(n) && existsSync(join(this.root, n, 'release.json')))
			.sort();
	}

	info(id: string): ReleaseInfo | undefined {
		const file = join(this.path(id), 'release.json');
		return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReleaseInfo) : undefined;
	}

	writeInfo(info: ReleaseInfo, dir = this.path(info.id)): void {
		writeAtomic(join(dir, 'release.json'), JSON.stringify(info, null, '\t'));
	}

	list(): ReleaseInfo[] {
		return this.ids()
			.map((id) => this.info(id)!)
			.reverse();
	}

	/** The release served now, or null (the bundled example). */
	current(): string | null {
		const file = join(this.dataDir, 'current');
		if (!existsSync(file)) return null;
		const id = readFileSync(file, 'utf8').trim();
		return isReleaseId(id) && existsSync(join(this.path(id), 'release.json')) ? id : null;
	}

	/** Make `id` current: the pointer first (one rename), then the public data link (a second rename). */
	switchTo(id: string): void {
		const pointer = join(this.dataDir, 'current');
		writeFileSync(`${pointer}.tmp`, `${id}\n`);
		if (this.fault === 'before-switch') process.kill(process.pid, 'SIGKILL');
		renameSync(`${pointer}.tmp`, pointer);
		const link = join(this.dataDir, 'public');
		const tmp = `${link}.tmp`;
		rmSync(tmp, { force: true });
		symlinkSync(join('releases', id, 'public'), tmp);
		renameSync(tmp, link);
	}
}
