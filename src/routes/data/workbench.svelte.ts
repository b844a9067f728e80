/**
 * The data keeper's workbench: the dropped files, the importer's result, the keeper's column mapping and
 * placements, the diff against the data loaded now, and applying the import to this browser's session. The page
 * and its parts read this state; none re-implements a rule (the importer and the engine decide).
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { diffCommunities, type CommunityDiff } from '$lib/ingest/diff';
import type { ImportResult, InputFile } from '$lib/ingest/import/types';
import type { ColumnMapping } from '$lib/ingest/import/mapping';
import type { PointCrs } from '$lib/ingest/import/headers';
import { EMPTY_MAPPING, loadMapping, saveMapping, withChoice } from '$lib/ingest/mapping-store';
import { placedOnly, withoutPoint, withPlacements, type Placements, type Point } from '$lib/ingest/placement';
import type { Problem } from '$lib/ingest/problems';
import type { CommunityRow, Dataset, DatasetMeta, TownRow } from '$lib/schema/rows';
import { SCHEMA_VERSION, type TableName } from '$lib/schema/schema';
import type { ImportRunner } from './import-runner';

/** Files larger than this are refused before parsing (an office ledger is a few MB at most). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface WorkbenchContext {
	towns: () => TownRow[];
	outline: () => Feature<Polygon | MultiPolygon> | null;
	/** The communities loaded now (published or a previous import), for the diff. */
	loadedCommunities: () => Promise<Record<string, unknown>[]>;
	storage: Storage | null;
}

export class Workbench {
	files = $state.raw<InputFile[]>([]);
	result = $state.raw<ImportResult | null>(null);
	running = $state(false);
	error = $state<string | null>(null);
	mapping = $state.raw<ColumnMapping>(EMPTY_MAPPING);
	mappingProblem = $state<string | null>(null);
	placements = $state.raw<Placements>({});
	crs = $state<'wgs84' | 'gcj02'>('wgs84');
	loaded = $state.raw<Record<string, unknown>[] | null>(null);
	/** The community the keeper is placing by a click on the map. */
	placing = $state<string | null>(null);

	/** The importer's validated rows with the keeper's placements. */
	readonly dataset = $derived<Dataset | null>(
		this.result ? withPlacements(this.result.dataset, this.placements) : null
	);
	readonly missing = $derived<CommunityRow[]>(this.dataset ? withoutPoint(this.dataset) : []);
	/** Communities without a point in the importer's result (placed by the keeper or not), in file order. */
	readonly needPlacing = $derived<CommunityRow[]>(this.result ? withoutPoint(this.result.dataset) : []);
	readonly errors = $derived<Problem[]>(this.result?.problems.filter((p) => p.level === 'error') ?? []);
	readonly notices = $derived<Problem[]>(this.result?.problems.filter((p) => p.level === 'notice') ?? []);
	readonly diff = $derived<CommunityDiff | null>(
		this.dataset && this.loaded
			? diffCommunities(this.loaded, placedOnly(this.dataset).dataset.communities)
			: null
	);

	readonly #runner: ImportRunner;
	readonly #context: WorkbenchContext;

	constructor(runner: ImportRunner, context: WorkbenchContext) {
		this.#runner = runner;
		this.#context = context;
		if (context.storage) {
			const stored = loadMapping(context.storage);
			this.mapping = stored.mapping;
			this.mappingProblem = stored.problem ?? null;
		}
	}

	/** Adds dropped or picked files (a file of the same name replaces the earlier one) and imports again. */
	async add(list: readonly File[]): Promise<void> {
		const tooBig = list.filter((f) => f.size > MAX_FILE_BYTES);
		if (tooBig.length > 0) {
			this.error = `${tooBig.map((f) => f.name).join('、')}：文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，未读取 / larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, not read`;
			return;
		}
		const read = await Promise.all(
			list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))
		);
		const names = read.map((f) => f.name);
		this.files = [...this.files.filter((f) => !names.includes(f.name)), ...read];
		await this.run();
	}

	remove(name: string): void {
		this.files = this.files.filter((f) => f.name !== name);
		if (this.files.length === 0) this.clear();
		else void this.run();
	}

	clear(): void {
		this.files = [];
		this.result = null;
		this.placements = {};
		this.error = null;
	}

	async run(): Promise<void> {
		if (this.files.length === 0) return;
		this.running = true;
		this.error = null;
		try {
			const [result, loaded] = await Promise.all([
				this.#runner.run({
					files: $state.snapshot(this.files) as InputFile[],
					towns: $state.snapshot(this.#context.towns()) as TownRow[],
					outline: $state.snapshot(this.#context.outline()) as Feature<Polygon | MultiPolygon> | null,
					mapping: $state.snapshot(this.mapping) as ColumnMapping,
					crs: this.crs
				}),
				this.#context.loadedCommunities().catch(() => null)
			]);
			this.result = result;
			this.loaded = loaded;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.running = false;
		}
	}

	/** Reads the loaded communities again (after an import was applied or discarded), for the diff. */
	async refreshLoaded(): Promise<void> {
		this.loaded = await this.#context.loadedCommunities().catch(() => null);
	}

	/** Sets the keeper's choice for an unplaced column (empty `column` forgets it), remembers it, imports again. */
	async choose(
		table: TableName,
		header: string,
		column: string,
		unit?: string,
		crs?: PointCrs
	): Promise<void> {
		this.mapping = withChoice(this.mapping, table, header, column, unit, crs);
		if (this.#context.storage) saveMapping(this.#context.storage, this.mapping);
		await this.run();
	}

	/** A mapping file read back (the same check as the CLI's `--mapping`). */
	async useMapping(m: ColumnMapping): Promise<void> {
		this.mapping = m;
		this.mappingProblem = null;
		if (this.#context.storage) saveMapping(this.#context.storage, m);
		await this.run();
	}

	place(id: string, point: Point): void {
		this.placements = { ...this.placements, [id]: point };
		if (this.placing === id) this.placing = null;
	}

	unplace(id: string): void {
		const next = { ...this.placements };
		delete next[id];
		this.placements = next;
	}

	/** What the dataset says of itself once applied or exported (数据截至 from the files, else today — said so). */
	meta(published: DatasetMeta | null, today: string): DatasetMeta {
		return {
			example: false,
			title: published?.title && !published.example ? published.title : '乐清市城镇老旧小区改造数据',
			schemaVersion: SCHEMA_VERSION,
			asOf: this.result?.asOf ?? today,
			asOfSource: this.result?.asOfSource ?? { kind: 'today' },
			schematicBoundaries: this.result?.townRegions ? false : (published?.schematicBoundaries ?? true),
			note: `导入 / imported: ${this.files.map((f) => f.name).join(', ')}`
		};
	}
}

let kept: Workbench | null = null;

/** The page's workbench, kept for the app's life: the files and choices survive a visit to the map and back. */
export function keptWorkbench(create: () => Workbench): Workbench {
	kept ??= create();
	return kept;
}
