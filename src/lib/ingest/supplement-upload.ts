/**
 * A town's filled 资料补充表 uploaded back by the town itself (issue 22, "a town … can upload corrections for its
 * towns only"): the preview of what it would record. The file is read by the importer (`importFiles`, the same
 * reader the keeper's /data uses) and taken on top of the data served now by the supplement's rule
 * (`mergeSupplement`: matched by id, only filled cells, nothing erased); each cell it would set is checked by the
 * correction form's own check (`checkFactEntry`: the served row with that one cell replaced, validated whole by the
 * importer), so an upload and the form refuse the same values. Each accepted cell becomes one pending
 * `communities.<column>` change, its idempotency key a hash of the upload and the cell (a confirm sent twice records
 * once). Rows of a community outside the account's towns are refused, naming the row and the community. Pure: the
 * server reads the file and the served rows and passes its hash function.
 */
import { ledgerCell } from '../files/ledger-xlsx';
import type { CommunityRow, Dataset } from '../schema/rows';
import { table } from '../schema/schema';
import { storedRow } from './carry-history';
import { checkFactEntry } from './fact-entry';
import type { ImportResult } from './import/types';
import { placeHeader } from './import/headers';
import type { Problem } from './problems';
import { mergeSupplement } from './supplement';

/** One cell the upload would set: a pending `communities.<column>` change once confirmed. */
export interface UploadCell {
	/** The change's idempotency key: a hash of the upload's bytes and the cell (community, column, value). */
	key: string;
	/** The communities table's column (schema name) and its header in the sheet (the template's Chinese). */
	column: string;
	header: string;
	/** `filled`: the data served now has no value (补入); `changed`: another value (更正). */
	kind: 'filled' | 'changed';
	/** The value in the data served now (null: missing), as served — what the change records as `before`. */
	before: unknown;
	/** The value the importer read, as it stores it (a list value by its code, yes/no as true/false). */
	after: unknown;
}

/** A community of the upload with the cells it would set, and where its row is. */
export interface UploadCommunity {
	id: string;
	name: string;
	town: string;
	sheet?: string;
	row: number;
	cells: UploadCell[];
}

/** A refusal (or a notice), naming where: file, sheet, row (0: the file as a whole), column, value, community. */
export interface UploadProblem {
	file: string;
	sheet?: string;
	row: number;
	column?: string;
	value?: string;
	community?: string;
	zh: string;
	en: string;
}

/** What a filled 资料补充表 would record: nothing is recorded until the town confirms. */
export interface SupplementPreview {
	/** The uploaded file's name. */
	file: string;
	/** A hash of its bytes. */
	upload: string;
	/** A hash of every accepted cell's key: a confirm names it, and is refused when the preview has changed since. */
	digest: string;
	communities: UploadCommunity[];
	refusals: UploadProblem[];
	/** The importer's notices on the town's rows (a value it read but questions). */
	notices: UploadProblem[];
	/** 补入 (filled), 更正 (changed) cells accepted, and the refusals. */
	counts: { filled: number; changed: number; refused: number };
	/** The sheet's 数据截至 (its 说明 sheet) when it differs from the data served now: an old sheet's values may be
	 *  older than the data's, and would read as corrections. */
	asOf?: { sheet: string; served: string };
}

/** What the preview is made from. */
export interface PreviewInput {
	/** The uploaded file's name. */
	file: string;
	/** A hash of its bytes (the keys are derived from it). */
	upload: string;
	/** The importer's reading of the file (`importFiles`). */
	read: ImportResult;
	/** The communities of the account's towns as served now (their rows as the server reads them) and town names. */
	served: readonly { community: Record<string, unknown>; town: string }[];
	/** The data served now's 数据截至. */
	servedAsOf: string;
	/** A hash of a text as letters, digits, `-` and `_` (base64url or hex), at least 16 characters. */
	hash: (text: string) => string;
}

const COLUMNS = table('communities').columns;

/** A stored value as a cell's text, as the correction form sends it (true/false, numbers, ISO dates). */
function cellText(v: unknown): string {
	if (v === null || v === undefined) return '';
	return String(v).slice(0, typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? 10 : undefined);
}

/** A value in the ledger's words (a list value by its Chinese label, yes/no as 是/否), or null when empty. */
export function ledgerWords(column: string, v: unknown): string | null {
	const c = COLUMNS.find((x) => x.name === column);
	const cell = c ? ledgerCell(c, v) : v === undefined ? null : v;
	return cell === null || cell === '' ? null : cellText(cell);
}

/** Where each 小区编号 is in the files as written: file, sheet and row (the importer's own header matching). */
function rowsById(read: ImportResult): Map<string, { file: string; sheet?: string; row: number }> {
	const out = new Map<string, { file: string; sheet?: string; row: number }>();
	for (const t of read.tables.filter((x) => x.table === 'communities')) {
		const at = t.header.findIndex((h) => placeHeader('communities', h)?.column.name === 'id');
		if (at < 0) continue;
		t.rows.forEach((r, i) => {
			const id = (r[at] ?? '').trim();
			if (id && !out.has(id)) out.set(id, { file: t.file, sheet: t.sheet, row: t.rowNumbers[i]! });
		});
	}
	return out;
}

const foreign = (
	at: { file: string; sheet?: string; row: number },
	id: string,
	name: string | undefined
): UploadProblem => ({
	...at,
	community: id,
	zh: `小区 ${id}${name ? `（${name}）` : ''}不属于本账户所辖乡镇（街道），此行未读入`,
	en: `community ${id}${name ? ` (${name})` : ''} is not in this account's towns; the row was not read`
});

const fromProblem = (p: Problem): UploadProblem => ({
	file: p.file,
	sheet: p.sheet,
	row: p.row,
	column: p.column,
	value: p.value,
	community: p.community,
	zh: p.zh,
	en: p.en
});

/**
 * The preview of a filled 资料补充表: per community of the account's towns, each filled cell that differs from the data
 * served now and passes the correction's check; every refusal naming sheet, row, column and value.
 */
export function supplementPreview(input: PreviewInput): SupplementPreview {
	const { read, served } = input;
	const mine = new Map(served.map((s) => [String(s.community.id), s]));
	const where = rowsById(read);
	const refusals: UploadProblem[] = [];
	const notices: UploadProblem[] = [];
	const refusedForeign = new Set<string>();
	const refuseForeign = (id: string, name: string | undefined, at = where.get(id)) => {
		if (refusedForeign.has(id) || !at) return;
		refusedForeign.add(id);
		refusals.push(foreign(at, id, name));
	};
	// the importer's own problems: a row of another town's community is refused as such, whatever else it has
	for (const p of read.problems) {
		if (p.community !== undefined && !mine.has(p.community)) {
			if (p.level === 'error')
				refuseForeign(p.community, undefined, { file: p.file, sheet: p.sheet, row: p.row });
			continue;
		}
		if (p.level === 'notice') {
			if (p.row > 0 && p.community !== undefined) notices.push(fromProblem(p));
			continue;
		}
		const r = fromProblem(p);
		// the importer leaves a row with an error out whole: say so, the town corrects it and uploads again
		if (p.row > 0 && p.community !== undefined) {
			r.zh += '（此行未读入）';
			r.en += ' (the row was not read)';
		}
		refusals.push(r);
	}
	const sheetRows = read.dataset.communities.filter((c) => {
		if (mine.has(c.id)) return true;
		refuseForeign(c.id, c.name);
		return false;
	});
	const base: Dataset = {
		towns: [],
		communities: served.map((s) => storedRow<CommunityRow>('communities', s.community)),
		works: [],
		votes: [],
		funds: [],
		stage_events: [],
		contacts: []
	};
	const merged = mergeSupplement(base, sheetRows);
	const byCommunity = new Map<string, UploadCommunity>();
	const cells = [
		...merged.filled.map((c) => ({ ...c, kind: 'filled' as const })),
		...merged.changed.map((c) => ({ ...c, kind: 'changed' as const }))
	].sort(
		(a, b) =>
			(a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
			COLUMNS.findIndex((c) => c.name === a.column) - COLUMNS.findIndex((c) => c.name === b.column)
	);
	for (const cell of cells) {
		const s = mine.get(cell.id)!;
		const at = where.get(cell.id) ?? { file: input.file, row: 0 };
		const header = COLUMNS.find((c) => c.name === cell.column)?.zh ?? cell.column;
		const check = checkFactEntry({ column: cell.column, value: cellText(cell.to) }, s.community, {
			code: String(s.community.town_code),
			name: s.town
		});
		if (check.value === undefined) {
			for (const p of check.problems)
				refusals.push({
					...at,
					column: header,
					value: ledgerWords(cell.column, cell.to) ?? '',
					community: cell.id,
					zh: p.zh,
					en: p.en
				});
			continue;
		}
		let c = byCommunity.get(cell.id);
		if (!c) {
			c = { id: cell.id, name: String(s.community.name), town: s.town, ...at, cells: [] };
			byCommunity.set(cell.id, c);
		}
		c.cells.push({
			key: `sup-${input.hash(`${input.upload}|${cell.id}|${cell.column}|${JSON.stringify(check.value)}`).slice(0, 40)}`,
			column: cell.column,
			header,
			kind: cell.kind,
			before: check.before,
			after: check.value
		});
	}
	const communities = [...byCommunity.values()];
	const accepted = communities.flatMap((c) => c.cells);
	const order = (p: UploadProblem) => [p.file, p.sheet ?? '', p.row] as const;
	refusals.sort((a, b) => {
		const [x, y] = [order(a), order(b)];
		return x[0].localeCompare(y[0]) || x[1].localeCompare(y[1]) || x[2] - y[2];
	});
	return {
		file: input.file,
		upload: input.upload,
		digest: input.hash(`${input.upload}|${accepted.map((c) => c.key).join(',')}`),
		communities,
		refusals,
		notices,
		counts: {
			filled: accepted.filter((c) => c.kind === 'filled').length,
			changed: accepted.filter((c) => c.kind === 'changed').length,
			refused: refusals.length
		},
		...(read.asOf && read.asOf !== input.servedAsOf
			? { asOf: { sheet: read.asOf, served: input.servedAsOf } }
			: {})
	};
}
