/**
 * What a town's form keeps in the browser's own storage (localStorage) until the server has recorded it: the
 * values as typed, the note, and the idempotency key made when the draft began — so a page reloaded after a
 * dropped network shows them again, and a resend carries the same key (the server records a key once).
 */

/** One form's draft: its key, the values as typed and the note. */
export interface Draft<V> {
	key: string;
	values: V;
	note: string;
	/** ISO time of the last send that got no answer (the network dropped), or null. */
	unsent: string | null;
}

/** A new idempotency key: 24 hex digits (getRandomValues: randomUUID exists only on HTTPS or localhost). */
export function newKey(): string {
	return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join(
		''
	);
}

/** Now, as an ISO time: when a send got no answer (`Draft.unsent`). */
export const sentAt = (): string => new Date().toISOString();

const PREFIX = 'yq-draft:';

/** The drafts of one user's forms, by form name (e.g. `vote:YQ000001`), in `storage`. */
export class Drafts<V> {
	constructor(
		private readonly user: string,
		private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>
	) {}

	private name(form: string): string {
		return `${PREFIX}${this.user}:${form}`;
	}

	/** The kept draft of `form`, or undefined (none, or unreadable). */
	get(form: string): Draft<V> | undefined {
		try {
			const text = this.storage.getItem(this.name(form));
			return text ? (JSON.parse(text) as Draft<V>) : undefined;
		} catch {
			return undefined;
		}
	}

	/** Keep `values` and `note` of `form` under its draft's key (a new key for a new draft). */
	keep(form: string, values: V, note: string, unsent: string | null = null): Draft<V> {
		const draft: Draft<V> = { key: this.get(form)?.key ?? newKey(), values, note, unsent };
		this.storage.setItem(this.name(form), JSON.stringify(draft));
		return draft;
	}

	/** Forget `form`'s draft (the server recorded it): the next draft gets a new key. */
	drop(form: string): void {
		this.storage.removeItem(this.name(form));
	}
}
