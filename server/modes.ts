// Who may read the office's files (issue 21). The store holds password hashes and sessions, a release's source/ and
// data/ the internal ledger, a backup all of it: only the server's own user reads them (files 0600, folders 0700).
// The one part another user must read is the published public data, which the README's nginx serves from
// DATA_DIR/public → releases/<id>/public: those files are 0644 in 0755 folders, and the folders on the way to them
// (DATA_DIR, releases/, releases/<id>/) are 0711 — passable, not listable, and nothing in them readable but public/.
// `npm start` and `npm run backup` also run with umask 077, so that what DuckDB and the importer create is private
// from its first byte; the functions here set the modes explicitly and repair older folders at start.
import { chmodSync, existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;
/** A folder another user may pass through (to the public data) but not list. */
export const PASS_DIR = 0o711;
export const PUBLIC_FILE = 0o644;
export const PUBLIC_DIR = 0o755;

/** Set every folder under `path` (and `path`) to `dirMode`, every file to `fileMode`; symlinks are left alone. */
export function chmodTree(path: string, dirMode: number, fileMode: number): void {
	const stat = lstatSync(path, { throwIfNoEntry: false });
	if (!stat || stat.isSymbolicLink()) return;
	if (!stat.isDirectory()) return chmodSync(path, fileMode);
	chmodSync(path, dirMode);
	for (const name of readdirSync(path)) chmodTree(join(path, name), dirMode, fileMode);
}

/** Only this user: folders 0700, files 0600. */
export function keepPrivate(path: string): void {
	chmodTree(path, PRIVATE_DIR, PRIVATE_FILE);
}

/** Readable by every user (the public data): folders 0755, files 0644. */
export function openToReaders(path: string): void {
	chmodTree(path, PUBLIC_DIR, PUBLIC_FILE);
}

/** One release folder: passable, its public/ readable, everything else private. */
export function releaseModes(dir: string): void {
	chmodSync(dir, PASS_DIR);
	for (const name of readdirSync(dir)) {
		if (name === 'public') openToReaders(join(dir, name));
		else keepPrivate(join(dir, name));
	}
}

/** DATA_DIR as it should be, whatever an older version or a umask of 022 left: the store, the pointer and the
 *  backup key private, every release as `releaseModes`, the folders on the way to public/ passable. */
export function repairDataModes(dataDir: string): void {
	chmodSync(dataDir, PASS_DIR);
	for (const name of readdirSync(dataDir)) {
		const path = join(dataDir, name);
		if (name === 'releases') {
			chmodSync(path, PASS_DIR);
			for (const release of readdirSync(path)) {
				const dir = join(path, release);
				if (lstatSync(dir).isDirectory()) releaseModes(dir);
				else keepPrivate(dir);
			}
		} else keepPrivate(path); // the public link itself is a symlink: left alone
	}
}

/** Every backup under `root` (and `root`) private; nothing when there is no such folder. */
export function repairBackupModes(root: string): void {
	if (existsSync(root)) keepPrivate(root);
}
