/**
 * Scenarios kept in the browser (localStorage), in a URL and in JSON files. Every way in goes through
 * `readScenario` (migration, checks); stored entries that cannot be read are kept as they are and reported,
 * never dropped.
 */
import { readScenario, type Rates, type Scenario, type ScenarioProblem } from './scenario';

const KEY = 'yueqing-renovation.budget.scenarios';
const OPEN_KEY = 'yueqing-renovation.budget.open';

export interface Stored {
	scenarios: Scenario[];
	/** Entries that could not be read, untouched in storage, with why. */
	unreadable: { raw: unknown; problems: ScenarioProblem[] }[];
}

export function loadStored(rates: Rates): Stored {
	const out: Stored = { scenarios: [], unreadable: [] };
	let list: unknown[];
	try {
		const text = localStorage.getItem(KEY);
		list = text ? (JSON.parse(text) as unknown[]) : [];
		if (!Array.isArray(list)) list = [list];
	} catch {
		return out;
	}
	for (const raw of list) {
		const r = readScenario(raw, rates);
		if (r.scenario) out.scenarios.push(r.scenario);
		else out.unreadable.push({ raw, problems: r.problems });
	}
	return out;
}

/** Saves the scenarios (by name, replacing one of the same name), keeping unreadable entries as they were. */
export function saveStored(scenarios: readonly Scenario[], unreadable: readonly { raw: unknown }[]): void {
	localStorage.setItem(KEY, JSON.stringify([...unreadable.map((u) => u.raw), ...scenarios]));
}

/** The scenarios open on the page (in order), so a reload brings them back. */
export function saveOpen(scenarios: readonly Scenario[]): void {
	try {
		localStorage.setItem(OPEN_KEY, JSON.stringify(scenarios));
	} catch {
		// storage full or disabled: the page still works, it only forgets on reload
	}
}

/** The scenarios last open, each read through `readScenario`; unreadable ones are left out (they are copies). */
export function loadOpen(rates: Rates): Scenario[] {
	try {
		const list = JSON.parse(localStorage.getItem(OPEN_KEY) ?? '[]') as unknown;
		if (!Array.isArray(list)) return [];
		return list
			.map((raw) => readScenario(raw, rates).scenario)
			.filter((s): s is Scenario => s !== null)
			.slice(0, 3);
	} catch {
		return [];
	}
}

/** A scenario as URL-safe base64 of its JSON (UTF-8), for `?s=`. */
export function scenarioToParam(s: Scenario): string {
	const bytes = new TextEncoder().encode(JSON.stringify(s));
	let bin = '';
	for (const b of bytes) bin += String.fromCharCode(b);
	return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function scenarioFromParam(param: string, rates: Rates): ReturnType<typeof readScenario> {
	try {
		const bin = atob(param.replaceAll('-', '+').replaceAll('_', '/'));
		const json = new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
		return readScenario(JSON.parse(json), rates);
	} catch {
		return {
			scenario: null,
			problems: [{ field: 'url', zh: '链接中的情景无法读取', en: 'the scenario in the link cannot be read' }]
		};
	}
}
