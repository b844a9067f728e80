// A town uploads its filled 资料补充表 on /town (issue 22), at 390 px: the sheet downloaded from the server and filled
// in (ExcelJS, as a clerk's Excel would); picked on the page, the preview lists per community each cell before →
// after in the ledger's words, the counts in words (补入 N 项资料，更正 M 项，退回 K 项), the refusal of a bad value
// naming sheet, row, column and value; confirmed, the corrections are listed as 乡镇填报（未审核） and recorded once.
// Screenshots at 390 px and 1400 px in test-results/.
import { mkdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../src/lib/office/api';
import {
	exampleIds,
	exampleRows,
	type Client,
	type Running,
	townOffice
} from '../../scripts/lib/harness/office';
import { launchBrowser, watchedPage } from '../../scripts/lib/harness/browser';
import { logIn } from './office-login';

let run: Running;
let browser: Browser;
let keeper: Client;
let chengdong: Client;
const PHONE = { width: 390, height: 844 };
const NAME = '资料补充表-城东街道.xlsx';

const [a, b] = exampleIds('330382001');
const csvRow = (id: string) => exampleRows('communities').find((r) => r.id === id)!;
const households = Number(csvRow(a!).households) + 5;
let bytes: Buffer;

beforeAll(async () => {
	mkdirSync('test-results', { recursive: true });
	const office = await townOffice({ chengdong: ['城东街道'] });
	({ run, keeper } = office);
	chengdong = office.town.chengdong!;
	// the town's sheet as the server gives it, filled in: 户数 of one community, a 房屋类型 no list has for another
	const res = await chengdong.get(`/api/town/supplement?town=${encodeURIComponent('城东街道')}`);
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(await res.arrayBuffer());
	const sheet = book.getWorksheet('小区')!;
	const headers = (sheet.getRow(1).values as unknown[]).slice(1);
	const rowOf = (id: string) => exampleIds('330382001').indexOf(id) + 2;
	sheet.getRow(rowOf(a!)).getCell(headers.indexOf('户数') + 1).value = households;
	sheet.getRow(rowOf(b!)).getCell(headers.indexOf('房屋类型') + 1).value = '别墅';
	bytes = Buffer.from(await book.xlsx.writeBuffer());
	browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
	await browser?.close();
	await run?.stop();
});

const allChanges = async () =>
	((await (await keeper.get('/api/changes')).json()) as { changes: ChangeRecord[] }).changes;

describe('a town uploads its filled 资料补充表 on /town', () => {
	it('previews, confirms and sees the corrections listed (390 px), recorded once', async () => {
		const town = await watchedPage(browser, run.url, PHONE, { touch: true });
		const page = town.page;
		await logIn(page, run.url, 'chengdong', '/town');
		await page.getByRole('heading', { name: '上传填好的资料补充表' }).waitFor();
		await page.locator('input[name=supplement-file]').setInputFiles({
			name: NAME,
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			buffer: bytes
		});
		const preview = page.getByTestId('supplement-preview');
		await preview.waitFor();
		expect(await page.getByTestId('supplement-counts').textContent()).toContain(
			'补入 0 项资料，更正 1 项，退回 1 项'
		);
		const card = preview.locator(`article[data-community="${a}"]`);
		expect(await card.locator('li[data-column=households]').textContent()).toMatch(
			new RegExp(`户数：\\s*${csvRow(a!).households}\\s*→\\s*${households}`)
		);
		const refused = page.getByTestId('supplement-refusals').locator(`[data-community="${b}"]`);
		const text = (await refused.textContent()) ?? '';
		expect(text).toContain(`「小区」第 ${exampleIds('330382001').indexOf(b!) + 2} 行`);
		expect(text).toContain('房屋类型');
		expect(text).toContain('值“别墅”');
		expect(text).toContain('value "别墅"');
		// nothing recorded by the preview
		expect(await allChanges()).toEqual([]);
		await page.screenshot({ path: 'test-results/town-supplement-preview-390.png', fullPage: true });

		await page.getByRole('button', { name: '确认记录 1 项' }).click();
		await page.getByTestId('supplement-recorded').getByText('已记录 1 项更正').waitFor();
		const listed = page.getByTestId('supplement-changes').locator('[data-change]');
		expect(await listed.count()).toBe(1);
		expect(await listed.first().getAttribute('data-state')).toBe('pending');
		await listed.first().getByText('乡镇填报（未审核）').waitFor();
		await listed.first().getByText(`“户数”：${households}`).waitFor();
		await listed.first().getByText(NAME, { exact: false }).waitFor();
		await page.screenshot({ path: 'test-results/town-supplement-recorded-390.png', fullPage: true });
		const changes = await allChanges();
		expect(changes.map((c) => [c.communityId, c.field, c.state])).toEqual([
			[a, 'communities.households', 'pending']
		]);

		// the same file again: previewed alike, and its confirm records nothing twice
		await page.getByRole('button', { name: '再上传一份' }).click();
		await page.locator('input[name=supplement-file]').setInputFiles({
			name: NAME,
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			buffer: bytes
		});
		await page.getByRole('button', { name: '确认记录 1 项' }).click();
		await page
			.getByTestId('supplement-recorded')
			.getByText(/1 项此前已记录，未重复记录/)
			.waitFor();
		expect(await allChanges()).toHaveLength(1);
		expect(town.foreign).toEqual([]);
		expect(town.errors).toEqual([]);
		await town.context.close();
	});

	it('shows the preview at 1400 px', async () => {
		const desk = await watchedPage(browser, run.url);
		await logIn(desk.page, run.url, 'chengdong', '/town');
		await desk.page.locator('input[name=supplement-file]').setInputFiles({
			name: NAME,
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			buffer: bytes
		});
		await desk.page.getByTestId('supplement-preview').waitFor();
		await desk.page.screenshot({ path: 'test-results/town-supplement-preview-1400.png', fullPage: true });
		expect(desk.errors).toEqual([]);
		await desk.context.close();
	});
});
