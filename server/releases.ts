// Data releases on disk. DATA_DIR/releases/<id>/ holds one release: source/ (the files as uploaded), data/ (what
// `npm run data` writes), report.json, diff.json, release.json (author, times, state); once published also public/
// (the public site's data, leak-checked) and query.duckdb (the query door's read-only copy).
// A release is written under releases/.tmp-<id> and renamed into place when whole. DATA_DIR/current names the
// release served and carries the record of the switch that made it current (who, when, publish or rollback): it is
// switched by writing current.tmp and renaming it over current, so the switch and its record are one rename. The
// release file's `published` list and the audit log are written after it, and the next start completes them from
// the pointer when a crash came between (Publisher.recover) — so a crash at any point leaves pointer, release file
// and audit log agreeing; the next start also removes whatever .tmp-* was left.
import {
	closeSync,
	existsSync,
	fsyncSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	readlinkSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { crashPoint } from './faults';
import { PRIVATE_FILE, releaseModes } from './modes';
import type { ReleaseInfo } from '../src/lib/office/api';

export type { ReleaseInfo } from '../src/lib/office/api';

/** The record a switch carries in the pointer: the release made current, by whom and when, and the one before. */
export interface SwitchRecord {
	id: string;
	action: 'publish' | 'rollback';
	by: string;
	/** ISO time; the same in the release's `published` entry and in the audit log's entry. */
	at: string;
	previous: string | null;
}

/** Failed uploads (validated with errors: never publishable) are kept this long and this many (README). */
export interface FailedRetention {
	/** The newest this many are kept (FAILED_UPLOADS_KEEP, default 20). */
	keep: number;
	/** None older than this many days (FAILED_UPLOADS_DAYS, default 30). */
	days: number;
}

/** The failed uploads `rule` removes from `list` at time `now` (ms): older than `days`, or past the newest `keep`.
 *  A release that validated, or was ever published, is never among them. */
export function failedPastRetention(list: ReleaseInfo[], rule: FailedRetention, now: number): string[] {
	const failed = list
		.filter((r) => !r.ok && r.published.length === 0)
		.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
	const oldest = now - rule.days * 86_400_000;
	return failed.filter((r, i) => i >= rule.keep || !(Date.parse(r.createdAt) >= oldest)).map((r) => r.id);
}

const ID = /^[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$/;

export function isReleaseId(id: string): boolean {
	return ID.test(id);
}

/** Write `file` whole or not at all: a sibling .tmp file (private: 0600), flushed to disk, renamed over it.
 *  `beforeRename`: the crash tests' fault point. */
export function writeAtomic(file: string, text: string, beforeRename?: () => void): void {
	const fd = openSync(`${file}.tmp`, 'w', PRIVATE_FILE);
	try {
		writeFileSync(fd, text);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	beforeRename?.();
	renameSync(`${file}.tmp`, file);
	// the rename itself on disk before whatever comes next (a power cut must not undo it after the next step)
	const dir = openSync(dirname(file), 'r');
	try {
		fsyncSync(dir);
	} finally {
		closeSync(dir);
	}
}

export class Releases {
	readonly root: string;
	/** `fault`: the crash tests' OFFICE_FAULT (server/faults.ts): a step of `switchTo` where the process dies. */
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

	/** The release becomes whole: its tmp folder renamed into place (private but for a public/ — modes.ts). */
	commit(id: string): void {
		releaseModes(this.tmpPath(id));
		renameSync(this.tmpPath(id), this.path(id));
	}

	/** Remove a release: renamed to .tmp-removed-<id> first (gone from the list at once; a crash leaves only what
	 *  the next start's cleanup removes). Never the current one. */
	remove(id: string): void {
		if (id === this.current()) throw new Error(`release ${id} is current`);
		const doomed = join(this.root, `.tmp-removed-${id}`);
		renameSync(this.path(id), doomed);
		rmSync(doomed, { recursive: true, force: true });
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

	/**
	 * The releases whose data release `id` was built on: `id`, the release it was staged over (its `base`), that
	 * one's base, and so on — empty for null (the example). A town change carried by one of them is in `id`'s data
	 * (an upload that dropped it was held by its conflict until decided); one carried by a release outside it is
	 * not, e.g. after a rollback to a release older than the one that carried it.
	 */
	lineage(id: string | null): Set<string> {
		const seen = new Set<string>();
		for (let at = id; at !== null && !seen.has(at);) {
			seen.add(at);
			at = this.info(at)?.base ?? null;
		}
		return seen;
	}

	/** The pointer's lines: the release id, then (since issue 21) the switch's record as JSON. */
	private pointer(): string[] {
		const file = join(this.dataDir, 'current');
		return existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
	}

	/** The release served now, or null (the bundled example). */
	current(): string | null {
		const id = this.pointer()[0]?.trim() ?? '';
		return isReleaseId(id) && existsSync(join(this.path(id), 'release.json')) ? id : null;
	}

	/** The record of the switch that made the current release current; undefined for none (the example, or a
	 *  pointer written before records were kept in it). */
	switchRecord(): SwitchRecord | undefined {
		const [id, record] = this.pointer();
		if (!record?.trim() || id?.trim() !== this.current()) return undefined;
		try {
			const parsed = JSON.parse(record) as SwitchRecord;
			return parsed.id === id.trim() ? parsed : undefined;
		} catch {
			return undefined; // the pointer is written whole (one rename): only a hand edit gets here
		}
	}

	/** Whether DATA_DIR/public (the public web server's data) points at release `id`'s public data. */
	publicLinkIs(id: string): boolean {
		try {
			return readlinkSync(join(this.dataDir, 'public')) === join('releases', id, 'public');
		} catch {
			return false;
		}
	}

	/** Point DATA_DIR/public at release `id`'s public data (a symlink renamed over the old one). */
	linkPublic(id: string): void {
		const link = join(this.dataDir, 'public');
		const tmp = `${link}.tmp`;
		rmSync(tmp, { force: true });
		symlinkSync(join('releases', id, 'public'), tmp);
		renameSync(tmp, link);
	}

	/** Make `record.id` current: the pointer with its record first (one rename: the switch and its record are one
	 *  write), then the public data link (a second rename). The release file and the audit log follow (Publisher). */
	switchTo(record: SwitchRecord): void {
		writeAtomic(join(this.dataDir, 'current'), `${record.id}\n${JSON.stringify(record)}\n`, () =>
			crashPoint(this.fault, 'before-switch')
		);
		crashPoint(this.fault, 'after-pointer');
		this.linkPublic(record.id);
		crashPoint(this.fault, 'after-link');
	}
}
