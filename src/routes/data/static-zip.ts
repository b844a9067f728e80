/**
 * The static/data folder as a zip, made in the browser: the files `npm run data` writes (staticFiles, with
 * parquet-wasm as the Parquet writer), the public `progress` table and summary.json, and the base map's geography
 * copied from the site as it is.
 */
import type { FeatureCollection } from 'geojson';
import type { ManifestTown } from '$lib/files/manifest';
import type { Dataset, DatasetMeta } from '$lib/schema/rows';
import { staticFiles } from '$lib/files/static-files';
import { progressFor } from './progress-extra';

export interface StaticZipInput {
	dataset: Dataset;
	meta: DatasetMeta;
	regions: FeatureCollection;
	towns: readonly ManifestTown[];
	/** Where the site's data files are (for boundary.geojson and land.geojson). */
	dataBase: string;
	sources: string[];
}

const PASS_THROUGH = ['boundary.geojson', 'land.geojson'];

export async function staticZip(input: StaticZipInput): Promise<Uint8Array> {
	const [parquet, wasm, fflate, ...geo] = await Promise.all([
		import('parquet-wasm/esm'),
		import('parquet-wasm/esm/parquet_wasm_bg.wasm?url'),
		import('fflate'),
		...PASS_THROUGH.map(async (name) => {
			const r = await fetch(`${input.dataBase}/${name}`);
			if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
			return new Uint8Array(await r.arrayBuffer());
		})
	]);
	await parquet.default({ module_or_path: wasm.default });
	const progress = await progressFor(input.dataset, input.meta, input.towns);
	const files = staticFiles(
		{
			dataset: input.dataset,
			meta: input.meta,
			regions: input.regions,
			townNamesEn: new Map(input.towns.map((t) => [t.code, t.name_en])),
			passThrough: {
				...Object.fromEntries(PASS_THROUGH.map((name, i) => [name, geo[i]!])),
				'summary.json': new TextEncoder().encode(progress.summary),
				...progress.files
			},
			extraTables: [progress.table],
			sources: input.sources,
			builtAt: new Date().toISOString()
		},
		(ipc) => parquet.writeParquet(parquet.Table.fromIPCStream(ipc))
	);
	return fflate.zipSync(
		Object.fromEntries(Object.entries(files).map(([name, bytes]) => [`data/${name}`, bytes]))
	);
}
