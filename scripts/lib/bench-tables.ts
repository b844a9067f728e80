// docs/benchmarks.md's generated tables, from bench/results.json's rows; each figure beside its target (issue 13).
// Rows measured before a column existed show — in it.
type Row = Record<string, unknown>;
interface S {
	median: number;
	p95: number;
	n?: number;
}

const get = (o: unknown, path: string): unknown =>
	path.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Row)[k] : undefined), o);
/** `median / p95` of the stats at `path`, or — when the row has none. */
const mp = (o: unknown, path: string) => {
	const s = get(o, path) as S | undefined;
	return s && Number.isFinite(s.median) ? `${s.median} / ${s.p95}` : '—';
};
const med = (o: unknown, path: string) => {
	const s = get(o, path) as S | undefined;
	return s && Number.isFinite(s.median) ? String(s.median) : '—';
};
const val = (o: unknown, path: string) => {
	const v = get(o, path);
	return v === null || v === undefined ? '—' : String(v);
};

export function mapTable(results: Row[]): string {
	return [
		'| dataset | communities | runs | data build (s) | load → map interactive, median / p95 (ms) — target 1.5 s | of which: data + map libraries / map first idle (ms, median) | JS heap (MB) | tab incl. workers (MB, PSS) — target 600 at 300k | off-origin requests |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		...results.map(
			(r) =>
				`| ${r.size} | ${r.communities} | ${val(r, 'loadMs.n')} | ${r.buildSeconds} | ${mp(r, 'loadMs')} | ${med(r, 'dataAndLibrariesMs')} / ${med(r, 'mapFirstIdleMs')} | ${mp(r, 'jsHeapMB')} | ${mp(r, 'tabMB')} | ${val(r, 'offOriginRequests')} |`
		)
	].join('\n');
}

export function toggleTable(results: Row[]): string {
	return [
		'| dataset | toggles (first / later) | first toggle → KPI result (ms) | → KPI text (ms) — target ≤ 16 / 50 at 300k | → repainted (ms) — target 30 (乐清), 100 (300k) | later toggles → KPI result (ms) | → KPI text (ms) | → repainted (ms) | peer (Mosaic, pre-aggregated): first → KPI text (ms) | peer: later → KPI text (ms) | product ÷ peer, first / later (target < 1) |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		...results.map((r) => {
			// a row from before repeated toggles: its one first toggle → query and → repaint
			if (!r.toggles)
				return `| ${r.size} | ${val(r, 'filterToQueryMs.n')} / — | ${mp(r, 'filterToQueryMs')} | — | ${mp(r, 'filterToRepaintMs')} | — | — | — | — | — | — |`;
			const peerFailed = get(r, 'peer.failure');
			const peer = (path: string) => (peerFailed ? `failed: ${String(peerFailed)}` : mp(r, path));
			return `| ${r.size} | ${val(r, 'toggles.first.kpiText.n')} / ${val(r, 'toggles.later.kpiText.n')} | ${mp(r, 'toggles.first.kpiResult')} | ${mp(r, 'toggles.first.kpiText')} | ${mp(r, 'toggles.first.repaint')} | ${mp(r, 'toggles.later.kpiResult')} | ${mp(r, 'toggles.later.kpiText')} | ${mp(r, 'toggles.later.repaint')} | ${peer('peer.toggles.first.kpiText')} | ${peer('peer.toggles.later.kpiText')} | ${val(r, 'peer.ratioFirst')} / ${val(r, 'peer.ratioLater')} |`;
		})
	].join('\n');
}

export function budgetTable(results: Row[]): string {
	const rows = results.filter((r) => r.budget);
	const big = rows.map((r) => get(r, 'budget.at300k')).find((x) => x) as Row | undefined;
	return [
		'| dataset | pipeline (communities) | one run: forecast + pricing + projectBudget, median / p95 (ms) — target 300 at 300k | its CPU time, median (ms) | projectBudget, median / p95 (ms) — target 100 at 300k | its CPU time, median (ms) | projectBudget, first call on new ids (ms) | Monte Carlo, 1,000 draws (ms) — target 1,000 at 乐清 | its CPU time, median (ms) | heap after runs / after draws (MB) |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		...rows.map(
			(r) =>
				`| ${r.size} | ${val(r, 'budget.pipeline')} | ${mp(r, 'budget.simulateMs')} | ${med(r, 'budget.simulateCpuMs')} | ${mp(r, 'budget.projectBudgetMs')} | ${med(r, 'budget.projectBudgetCpuMs')} | ${val(r, 'budget.projectBudgetFirstMs')} | ${mp(r, 'budget.monteCarlo1000Ms')} | ${med(r, 'budget.monteCarlo1000CpuMs')} | ${val(r, 'budget.heapAfterRunMB')} / ${val(r, 'budget.heapAfterDrawsMB')} |`
		),
		...(big
			? [
					`| 300k (乐清 pipeline replicated, Node) | ${val(big, 'pipeline')} | ${mp(big, 'simulateMs')} | ${med(big, 'simulateCpuMs')} | ${mp(big, 'projectBudgetMs')} | ${med(big, 'projectBudgetCpuMs')} | ${val(big, 'projectBudgetFirstMs')} | — | — | ${val(big, 'heapAfterRunMB')} / — |`
				]
			: [])
	].join('\n');
}

/** One of the worker's steps measured in Node: `CPU (wall)`, or — when the row has none. */
const step = (r: Row, name: string) => {
	const s = get(r, `budgetPage.worker.${name}`) as { wallMs: number; cpuMs: number } | undefined;
	return s ? `${s.cpuMs} (${s.wallMs})` : '—';
};

/** /budget in the browser: navigation → chart shown, and the sizes of the files its worker fetches. */
export function budgetPageTable(results: Row[]): string {
	const rows = results.filter((r) => r.budgetPage);
	if (rows.length === 0) return '(not measured yet)';
	return [
		'| dataset | runs (chart shown / tried) | navigation → chart shown, median / p95 (ms) — target 2,000 at 乐清 and 100k, 4,000 at 300k | of which: inputs in the worker / data state / first runs back (ms, median) | budget-inputs.arrow / budget-verdict-inputs.arrow (MB) | the worker’s steps in Node, CPU (wall) ms: inputs read / data state / first run — target 300 at 300k | a policy change in Node, CPU (wall) ms: budget-verdict-inputs.arrow read / every community judged again + run | off-origin requests | failures | measured (date, load average 1 min) |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		...rows.map((r) => {
			const failures = (get(r, 'budgetPage.failures') as string[] | undefined) ?? [];
			const shown = Number(get(r, 'budgetPage.chartMs.n') ?? 0);
			return `| ${r.size} | ${shown} / ${shown + failures.length} | ${mp(r, 'budgetPage.chartMs')} | ${med(r, 'budgetPage.inputsMs')} / ${med(r, 'budgetPage.stateMs')} / ${med(r, 'budgetPage.firstRunMs')} | ${val(r, 'budgetPage.inputsMB')} / ${val(r, 'budgetPage.verdictInputsMB')} | ${step(r, 'readInputs')} / ${step(r, 'state')} / ${step(r, 'firstRun')} | ${step(r, 'readVerdictInputs')} / ${step(r, 'policyRun')} | ${val(r, 'budgetPage.offOrigin')} | ${failures.length ? failures.join('; ').replaceAll('|', '/') : '—'} | ${val(r, 'budgetPage.measured')} |`;
		})
	].join('\n');
}

export function publicTable(p: Row | Row[] | null): string {
	if (Array.isArray(p) && p.length > 0)
		return [
			'| size | communities | runs | → headline figures, median / p95 (ms) — target 3 s | first paint (ms) | → map idle with its points (ms) | → search answers (ms) | first load to map idle (kB) |',
			'| --- | --- | --- | --- | --- | --- | --- | --- |',
			...p.map(
				(r) =>
					`| ${String(r.size)} | ${String(r.communities)} | ${String(r.runs)} | ${mp(r, 'headlineMs')} | ${mp(r, 'firstPaintMs')} | ${mp(r, 'mapIdleMs')} | ${mp(r, 'searchReadyMs')} | ${String(r.firstLoadKB)} |`
			)
		].join('\n');
	if (!p || Array.isArray(p)) return '(not measured yet)';
	return [
		'| runs | → headline figures, median / p95 (ms) — target 3 s | → map first idle (ms) | → search ready (DuckDB-WASM loaded) (ms) |',
		'| --- | --- | --- | --- |',
		`| ${String(p.runs)} | ${mp(p, 'headlineMs')} | ${mp(p, 'mapIdleMs')} | ${mp(p, 'searchReadyMs')} |`
	].join('\n');
}
