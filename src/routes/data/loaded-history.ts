// The history rows of the data loaded now (published or an applied import) for some community ids, through the
// page's DuckDB session: every table keyed by community id (HISTORY_TABLES), as the dataset's rows.
import { HISTORY_TABLES, storedRow, type History } from '$lib/ingest/carry-history';
import { rows } from '$lib/query/coordinator.svelte';
import type { DataSession } from '$lib/query/session.svelte';

const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The loaded rows of every history table whose community_id is one of `ids`. */
export async function loadedHistory(session: DataSession, ids: readonly string[]): Promise<History> {
	session.need(HISTORY_TABLES);
	await session.open();
	const list = ids.map(sqlText).join(', ');
	const out: Record<string, unknown[]> = {};
	for (const t of HISTORY_TABLES) {
		const raw = await session.coordinator.request(
			`SELECT * FROM ${t} WHERE community_id IN (${list})`,
			rows<Record<string, unknown>>
		);
		out[t] = raw.map((r) => storedRow(t, r));
	}
	return out as unknown as History;
}
