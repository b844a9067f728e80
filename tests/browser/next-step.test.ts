// §三(一)/§三(三): after a failed vote the next step is to organise the vote again — on the community page (with
// what is still needed) and on the public card (that the vote did not pass, in public words) — never the next stage.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communitySql } from '../../src/lib/filter/queries';
import type { VoteRow } from '../../src/lib/schema/rows';
import { assessVote, worksItem, YUEQING_2023 } from '../../src/lib/policy';
import { watchedPage } from '../../scripts/lib/harness/browser';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { closeSite, openSite } from './site';
import { directSql } from './sql';

let server: Preview;
let browser: Browser;

beforeAll(async () => {
	({ server, browser } = await openSite());
});

afterAll(() => closeSite({ server, browser }));

const text = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

async function shortfallOf(id: string, kind: VoteRow['kind']) {
	const vote = (await directSql<VoteRow>(communitySql(id).votes)).filter((v) => v.kind === kind).at(-1)!;
	const verdict = assessVote(
		{
			totalOwners: vote.total_owners,
			totalArea: vote.total_area,
			participatingOwners: vote.participating_owners,
			participatingArea: vote.participating_area,
			agreeOwners: vote.agree_owners,
			agreeArea: vote.agree_area,
			kind
		},
		YUEQING_2023
	);
	expect(verdict.passed, `${id} ${kind} vote`).toBe(false);
	const { nonVoters, dissenters } = verdict.winOver;
	return { owners: nonVoters.owners + dissenters.owners, area: nonVoters.area + dissenters.area };
}

describe('a failed vote’s next step (§三(一), §三(三))', () => {
	const cases = [
		{
			id: 'YQ000213',
			kind: 'application',
			failed: '申请表决未通过',
			step: '重新组织申请表决',
			wrong: '改造申请与资金筹集'
		},
		{ id: 'YQ000380', kind: 'scheme', failed: '方案表决未通过', step: '重新组织方案表决', wrong: '项目申报' }
	] as const;

	for (const c of cases) {
		it(`${c.kind === 'application' ? '§三(一)' : '§三(三)'}: /community/${c.id} says to vote again, with what is still needed`, async () => {
			const shortfall = await shortfallOf(c.id, c.kind);
			const { page, foreign, errors } = await watchedPage(browser, server.url);
			await page.goto(`${server.url}/community/${c.id}`);
			const next = page.locator('[data-testid="next-step"]');
			await next.waitFor({ timeout: 90_000 });
			await page.waitForSelector('.locator[data-map-idle="true"]', { timeout: 60_000 });
			await page.screenshot({ path: `test-results/next-step-${c.id}.png`, fullPage: true });
			const said = text(await next.textContent());
			expect(said).toContain(c.failed);
			expect(said).toContain(`下一步：${c.step}`);
			expect(said).not.toContain(c.wrong);
			expect(said).toContain(`${shortfall.owners} 户`);
			expect(await next.getAttribute('data-action')).toBe('revote');
			expect(foreign).toEqual([]);
			expect(errors).toEqual([]);
		});

		it(`${c.kind === 'application' ? '§三(一)' : '§三(三)'}: the public card of ${c.id} says the vote did not pass and gives the same step`, async () => {
			const { page, foreign, errors } = await watchedPage(browser, server.url, { width: 390, height: 844 });
			await page.goto(`${server.url}/progress?id=${c.id}`);
			const card = page.locator('[data-testid="card"]');
			await card.locator('[data-testid="card-next"]').waitFor({ timeout: 90_000 });
			await card.screenshot({ path: `test-results/next-step-card-${c.id}.png` });
			expect(text(await card.locator('[data-testid="card-vote-failed"]').textContent())).toContain(
				c.kind === 'application' ? '申请表决未通过' : '方案表决未通过'
			);
			const next = text(await card.locator('[data-testid="card-next"]').textContent());
			expect(next).toContain(c.step);
			expect(next).not.toContain(c.wrong);
			// public words only: no tallies, no shortfall
			expect(text(await card.textContent())).not.toMatch(/还差|户、/);
			expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
			expect(foreign).toEqual([]);
			expect(errors).toEqual([]);
		});
	}

	it('§三(一): in English the community page says the vote failed and what to do', async () => {
		const { page, errors } = await watchedPage(browser, server.url);
		await page.goto(`${server.url}/community/YQ000213?lang=en`);
		const next = page.locator('[data-testid="next-step"]');
		await next.waitFor({ timeout: 90_000 });
		const said = text(await next.textContent());
		expect(said).toContain('The application vote did not pass');
		expect(said).toContain('Next step: organise the application vote again');
		// Chinese only in the clause number (§三(一))
		expect(said).not.toMatch(/[\u4e00-\u9fff]{2,}/);
		expect(errors).toEqual([]);
	});

	it('附件1: in English the works items are named in English, on the community page and the public card', async () => {
		const cjk = /[\u4e00-\u9fff]/;
		const works = await directSql<{ item_id: string }>(communitySql('YQ000213').works);
		const expected = works.map((w) => worksItem(w.item_id)!.en);
		expect(expected.length).toBeGreaterThan(3);
		const { page, errors } = await watchedPage(browser, server.url);
		await page.goto(`${server.url}/community/YQ000213?lang=en`);
		await page.locator('[data-testid="works"] table').first().waitFor({ timeout: 90_000 });
		const cells = (
			await page.$$eval('[data-testid="works"] td:nth-child(2)', (els) => els.map((e) => e.textContent ?? ''))
		).map(text);
		expect(cells).toHaveLength(expected.length);
		for (const c of cells) expect(c).not.toMatch(cjk);
		for (const en of expected)
			expect(
				cells.some((c) => c.endsWith(en)),
				en
			).toBe(true);

		await page.goto(`${server.url}/progress?id=YQ000213&lang=en`);
		const list = page.locator('[data-testid="card"] .works');
		await list.waitFor({ timeout: 90_000 });
		const said = text(await list.textContent());
		expect(said).not.toMatch(cjk);
		for (const en of expected) expect(said).toContain(en);
		expect(said).not.toContain('(1 items)');
		await page.locator('[data-testid="card"]').screenshot({ path: 'test-results/next-step-card-en.png' });
		expect(errors).toEqual([]);
	});
});
