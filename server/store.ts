// The office's store: accounts, sessions and the audit log in one embedded DuckDB file (DATA_DIR/store.duckdb).
// DuckDB is already the project's engine (@duckdb/node-api, prebuilt, no compiler); one process owns the file.
// Every statement is parameterised; calls are serialised through one connection.
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { Role } from './roles';

export interface User {
	name: string;
	role: Role;
	hash: string;
	mustChange: boolean;
	failures: number;
	lockedUntil: number | null;
	disabled: boolean;
}

export interface Session {
	user: string;
	csrf: string;
	expires: number;
}

export interface AuditEntry {
	at: string;
	user: string | null;
	action: string;
	target: string | null;
	outcome: 'ok' | 'refused' | 'failed';
	detail: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (name VARCHAR PRIMARY KEY, role VARCHAR NOT NULL, hash VARCHAR NOT NULL,
  must_change BOOLEAN NOT NULL, failures INTEGER NOT NULL DEFAULT 0, locked_until BIGINT,
  disabled BOOLEAN NOT NULL DEFAULT false, created VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (token_hash VARCHAR PRIMARY KEY, "user" VARCHAR NOT NULL,
  csrf VARCHAR NOT NULL, expires BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS audit ("at" VARCHAR NOT NULL, "user" VARCHAR, action VARCHAR NOT NULL, target VARCHAR,
  outcome VARCHAR NOT NULL, detail VARCHAR);`;

export class Store {
	private queue: Promise<unknown> = Promise.resolve();
	private constructor(
		private readonly db: DuckDBInstance,
		private readonly conn: DuckDBConnection
	) {}

	static async open(path: string): Promise<Store> {
		const db = await DuckDBInstance.create(path);
		const conn = await db.connect();
		await conn.run(SCHEMA);
		return new Store(db, conn);
	}

	/** Run one statement after every earlier one; rows as plain objects. */
	private exec(sql: string, values: DuckDBValue[] = []): Promise<Record<string, unknown>[]> {
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

	async addUser(name: string, role: Role, hash: string): Promise<void> {
		await this.exec(
			'INSERT INTO users (name, role, hash, must_change, created) VALUES ($1, $2, $3, true, $4)',
			[name, role, hash, new Date().toISOString()]
		);
	}

	async updateUser(
		name: string,
		change: Partial<Pick<User, 'role' | 'hash' | 'mustChange' | 'failures' | 'lockedUntil' | 'disabled'>>
	): Promise<void> {
		const columns: [string, DuckDBValue][] = [];
		if (change.role !== undefined) columns.push(['role', change.role]);
		if (change.hash !== undefined) columns.push(['hash', change.hash]);
		if (change.mustChange !== undefined) columns.push(['must_change', change.mustChange]);
		if (change.failures !== undefined) columns.push(['failures', change.failures]);
		if (change.lockedUntil !== undefined)
			columns.push(['locked_until', change.lockedUntil === null ? null : BigInt(change.lockedUntil)]);
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

	/** End every session of `user` (password changed, account disabled or its role changed). */
	async dropSessionsOf(user: string): Promise<void> {
		await this.exec('DELETE FROM sessions WHERE "user" = $1', [user]);
	}

	async dropExpiredSessions(now: number): Promise<void> {
		await this.exec('DELETE FROM sessions WHERE expires <= $1', [BigInt(now)]);
	}

	async audit(entry: Omit<AuditEntry, 'at'>): Promise<void> {
		await this.exec('INSERT INTO audit VALUES ($1, $2, $3, $4, $5, $6)', [
			new Date().toISOString(),
			entry.user,
			entry.action,
			entry.target,
			entry.outcome,
			entry.detail
		]);
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

	/** Close the connection and the database: the file's lock is released now, not when the GC gets to it. */
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
		failures: Number(r.failures),
		lockedUntil: r.locked_until == null ? null : Number(r.locked_until),
		disabled: Boolean(r.disabled)
	};
}
