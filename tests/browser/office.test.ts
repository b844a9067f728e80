// The office server in the browser (issue 14, "Done when"): a keeper logs in, uploads a workbook's files, reads the
// report and diff, publishes; a viewer's open page is told and, reloaded, shows the new community; the keeper rolls
// back and it is gone again; the audit log lists all of it. Screenshots at 1280 and 390 px wide.
import { mkdirSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, Client, exampleFiles, startOffice, type Running } from '../../scripts/lib/harness/office';
import { launchBrowser, watchedPage } from '../../scripts/lib/harness/browser';
import { logIn } from './office-login';

let run: Running;
let browser: Browser;
let keeper: Client;
let admin: Client;
let baseline: string;

const NEW_ID = 'YQ999999';
const NEW_NAME = '测试新建小区';

beforeAll(async () => {
	mkdirSync('test-results', { recursive: true });
	run = await startOffice('build', { exampleDataDir: 'build/data' });
	({ keeper, admin } = await accounts(run));
	// the release in force before the test: the example as uploaded by a keeper
	const staged = (await (await keeper.upload(exampleFiles((rows) => rows))).json()) as {
		info: { id: string };
	};
	baseline = staged.info.id;
	expect((await keeper.post(`/api/releases/${baseline}/publish`, { base: null })).status).toBe(200);
	browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
	await browser?.close();
	await run?.stop();
});

/** The example's files with one more community, as a keeper's ledger would add it. */
function withNewCommunity() {
	return exampleFiles((rows) => {
		const last = rows[rows.length - 1]!;
		return [
			...rows,
			{
				...last,
				id: NEW_ID,
				name: NEW_NAME,
				address: '乐清市测试路1号',
				lon: String(Number(last.lon) + 0.02)
			}
		];
	});
}

describe('publishing from the browser', () => {
	it('keeper uploads → report and diff → publish; a viewer is told; roll back; the audit log lists it', async () => {
		const viewer = await watchedPage(browser, run.url);
		await logIn(viewer.page, run.url, 'viewer', '/');
		await viewer.page.waitForSelector('canvas', { timeout: 60_000 });

		const k = await watchedPage(browser, run.url, { width: 1280, height: 900 });
		await logIn(k.page, run.url, 'keeper', '/admin');
		await k.page.getByRole('heading', { name: '数据发布' }).waitFor();
		const files = withNewCommunity().map((f) => ({
			name: f.name,
			mimeType: 'text/csv',
			buffer: Buffer.from(f.bytes)
		}));
		await k.page.getByLabel('上传新数据').setInputFiles(files);
		await k.page.getByRole('button', { name: '上传并校验' }).click();
		await k.page.getByText('校验通过').waitFor({ timeout: 180_000 });
		await expect.poll(() => k.page.getByText('新增 1，变更 0，删除 0').count()).toBe(1);
		await expect.poll(() => k.page.getByText(`${NEW_ID} ${NEW_NAME}`).count()).toBe(1);
		await k.page.screenshot({ path: 'test-results/office-admin-staged.png', fullPage: true });
		await k.page.getByRole('button', { name: '发布' }).click();
		await k.page.getByText(/已发布：/).waitFor();

		// the viewer's open page learns of it, and after reloading finds the new community
		await viewer.page.getByText('数据已更新，刷新查看').waitFor({ timeout: 30_000 });
		await viewer.page.screenshot({ path: 'test-results/office-viewer-prompt.png' });
		await viewer.page.getByRole('button', { name: '刷新' }).click();
		await viewer.page.goto(`${run.url}/community/${NEW_ID}`);
		await viewer.page.getByText(NEW_NAME).first().waitFor({ timeout: 60_000 });

		// roll back to the baseline: the community is gone again
		await k.page
			.getByRole('row', { name: new RegExp(baseline) })
			.getByRole('button', { name: '查看' })
			.click();
		await k.page.getByRole('button', { name: '回滚到此版本' }).click();
		await k.page.getByText(`已发布：${baseline}`).waitFor();
		await viewer.page.getByText('数据已更新，刷新查看').waitFor({ timeout: 30_000 });
		const res = await keeper.post('/api/query', {
			sql: `SELECT count(*)::INTEGER AS n FROM community_view WHERE id = '${NEW_ID}'`
		});
		expect(
			tableFromIPC(new Uint8Array(await res.arrayBuffer()))
				.toArray()[0]!
				.toJSON().n
		).toBe(0);
		const anon = new Client(run.url);
		expect((await anon.get('/data/communities.parquet')).status).toBe(401);

		await k.page.reload();
		const audit = k.page.locator('section', { has: k.page.getByRole('heading', { name: '操作日志' }) });
		// the log loads its own page of entries (newest first, 50 a page)
		await audit.locator('[data-total]').waitFor({ timeout: 30_000 });
		// in words (回滚, 发布, 上传校验), the server's codes kept as data-action
		// (the reloaded page fetches the log: allow a loaded machine its time)
		await expect
			.poll(() => audit.getByRole('cell', { name: '回滚', exact: true }).count(), { timeout: 30_000 })
			.toBe(1);
		expect(await audit.locator('[data-action="rollback"]').count()).toBe(1);
		expect(await audit.getByRole('cell', { name: '发布', exact: true }).count()).toBeGreaterThanOrEqual(2);
		expect(await audit.getByRole('cell', { name: '上传校验', exact: true }).count()).toBeGreaterThanOrEqual(
			2
		);
		// the details in Chinese first, the stored English beside (issue 20): a rollback names the release before, a
		// login where it came from
		const detail = audit
			.locator('[data-action="rollback"]')
			.locator('xpath=..')
			.locator('[data-testid="audit-detail"]');
		expect(await detail.textContent()).toMatch(/^此前为 .+ \/ from /);
		expect(
			await audit.locator('[data-testid="audit-detail"]', { hasText: /^来自 / }).count()
		).toBeGreaterThanOrEqual(1);
		await k.page.screenshot({ path: 'test-results/office-admin-audit.png', fullPage: true });
		expect(k.foreign).toEqual([]);
		expect(viewer.foreign).toEqual([]);
	}, 400_000);

	it('with ?engine=server the map’s figures come from the query door, without DuckDB-WASM in the tab', async () => {
		const v = await watchedPage(browser, run.url);
		const wasm: string[] = [];
		v.page.on('request', (r) => {
			if (/duckdb-(eh|mvp).*\.wasm/.test(r.url())) wasm.push(`${v.page.url()} ${r.url()}`);
		});
		await logIn(v.page, run.url, 'viewer', '/?engine=server');
		await v.page.getByText('724个').first().waitFor({ timeout: 60_000 });
		await v.page.getByText('乐成街道').first().waitFor();
		await v.page.screenshot({ path: 'test-results/office-engine-server.png' });
		expect(wasm).toEqual([]);
		expect(v.errors).toEqual([]);
	}, 120_000);

	it('a keeper sees their upload’s place in the validation queue, at 1280 and 390 px (issue 21)', async () => {
		// Another upload is validating (the server validates one at a time): a ledger of the example's communities
		// 60 times over (~43k), so that its validation outlasts a keeper's login and upload on a quiet machine too
		// (with the example alone it could end first, and then nothing waited in line).
		const blocking = () =>
			admin.upload(
				exampleFiles((rows) =>
					Array.from({ length: 60 }, (_, k) =>
						rows.map((r) => ({
							...r,
							id: `${r.id}${String(k).padStart(2, '0')}`,
							name: `${r.name}${k}`,
							address: `${r.address}${k}`
						}))
					).flat()
				)
			);
		const running = async () =>
			((await (await keeper.get('/api/validations')).json()) as { validations: unknown[] }).validations
				.length;
		const uploads: Promise<{ status: number }>[] = [];
		const files = withNewCommunity().map((f) => ({
			name: f.name,
			mimeType: 'text/csv',
			buffer: Buffer.from(f.bytes)
		}));
		const pages = [];
		for (const viewport of [
			{ width: 1280, height: 900 },
			{ width: 390, height: 844 }
		]) {
			const k = await watchedPage(browser, run.url, viewport);
			await logIn(k.page, run.url, 'keeper', '/admin');
			uploads.push(blocking());
			await expect.poll(running, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
			await k.page.getByLabel('上传新数据').setInputFiles(files);
			await k.page.getByRole('button', { name: '上传并校验' }).click();
			// in line behind the running one (and, for the phone, behind the first page's and the second blocking upload)
			await k.page.getByText(/排队等待校验：第 [123] 位/).waitFor({ timeout: 60_000 });
			await k.page.screenshot({ path: `test-results/office-admin-queued-${viewport.width}.png` });
			expect(await k.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(
				false
			);
			pages.push(k);
		}
		// each validated in its turn, the place gone
		for (const k of pages) {
			await k.page.getByText('校验通过').waitFor({ timeout: 300_000 });
			expect(await k.page.getByText(/排队等待校验/).count()).toBe(0);
			expect(k.errors).toEqual([]);
			expect(k.foreign).toEqual([]);
		}
		for (const u of uploads) expect((await u).status).toBe(200);
	}, 900_000);

	it('the login and releases pages fit a 390 px phone', async () => {
		const phone = await watchedPage(browser, run.url, { width: 390, height: 844 });
		await phone.page.goto(`${run.url}/login`);
		await phone.page.getByLabel('用户名').waitFor();
		await phone.page.screenshot({ path: 'test-results/office-login-390.png', fullPage: true });
		const overflow = await phone.page.evaluate(
			() => document.documentElement.scrollWidth > window.innerWidth
		);
		expect(overflow).toBe(false);
		await logIn(phone.page, run.url, 'keeper', '/admin');
		await phone.page.getByRole('heading', { name: '全部版本' }).waitFor();
		await phone.page.getByRole('cell', { name: '回滚', exact: true }).waitFor();
		await phone.page.screenshot({ path: 'test-results/office-admin-390.png', fullPage: true });
		expect(await phone.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(
			false
		);
	}, 120_000);
});
