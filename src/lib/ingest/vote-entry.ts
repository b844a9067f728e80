/**
 * One vote as a town records it on the phone form (and the office server checks again before storing it): the
 * four tallies as typed, checked by the importer's own rules — each cell by `readCell` against the votes table's
 * column (type, range, required: schema.ts), the tallies against each other and against the community's totals by
 * the policy engine's `assessVote` (participating ≤ total, agreeing ≤ participating; §三(一), §三(三)) — and, when
 * they hold, the engine's verdict under the policy in force on the data's date (双三分之二 turnout, 双四分之三
 * approval, 还差 N 户). No rule is written here: this file only puts the form's values where those rules read them.
 */
import { assessVote, PolicyInputError, type PolicyParams, type VoteVerdict } from '../policy';
import type { VoteRow } from '../schema/rows';
import { table } from '../schema/schema';
import { readRow } from './cells';
import { voteTally } from '../verdict/verdict';

/** The form's values as typed (text, as a cell of a spreadsheet would be). */
export interface VoteEntry {
	kind: string;
	/** YYYY-MM-DD: the day the vote closed. */
	date: string;
	participating_owners: string;
	participating_area: string;
	agree_owners: string;
	agree_area: string;
}

/** The community's own totals, from its row of the communities table: all owners (户) and exclusive area (㎡). */
export interface VoteTotals {
	community_id: string;
	owners: number;
	exclusive_area: number;
}

/** A problem with one field of the form: the votes table's column, in Chinese and English. */
export interface EntryProblem {
	column: string;
	zh: string;
	en: string;
}

export interface VoteEntryCheck {
	/** The row as the importer would store it; null while any problem remains. */
	row: VoteRow | null;
	problems: EntryProblem[];
	/** The engine's verdict under `policy` (null while any problem remains). */
	verdict: VoteVerdict | null;
}

/** The columns the form fills, in the table's order. */
export const VOTE_ENTRY_COLUMNS = [
	'kind',
	'date',
	'participating_owners',
	'participating_area',
	'agree_owners',
	'agree_area'
] as const;

/**
 * Check a vote typed on the form against the importer's rules and give the engine's verdict.
 * @param policy the policy the dashboard's verdicts are given under (`policyInForce(manifest.asOf)`)
 */
export function checkVoteEntry(entry: VoteEntry, totals: VoteTotals, policy: PolicyParams): VoteEntryCheck {
	const raw: Record<string, string> = {
		...entry,
		community_id: totals.community_id,
		total_owners: String(totals.owners),
		total_area: String(totals.exclusive_area)
	};
	const { values, problems } = readRow(table('votes').columns, raw);
	if (problems.length > 0) return { row: null, problems, verdict: null };
	const row = values as unknown as VoteRow;
	try {
		const verdict = assessVote(voteTally(row), policy);
		return { row, problems, verdict };
	} catch (e) {
		if (!(e instanceof PolicyInputError)) throw e;
		// the engine's own words: "参与表决数超过总数 / participating exceeds the total (120 > 100)"
		const message = e.message.slice(e.field.length + 2);
		const cut = message.indexOf(' / ');
		const detail = /\([^)]*\)$/.exec(message)?.[0] ?? '';
		problems.push({
			column: e.field.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase()),
			zh: cut > 0 ? `${message.slice(0, cut)} ${detail}`.trim() : message,
			en: cut > 0 ? message.slice(cut + 3) : message
		});
		return { row: null, problems, verdict: null };
	}
}
