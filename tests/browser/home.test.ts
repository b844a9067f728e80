import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YUEQING_2023 } from '../../src/lib/policy';
import { launchBrowser, watchedPage } from './browser';
import { startPreview, type Preview } from './server';

let server: Preview;
let browser: Browser;

beforeAll(async () => {
	server = await startPreview();
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe('home page', () => {
	it('shows the policy summary in Chinese from the policy parameters, offline, without errors', async () => {
		const { page, foreign, errors } = await watchedPage(browser, server.url);
		await page.goto(server.url + '/');
		await expect.poll(() => page.locator('h1').textContent()).toBe('乐清旧改地图');
		const text = await page.locator('main').innerText();
		expect(text).toContain(`${YUEQING_2023.subsidyCapPerM2}元/㎡`);
		expect(text).toContain('乐成街道、城东街道、城南街道');
		mkdirSync('test-results', { recursive: true });
		await page.screenshot({ path: 'test-results/home.png', fullPage: true });
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
	});
});
