// A town's filled 资料补充表 uploaded back by the town (issue 22, "a town … can upload corrections for its towns
// only"): POST /api/town/supplement?name=<file name> with the file's bytes as the body answers a preview of what it
// would record (src/lib/ingest/supplement-upload.ts: read by the importer, taken by the supplement's rule, each cell
// checked by the correction form's check) and records nothing; the same request with &confirm=<the preview's
// digest> records each accepted cell as one pending `communities.<column>` change — the correction form's kind, so
// review, replay, conflicts and history need nothing new — under a key derived from the upload and the cell, so a
// confirm sent twice records once. The body is at most TOWN_UPLOAD_BYTES (a town's sheet is tens of kB), a workbook
// is checked as every upload is (server/uploads.ts) and against a town-sized unpacked limit before the importer
// reads it in this process.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DuckDBInstance } from '@duckdb/node-api';
import { storedRow } from '../src/lib/ingest/carry-history';
import { importFiles } from '../src/lib/ingest/import';
import { zipProblem, type ZipLimits } from '../src/lib/ingest/import/zip-guard';
import { supplementPreview, type SupplementPreview } from '../src/lib/ingest/supplement-upload';
import type { ChangeRecord, SupplementRecorded } from '../src/lib/office/api';
import type { TownRow } from '../src/lib/schema/rows';
import type { Signed } from './auth';
import { Changes } from './changes';
import { currentDataDir, need, type Context } from './context';
import { HttpError, sendJson } from './http';
import { dataAsOf, factField, townCommunities } from './town-data';
import { isZip, nameProblem, workbookProblem } from './uploads';

/** The largest body taken: a town's 资料补充表 of a few hundred communities is well under 1 MB. */
export const TOWN_UPLOAD_BYTES = 4 * 1024 * 1024;
/** What a town's workbook may unpack to before the importer reads it here, in the server's process. */
export const TOWN_UPLOAD_ZIP: ZipLimits = {
	totalBytes: 32 * 1024 * 1024,
	ratio: 100,
	ratioFloorBytes: 1024 * 1024
};
/** Rows of one sheet the importer reads (a town has at most a few hundred communities). */
export const TOWN_UPLOAD_ROWS = 5000;

/** The whole body, at most `limit` bytes: larger is 413 (said before reading when the length is declared), a body
 *  that ends before it is whole (the client hung up) 400. Nothing is held past the limit. */
export function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
	const mb = `${limit / 1024 / 1024} MB`;
	const tooLarge = new HttpError(413, `上传的文件超过 ${mb}`, `the file is larger than ${mb}`);
	if (Number(req.headers['content-length'] ?? 0) > limit) {
		req.resume();
		return Promise.reject(tooLarge);
	}
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let settled = false;
		const fail = (e: HttpError) => {
			if (settled) return;
			settled = true;
			chunks.length = 0;
			reject(e);
		};
		const cut = () =>
			fail(new HttpError(400, '上传中断，未收到完整文件', 'the upload was interrupted before it ended'));
		req.on('data', (chunk: Buffer) => {
			if (settled) return;
			size += chunk.length;
			if (size > limit) fail(tooLarge);
			else chunks.push(chunk);
		});
		req.on('error', cut);
		req.on('close', () => {
			if (!req.complete) cut();
		});
		req.on('end', () => {
			if (settled) return;
			settled = true;
			resolve(Buffer.concat(chunks));
		});
	});
}

const hash = (data: string | Buffer) => createHash('sha256').update(data).digest('base64url');

/** Every town of the data served now (the importer resolves a sheet's 所属乡镇 against them). */
async function servedTowns(dataDir: string): Promise<TownRow[]> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	try {
		const path = join(dataDir, 'towns.parquet').replaceAll("'", "''");
		const rows = (await conn.runAndReadAll(`SELECT * FROM read_parquet('${path}')`)).getRowObjectsJson();
		return rows.map((r) => storedRow<TownRow>('towns', r as Record<string, unknown>));
	} finally {
		conn.closeSync();
		db.closeSync();
	}
}

/** The preview of `bytes` (file `name`) for an account of `towns`, against the data served now; refused (422) when
 *  the file cannot be read as a communities sheet at all. */
export async function townUploadPreview(
	ctx: Context,
	towns: string[],
	name: string,
	bytes: Buffer
): Promise<SupplementPreview> {
	const refused = await workbookProblem(name, bytes);
	if (refused) throw new HttpError(refused.status, refused.zh, refused.en);
	const big = isZip(bytes) ? zipProblem(bytes, TOWN_UPLOAD_ZIP) : undefined;
	if (big)
		throw new HttpError(
			422,
			`“${name}”解压后超过 ${TOWN_UPLOAD_ZIP.totalBytes / 1048576} MB（${big.entry}），不像是资料补充表，未读取`,
			`"${name}" unpacks to more than ${TOWN_UPLOAD_ZIP.totalBytes / 1048576} MB (${big.entry}): not a supplement sheet; not read`
		);
	const dataDir = currentDataDir(ctx);
	const read = await importFiles([{ name, bytes: new Uint8Array(bytes) }], {
		defaultTowns: await servedTowns(dataDir),
		allowMissingPoint: true,
		limits: { fileBytes: TOWN_UPLOAD_BYTES, rows: TOWN_UPLOAD_ROWS }
	});
	if (!read.tables.some((t) => t.table === 'communities')) {
		const whole = read.problems.filter((p) => p.level === 'error' && p.row === 0);
		throw new HttpError(
			422,
			`“${name}”中没有可读取的小区表（应为下载的资料补充表或其「小区」工作表的 CSV）${whole.map((p) => `：${p.zh}`).join('')}`,
			`"${name}" holds no communities sheet the importer can read (expected the downloaded supplement sheet, or its 小区 sheet as CSV)${whole.map((p) => `: ${p.en}`).join('')}`
		);
	}
	const served = (await townCommunities(dataDir, towns)).map((c) => ({
		community: c.community,
		town: c.town
	}));
	return supplementPreview({
		file: name,
		upload: hash(bytes),
		read,
		served,
		servedAsOf: dataAsOf(dataDir),
		hash
	});
}

export async function townUploadApi(
	ctx: Context,
	req: IncomingMessage,
	res: ServerResponse,
	route: string,
	signed: Signed | undefined
): Promise<boolean> {
	if (route !== 'POST /api/town/supplement') return false;
	const me = need(signed, 'town');
	if (me.user.role !== 'town')
		throw new HttpError(403, '此功能仅供乡镇（街道）账户使用', 'this is for town accounts only');
	const q = new URL(req.url ?? '/', 'http://localhost').searchParams;
	const name = q.get('name') ?? '';
	const named = nameProblem(name);
	if (named) {
		req.resume();
		throw new HttpError(named.status, named.zh, named.en);
	}
	const bytes = await readBytes(req, TOWN_UPLOAD_BYTES);
	if (bytes.length === 0) throw new HttpError(400, '没有收到文件', 'no file received');
	const preview = await townUploadPreview(ctx, me.user.towns, name, bytes);
	const confirm = q.get('confirm');
	if (confirm === null) {
		sendJson(res, 200, { preview });
		return true;
	}
	if (confirm !== preview.digest)
		throw new HttpError(
			409,
			'数据或文件已与预览时不同，未记录：请核对新的预览后再确认',
			'the data or the file differs from the preview: nothing recorded; check the new preview and confirm again',
			{ preview }
		);
	const cells = preview.communities.flatMap((c) => c.cells.map((cell) => ({ c, cell })));
	if (cells.length === 0) throw new HttpError(422, '没有可记录的资料', 'nothing to record', { preview });
	const changes = new Changes(ctx.store);
	const at = new Date(ctx.config.clock()).toISOString();
	const note = `资料补充表上传：${name} / supplement sheet upload: ${name}`;
	const out: ChangeRecord[] = [];
	let repeated = 0;
	for (const { c, cell } of cells) {
		const r = await changes.record(
			{
				key: cell.key,
				user: me.user.name,
				communityId: c.id,
				town: c.town,
				field: factField(cell.column),
				before: cell.before,
				after: { community_id: c.id, column: cell.column, value: cell.after },
				note
			},
			at
		);
		out.push(r.change);
		if (r.repeated) repeated++;
		else
			await ctx.store.audit({
				user: me.user.name,
				action: 'change',
				target: c.id,
				outcome: 'ok',
				detail: `${r.change.id} ${r.change.field}`
			});
	}
	const answer: SupplementRecorded = {
		preview,
		changes: out,
		recorded: cells.length - repeated,
		repeated
	};
	sendJson(res, repeated === cells.length ? 200 : 201, answer);
	return true;
}
