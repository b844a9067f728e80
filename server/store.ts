// The office's store: accounts, sessions and the audit log in one embedded DuckDB file (DATA_DIR/store.duckdb).
// DuckDB is already the project's engine (@duckdb/node-api, prebuilt, no compiler); one process owns the file.
// Every statement is parameterised; calls are serialised through one connection.
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { chmodSync } from 'node:fs';
import { PRIVATE_FILE } from './modes';
import { AUDIT_LIMITS, boundText } from './audit-text';
import type { AuditEntry } from '../src/lib/office/api';
import type { Role } from './roles';

export interface User {
	name: string;
	role: Role;
	hash: string;
	/** The password is a one-time password: it must be changed before anything else. */
	mustChange: boolean;
	/** When that one-time password stops working (ms), or null once a password of the user's own is set. */
	otpExpires: number | null;
	disabled: boolean;
	/** A town account's 乡镇（街道） (names as in the data's towns table); empty for the other roles. */
	towns: string[];
}

/** Which audit entries to show: filters (all optional, combined) and a page. */
export interface AuditQuery {
	/** Part of the user's name (any case). */
	user?: string;
	/** An action code, exactly (`login`, `publish` …). */
	action?: string;
	/** `ok`, `refused` or `failed`. */
	outcome?: string;
	/** Part of the target or the detail (any case). */
	text?: string;
	/** Entries to skip (newest first) and to return (at most 200). */
	offset: number;
	limit: number;
}

export interface Session {
	user: string;
	csrf: string;
	expires: number;
}

export type { AuditEntry } from '../src/lib/office/api';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (name VARCHAR PRIMARY KEY, role VARCHAR NOT NULL, hash VARCHAR NOT NULL,
  must_change BOOLEAN NOT NULL, failures INTEGER NOT NULL DEFAULT 0, locked_until BIGINT,
  disabled BOOLEAN NOT NULL DEFAULT false, created VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (token_hash VARCHAR PRIMARY KEY, "user" VARCHAR NOT NULL,
  csrf VARCHAR NOT NULL, expires BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS audit ("at" VARCHAR NOT NULL, "user" VARCHAR, action VARCHAR NOT NULL, target VARCHAR,
  outcome VARCHAR NOT NULL, detail VARCHAR);
ALTER TABLE users ADD COLUMN IF NOT EXISTS otp_expires BIGINT;
ALTER TABLE users ADD COLUMN IF NOT EXISTS towns VARCHAR;
CREATE TABLE IF NOT EXISTS changes (id VARCHAR PRIMARY KEY, idem_key VARCHAR NOT NULL, "user" VARCHAR NOT NULL,
  "at" VARCHAR NOT NULL, community_id VARCHAR NOT NULL, town VARCHAR NOT NULL, field VARCHAR NOT NULL,
  before VARCHAR, after VARCHAR NOT NULL, note VARCHAR, state VARCHAR NOT NULL, review_note VARCHAR,
  reviewer VARCHAR, reviewed_at VARCHAR, release VARCHAR, UNIQUE ("user", idem_key));
ALTER TABLE changes ADD COLUMN IF NOT EXISTS superseded_by VARCHAR;
ALTER TABLE changes ADD COLUMN IF NOT EXISTS superseded_at VARCHAR;
ALTER TABLE changes ADD COLUMN IF NOT EXISTS superseded_in VARCHAR;`;
// changes: one row per change a town recorded (changes.ts). before/after are JSON; release is the release that
// carries an accepted change (set when a keeper stages the accepted changes onto the current release);
// superseded_by/_at/_in: the keeper who took an upload's value over an accepted change, when, in which release.
// users.failures and users.locked_until are no longer used: login limits are per source, in memory
// (login-limits.ts); the columns stay so that older stores and backups open unchanged.

export class Store {
	private queue: Promise<unknown> = Promise.resolve();
	private constructor(
		private readonly db: DuckDBInstance,
		private readonly conn: DuckDBConnection
	) {}

	/** Open (or create) the store at `path`; the file is made private (0600: it holds password hashes). */
	static async open(path: string): Promise<Store> {
		const db = await DuckDBInstance.create(path);
		const conn = await db.connect();
		await conn.run(SCHEMA);
		chmodSync(path, PRIVATE_FILE);
		return new Store(db, conn);
	}

	/** Run one statement after every earlier one; rows as plain objects (parameterised: `values` are $1, $2…). */
	exec(sql: string, values: DuckDBValue[] = []): Promise<Record<string, unknown>[]> {
		const next = this.queue.then(async () => {
			const reader = await this.conn.runAndReadAll(sql, values);
			return reader.getRowObjectsJS() as Record<string, unknown>[];
		});
		this.queue = next.catch(() => undefined);
		return next;
	}

	async userCount(): Promise<number> {
		const [row] = await this.exec('SELECT count(*)::INTEGER AS n FROM users');
		return Number(row!.n);
	}

	async user(name: string): Promise<User | undefined> {
		const [r] = await this.exec('SELECT * FROM users WHERE name = $1', [name]);
		return r && toUser(r);
	}

	async users(): Promise<Omit<User, 'hash'>[]> {
		const rows = await this.exec('SELECT * FROM users ORDER BY name');
		return rows.map((r) => {
			const { hash: _hash, ...rest } = toUser(r);
			void _hash;
			return rest;
		});
	}

	/** A new account whose one-time password (`hash`) works until `otpExpires` (ms). */
	async addUser(
		name: string,
		role: Role,
		hash: string,
		otpExpires: number,
		towns: string[] = []
	): Promise<void> {
		await this.exec(
			'INSERT INTO users (name, role, hash, must_change, created, otp_expires, towns) VALUES ($1, $2, $3, true, $4, $5, $6)',
			[name, role, hash, new Date().toISOString(), BigInt(otpExpires), JSON.stringify(towns)]
		);
	}

	async updateUser(
		name: string,
		change: Partial<Pick<User, 'role' | 'hash' | 'mustChange' | 'otpExpires' | 'disabled' | 'towns'>>
	): Promise<void> {
		const columns: [string, DuckDBValue][] = [];
		if (change.towns !== undefined) columns.push(['towns', JSON.stringify(change.towns)]);
		if (change.role !== undefined) columns.push(['role', change.role]);
		if (change.hash !== undefined) columns.push(['hash', change.hash]);
		if (change.mustChange !== undefined) columns.push(['must_change', change.mustChange]);
		if (change.otpExpires !== undefined)
			columns.push(['otp_expires', change.otpExpires === null ? null : BigInt(change.otpExpires)]);
		if (change.disabled !== undefined) columns.push(['disabled', change.disabled]);
		if (columns.length === 0) return;
		const set = columns.map(([c], i) => `${c} = $${i + 2}`).join(', ');
		await this.exec(`UPDATE users SET ${set} WHERE name = $1`, [name, ...columns.map(([, v]) => v)]);
	}

	async addSession(tokenHash: string, session: Session): Promise<void> {
		await this.exec('INSERT INTO sessions VALUES ($1, $2, $3, $4)', [
			tokenHash,
			session.user,
			session.csrf,
			BigInt(session.expires)
		]);
	}

	async session(tokenHash: string): Promise<Session | undefined> {
		const [r] = await this.exec('SELECT * FROM sessions WHERE token_hash = $1', [tokenHash]);
		return r && { user: String(r.user), csrf: String(r.csrf), expires: Number(r.expires) };
	}

	async touchSession(tokenHash: string, expires: number): Promise<void> {
		await this.exec('UPDATE sessions SET expires = $2 WHERE token_hash = $1', [tokenHash, BigInt(expires)]);
	}

	async dropSession(tokenHash: string): Promise<void> {
		await this.exec('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
	}

	/** One-time passwords from before they expired (older stores): they now expire at `at` (ms). */
	async expireOneTimePasswords(at: number): Promise<void> {
		await this.exec('UPDATE users SET otp_expires = $1 WHERE must_change AND otp_expires IS NULL', [
			BigInt(at)
		]);
	}

	/** End every session of `user` (password changed, account disabled or its role changed), but `keep`'s. */
	async dropSessionsOf(user: string, keep?: string): Promise<void> {
		await this.exec('DELETE FROM sessions WHERE "user" = $1 AND token_hash IS DISTINCT FROM $2', [
			user,
			keep ?? null
		]);
	}

	/** End every session (a restored store: no login from before the restore comes back). How many there were. */
	async dropAllSessions(): Promise<number> {
		const [row] = await this.exec('SELECT count(*)::INTEGER AS n FROM sessions');
		await this.exec('DELETE FROM sessions');
		return Number(row!.n);
	}

	async dropExpiredSessions(now: number): Promise<void> {
		await this.exec('DELETE FROM sessions WHERE expires <= $1', [BigInt(now)]);
	}

	/** Add an entry at `at` (ISO; now by default: a publish's entry carries its switch's time); every text is cut to its bound and its invisible characters escaped (audit-text.ts). */
	async audit(entry: Omit<AuditEntry, 'at'>, at = new Date().toISOString()): Promise<void> {
		await this.exec('INSERT INTO audit VALUES ($1, $2, $3, $4, $5, $6)', [
			at,
			boundText(entry.user, AUDIT_LIMITS.user),
			boundText(entry.action, AUDIT_LIMITS.action),
			boundText(entry.target, AUDIT_LIMITS.target),
			entry.outcome,
			boundText(entry.detail, AUDIT_LIMITS.detail)
		]);
	}

	/** Whether the log holds a successful `action` on `target` at `at` (a switch's entry, written once). */
	async hasAudit(at: string, action: string, target: string): Promise<boolean> {
		const [row] = await this.exec(
			`SELECT count(*)::INTEGER AS n FROM audit WHERE "at" = $1 AND action = $2 AND target = $3 AND outcome = 'ok'`,
			[at, action, target]
		);
		return Number(row!.n) > 0;
	}

	/** One page of the audit log, newest first, with the filters of `q`; `total` counts every matching entry. */
	async auditPage(q: AuditQuery): Promise<{ entries: AuditEntry[]; total: number }> {
		const where: string[] = [];
		const values: DuckDBValue[] = [];
		const add = (sql: (n: string) => string, value: string | undefined) => {
			if (!value) return;
			values.push(value);
			where.push(sql(`$${values.length}`));
		};
		add((p) => `contains(lower(coalesce("user", '')), lower(${p}))`, q.user);
		add((p) => `action = ${p}`, q.action);
		add((p) => `outcome = ${p}`, q.outcome);
		add(
			(p) =>
				`(contains(lower(coalesce(target, '')), lower(${p})) OR contains(lower(coalesce(detail, '')), lower(${p})))`,
			q.text
		);
		const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
		const [count] = await this.exec(`SELECT count(*)::INTEGER AS n FROM audit ${filter}`, values);
		const rows = await this.exec(
			`SELECT * FROM audit ${filter} ORDER BY "at" DESC, rowid DESC LIMIT ${Math.min(200, Math.max(1, Math.floor(q.limit)))} OFFSET ${Math.max(0, Math.floor(q.offset))}`,
			values
		);
		return { entries: rows as unknown as AuditEntry[], total: Number(count!.n) };
	}

	/** The newest `limit` audit entries, newest first. */
	async auditLog(limit = 500): Promise<AuditEntry[]> {
		const rows = await this.exec('SELECT * FROM audit ORDER BY "at" DESC LIMIT $1', [limit]);
		return rows as unknown as AuditEntry[];
	}

	/** A consistent copy of the store into `dir` (EXPORT DATABASE: CSV files and the schema, readable anywhere). */
	async exportTo(dir: string): Promise<void> {
		await this.exec(`EXPORT DATABASE '${dir.replaceAll("'", "''")}'`);
	}

	/** Close the connection and the database (its log folded into the file). */
	close(): void {
		this.conn.closeSync();
		this.db.closeSync();
	}
}

function toUser(r: Record<string, unknown>): User {
	return {
		name: String(r.name),
		role: r.role as Role,
		hash: String(r.hash),
		mustChange: Boolean(r.must_change),
		otpExpires: r.otp_expires == null ? null : Number(r.otp_expires),
		disabled: Boolean(r.disabled),
		towns: r.towns == null ? [] : (JSON.parse(String(r.towns)) as string[])
	};
}
