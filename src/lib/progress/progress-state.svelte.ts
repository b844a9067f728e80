/**
 * The public page's state. The first screen needs no database: the headline, the legend counts, the timeline and
 * the tables come from `summary.json`, the map's points from the points file and the search from the search file
 * (compact.ts, find.ts). The search's text (names, addresses, 拼音: most of the bytes) is fetched on the search
 * box's first focus or once the map is idle, never before the points; the search says it is loading meanwhile.
 * A community's card comes from the card files (card-files.ts: the file holding it, ≈ 40 KB), with no database
 * either (`npm run data` writes them for the dashboard's own /progress, the public data step for the public site).
 * Under an import in this browser (or without the files: a build from before them), the points, the search and
 * the card come from SQL over the session's tables instead, as before; only then does DuckDB-WASM open (the public build has none: its session refuses to open).
 */
import { rows, useQuery } from '../query/coordinator.svelte';
import type { DataSession } from '../query/session.svelte';
import {
	gunzipped,
	POINTS_FILE,
	readProgressPoints,
	readProgressSearch,
	SEARCH_FILE,
	type ProgressColumns,
	type ProgressPoints
} from './compact';
import { pointsOf, searchColumns, type MapPoint, type SearchHit } from './find';
import { CARD_TABLES, normaliseSearch, POINTS_SQL, searchSql } from './queries';
import { cardFileOf, type CardEntry, type CardSlice } from './card-files';
import type { ProgressSummary } from './summary';

export class ProgressState {
	summary = $state.raw<ProgressSummary | null>(null);
	/** The points file, read. */
	pointColumns = $state.raw<ProgressPoints | null>(null);
	/** The points with the search's text, once the search file is read. */
	columns = $state.raw<ProgressColumns | null>(null);
	/** A file could not be read: the page answers from SQL. */
	columnsMissing = $state(false);
	error = $state<string | null>(null);
	query = $state('');
	selected = $state<string | null>(null);
	/** `YYYY-MM` while the timeline plays or is set. */
	cursor = $state<string | null>(null);
	/** The last card read from the card files (entry null: no such community). */
	cardEntry = $state.raw<{ id: string; entry: CardEntry | null } | null>(null);
	/** The card files could not be read: cards come from SQL. */
	cardFilesMissing = $state(false);
	/** True when the selected card comes from SQL (an import, or no card file). */
	readonly cardFromSql = $derived.by(() => this.session.imported || this.cardFilesMissing);
	/** The selected community's card from the files: undefined while it loads (or when it comes from SQL). */
	readonly card = $derived.by((): CardEntry | null | undefined =>
		this.cardEntry && this.cardEntry.id === this.selected ? this.cardEntry.entry : undefined
	);

	readonly term = $derived(normaliseSearch(this.query));
	/** True when the points and the search come from SQL (an import, or no compact file). */
	readonly fromSql = $derived.by(() => this.session.imported || this.columnsMissing);
	readonly #sqlPoints;
	readonly #sqlResults;
	readonly points = $derived.by((): MapPoint[] | null =>
		this.fromSql ? (this.#sqlPoints.result ?? null) : this.pointColumns ? pointsOf(this.pointColumns) : null
	);
	/** The search's answer; null while it cannot answer yet (or nothing is typed). */
	readonly results = $derived.by((): SearchHit[] | null => {
		if (!this.term) return null;
		if (this.fromSql) return this.#sqlResults.result ?? null;
		return this.columns ? searchColumns(this.columns, this.term) : null;
	});
	/** The search is waiting for its data. */
	readonly searchWaiting = $derived.by(() =>
		this.fromSql ? this.session.coordinator.status !== 'ready' : this.columns === null
	);

	constructor(
		readonly session: DataSession,
		private readonly base: string,
		selected: string | null
	) {
		const c = session.coordinator;
		this.#sqlPoints = useQuery(c, () => (this.fromSql ? POINTS_SQL : null), rows<MapPoint>);
		this.#sqlResults = useQuery(
			c,
			() => (this.fromSql && this.term ? searchSql(this.term) : null),
			rows<SearchHit>
		);
		if (selected) this.select(selected);
	}

	async #get(name: string): Promise<Response> {
		const res = await fetch(`${this.base}/${name}`);
		if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
		return res;
	}

	async #bytes(name: string): Promise<Uint8Array> {
		return gunzipped(new Uint8Array(await (await this.#get(name)).arrayBuffer()));
	}

	#fallBackToSql() {
		this.columnsMissing = true;
		this.#openDatabase(['towns', 'communities', 'progress']);
	}

	/** Fetches the headline first, then the map's points and the base map, side by side (not the search's text). */
	async load(): Promise<void> {
		try {
			this.summary = (await (await this.#get('summary.json')).json()) as ProgressSummary;
			performance.mark('progress:headline');
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			return;
		}
		const points = this.#bytes(POINTS_FILE)
			.then((b) => (this.pointColumns = readProgressPoints(b)))
			.catch(() => this.#fallBackToSql())
			.finally(this.#pointsDone);
		const geography = this.session.loadGeography().catch((e: unknown) => {
			this.error = e instanceof Error ? e.message : String(e);
		});
		await Promise.all([points, geography]);
		// the manifest (its community count says which card file holds a community): read before any tap
		void this.session.loadManifest().catch(() => {});
	}

	#pointsDone = () => {};
	/** Settles once the points file is read (or has failed). */
	readonly #points = new Promise<void>((done) => (this.#pointsDone = done));
	#search: Promise<void> | null = null;

	/**
	 * Fetches the search's text, once: on the search box's first focus, or when the map is first idle, whichever
	 * comes first; after the points (it is read row for row with them).
	 */
	loadSearch(): Promise<void> {
		if (this.#search || this.session.imported) return this.#search ?? Promise.resolve();
		this.#search = (async () => {
			// after the points: on a slow link the two would share it, and the search needs the points' rows
			await this.#points;
			const p = this.pointColumns;
			if (!p) return;
			try {
				this.columns = readProgressSearch(await this.#bytes(SEARCH_FILE), p);
			} catch {
				this.#fallBackToSql();
			}
		})();
		return this.#search;
	}

	#openDatabase(tables: readonly string[]) {
		this.session.need(tables);
		void this.session.open();
	}

	// the card files read so far, by path (a file holds ≈ 64 communities: neighbours' cards cost nothing more)
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache no view reads
	#cardFiles = new Map<string, Promise<CardSlice>>();

	async #readCard(id: string): Promise<void> {
		try {
			const manifest = await this.session.loadManifest();
			const path = cardFileOf(id, manifest.tables.communities ?? 0);
			let file = this.#cardFiles.get(path);
			if (!file) {
				file = this.#get(path).then((r) => r.json() as Promise<CardSlice>);
				this.#cardFiles.set(path, file);
			}
			const slice = await file;
			this.cardEntry = { id, entry: Object.hasOwn(slice, id) ? slice[id]! : null };
		} catch {
			this.cardFilesMissing = true;
			if (this.selected === id) this.#openDatabase(CARD_TABLES);
		}
	}

	/** Shows a community's card (null closes it), from the card files (or SQL, see cardFromSql). */
	select(id: string | null): void {
		this.selected = id;
		if (!id) return;
		if (this.cardFromSql) this.#openDatabase(CARD_TABLES);
		else void this.#readCard(id);
	}
}
