/**
 * The app's one data session, created once by the root layout and asked for by every page (`getSession()`):
 * the manifest, the geography and the map's first-paint columns fetched once; DuckDB-WASM opened once, with each
 * table loaded the first time a page needs it; the policy in force on the data's date; the coordinator every
 * query goes through; and `replace()` / `restore()`, which swap an import in for this browser's copy and back.
 * Pages never open the database or fetch the data files themselves, so navigating pays nothing twice.
 */
import { getContext, setContext } from 'svelte';
import type { FeatureCollection } from 'geojson';
import { policyFor, type PolicyParams } from '../policy';
import type { Database, LoadProgress } from './connector';
import { Coordinator, setCoordinator } from './coordinator.svelte';
import type { MapColumns } from '../verdict/derived';
import type { Manifest } from '../files/manifest';
import { readMapColumns } from '../files/map-columns';
import type { ImportInput, LoadableTable, Replacement } from './replacement';
import { LIST_COLUMNS_FILE, type ListColumns } from '../files/list-columns';
import {
	sliceCount,
	sliceOf,
	slicePath,
	type CommunityOwnRows,
	type CommunitySlice
} from '../files/community-slices';

/** A view over tables, created once every table it reads is loaded. */
export interface ViewSpec {
	name: string;
	sql: string;
	needs: readonly string[];
}

export interface SessionSpec {
	/** Where the data files are, e.g. `${base}/data`. */
	base: string;
	/** The published tables this app may load (one Parquet file each). */
	tables: readonly string[];
	views: readonly ViewSpec[];
	/** Builds an import's tables (the dashboard's); without it `replace()` refuses (the public site). */
	buildReplacement?: (
		input: ImportInput,
		policy: PolicyParams | undefined,
		published: Manifest | null
	) => Replacement;
	/**
	 * Opens the database (the dashboard: DuckDB-WASM, `openDatabase`, or the office server's door). Given here,
	 * never imported by the session, so a site that has no engine (the public build) carries no wasm at all.
	 */
	open: () => Promise<Database>;
}

/** The base map's layers (GeoJSON, all local). */
export interface Geography {
	towns: FeatureCollection;
	boundary: FeatureCollection;
	land: FeatureCollection;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export class DataSession {
	readonly coordinator = new Coordinator();
	/** Parquet files loaded into DuckDB since the page opened (tests read it: each table once). */
	tableLoads = $state(0);
	#published = $state.raw<{
		manifest: Manifest | null;
		geography: Geography | null;
		columns: MapColumns | null;
	}>({
		manifest: null,
		geography: null,
		columns: null
	});
	#import = $state.raw<Replacement | null>(null);

	/** True while an import (not yet published) is in use: the header shows 未发布的导入数据. */
	readonly imported = $derived(this.#import !== null);
	readonly manifest = $derived(this.#import?.manifest ?? this.#published.manifest);
	readonly mapColumns = $derived(this.#import?.mapColumns ?? this.#published.columns);
	readonly geography = $derived.by(() => {
		const g = this.#published.geography;
		const towns = this.#import?.townRegions;
		return g && towns ? { ...g, towns } : g;
	});
	/** The policy in force on the data's date (乐政办发〔2023〕47号 within 2024-01-05 … 2029-01-04). */
	readonly policy = $derived(this.manifest ? policyFor(this.manifest.asOf) : undefined);

	readonly #spec: SessionSpec;
	#db: Database | null = null;
	#opening: Promise<void> | null = null;
	// bookkeeping no view reads (views read the $state above): plain collections on purpose
	/* eslint-disable svelte/prefer-svelte-reactivity */
	#wanted = new Set<string>();
	#loaded = new Set<string>();
	#loading = new Map<string, Promise<void>>();
	#files = new Map<string, Promise<unknown>>();
	/* eslint-enable svelte/prefer-svelte-reactivity */

	constructor(spec: SessionSpec) {
		this.#spec = spec;
	}

	#fetch<T>(name: string, read: (r: Response) => Promise<T>): Promise<T> {
		let p = this.#files.get(name) as Promise<T> | undefined;
		if (!p) {
			p = fetch(`${this.#spec.base}/${name}`).then((r) => {
				if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
				return read(r);
			});
			this.#files.set(name, p);
			p.catch(() => this.#files.delete(name));
		}
		return p;
	}

	/** manifest.json, fetched once. */
	async loadManifest(): Promise<Manifest> {
		const m = await this.#fetch('manifest.json', (r) => r.json() as Promise<Manifest>);
		if (this.#published.manifest !== m) this.#published = { ...this.#published, manifest: m };
		return this.manifest!;
	}

	/** The base map's GeoJSON, fetched once. */
	async loadGeography(): Promise<Geography> {
		const json = (name: string) => this.#fetch(name, (r) => r.json() as Promise<FeatureCollection>);
		const [towns, boundary, land] = await Promise.all([
			json('towns.geojson'),
			json('boundary.geojson'),
			json('land.geojson')
		]);
		const g = this.#published.geography;
		if (!g || g.towns !== towns)
			this.#published = { ...this.#published, geography: { towns, boundary, land } };
		return this.geography!;
	}

	/** A published data file's absolute address, for a worker that fetches and reads it off the page's thread. */
	fileUrl(name: string): string {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off address, not state
		return new URL(`${this.#spec.base}/${name}`, location.href).href;
	}

	/** A published data file's bytes, fetched once (e.g. budget-inputs.arrow; the caller reads it). */
	loadBytes(name: string): Promise<Uint8Array> {
		return this.#fetch(name, async (r) => new Uint8Array(await r.arrayBuffer()));
	}

	/** map.arrow read into the map's columns, once (no wasm: the map paints before DuckDB). */
	async loadMapColumns(): Promise<MapColumns> {
		const cols = await this.#fetch('map.arrow', async (r) =>
			readMapColumns(new Uint8Array(await r.arrayBuffer()))
		);
		if (this.#published.columns !== cols) this.#published = { ...this.#published, columns: cols };
		return this.mapColumns!;
	}

	/** list-columns.json (the export's columns map.arrow lacks), fetched once; the import's under an import. */
	async loadListColumns(): Promise<ListColumns> {
		const imported = this.#import;
		if (imported) return imported.listColumns;
		return this.#fetch(LIST_COLUMNS_FILE, (r) => r.json() as Promise<ListColumns>);
	}

	/**
	 * One community's own rows without DuckDB (the community page): from the import in use, else from the published
	 * file that holds it (community-slices.ts; fetched once, shared by the communities in it). Null when the data
	 * has no such community; throws when the file cannot be fetched (a build from before the files: ask SQL).
	 */
	async communityRows(id: string): Promise<CommunityOwnRows | null> {
		const imported = this.#import;
		if (imported) return imported.rowsOf(id);
		await this.loadManifest();
		const count = sliceCount(this.#published.manifest?.tables.communities ?? 0);
		const slice = await this.#fetch(
			slicePath(sliceOf(id, count)),
			(r) => r.json() as Promise<CommunitySlice>
		);
		return Object.hasOwn(slice, id) ? slice[id]! : null;
	}

	/**
	 * Declares the tables a page reads. Loaded now if the database is open (queries asked for afterwards wait for
	 * them), else when it opens. Under an import, the import's tables stand in for all of them.
	 */
	need(tables: readonly string[]): void {
		for (const t of tables) this.#wanted.add(t);
		const db = this.#db;
		if (db && this.#import === null && this.#missing().length > 0)
			void this.coordinator.exclusive(() => this.#loadMissing(db));
	}

	/** Opens DuckDB-WASM (once) and loads the tables needed so far; queries run when it is ready. */
	open(): Promise<void> {
		this.#opening ??= this.coordinator.connect(async (progress) => {
			progress({ step: 'engine', loaded: 0, total: this.#wanted.size });
			const db = await this.#spec.open();
			this.#db = db;
			while (this.#missing().length > 0) await this.#loadMissing(db, progress);
			progress({ step: 'ready', loaded: this.#loaded.size, total: this.#loaded.size });
			return db;
		});
		return this.#opening;
	}

	#missing(): string[] {
		return [...this.#wanted].filter(
			(t) => this.#spec.tables.includes(t) && !this.#loaded.has(t) && !this.#loading.has(t)
		);
	}

	async #loadMissing(db: Database, progress?: (p: LoadProgress) => void) {
		const missing = this.#missing();
		let done = 0;
		await Promise.all(
			missing.map((name) => {
				const p = db.loadParquet(name, `${this.#spec.base}/${name}.parquet`).then(() => {
					this.#loaded.add(name);
					this.tableLoads++;
					progress?.({ step: 'tables', loaded: ++done, total: missing.length });
				});
				this.#loading.set(name, p);
				return p.finally(() => this.#loading.delete(name));
			})
		);
		await this.#createViews(db);
	}

	async #createViews(db: Database) {
		for (const v of this.#spec.views)
			if (v.needs.every((t) => this.#loaded.has(t))) await db.run(v.sql);
			else await db.run(`DROP VIEW IF EXISTS ${ident(v.name)}`);
	}

	async #swap(db: Database, tables: readonly LoadableTable[]) {
		for (const name of this.#loaded) await db.run(`DROP TABLE IF EXISTS ${ident(name)}`);
		this.#loaded.clear();
		for (const t of tables) {
			const cols = t.columns.map(([n, type]) => `${ident(n)} ${type}`).join(', ');
			await db.run(
				`DROP VIEW IF EXISTS ${ident(t.name)}; CREATE OR REPLACE TABLE ${ident(t.name)} (${cols})`
			);
			if (t.ipc) {
				await db.loadArrow('__incoming', t.ipc);
				const casts = t.columns.map(([n, type]) => `CAST(${ident(n)} AS ${type})`).join(', ');
				await db.run(`INSERT INTO ${ident(t.name)} SELECT ${casts} FROM __incoming; DROP TABLE __incoming`);
			}
			this.#loaded.add(t.name);
		}
		await this.#createViews(db);
	}

	/**
	 * Puts an import in place of the published data, in this browser only: every table, the map's columns and the
	 * manifest; every declared query runs again. Throws (nothing changed) when the import cannot be built or loaded.
	 */
	async replace(input: ImportInput): Promise<void> {
		const build = this.#spec.buildReplacement;
		if (!build) throw new Error('此站点不能导入数据 / this site takes no import');
		const published = await this.loadManifest().then(() => this.#published.manifest);
		const next = build(input, policyFor(input.meta.asOf), published);
		await this.open();
		const db = this.#db;
		if (!db) throw new Error(this.coordinator.error ?? 'DuckDB');
		await this.coordinator.exclusive(() => this.#swap(db, next.tables));
		this.#import = next;
		this.coordinator.clear();
	}

	/** Discards an import: the published tables come back (those needed so far), and the published map. */
	async restore(): Promise<void> {
		if (this.#import === null) return;
		const db = this.#db!;
		await this.coordinator.exclusive(async () => {
			await this.#swap(db, []);
			await this.#loadMissing(db);
		});
		this.#import = null;
		this.coordinator.clear();
	}

	/** Ends the database's worker (the app is closing). */
	async close(): Promise<void> {
		const db = this.#db;
		this.#db = null;
		await db?.close();
	}
}

const KEY = Symbol('data-session');

/** Sets the app's session (root layout only); its coordinator becomes the context's coordinator too. */
export function setSession(session: DataSession): DataSession {
	setCoordinator(session.coordinator);
	return setContext(KEY, session);
}

/** The app's session, for any page or component under the root layout. */
export function getSession(): DataSession {
	const s = getContext<DataSession | undefined>(KEY);
	if (!s) throw new Error('no data session: the root layout must call setSession');
	return s;
}
