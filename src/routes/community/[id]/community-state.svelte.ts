/**
 * The community page's state: the community's rows (one query through the app's data session) and its verdict
 * under the policy in force on the data's date. The page and its sections render only this verdict.
 */
import { useQuery } from '$lib/query/coordinator.svelte';
import { todayInYueqing } from '$lib/ingest/import/as-of';
import { communitySql } from '$lib/filter/queries';
import { getSession } from '$lib/query/session.svelte';
import { COMMUNITY_TABLES } from '$lib/query/tables';
import { communityVerdict } from '$lib/verdict/verdict';
import { policyFor } from '$lib/policy';
import { loadCommunity } from './community-data';

export class CommunityState {
	// the app's data session: this page alone needs works, votes and funds, loaded the first time it opens
	readonly session = getSession();
	readonly coordinator = this.session.coordinator;
	readonly data;
	readonly manifest = $derived(this.session.manifest);
	readonly asOf = $derived(this.manifest?.asOf ?? todayInYueqing());
	/** Every verdict on the page is the engine's under the policy in force on the data's date (said on the page). */
	readonly policy = $derived(this.session.policy ?? policyFor(this.asOf));
	readonly verdict = $derived.by(() => {
		const d = this.data.result;
		return d && this.policy ? communityVerdict(d, this.asOf, this.policy) : null;
	});

	/** Call while a component initialises (the query is declared with an effect). */
	constructor(id: () => string) {
		this.session.need(COMMUNITY_TABLES);
		void this.session.open();
		void this.session.loadManifest();
		void this.session.loadGeography();
		this.data = useQuery(
			this.coordinator,
			() => communitySql(id()).community,
			(c) => loadCommunity(c, id())
		);
	}
}
