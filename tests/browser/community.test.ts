import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communitySql } from '../../src/lib/filter/queries';
import type { Manifest } from '../../src/lib/files/manifest';
import type { FundRow, StageEventRow, TownRow, VoteRow, WorksRow } from '../../src/lib/schema/rows';
import { eligibilityInputOf, fundingInputOf } from '../../src/lib/verdict/status';
import { date, yuan } from '../../src/lib/i18n/format';
import {
	approvalPath,
	assessEligibility,
	assessVote,
	computeFunding,
	publicityWindow,
	stageIndex,
	YUEQING_2023
} from '../../src/lib/policy';
import { axeViolations } from './axe';
import { watchedPage } from '../../scripts/lib/harness/browser';
import type { Preview } from '../../scripts/lib/harness/site-server';
import { closeSite, openSite } from './site';
import { countColours } from './pixels';
import { directSql } from './sql';

let server: Preview;
let browser: Browser;

beforeAll(async () => {
	({ server, browser } = await openSite());
});

afterAll(() => closeSite({ server, browser }));

/** Text as a reader sees it: runs of white space as one space. */
const text = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('the community page /community/[id]', () => {
	it('shows the engine’s numbers: funding breakdown, vote tests and shortfall, next step and its department', async () => {
		// a community whose scheme vote fell short, so every section has something to say
		const [target] = await directSql<{ id: string }>(
			`SELECT id FROM community_view WHERE scheme_vote = 'short' ORDER BY id LIMIT 1`
		);
		const id = target!.id;
		const sql = communitySql(id);
		const [community] = await directSql<{ building_area: number; garage_area: number | null }>(sql.community);
		const works = await directSql<WorksRow>(sql.works);
		const funds = await directSql<FundRow>(sql.funds);
		const votes = await directSql<VoteRow>(sql.votes);
		const funding = computeFunding(
			fundingInputOf({ community: community as never, works, funds }).input,
			YUEQING_2023
		);

		const { page, foreign, errors } = await watchedPage(browser, server.url);
		await page.goto(`${server.url}/community/${id}`);
		await page.waitForSelector('[data-testid="funding"]', { timeout: 90_000 });
		await page.waitForSelector('.locator[data-map-idle="true"]', { timeout: 60_000 });
		const shot = await page.screenshot({ path: 'test-results/community.png', fullPage: true });
		const [marker] = countColours(shot, [[214, 69, 69]]);
		expect(marker, 'the locator map shows the community').toBeGreaterThan(20);

		const money = async (key: string) => (await page.textContent(`[data-money="${key}"]`))?.trim();
		expect(await money('total')).toBe(yuan(funding.total));
		expect(await money('subsidy')).toBe(yuan(funding.subsidy));
		expect(await money('cap')).toBe(yuan(funding.subsidyCap!));
		expect(await money('excess')).toBe(yuan(funding.residentExcess));
		expect(await money('resident')).toBe(yuan(funding.residentTotal));

		const scheme = votes.filter((v) => v.kind === 'scheme').at(-1)!;
		const verdict = assessVote(
			{
				totalOwners: scheme.total_owners,
				totalArea: scheme.total_area,
				participatingOwners: scheme.participating_owners,
				participatingArea: scheme.participating_area,
				agreeOwners: scheme.agree_owners,
				agreeArea: scheme.agree_area
			},
			YUEQING_2023
		);
		expect(verdict.passed).toBe(false);
		const card = page.locator('[data-vote="scheme"]');
		expect(await card.locator('[data-passed]').getAttribute('data-passed')).toBe('false');
		for (const [test, ok] of Object.entries({
			'participation-area': verdict.tests.participationArea,
			'participation-owners': verdict.tests.participationOwners,
			'approval-area': verdict.tests.approvalArea,
			'approval-owners': verdict.tests.approvalOwners
		})) {
			expect(await card.locator(`[data-test="${test}"] td:last-child`).textContent(), test).toBe(
				ok ? '✓' : '✗'
			);
		}
		// §三(一) 还差: the fewest owners to win over, non-voters and dissenters, as the engine says
		const { nonVoters, dissenters } = verdict.winOver;
		const shortfall = text(await card.locator('[data-testid="shortfall"]').textContent());
		expect(shortfall).toContain(`还差 ${nonVoters.owners + dissenters.owners} 户：`);
		if (nonVoters.owners > 0) expect(shortfall).toContain(`${nonVoters.owners} 户未投票的业主参与并同意`);
		if (dissenters.owners > 0) expect(shortfall).toContain(`${dissenters.owners} 户未同意的业主改为同意`);
		expect(await page.textContent('[data-testid="eligibility"]')).toContain('§二(一)');
		expect(await page.textContent('[data-testid="next-step"]')).toMatch(/责任单位/);
		// §四(四): the approval path by total investment (lifts included); §三(三): the publicity's earliest end
		expect(await page.getAttribute('[data-testid="approval-path"]', 'data-path')).toBe(
			approvalPath(funding.total + funding.elevator, YUEQING_2023)
		);
		const stages = await directSql<StageEventRow>(sql.stages);
		const last = stages.sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage)).at(-1)!;
		const publicity = page.locator('[data-testid="publicity-end"]');
		if (last.stage === 'publicity') {
			expect(text(await publicity.textContent())).toContain(
				date(publicityWindow(last.date, YUEQING_2023).end)
			);
		} else expect(await publicity.count()).toBe(0);
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});

	it('reads in English with ?lang=en: the engine’s reasons, stage, department and money', async () => {
		const [target] = await directSql<{ id: string }>(
			`SELECT id FROM community_view WHERE eligibility = 'eligible-priority' AND stage NOT IN ('none', 'post-evaluation') ORDER BY id LIMIT 1`
		);
		const id = target!.id;
		const sql = communitySql(id);
		const [community] = await directSql<Parameters<typeof eligibilityInputOf>[0] & { town_code: string }>(
			sql.community
		);
		const [town] = await directSql<TownRow>(`SELECT * FROM towns WHERE code = '${community!.town_code}'`);
		const manifest = JSON.parse(readFileSync('static/data/manifest.json', 'utf8')) as Manifest;
		const verdict = assessEligibility(eligibilityInputOf(community!, town!, manifest.asOf), YUEQING_2023);
		const works = await directSql<WorksRow>(sql.works);
		const funds = await directSql<FundRow>(sql.funds);
		const funding = computeFunding(
			fundingInputOf({ community: community as never, works, funds }).input,
			YUEQING_2023
		);

		const { page, foreign, errors } = await watchedPage(browser, server.url);
		await page.goto(`${server.url}/community/${id}?lang=en`);
		await page.waitForSelector('[data-testid="funding"]', { timeout: 90_000 });
		await page.waitForSelector('.locator[data-map-idle="true"]', { timeout: 60_000 });
		await page.screenshot({ path: 'test-results/community-en.png', fullPage: true });
		expect(text(await page.textContent('[data-testid="eligibility"] .verdict'))).toBe(
			'Eligible (city centre: goes first)'
		);
		const reasons = await page.$$eval('[data-testid="eligibility"] li', (els) =>
			els.map((e) => e.firstChild?.textContent)
		);
		expect(reasons).toEqual(verdict.reasons.map((r) => r.en));
		expect((await page.textContent('[data-money="total"]'))?.trim()).toBe(yuan(funding.total, 'en'));
		const next = text(await page.textContent('[data-testid="next-step"]'));
		expect(next).toMatch(/^Next step: [a-z]/);
		expect(next).not.toMatch(/[\u4e00-\u9fff]{2,}（/);
		expect(await page.textContent('nav a')).toBe('← Back to the overview');
		const violations = await axeViolations(page, ['.locator']);
		expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});

	it('shows the page whole with every .wasm withheld: the community file, the engine in JS, no DuckDB', async () => {
		// a community with works, votes and funds and a next step, so every section has rows to show
		const [target] = await directSql<{ id: string }>(
			`SELECT id FROM community_view WHERE scheme_vote = 'passed' AND stage NOT IN ('none', 'post-evaluation') ORDER BY id LIMIT 1`
		);
		const id = target!.id;
		const sql = communitySql(id);
		const [community] = await directSql<{ building_area: number; garage_area: number | null }>(sql.community);
		const works = await directSql<WorksRow>(sql.works);
		const funds = await directSql<FundRow>(sql.funds);
		const funding = computeFunding(
			fundingInputOf({ community: community as never, works, funds }).input,
			YUEQING_2023
		);
		const w = await watchedPage(browser, server.url);
		const withheld: string[] = [];
		const fetched: string[] = [];
		await w.context.route('**/*.wasm', (route) => {
			withheld.push(route.request().url());
			return route.abort();
		});
		w.page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
		await w.page.goto(`${server.url}/community/${id}`);
		await w.page.waitForSelector('[data-testid="funding"]', { timeout: 60_000 });
		await w.page.waitForSelector('.locator[data-map-idle="true"]', { timeout: 60_000 });
		for (const section of ['eligibility', 'votes', 'funding', 'stages', 'next-step', 'locator'])
			expect(await w.page.locator(`[data-testid="${section}"]`).count(), section).toBe(1);
		expect((await w.page.textContent('[data-money="total"]'))?.trim()).toBe(yuan(funding.total));
		expect((await w.page.textContent('[data-money="subsidy"]'))?.trim()).toBe(yuan(funding.subsidy));
		expect(await w.page.locator('[data-vote="scheme"] [data-passed]').getAttribute('data-passed')).toBe(
			'true'
		);
		expect(withheld, 'no .wasm asked for').toEqual([]);
		expect(
			fetched.filter((f) => f.endsWith('.parquet')),
			'no table loaded'
		).toEqual([]);
		expect(fetched.filter((f) => f.includes('/data/community/'))).toHaveLength(1);
		expect(w.foreign).toEqual([]);
		expect(w.errors).toEqual([]);
		await w.context.close();
	});

	it('says so when the id is unknown', async () => {
		const { page, errors } = await watchedPage(browser, server.url);
		await page.goto(`${server.url}/community/NOPE-1`);
		await page.waitForSelector('[role="alert"]', { timeout: 90_000 });
		expect(await page.textContent('[role="alert"]')).toContain('找不到编号为「NOPE-1」的小区');
		expect(errors).toEqual([]);
	});
});
