/**
 * The data keeper's workbench: the dropped files, the importer's result, the keeper's column mapping and
 * placements, the diff against the data loaded now, and applying the import to this browser's session. The page
 * and its parts read this state; none re-implements a rule (the importer and the engine decide).
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { diffCommunities, type CommunityDiff } from '$lib/ingest/diff';
import {
	carryHistory,
	storedRow,
	type Carried,
	type History,
	type KeepId,
	type Renumbering
} from '$lib/ingest/carry-history';
import { mergeSupplement, type Supplemented } from '$lib/ingest/supplement';
import { matchable, proposeRenumbering, type RenumberProposal } from '$lib/ingest/renumber';
import type { ImportResult, InputFile } from '$lib/ingest/import/types';
import type { ColumnMapping } from '$lib/ingest/import/mapping';
import type { PointCrs } from '$lib/ingest/import/headers';
import { EMPTY_MAPPING, loadMapping, saveMapping, withChoice } from '$lib/ingest/mapping-store';
import {
	placedOnly,
	suggestedPoint,
	withoutPoint,
	withPlacements,
	type Placements,
	type Point
} from '$lib/ingest/placement';
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
	/** The history rows (every table keyed by community id) of these loaded communities, for carrying over. */
	loadedHistory: (ids: readonly string[]) => Promise<History>;
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

	/**
	 * The files are a town's 资料补充表 (issue 20): their communities fill in the data loaded now, matched by id,
	 * instead of standing for the whole data. Set when a file's name says so; the keeper can change it.
	 */
	supplement = $state(false);
	/** Every table of the data loaded now, read when the files are a supplement sheet (what it fills in). */
	base = $state.raw<Dataset | null>(null);

	/** The keeper's decisions on renumbered pairs, by the loaded (old) id. */
	renumbering = $state.raw<Record<string, Renumbering>>({});
	/** The loaded history of the proposed pairs' old ids (fetched once the proposal is known). */
	previousHistory = $state.raw<History | null>(null);

	/** The importer's validated rows with the keeper's placements (ids as the files have them). */
	readonly placed = $derived<Dataset | null>(
		this.result ? withPlacements(this.result.dataset, this.placements) : null
	);
	/** Which communities of the import are probably loaded ones under a new id (renumber.ts). */
	readonly proposal = $derived<RenumberProposal | null>(
		this.placed && this.loaded ? this.#propose(this.placed, this.loaded) : null
	);
	/** The keeper's decisions that still fit the proposal (a pair or a tie's candidate). */
	readonly decided = $derived<Renumbering[]>(
		Object.values(this.renumbering).filter((r) =>
			[...(this.proposal?.pairs ?? []), ...(this.proposal?.ties.flatMap((t) => t.candidates) ?? [])].some(
				(p) => p.old.id === r.old && p.new.id === r.new
			)
		)
	);
	/** The history carried over as decided (null when nothing is decided or the history is not loaded yet). */
	readonly carried = $derived<Carried | null>(
		this.placed && this.previousHistory && this.decided.length > 0
			? carryHistory(this.placed, this.previousHistory, this.decided, '当前数据 data loaded now')
			: null
	);
	/** A supplement sheet's communities taken into the data loaded now (null unless the files are one). */
	readonly supplemented = $derived<Supplemented | null>(
		this.supplement && this.result && this.base
			? mergeSupplement(this.base, this.result.dataset.communities)
			: null
	);
	/**
	 * What applying or exporting uses: the import, placed, with the history carried over as decided — or, for a
	 * supplement sheet, the data loaded now with the sheet's facts filled in.
	 */
	readonly dataset = $derived<Dataset | null>(
		this.supplement ? (this.supplemented?.dataset ?? null) : (this.carried?.dataset ?? this.placed)
	);
	readonly missing = $derived<CommunityRow[]>(this.placed ? withoutPoint(this.placed) : []);
	/** Communities without a point in the importer's result (placed by the keeper or not), in file order. */
	readonly needPlacing = $derived<CommunityRow[]>(this.result ? withoutPoint(this.result.dataset) : []);
	readonly errors = $derived<Problem[]>(this.result?.problems.filter((p) => p.level === 'error') ?? []);
	readonly notices = $derived<Problem[]>(this.result?.problems.filter((p) => p.level === 'notice') ?? []);
	readonly diff = $derived<CommunityDiff | null>(
		this.dataset && this.loaded
			? diffCommunities(this.loaded, placedOnly(this.dataset).dataset.communities)
			: null
	);
	/** The diff as shown beside the renumbering: the pairs (and ties) are listed there, not as new and removed. */
	readonly shownDiff = $derived<CommunityDiff | null>(
		this.diff && this.proposal ? withoutPairs(this.diff, this.proposal) : this.diff
	);

	#historyOf: readonly string[] = [];
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
		if (names.some((n) => n.includes('资料补充表'))) this.supplement = true;
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
		this.renumbering = {};
		this.previousHistory = null;
		this.supplement = false;
		this.base = null;
	}

	/** Whether the files are a town's 资料补充表 (the keeper's tick); reads the data loaded now when they are. */
	async setSupplement(on: boolean): Promise<void> {
		this.supplement = on;
		await this.#loadBase();
	}

	/** Every table of the data loaded now, when the files are a supplement sheet (else none is read). */
	async #loadBase(): Promise<void> {
		if (!this.supplement || !this.loaded) {
			this.base = null;
			return;
		}
		const communities = this.loaded.map((r) => storedRow<CommunityRow>('communities', r));
		const history = await this.#context.loadedHistory(communities.map((c) => c.id));
		this.base = { towns: this.#context.towns(), communities, ...history };
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
			await Promise.all([this.#loadHistory(), this.#loadBase()]);
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.running = false;
		}
	}

	/** Reads the loaded communities again (after an import was applied or discarded), for the diff. */
	async refreshLoaded(): Promise<void> {
		this.loaded = await this.#context.loadedCommunities().catch(() => null);
		this.renumbering = {};
		await Promise.all([this.#loadHistory(), this.#loadBase()]);
	}

	#propose(placed: Dataset, loaded: Record<string, unknown>[]): RenumberProposal {
		const raw = diffCommunities(loaded, placedOnly(placed).dataset.communities);
		return proposeRenumbering(raw.removed.map(matchable), raw.added.map(matchable), this.#context.towns());
	}

	/** Fetches the loaded history of every old id the proposal names (pairs and ties), or none. */
	async #loadHistory(): Promise<void> {
		const p = this.proposal;
		const ids = p ? [...p.pairs, ...p.ties.flatMap((t) => t.candidates)].map((c) => c.old.id) : [];
		this.#historyOf = ids.filter((id, i) => ids.indexOf(id) === i);
		this.previousHistory = ids.length > 0 ? await this.#context.loadedHistory(this.#historyOf) : null;
	}

	/** The loaded history again when a decision names an old id it lacks (the proposal changed since). */
	#ensureHistory(): void {
		if (Object.values(this.renumbering).some((r) => !this.#historyOf.includes(r.old)))
			void this.#loadHistory();
	}

	/**
	 * The keeper's decision for one pair: carry its history to the new id (`new`), keep the old id (`old`), or not
	 * the same community (null). A decision for an old id or a new id replaces any other that names either.
	 */
	decide(old: string, id: string, keep: KeepId | null): void {
		const next = Object.fromEntries(
			Object.entries(this.renumbering).filter(([, r]) => r.old !== old && r.new !== id)
		);
		if (keep) next[old] = { old, new: id, keep };
		this.renumbering = next;
		this.#ensureHistory();
	}

	/** The same decision for every proposed pair (ties stay the keeper's, one by one). */
	decideAll(keep: KeepId | null): void {
		this.renumbering = keep
			? Object.fromEntries(
					(this.proposal?.pairs ?? []).map((p) => [p.old.id, { old: p.old.id, new: p.new.id, keep }])
				)
			: {};
		this.#ensureHistory();
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

	/**
	 * Every community still without a point placed at its town's seat (the suggestion, as `npm run data --
	 * --place-at-seat` does); those placed already stay where the keeper put them. A town without a seat leaves its
	 * communities to be placed by hand. The number placed.
	 */
	placeAllAtSeats(towns: Parameters<typeof suggestedPoint>[1]): number {
		const next = { ...this.placements };
		let n = 0;
		for (const c of this.needPlacing) {
			if (next[c.id]) continue;
			const p = suggestedPoint(c, towns);
			if (p) {
				next[c.id] = p;
				n++;
			}
		}
		this.placements = next;
		this.placing = null;
		return n;
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

function withoutPairs(diff: CommunityDiff, p: RenumberProposal): CommunityDiff {
	const candidates = [...p.pairs, ...p.ties.flatMap((t) => t.candidates)];
	const olds = new Set(candidates.map((c) => c.old.id));
	const news = new Set(candidates.map((c) => c.new.id));
	return {
		...diff,
		added: diff.added.filter((c) => !news.has(c.id)),
		removed: diff.removed.filter((c) => !olds.has(c.id))
	};
}

let kept: Workbench | null = null;

/**
 * The page's workbench, kept for the app's life: the files and choices survive a visit to the map and back. It is
 * made in a root of its own (`$effect.root`), not in the page's: its derived state (the placing list, the diff)
 * would otherwise go with the first page that made it, and a file brought in after a visit to the map and back
 * would update the report but leave the placing list and the diff as they were.
 */
export function keptWorkbench(create: () => Workbench): Workbench {
	if (!kept) {
		let made: Workbench | null = null;
		$effect.root(() => {
			made = create();
		});
		kept = made!;
	}
	return kept;
}
