// The bench's peer page (browser code, bundled by esbuild in bench-peer.ts; never part of the app): the same
// DuckDB-WASM build, the same Parquet files decoded by parquet-wasm and the same `community_view` as the product,
// with the map's KPIs asked through a Mosaic coordinator whose pre-aggregation (data cube indexes) answers each
// town toggle. It offers the product's hooks — town check boxes under `[data-filter="towns"]`, the KPI text in
// `[data-testid="kpis"]`, `data-kpi-version` on <main> — so one timing function serves both pages.
import * as duckdb from '@duckdb/duckdb-wasm';
import { clausePoints, Coordinator, MosaicClient, Selection } from '@uwdata/mosaic-core';
import { count, Query, sql, sum, type FilterExpr } from '@uwdata/mosaic-sql';
import initParquet, { readParquet } from 'parquet-wasm/esm';
import { COMMUNITY_VIEW_SQL, MAP_TABLES } from '../../src/lib/query/tables';

const main = document.querySelector('main')!;
const kpis = document.querySelector<HTMLElement>('[data-testid="kpis"]')!;
const towns = document.querySelector<HTMLElement>('[data-filter="towns"]')!;

/** The product's KPIs (kpiSql in src/lib/filter/queries.ts) as a Mosaic client over community_view. */
class KpiClient extends MosaicClient {
	version = 0;
	override query(filter?: FilterExpr | null) {
		return Query.from('community_view')
			.select({
				communities: count(),
				households: sum('households'),
				buildingArea: sum('building_area'),
				investment: sum('investment'),
				residentShare: sum('resident_required'),
				subsidy: sum('subsidy'),
				readyForPlan: sum(sql`CAST(ready_for_plan AS INTEGER)`)
			})
			.where(filter ?? []);
	}
	override queryResult(data: unknown) {
		const row = (data as { get(i: number): Record<string, unknown> }).get(0);
		kpis.textContent = Object.entries(row)
			.map(([k, v]) => `${k} ${Number(v).toLocaleString('zh-CN')}`)
			.join(' · ');
		main.dataset.kpiVersion = String(++this.version);
		return this;
	}
}

async function boot() {
	const base = new URL('./', location.href).href;
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: base + 'duckdb-mvp.wasm', mainWorker: base + 'duckdb-browser-mvp.worker.js' },
		eh: { mainModule: base + 'duckdb-eh.wasm', mainWorker: base + 'duckdb-browser-eh.worker.js' }
	});
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker!));
	await Promise.all([
		db.instantiate(bundle.mainModule, bundle.pthreadWorker),
		initParquet({ module_or_path: base + 'parquet_wasm_bg.wasm' })
	]);
	await db.open({ query: { castBigIntToDouble: true } });
	const conn = await db.connect();
	await conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
	for (const name of MAP_TABLES) {
		const bytes = new Uint8Array(await (await fetch(`../data/${name}.parquet`)).arrayBuffer());
		await conn.insertArrowFromIPCStream(readParquet(bytes).intoIPCStream(), { name, create: true });
	}
	await conn.query(COMMUNITY_VIEW_SQL);
	// Mosaic's own connector shape, on this connection: Arrow IPC bytes straight from the engine
	const connector = {
		query: ({ sql: text }: { type: string; sql: string }) =>
			new Promise<Uint8Array>((resolve, reject) =>
				conn.useUnsafe((bindings, c) => bindings.runQuery(c, text).then(resolve, reject))
			)
	};
	const mc = new Coordinator(connector as never, { logger: null });
	const selection = Selection.crossfilter();
	const client = new KpiClient(selection);
	mc.connect(client);
	const source = { reset() {} };
	const chosen = new Set<string>();
	const codes = (await conn.query('SELECT code, name FROM towns ORDER BY code')).toArray();
	for (const row of codes) {
		const { code, name } = row.toJSON() as { code: string; name: string };
		const label = document.createElement('label');
		const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: code });
		box.addEventListener('change', () => {
			if (box.checked) chosen.add(code);
			else chosen.delete(code);
			const value = chosen.size ? [...chosen].map((c) => [c]) : null;
			selection.update(clausePoints(['town_code'], value, { source }));
		});
		label.append(box, name);
		towns.append(label);
	}
	// as Mosaic's inputs do on pointer-enter: activate the dimension so its data cube index is built ahead
	selection.activate(clausePoints(['town_code'], [[String(codes[0]?.toJSON().code)]], { source }));
	while (client.version === 0) await new Promise((r) => setTimeout(r, 20)); // the first, unfiltered answer
	await Promise.all(
		[...mc.preaggregator.entries.values()].map((e) => (e as { result?: Promise<unknown> } | null)?.result)
	);
	// the data cube index tables Mosaic built (0 would mean the toggles run on community_view itself)
	const cubes = await conn.query("SELECT count(*) AS n FROM duckdb_tables() WHERE schema_name = 'mosaic'");
	main.dataset.preaggTables = String(cubes.toArray()[0]?.toJSON().n);
	main.dataset.ready = 'true';
}

boot().catch((e: unknown) => {
	main.dataset.ready = 'error';
	main.dataset.error = String(e);
});
