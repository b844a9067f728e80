/**
 * A town's 资料补充表 (supplement sheet) read back on top of the data loaded now (issue 20, "start from a partial
 * list"): the town fills in the facts its communities lack and the keeper imports the sheet; each row is matched to
 * a loaded community by 小区编号, and every cell the town filled in is taken. An empty cell never erases a value
 * (nothing is lost); every other community and every row of the other tables (works, votes, funds, stages,
 * contacts) stays as it was. The sheet itself is written by files/supplement-xlsx.ts.
 */
import type { CommunityRow, Dataset } from '../schema/rows';
import { table } from '../schema/schema';

/** One cell the sheet set: the community, the column, the value loaded before (null: it was missing) and after. */
export interface SupplementChange {
	id: string;
	column: keyof CommunityRow & string;
	from: unknown;
	to: unknown;
}

/** The data loaded now with a supplement sheet's values in. */
export interface Supplemented {
	dataset: Dataset;
	/** Cells filled in (missing before). */
	filled: SupplementChange[];
	/** Cells the town gave another value than the one loaded (the sheet's value is taken; the diff shows both). */
	changed: SupplementChange[];
	/** The sheet's ids no loaded community has: not added (a supplement fills in, it does not add communities). */
	unknown: string[];
}

/**
 * `base` (the data loaded now) with the sheet's communities' non-empty cells taken, matched by id.
 * @param base every table of the data loaded now
 * @param sheet the supplement sheet's communities as the importer validated them (empty cells null)
 */
export function mergeSupplement(base: Dataset, sheet: readonly CommunityRow[]): Supplemented {
	const columns = table('communities')
		.columns.map((c) => c.name as keyof CommunityRow & string)
		.filter((c) => c !== 'id');
	const byId = new Map(sheet.map((c) => [c.id, c]));
	const known = new Set(base.communities.map((c) => c.id));
	const filled: SupplementChange[] = [];
	const changed: SupplementChange[] = [];
	const communities = base.communities.map((b) => {
		const s = byId.get(b.id);
		if (!s) return b;
		const out: Record<string, unknown> = { ...b };
		for (const column of columns) {
			const to = s[column];
			const from = b[column];
			if (to === null || to === undefined || to === from) continue;
			out[column] = to;
			(from === null ? filled : changed).push({ id: b.id, column, from, to });
		}
		return out as unknown as CommunityRow;
	});
	return {
		dataset: { ...base, communities },
		filled,
		changed,
		unknown: sheet.map((c) => c.id).filter((id) => !known.has(id))
	};
}
