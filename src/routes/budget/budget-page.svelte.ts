/**
 * The state of /budget: every community's inputs for the worker (budget-inputs.arrow with the build's verdicts in
 * force, fetched and read in the worker, no DuckDB; SQL only under an import), the history and plans per year the worker derives from them, a filter's ids (map.arrow), the open scenarios, and their runs in the worker. The page composes
 * components over it; no rule is computed here — the worker runs the engine.
 */
import { untrack } from 'svelte';
import { rows } from '$lib/query/coordinator.svelte';
import { filterMask, resolveArea } from '$lib/filter/filters';
import type { DataSession } from '$lib/query/session.svelte';
import { estimateRates, type History } from '$lib/budget/forecast';
import { INPUT_TABLES, readInputs } from '$lib/budget/inputs';
import { INPUTS_FILE, VERDICT_INPUTS_FILE } from '$lib/files/budget-inputs-file';
import { pipelineFilter } from '$lib/budget/pipeline-filter';
import { defaultBudgets, type DefaultBudgets, type PlanHistoryRow } from '$lib/budget/plan-state';
import { SimulationRunner } from '$lib/budget/runner';
import { WorkerFailure } from '$lib/util/worker-client';
import { pick } from '$lib/i18n/lang.svelte';
import {
	defaultScenario,
	PLAN_YEARS,
	type Rates,
	type Scenario,
	type ScenarioProblem
} from '$lib/budget/scenario';
import type { ScenarioRun } from '$lib/budget/scenario-run';
import { firstOpenYear } from '$lib/budget/simulate';
import { loadOpen, loadStored, saveOpen, scenarioFromParam } from '$lib/budget/storage';
import { YUEQING_2023, type PolicyParams } from '$lib/policy';
import { OpenScenarios } from './open-scenarios.svelte';

export class BudgetPage {
	readonly session: DataSession;
	readonly runner = new SimulationRunner();
	readonly tabs = new OpenScenarios();
	/** Every community's id in the worker's inputs' order, once the worker holds them (null before). */
	ids = $state.raw<string[] | null>(null);
	hist = $state.raw<History | null>(null);
	estimated = $state.raw<Rates | null>(null);
	planRows = $state.raw<PlanHistoryRow[]>([]);
	defaults = $state.raw<DefaultBudgets | null>(null);
	openYear = $state(PLAN_YEARS[0]!);
	/** Each filter pipeline's ids, by the scenario's own `pipeline.search` (replaced whole, never mutated). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	filterIds = $state.raw<ReadonlyMap<string, string[]>>(new Map());
	results = $state.raw<(ScenarioRun | null)[]>([]);
	running = $state(0);
	message = $state<string | null>(null);
	problems = $state<ScenarioProblem[]>([]);
	loadError = $state<string | null>(null);

	constructor(
		session: DataSession,
		readonly mapSearch: string | null,
		readonly shared: string | null
	) {
		this.session = session;
	}

	/** The policy in force on the data date: the base every scenario's policy fields override. */
	get base(): PolicyParams {
		return this.session.policy ?? YUEQING_2023;
	}

	/**
	 * Gives the worker the run's inputs: it fetches and reads budget-inputs.arrow itself (the build's verdicts under
	 * the policy in force; no DuckDB-WASM, no rows or bytes on this thread), and budget-verdict-inputs.arrow when a
	 * scenario first changes a policy field; under an import in this browser, or when the published data has no such file
	 * (built before it existed), they are read through the session's SQL and sent. Answers the communities' ids.
	 */
	async #inputs(): Promise<string[]> {
		const { session } = this;
		const manifest = session.loadManifest();
		if (!session.imported) {
			// the worker fetches the file while the manifest comes; it judges once it has the data date too
			const file = this.runner
				.loadFile(session.fileUrl(INPUTS_FILE), session.fileUrl(VERDICT_INPUTS_FILE))
				.catch(() => null);
			this.runner.asOf((await manifest).asOf);
			const loaded = await file;
			if (loaded) return loaded.ids;
		}
		session.need(['status', ...INPUT_TABLES]);
		await this.#sql();
		const inputs = await readInputs(<T>(sql: string) => session.coordinator.request(sql, rows<T>));
		this.runner.load(inputs, (await manifest).asOf);
		return inputs.communities.map((c) => c.id);
	}

	/** Opens DuckDB-WASM (once) for what still needs SQL: the inputs of an import (or of data without the file). */
	async #sql(): Promise<void> {
		const { session } = this;
		await session.open();
		if (session.coordinator.status === 'error') throw new Error(session.coordinator.error ?? 'DuckDB');
	}

	async load(baseName: string): Promise<void> {
		const { session } = this;
		try {
			this.runner.warm(); // the worker's module loads while the files come
			const [{ asOf }, ids] = await Promise.all([session.loadManifest(), this.#inputs()]);
			performance.mark('budget:inputs'); // the worker holds every community's inputs
			this.ids = ids;
			if (this.mapSearch !== null) await this.loadFilter(this.mapSearch);
			// the history, the plans per year (within the map's filter) and the pipeline's subsidy, from the worker
			const state = await this.runner.state(
				this.mapSearch !== null ? this.filterIds.get(this.mapSearch)! : null
			);
			performance.mark('budget:state'); // the data's history and plans, judged in the worker
			this.hist = state.history;
			const rates = estimateRates(this.hist);
			// default budget: what the data's plans hold per year (within the filter), see plan-state.ts
			this.planRows = state.planRows;
			const fallback = state.pipelineSubsidy / PLAN_YEARS.length;
			const first = defaultScenario(baseName, 0, rates);
			this.openYear = firstOpenYear(asOf, this.base);
			this.defaults = defaultBudgets(this.planRows, this.openYear, fallback);
			first.budgets = { ...this.defaults.budgets };
			const stored = loadStored(rates);
			if (this.mapSearch !== null) first.pipeline = { kind: 'filter', search: this.mapSearch };
			const reopened = this.shared || this.mapSearch !== null ? [] : loadOpen(rates);
			const fromLink = this.shared ? scenarioFromParam(this.shared, rates) : null;
			if (fromLink && !fromLink.scenario) this.problems = fromLink.problems;
			if (fromLink?.scenario) this.tabs.start(stored, [fromLink.scenario], false);
			else this.tabs.start(stored, reopened.length ? reopened : [first], reopened.length > 0);
			this.estimated = rates;
		} catch (e) {
			// a worker that failed says so in the reader's language
			this.loadError = e instanceof WorkerFailure ? pick(e) : e instanceof Error ? e.message : String(e);
		}
	}

	/**
	 * Loads the ids of a scenario's own filter once (by its search text): the map's own filter over map.arrow's
	 * columns (`filterMask`, tested equal to the SQL's `whereSql`), no DuckDB; under an import, the import's columns.
	 */
	async loadFilter(search: string): Promise<void> {
		if (this.filterIds.has(search)) return;
		const [cols, manifest] = await Promise.all([this.session.loadMapColumns(), this.session.loadManifest()]);
		const f = pipelineFilter(search);
		const mask = filterMask(
			cols,
			manifest.towns.map((t) => t.code),
			f.polygon ? resolveArea(f, cols) : f
		);
		const ids = cols.id.filter((_, i) => mask[i] === 1).sort();
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a new map replaces the $state.raw one
		this.filterIds = new Map([...this.filterIds, [search, ids]]);
	}

	/** Keeps the open scenarios (a reload brings them back), loads their filters and runs them on every change. */
	track(): void {
		$effect(() => {
			for (const s of this.tabs.list) {
				const p = s.pipeline;
				if (this.ids && p.kind === 'filter' && !untrack(() => this.filterIds.has(p.search)))
					void this.loadFilter(p.search).catch((e: unknown) => (this.message = String(e)));
			}
		});
		$effect(() => {
			const list = $state.snapshot(this.tabs.list) as Scenario[];
			if (this.estimated && list.length) saveOpen(list);
		});
		$effect(() => {
			const list = $state.snapshot(this.tabs.list) as Scenario[];
			const h = this.hist;
			const ids = this.filterIds;
			if (!this.ids || !h) return;
			const only = list.map((s) =>
				s.pipeline.kind === 'filter' ? (ids.get(s.pipeline.search) ?? null) : []
			);
			if (only.some((o) => o === null)) return; // a filter's ids are still loading
			untrack(() => this.running++);
			Promise.all(list.map((s, i) => this.runner.run(s, h, s.pipeline.kind === 'filter' ? only[i]! : null)))
				.then((r) => {
					if (performance.getEntriesByName('budget:first-run').length === 0)
						performance.mark('budget:first-run'); // the first runs back from the worker
					this.results = r;
				})
				.catch((e: unknown) => (this.message = e instanceof Error ? e.message : String(e)))
				.finally(() => this.running--);
		});
	}

	/** The open scenarios with their runs, once every one has run. */
	get runs(): { name: string; run: ScenarioRun; scenario: Scenario }[] | null {
		const { list } = this.tabs;
		const r = this.results;
		if (list.length === 0 || r.length !== list.length || !r.every(Boolean)) return null;
		return list.map((s, i) => ({ name: s.name, run: r[i]!, scenario: s }));
	}
}
