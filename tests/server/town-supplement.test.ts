// A town uploads its filled 资料补充表 back (issue 22, "can upload corrections for its towns only"), against a real
// server process: the sheet downloaded from the server, filled in with ExcelJS as a town's clerk would; the preview
// records nothing; the confirm records one pending correction per accepted cell; the same confirm sent again records
// none; a row of another town's community is refused naming the row and the community; a value the importer refuses
// is named by sheet, row, column and value; a body over the limit, cut short on the way, or a workbook cut in half is
// refused and records nothing, the server still answering. The recorded changes are the correction form's kind: the
// keeper accepts them and stages them onto the release. Loopback only.
import { request } from 'node:http';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord, SupplementPreview, SupplementRecorded } from '../../src/lib/office/api';
import { TOWN_UPLOAD_BYTES } from '../../server/town-upload';
import {
	Client,
	exampleIds,
	exampleRows,
	newAccount,
	publishExampleLedger
} from '../../scripts/lib/harness/office';
import { officeServers, type OfficeChild } from './process';

const start = officeServers();
let office: OfficeChild;
let keeper: Client;
let chengdong: Client; // 城东街道 (330382001)
let lecheng: Client; // 乐成街道 (330382002)

const NAME = '资料补充表-城东街道.xlsx';
const ids = () => exampleIds('330382001');
/** The example's row of a community, as its CSV has it (read by hand, not through the server). */
const csvRow = (id: string) => exampleRows('communities').find((r) => r.id === id)!;

const path = (name: string, confirm?: string) =>
	`/api/town/supplement?name=${encodeURIComponent(name)}${confirm ? `&confirm=${encodeURIComponent(confirm)}` : ''}`;
const send = (c: Client, bytes: Uint8Array, confirm?: string, name = NAME) =>
	c.request(path(name, confirm), {
		method: 'POST',
		headers: { 'content-type': 'application/octet-stream' },
		body: Buffer.from(bytes)
	});
const changesOf = async (c: Client) =>
	((await (await c.get('/api/changes')).json()) as { changes: ChangeRecord[] }).changes;

/** A town's sheet as the server gives it, opened. */
async function download(c: Client, town: string): Promise<ExcelJS.Workbook> {
	const res = await c.get(`/api/town/supplement?town=${encodeURIComponent(town)}`);
	expect(res.status).toBe(200);
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(await res.arrayBuffer());
	return wb;
}

/** The cell of community `id` under header `header` in the 小区 sheet. */
function cell(sheet: ExcelJS.Worksheet, id: string, header: string): ExcelJS.Cell {
	const headers = (sheet.getRow(1).values as unknown[]).slice(1);
	let at = 0;
	sheet.eachRow((r, n) => {
		if (r.getCell(1).value === id) at = n;
	});
	expect(at, id).toBeGreaterThan(0);
	return sheet.getRow(at).getCell(headers.indexOf(header) + 1);
}

/** POST the upload with a body declaring `declared` bytes and sending `bytes`, then hang up. */
function cutShort(c: Client, bytes: Buffer, declared: number): Promise<void> {
	const cookies = (c as unknown as { cookies: Map<string, string> }).cookies;
	return new Promise((resolve) => {
		const req = request(`${c.base}${path(NAME)}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/octet-stream',
				'content-length': String(declared),
				cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
				'x-csrf-token': c.csrf
			}
		});
		req.on('error', () => resolve());
		req.on('close', () => resolve());
		req.write(bytes, () => setTimeout(() => req.destroy(), 200));
	});
}

const [a, b, c] = ids();
// 满意度 (§三(九)) set to a value the example does not have; 户数 raised by 2 (counted from the CSV by hand)
const satisfaction = csvRow(a!).satisfaction === '88.5' ? 77 : 88.5;
const households = Number(csvRow(b!).households) + 2;
let bytes: Uint8Array;
let theirs: string; // the first community of 乐成街道
let theirRow: number; // its row in 城东街道's sheet

beforeAll(async () => {
	office = await start();
	const admin = await office.admin();
	keeper = await newAccount(admin, 'keeper', 'keeper');
	await publishExampleLedger(keeper);
	chengdong = await newAccount(admin, 'chengdong', 'town', ['城东街道']);
	lecheng = await newAccount(admin, 'lecheng', 'town', ['乐成街道']);

	const book = await download(chengdong, '城东街道');
	const sheet = book.getWorksheet('小区')!;
	cell(sheet, a!, '满意度').value = satisfaction;
	cell(sheet, b!, '户数').value = households;
	// not a 房屋类型 the template lists
	cell(sheet, c!, '房屋类型').value = '别墅';
	// a row of 乐成街道's sheet pasted below: another town's community
	const other = (await download(lecheng, '乐成街道')).getWorksheet('小区')!;
	theirs = exampleIds('330382002')[0]!;
	const values = other.getRow(2).values as ExcelJS.CellValue[];
	expect(values[1]).toBe(theirs);
	sheet.addRow(values.slice(1));
	theirRow = sheet.rowCount;
	bytes = new Uint8Array(await book.xlsx.writeBuffer());
}, 300_000);

describe('a town uploads its filled 资料补充表 (issue 22)', () => {
	let preview: SupplementPreview;

	it('answers a preview and records nothing', async () => {
		const res = await send(chengdong, bytes);
		expect(res.status).toBe(200);
		preview = ((await res.json()) as { preview: SupplementPreview }).preview;
		const cells = preview.communities.flatMap((x) => x.cells.map((y) => [x.id, y.column, y.after]));
		expect(cells).toEqual([
			[a, 'satisfaction', satisfaction],
			[b, 'households', households]
		]);
		const filledBefore = csvRow(a!).satisfaction === '' ? 1 : 0;
		expect(preview.counts).toEqual({ filled: filledBefore, changed: 2 - filledBefore, refused: 2 });
		expect(await changesOf(keeper)).toEqual([]);
	});

	it("refuses another town's row, naming the row and the community", () => {
		const r = preview.refusals.find((x) => x.community === theirs)!;
		expect(r).toMatchObject({ sheet: '小区', row: theirRow });
		// the row is the refusal's own field (the page shows it beside the message, once)
		expect(r.zh).toContain(theirs);
		expect(r.zh).toContain('不属于本账户所辖乡镇');
		expect(r.en).toContain(theirs);
	});

	it('refuses a bad value naming sheet, row, column and value', () => {
		const r = preview.refusals.find((x) => x.community === c)!;
		expect(r).toMatchObject({ sheet: '小区', row: ids().indexOf(c!) + 2, column: '房屋类型', value: '别墅' });
		expect(r.zh.length).toBeGreaterThan(0);
		expect(r.en.length).toBeGreaterThan(0);
	});

	it('records one pending correction per accepted cell on confirm, with the file named in the note', async () => {
		const res = await send(chengdong, bytes, preview.digest);
		expect(res.status).toBe(201);
		const answer = (await res.json()) as SupplementRecorded;
		expect(answer.recorded).toBe(2);
		expect(answer.repeated).toBe(0);
		// recorded at one time: listed by id after it, in no order of the sheet's
		const all = (await changesOf(keeper)).sort((x, y) => x.communityId.localeCompare(y.communityId));
		expect(all.map((x) => [x.communityId, x.field, x.state, x.town, x.user])).toEqual([
			[a, 'communities.satisfaction', 'pending', '城东街道', 'chengdong'],
			[b, 'communities.households', 'pending', '城东街道', 'chengdong']
		]);
		expect(all[1]!.after).toEqual({ community_id: b, column: 'households', value: households });
		expect(Number(all[1]!.before)).toBe(Number(csvRow(b!).households));
		for (const x of all) expect(x.note).toContain(NAME);
		expect(all.some((x) => x.communityId === theirs || x.communityId === c)).toBe(false);
	});

	it('records nothing when the same confirm is sent again', async () => {
		const res = await send(chengdong, bytes, preview.digest);
		expect(res.status).toBe(200);
		const answer = (await res.json()) as SupplementRecorded;
		expect(answer).toMatchObject({ recorded: 0, repeated: 2 });
		expect(await changesOf(keeper)).toHaveLength(2);
	});

	it('refuses a confirm whose digest is not the preview’s, recording nothing', async () => {
		const res = await send(chengdong, bytes, 'not-the-digest');
		expect(res.status).toBe(409);
		expect(((await res.json()) as { preview: SupplementPreview }).preview.digest).toBe(preview.digest);
		expect(await changesOf(keeper)).toHaveLength(2);
	});

	it("reads nothing of another town's sheet for a town account, and is a town account's only", async () => {
		const res = await send(lecheng, bytes);
		expect(res.status).toBe(200);
		const p = ((await res.json()) as { preview: SupplementPreview }).preview;
		expect(p.communities.map((x) => x.id)).toEqual([]);
		// every row of 城东街道 refused, named — 乐成街道's own row unchanged
		expect(p.refusals.map((r) => r.community).sort()).toEqual([...ids()].sort());
		expect((await send(lecheng, bytes, p.digest)).status).toBe(422);
		expect((await send(keeper, bytes)).status).toBe(403);
		expect(await changesOf(keeper)).toHaveLength(2);
	});

	it('refuses a body over the limit, one cut short, and a workbook cut in half, recording nothing', async () => {
		const big = await send(chengdong, new Uint8Array(TOWN_UPLOAD_BYTES + 1));
		expect(big.status).toBe(413);
		expect(((await big.json()) as { error: { zh: string } }).error.zh).toContain('MB');
		await cutShort(chengdong, Buffer.from(bytes.subarray(0, bytes.length >> 1)), bytes.length);
		const half = await send(chengdong, bytes.subarray(0, bytes.length >> 1), undefined, 'half.xlsx');
		expect(half.status).toBe(422);
		const error = ((await half.json()) as { error: { zh: string; en: string } }).error;
		expect(error.zh).toContain('half.xlsx');
		// nothing recorded, and the server still answers
		expect(await changesOf(keeper)).toHaveLength(2);
		expect(office.alive()).toBe(true);
		expect((await chengdong.get('/api/town')).status).toBe(200);
	});

	it('makes changes the keeper reviews and stages as any correction', async () => {
		for (const x of await changesOf(keeper))
			expect((await keeper.post(`/api/changes/${x.id}/review`, { decision: 'accepted' })).status).toBe(200);
		const res = await keeper.post('/api/changes/stage');
		expect(res.status).toBe(200);
		const staged = (await res.json()) as {
			info: { ok: boolean };
			diff: { changed: { id: string; fields: { column: string; after: unknown }[] }[] };
		};
		expect(staged.info.ok).toBe(true);
		const fields = staged.diff.changed.map((x) => [x.id, x.fields.map((f) => [f.column, Number(f.after)])]);
		expect(fields).toEqual(
			expect.arrayContaining([
				[a, [['satisfaction', satisfaction]]],
				[b, [['households', households]]]
			])
		);
	});
});
