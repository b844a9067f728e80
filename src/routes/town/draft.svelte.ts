/**
 * The sending state every town form shares (issue 22): the values as typed and the note, kept in this browser's
 * storage (`Drafts`, src/lib/office/drafts.ts) as they are typed; a save that sends them under the draft's
 * idempotency key; a send that got no answer (the network dropped) kept as unsent, shown as such, and sent again —
 * by the resend button or when the browser is back online — under the same key, so the server records it once.
 * Each form gives its blank values and how it sends; the form's checks stay the form's (the importer's rules).
 */
import { t } from '$lib/i18n/messages';
import * as api from '$lib/office/client';
import { Drafts, sentAt } from '$lib/office/drafts';

/** Where a form's send stands. `offline`: sent with no answer, kept here to be sent again. */
export type SendStatus = 'idle' | 'saving' | 'offline' | 'saved' | 'repeated' | 'refused';

/** What the server answers a recorded change (POST /api/changes). */
export type Recorded = { change: api.ChangeRecord; repeated: boolean };

export interface DraftOptions<V> {
	/** The form's values before anything is typed. */
	blank: () => V;
	/** Whether anything of the values counts as typed (a blank form is not kept). */
	typed: (values: V) => boolean;
	/** Send the values under `key` (the draft's idempotency key) with the note. */
	send: (key: string, values: V, note: string) => Promise<Recorded>;
	/** Called once the server recorded the change (new or repeated). */
	onsaved: () => void;
	/** The browser's storage the drafts are kept in (localStorage). */
	storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/** One town form's draft and send, as Svelte 5 state. */
export class DraftState<V extends object> {
	values = $state() as V;
	note = $state('');
	/** ISO time of the last send that got no answer, or null. */
	unsent = $state<string | null>(null);
	status = $state<SendStatus>('idle');
	/** The server's answer in words (saved, saved before, or why it refused). */
	message = $state('');

	#drafts: Drafts<V> | null = null;
	#form = '';
	readonly #options: DraftOptions<V>;

	constructor(options: DraftOptions<V>) {
		this.#options = options;
		this.values = options.blank();
	}

	/** Whether anything is typed (values or note). */
	get typed(): boolean {
		return this.#options.typed(this.values) || this.note !== '';
	}

	/**
	 * Open `form` (e.g. `vote:YQ000001`) of `user`: its kept draft, or blank values. Nothing happens when that form
	 * is open already, so it may be called from an effect on every change of the community shown.
	 */
	open(user: string, form: string): void {
		const name = `${user}\n${form}`;
		if (this.#form === name) return;
		this.#form = name;
		this.#drafts = new Drafts<V>(user, this.#options.storage ?? localStorage);
		const kept = this.#drafts.get(form);
		this.values = kept ? { ...this.#options.blank(), ...kept.values } : this.#options.blank();
		this.note = kept?.note ?? '';
		this.unsent = kept?.unsent ?? null;
		this.status = kept?.unsent ? 'offline' : 'idle';
		this.message = '';
	}

	get #name(): string {
		return this.#form.slice(this.#form.indexOf('\n') + 1);
	}

	/** Keep what is typed, as it is typed (under the draft's key; a blank form is not kept). */
	keep(): void {
		if (this.#drafts && this.typed)
			this.#drafts.keep(this.#name, $state.snapshot(this.values) as V, this.note, this.unsent);
	}

	/**
	 * Send the draft (when `ready`: the form's checks hold). Recorded: the draft is dropped and the form blank
	 * again; no answer: kept as unsent; refused: the server's reason shown, the draft kept.
	 */
	async save(ready: boolean): Promise<void> {
		const drafts = this.#drafts;
		if (!drafts || !ready || this.status === 'saving') return;
		const form = this.#name;
		const draft = drafts.keep(form, $state.snapshot(this.values) as V, this.note, this.unsent);
		this.status = 'saving';
		try {
			const r = await this.#options.send(draft.key, draft.values, draft.note);
			drafts.drop(form);
			this.unsent = null;
			this.status = r.repeated ? 'repeated' : 'saved';
			this.message = t(r.repeated ? 'office.town.vote.repeated' : 'office.town.vote.saved', {
				id: r.change.id
			});
			this.values = this.#options.blank();
			this.note = '';
			this.#options.onsaved();
		} catch (e) {
			if (e instanceof api.OfficeError && e.status === 0) {
				this.unsent = sentAt();
				drafts.keep(form, draft.values, draft.note, this.unsent);
				this.status = 'offline';
				this.message = '';
			} else {
				this.status = 'refused';
				this.message = e instanceof api.OfficeError ? `${e.zh} / ${e.en}` : String(e);
			}
		}
	}
}
