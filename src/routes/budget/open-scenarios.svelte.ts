/**
 * The scenarios open on /budget (up to three; the first is the base) and those saved in the browser. No two open
 * scenarios share a name, and none takes a saved one's name unless it came from it (saving it again replaces that
 * one): a name taken on opening, copying or saving becomes the next free `name (n)`.
 */
import { uniqueName, type Scenario } from '$lib/budget/scenario';
import { saveStored, type Stored } from '$lib/budget/storage';

export const MAX_OPEN = 3;

export class OpenScenarios {
	list = $state<Scenario[]>([]);
	active = $state(0);
	stored = $state.raw<Stored>({ scenarios: [], unreadable: [] });
	/** Per open scenario, the saved scenario it came from, else null. */
	#origins = $state<(string | null)[]>([]);

	/** Opens `list` (scenarios reopened from storage keep their saved origin when one has their name). */
	start(stored: Stored, list: Scenario[], reopened: boolean): void {
		this.stored = stored;
		this.list = list;
		this.#origins = list.map((s) =>
			reopened && stored.scenarios.some((x) => x.name === s.name) ? s.name : null
		);
		this.active = 0;
	}

	/** Names no other scenario (open, or saved and not this one's origin) may take; -1 for a new one. */
	takenBy(i: number): string[] {
		return [
			...this.list.filter((_, j) => j !== i).map((s) => s.name),
			...this.stored.scenarios.map((s) => s.name).filter((n) => n !== this.#origins[i])
		];
	}

	/** Puts a scenario on the page (a new tab while there are fewer than three), its name made unique. */
	place(s: Scenario, origin: string | null): void {
		const i = this.list.length < MAX_OPEN ? this.list.length : this.active;
		const others = this.list.filter((_, j) => j !== i).map((x) => x.name);
		const named = { ...s, name: uniqueName(s.name, others) };
		this.list = [...this.list.slice(0, i), named, ...this.list.slice(i + 1)];
		const o = named.name === s.name ? origin : null;
		this.#origins = [...this.#origins.slice(0, i), o, ...this.#origins.slice(i + 1)];
		this.active = i;
	}

	/** A copy of the active scenario in a new tab, named `name suffix` (or the next free). */
	copy(suffix: string): void {
		if (this.list.length >= MAX_OPEN) return;
		const c = structuredClone($state.snapshot(this.list[this.active]!)) as Scenario;
		c.name = uniqueName(`${c.name} ${suffix}`, this.takenBy(-1));
		this.place(c, null);
	}

	remove(i: number): void {
		this.list = this.list.filter((_, j) => j !== i);
		this.#origins = this.#origins.filter((_, j) => j !== i);
		this.active = Math.min(this.active, this.list.length - 1);
	}

	/** Saves the active scenario over the saved one it came from, else under a name no saved one has; its name. */
	save(): string {
		const i = this.active;
		const s = $state.snapshot(this.list[i]!) as Scenario;
		s.name = uniqueName(s.name, this.takenBy(i));
		this.list[i] = s;
		const kept = this.stored.scenarios.filter((x) => x.name !== s.name && x.name !== this.#origins[i]);
		saveStored([...kept, s], this.stored.unreadable);
		this.stored = { ...this.stored, scenarios: [...kept, s] };
		this.#origins[i] = s.name;
		return s.name;
	}

	openSaved(name: string): void {
		const s = this.stored.scenarios.find((x) => x.name === name);
		if (s) this.place(structuredClone(s), name);
	}
}
