/**
 * The public site's `progress` table and summary.json for an import, by the build's own functions
 * (src/lib/progress/progress-table.ts, with pinyin for the residents' search). Loaded only when the keeper applies or exports,
 * so pinyin-pro reaches no other page.
 */
import { deriveStatus, policyInForce } from '$lib/verdict/derived';
import type { ManifestTown } from '$lib/files/manifest';
import type { ExtraTable } from '$lib/query/replacement';
import type { Dataset, DatasetMeta } from '$lib/schema/rows';
import { PROGRESS_COLUMNS } from '$lib/progress/summary';

export async function progressFor(
	dataset: Dataset,
	meta: DatasetMeta,
	towns: readonly ManifestTown[]
): Promise<{ table: ExtraTable; summary: string; files: Record<string, Uint8Array> }> {
	const { progressRows, progressSummary } = await import('$lib/progress/progress-table');
	const { progressColumns, progressFiles } = await import('$lib/progress/compact');
	const rows = progressRows(dataset, deriveStatus(dataset, meta.asOf, policyInForce(meta.asOf)));
	const english = new Map(towns.map((t) => [t.code, t.name_en]));
	const named = dataset.towns.map((t) => ({ ...t, name_en: english.get(t.code) ?? t.name }));
	return {
		table: {
			name: 'progress',
			columns: PROGRESS_COLUMNS.map(([name, type]) => [name, type] as const),
			rows: rows as unknown as Record<string, unknown>[]
		},
		summary: JSON.stringify(progressSummary(dataset, rows, meta, named)),
		// the public page's points and search files (as the build writes them)
		files: progressFiles(progressColumns(dataset.communities.map((c, i) => ({ ...c, ...rows[i]! }))))
	};
}
