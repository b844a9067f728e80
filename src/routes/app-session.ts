/**
 * The dashboard's data session: every published table it may load (each when a page first needs it), the
 * internal and the public view, and the import builder behind `replace()`. Made once by the root layout.
 */
import { buildReplacement } from '$lib/query/replacement';
import { openDatabase, type Database } from '$lib/query/connector';
import type { Manifest } from '$lib/files/manifest';
import { chooseEngine, openServerDatabase } from '$lib/query/server-connector';
import { DataSession } from '$lib/query/session.svelte';
import { COMMUNITY_VIEW, LOADED_TABLES } from '$lib/query/tables';
import { PROGRESS_TABLES, PROGRESS_VIEW } from '$lib/progress/queries';

/**
 * The engine: DuckDB-WASM in the tab, or the office server's query door when the dataset is larger than one tab
 * should hold or the reader asks (`?engine=server`) — only when an office server is behind the page (its pages
 * carry the cookie yq_office=1; a plain static server has no /api/).
 */
async function openEngine(dataBase: string, apiBase: string, setting: string | null): Promise<Database> {
	if (!document.cookie.split('; ').includes('yq_office=1')) return openDatabase();
	const res = await fetch(`${dataBase}/manifest.json`);
	const manifest = res.ok ? ((await res.json()) as Pick<Manifest, 'tables'>) : { tables: {} };
	return chooseEngine(manifest, setting) === 'server'
		? openServerDatabase(`${apiBase}/api/query`)
		: openDatabase();
}

export function dashboardSession(dataBase: string, apiBase = ''): DataSession {
	// read before any page rewrites the address from its own state
	const setting = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('engine');
	return new DataSession({
		open: () => openEngine(dataBase, apiBase, setting),
		base: dataBase,
		tables: [...new Set([...LOADED_TABLES, ...PROGRESS_TABLES])],
		views: [COMMUNITY_VIEW, PROGRESS_VIEW],
		buildReplacement: (input, policy, published) => buildReplacement(input, policy, published?.towns)
	});
}
