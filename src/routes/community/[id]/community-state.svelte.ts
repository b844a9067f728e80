/**
 * The community page's state: the community's own rows and its verdict under the policy in force on the data's
 * date. The page and its sections render only this verdict.
 *
 * The rows come from the community files (community-slices.ts, ≈ 60 KB for the file holding it), or from the
 * import in this browser — no DuckDB-WASM. Only a build from before those files (a release published earlier)
 * makes the page open the database and ask SQL, as it did before.
 */
import { useQuery } from '$lib/query/coordinator.svelte';
import { todayInYueqing } from '$lib/ingest/import/as-of';
import { communitySql } from '$lib/filter/queries';
import { getSession } from '$lib/query/session.svelte';
import { COMMUNITY_TABLES } from '$lib/query/tables';
import { communityVerdict } from '$lib/verdict/verdict';
import { policyFor } from '$lib/policy';
import type { CommunityOwnRows } from '$lib/files/community-slices';
import { communityData, loadCommunity, type CommunityData } from './community-data';

export class CommunityState {
	readonly session = getSession();
	readonly coordinator = this.session.coordinator;
	readonly manifest = $derived(this.session.manifest);
	readonly asOf = $derived(this.manifest?.asOf ?? todayInYueqing());
	/** Every verdict on the page is the engine's under the policy in force on the data's date (said on the page). */
	readonly policy = $derived(this.session.policy ?? policyFor(this.asOf));

	/** The rows from the files: undefined while loading, null when the data has no such community. */
	#rows = $state.raw<{ id: string; imported: boolean; rows: CommunityOwnRows | null } | undefined>();
	/** The files could not be read (an earlier build): the rows come from SQL. */
	#fromSql = $state(false);
	readonly #sql;
	readonly #id: () => string;

	/** What the page renders: the rows with the community's town, or null (not found), or undefined (loading). */
	readonly data = $derived.by((): { result: CommunityData | null | undefined; error: string | null } => {
		if (this.#fromSql) return { result: this.#sql.result, error: this.#sql.error };
		const r = this.#rows;
		if (!r || r.id !== this.#id() || !this.manifest) return { result: undefined, error: null };
		return { result: r.rows && communityData(r.rows, this.manifest.towns), error: null };
	});
	readonly verdict = $derived.by(() => {
		const d = this.data.result;
		return d && this.policy ? communityVerdict(d, this.asOf, this.policy) : null;
	});

	/** Call while a component initialises (the rows are loaded by an effect, again when the id or the data changes). */
	constructor(id: () => string) {
		this.#id = id;
		void this.session.loadManifest();
		void this.session.loadGeography();
		$effect(() => {
			const want = id();
			const imported = this.session.imported;
			if (this.#fromSql) return;
			this.session.communityRows(want).then(
				(rows) => {
					if (id() === want && this.session.imported === imported) this.#rows = { id: want, imported, rows };
				},
				() => this.#askSql()
			);
		});
		this.#sql = useQuery(
			this.coordinator,
			() => (this.#fromSql ? communitySql(id()).community : null),
			(c) => loadCommunity(c, id())
		);
	}

	#askSql() {
		if (this.#fromSql) return;
		this.#fromSql = true;
		this.session.need(COMMUNITY_TABLES);
		void this.session.open();
	}
}
