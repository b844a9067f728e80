/**
 * The dashboard's data session: every published table it may load (each when a page first needs it), the
 * internal and the public view, and the import builder behind `replace()`. Made once by the root layout.
 */
import { buildReplacement } from '$lib/data/replacement';
import { DataSession } from '$lib/data/session.svelte';
import { COMMUNITY_VIEW, LOADED_TABLES } from '$lib/data/tables';
import { PROGRESS_TABLES, PROGRESS_VIEW } from '$lib/progress/queries';

export function dashboardSession(dataBase: string): DataSession {
	return new DataSession({
		base: dataBase,
		tables: [...new Set([...LOADED_TABLES, ...PROGRESS_TABLES])],
		views: [COMMUNITY_VIEW, PROGRESS_VIEW],
		buildReplacement: (input, policy, published) => buildReplacement(input, policy, published?.towns)
	});
}
