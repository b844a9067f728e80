// Conflicts between a keeper's upload and what a town recorded (issue 22), on /admin at 1400 px (and looked at at
// 390 px): a town's scheme vote was accepted and published; the keeper uploads the whole ledger again, without it.
// The staged release shows the conflict table (the town's value, the upload's: absent), publishing waits; keeping
// the town's makes a new release that carries the vote and publishes; a second upload's conflict decided for the
// upload marks the change 已被上传替代 on the community page and in the town's list. Screenshots in test-results/.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../src/lib/office/api';
import { accounts, Client, PASSWORD, startOffice, type Running } from '../../scripts/lib/harness/office';
import { launchBrowser, watchedPage } from '../../scripts/lib/harness/browser';
import { logIn } from './office-login';

let run: Running;
let browser: Browser;
let keeper: Client;
let town: Client;
let vote: ChangeRecord;
const DESKTOP = { width: 1400, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The example's first community of 城东街道, from its CSV (read by hand). */
const [header, ...rows] = readFileSync('data/example/communities.csv', 'utf8').trim().split('\n');
const ours = rows
	.map((r) => r.split(','))
	.find((r) => r[header!.split(',').indexOf('town_code')] === '330382001')![0]!;

const ledger = () =>
	readdirSync('data/example')
		.filter((f) => f.endsWith('.csv'))
		.map((name) => ({ name, bytes: readFileSync(join('data/example', name), 'utf8') }));

/** The whole example ledger uploaded by the keeper (through the API): the staged release's id. */
async function upload(): Promise<string> {
	const staged = (await (await keeper.upload(ledger())).json()) as { info: { id: string; ok: boolean } };
	expect(staged.info.ok).toBe(true);
	return staged.info.id;
}

beforeAll(async () => {
	mkdirSync('test-results', { recursive: true });
	run = await startOffice('build', { exampleDataDir: 'build/data' });
	let admin: Client;
	({ keeper, admin } = await accounts(run));
	const first = await upload();
	expect((await keeper.post(`/api/releases/${first}/publish`, { base: null })).status).toBe(200);
	const { password } = (await (
		await admin.post('/api/users', { name: 'chengdong', role: 'town', towns: ['城东街道'] })
	).json()) as { password: string };
	town = new Client(run.url);
	await town.login('chengdong', password);
	await town.post('/api/password', { current: password, next: PASSWORD });
	await town.login('chengdong', PASSWORD);
	const res = await town.post('/api/changes', {
		key: 'browser-conflict-vote',
		communityId: ours,
		vote: {
			kind: 'scheme',
			date: '2026-12-01',
			participating_owners: '80',
			participating_area: '11000',
			agree_owners: '70',
			agree_area: '9500'
		}
	});
	expect(res.status).toBe(201);
	vote = ((await res.json()) as { change: ChangeRecord }).change;
	expect((await keeper.post(`/api/changes/${vote.id}/review`, { decision: 'accepted' })).status).toBe(200);
	const staged = (await (await keeper.post('/api/changes/stage')).json()) as {
		info: { id: string; base: string };
	};
	expect(
		(await keeper.post(`/api/releases/${staged.info.id}/publish`, { base: staged.info.base })).status
	).toBe(200);
	browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
	await browser?.close();
	await run?.stop();
});

/** Open release `id` on /admin (its row's 查看 in the list of releases). */
async function view(page: Page, id: string) {
	await page.locator('tr', { hasText: id }).getByRole('button', { name: '查看' }).click();
	await page.getByRole('heading', { name: new RegExp(`待发布版本 ${id}`) }).waitFor();
}

describe('an upload that drops a town’s vote: the keeper chooses (1400 px)', () => {
	it('shows the conflict, holds publishing, and keeping the town’s makes a release that carries the vote', async () => {
		const dropped = await upload();
		const k = await watchedPage(browser, run.url, DESKTOP);
		await logIn(k.page, run.url, 'keeper', '/admin');
		await view(k.page, dropped);
		const table = k.page.getByTestId('conflicts');
		await table.getByRole('heading', { name: '与乡镇填报的冲突 1 处' }).waitFor();
		const row = table.locator(`tr[data-conflict="${vote.id}"]`);
		const cells = await row.locator('td').allTextContents();
		expect(cells[0]).toContain(ours);
		expect(cells[1]).toContain('城东街道 · chengdong');
		expect(cells[1]).toContain('方案表决');
		expect(cells[2]).toBe('参与 80 户 / 11000 ㎡，同意 70 户 / 9500 ㎡（2026-12-01）');
		expect(cells[3]).toContain('无（上传文件中没有）');
		// publishing waits until it is decided
		expect(await k.page.getByRole('button', { name: '发布', exact: true }).isDisabled()).toBe(true);
		await k.page.getByTestId('conflicts-open').getByText('尚有 1 处冲突未处理').waitFor();
		const apply = table.getByRole('button', { name: /按所选处理/ });
		expect(await apply.isDisabled()).toBe(true);
		await row.getByLabel('保留乡镇填报').check();
		await table.screenshot({ path: 'test-results/town-conflicts-table-1400.png' });
		await k.page.screenshot({ path: 'test-results/town-conflicts-1400.png', fullPage: true });
		await k.page.setViewportSize(PHONE);
		await k.page.screenshot({ path: 'test-results/town-conflicts-390.png', fullPage: true });
		await k.page.setViewportSize(DESKTOP);
		await apply.click();
		// the new release: the upload's data with the vote replayed, no conflict left, and publishable
		await k.page
			.getByTestId('release-changes')
			.locator(`[data-change="${vote.id}"]`)
			.waitFor({ timeout: 180_000 });
		const heading = await k.page.getByRole('heading', { name: /待发布版本/ }).textContent();
		expect(heading).not.toContain(dropped);
		expect(await k.page.getByTestId('conflicts').count()).toBe(0);
		await k.page.getByRole('button', { name: '发布', exact: true }).click();
		await k.page.getByText(/已发布：/).waitFor();
		const res = await keeper.post('/api/query', {
			sql: `SELECT count(*)::INT AS n FROM votes WHERE community_id = '${ours}' AND date = DATE '2026-12-01' AND agree_owners = 70`
		});
		expect(res.status).toBe(200);
		expect(
			tableFromIPC(new Uint8Array(await res.arrayBuffer()))
				.getChild('n')
				?.get(0)
		).toBe(1);
		expect(k.errors).toEqual([]);
		expect(k.foreign).toEqual([]);
		await k.context.close();
	}, 300_000);

	it('taking the upload’s lets it publish and shows the change 已被上传替代 on the community page and to the town', async () => {
		const dropped = await upload();
		const k = await watchedPage(browser, run.url, DESKTOP);
		await logIn(k.page, run.url, 'keeper', '/admin');
		await view(k.page, dropped);
		const table = k.page.getByTestId('conflicts');
		const row = table.locator(`tr[data-conflict="${vote.id}"]`);
		await row.getByLabel('采用上传文件').check();
		await table.getByRole('button', { name: '按所选处理（1 条）' }).click();
		await row.getByText('已采用上传文件').waitFor();
		await table.screenshot({ path: 'test-results/town-conflicts-taken-1400.png' });
		await k.page.getByRole('button', { name: '发布', exact: true }).click();
		await k.page.getByText(`已发布：${dropped}`).waitFor();
		// the audit log names the decision in Chinese
		await k.page.getByText(`采用上传文件的数值，替代乡镇填报（版本 ${dropped}）`).first().waitFor();
		await k.page.goto(`${run.url}/community/${ours}`);
		const history = k.page.getByTestId('change-history');
		await history.locator(`[data-change="${vote.id}"][data-state="superseded"]`).waitFor({ timeout: 60_000 });
		await history.getByText('已被上传替代', { exact: true }).waitFor();
		await history.getByText(new RegExp(`keeper 选择采用上传文件.*版本 ${dropped}`)).waitFor();
		expect(k.errors).toEqual([]);
		await k.context.close();

		const t = await watchedPage(browser, run.url, PHONE, { touch: true });
		await logIn(t.page, run.url, 'chengdong', '/town');
		await t.page.getByRole('combobox', { name: '选择小区' }).selectOption(ours);
		await t.page.getByTestId('town-history').getByText('已被上传替代', { exact: true }).waitFor();
		await t.page.screenshot({ path: 'test-results/town-conflicts-town-list-390.png', fullPage: true });
		expect(t.errors).toEqual([]);
		await t.context.close();
	}, 300_000);
});
