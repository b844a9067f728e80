// The towns' changes as rows of the store (table `changes`, store.ts): who, when, which community, which field,
// before → after, why; pending until a keeper accepts or returns it. A change is recorded once per idempotency key
// of its user — a form that sends again after a dropped answer gets the change it already made.
import { randomBytes } from 'node:crypto';
import type { DuckDBValue } from '@duckdb/node-api';
import type { ChangeRecord, ChangeState } from '../src/lib/office/api';
import type { Store } from './store';

export type { ChangeRecord, ChangeState };

/** An idempotency key as the form makes it (crypto.randomUUID, or any 8–64 letters, digits, `-`, `_`). */
export function validKey(key: unknown): key is string {
	return typeof key === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(key);
}

function toChange(r: Record<string, unknown>): ChangeRecord {
	const json = (v: unknown) => (v == null ? null : (JSON.parse(String(v)) as unknown));
	const text = (v: unknown) => (v == null ? null : String(v));
	return {
		id: String(r.id),
		key: String(r.idem_key),
		user: String(r.user),
		at: String(r.at),
		communityId: String(r.community_id),
		town: String(r.town),
		field: String(r.field),
		before: json(r.before),
		after: json(r.after),
		note: text(r.note),
		state: String(r.state) as ChangeState,
		reviewNote: text(r.review_note),
		reviewer: text(r.reviewer),
		reviewedAt: text(r.reviewed_at),
		release: text(r.release),
		supersededBy: text(r.superseded_by),
		supersededAt: text(r.superseded_at),
		supersededIn: text(r.superseded_in)
	};
}

/** What a new change holds before the store gives it an id and a time. */
export interface NewChange {
	key: string;
	user: string;
	communityId: string;
	town: string;
	field: string;
	before: unknown;
	after: unknown;
	note: string | null;
}

/** Filters of a list of changes (all optional, combined). */
export interface ChangeQuery {
	state?: ChangeState;
	/** Only these towns (names). */
	towns?: string[];
	communityId?: string;
}

export class Changes {
	constructor(private readonly store: Store) {}

	/**
	 * Record `change` unless its user already recorded one under the same key: then that one is returned and
	 * `repeated` is true. One statement (INSERT … ON CONFLICT DO NOTHING), so two sends at once record once.
	 */
	async record(change: NewChange, at: string): Promise<{ change: ChangeRecord; repeated: boolean }> {
		const id = `c-${at.slice(0, 10).replaceAll('-', '')}-${randomBytes(6).toString('hex')}`;
		await this.store.exec(
			`INSERT INTO changes (id, idem_key, "user", "at", community_id, town, field, before, after, note, state)
			 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending') ON CONFLICT DO NOTHING`,
			[
				id,
				change.key,
				change.user,
				at,
				change.communityId,
				change.town,
				change.field,
				change.before === null ? null : JSON.stringify(change.before),
				JSON.stringify(change.after),
				change.note
			]
		);
		const [row] = await this.store.exec(`SELECT * FROM changes WHERE "user" = $1 AND idem_key = $2`, [
			change.user,
			change.key
		]);
		const stored = toChange(row!);
		return { change: stored, repeated: stored.id !== id };
	}

	async get(id: string): Promise<ChangeRecord | undefined> {
		const [row] = await this.store.exec('SELECT * FROM changes WHERE id = $1', [id]);
		return row && toChange(row);
	}

	/** Changes matching `q`, oldest first (the order they were recorded and are replayed in). */
	async list(q: ChangeQuery = {}): Promise<ChangeRecord[]> {
		const where: string[] = [];
		const values: DuckDBValue[] = [];
		if (q.state) {
			values.push(q.state);
			where.push(`state = $${values.length}`);
		}
		if (q.communityId) {
			values.push(q.communityId);
			where.push(`community_id = $${values.length}`);
		}
		if (q.towns) {
			if (q.towns.length === 0) return [];
			const marks = q.towns.map((t) => {
				values.push(t);
				return `$${values.length}`;
			});
			where.push(`town IN (${marks.join(', ')})`);
		}
		const rows = await this.store.exec(
			`SELECT * FROM changes ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY "at", id`,
			values
		);
		return rows.map(toChange);
	}

	/** Accept or return a pending change (false when it was not pending: reviewed already). */
	async review(
		id: string,
		decision: 'accepted' | 'returned',
		reviewer: string,
		note: string | null,
		at: string
	): Promise<boolean> {
		const rows = await this.store.exec(
			`UPDATE changes SET state = $2, reviewer = $3, review_note = $4, reviewed_at = $5
			 WHERE id = $1 AND state = 'pending' RETURNING id`,
			[id, decision, reviewer, note, at]
		);
		return rows.length === 1;
	}

	/**
	 * An accepted change superseded by the upload of staged release `release` (a keeper chose the upload's value in a
	 * conflict): no longer compared with releases nor replayed. False when it was not accepted (decided already).
	 */
	async supersede(id: string, by: string, at: string, release: string): Promise<boolean> {
		const rows = await this.store.exec(
			`UPDATE changes SET state = 'superseded', superseded_by = $2, superseded_at = $3, superseded_in = $4
			 WHERE id = $1 AND state = 'accepted' RETURNING id`,
			[id, by, at, release]
		);
		return rows.length === 1;
	}

	/** Mark accepted changes as carried by release `release` (staged onto the current release). */
	async carry(ids: string[], release: string): Promise<void> {
		for (const id of ids)
			await this.store.exec(`UPDATE changes SET release = $2 WHERE id = $1 AND state = 'accepted'`, [
				id,
				release
			]);
	}
}
