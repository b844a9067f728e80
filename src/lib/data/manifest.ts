/** What static/data/manifest.json holds (written by the data build). */
import type { DatasetMeta, TownRow } from './rows';

export interface Manifest extends DatasetMeta {
	builtAt: string;
	towns: TownRow[];
	tables: Record<string, number>;
	sources: string[];
}
