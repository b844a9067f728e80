/** What static/data/manifest.json holds (written by the data build). */
import type { DatasetMeta, TownRow } from '../schema/rows';

/** A town as the manifest lists it: its row and its English name (pinyin, made at build time). */
export type ManifestTown = TownRow & { name_en: string };

export interface Manifest extends DatasetMeta {
	builtAt: string;
	towns: ManifestTown[];
	tables: Record<string, number>;
	sources: string[];
}
