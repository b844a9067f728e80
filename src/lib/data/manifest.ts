/** What static/data/manifest.json holds (written by the data build). */
import type { Lang } from '../i18n/format';
import type { DatasetMeta, TownRow } from './rows';

/** A town as the manifest lists it: its row and its English name (pinyin, made at build time). */
export type ManifestTown = TownRow & { name_en: string };

/** A town's name in a language. */
export function townNameIn(town: Pick<ManifestTown, 'name' | 'name_en'>, lang: Lang): string {
	return lang === 'zh' ? town.name : town.name_en;
}

export interface Manifest extends DatasetMeta {
	builtAt: string;
	towns: ManifestTown[];
	tables: Record<string, number>;
	sources: string[];
}
